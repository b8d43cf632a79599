import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { installErrorHandler } from './error-handler.ts';
import { installNfcGuard } from './nfc.ts';
import { installSecurityHeaders } from './security-headers.ts';
import type { App } from './types.ts';
import { registerModules } from './modules.ts';
import { installAuth } from '../../modules/auth/auth.plugin.ts';

/**
 * Builds the HTTP application: validation (zod) → authentication (session) → one use case → presenter.
 * Logs are JSON; the request serializer keeps method and path only, so no query token, cookie,
 * password or document text ever reaches a log line.
 */
/**
 * The path as a log line may show it: no query string, and no secret carried in the path itself (the
 * iCalendar feeds' tokens, `/api/schedule/ical/<token>`, are working credentials).
 */
export function loggedPath(url: string): string {
  return url.split('?')[0]!.replace(/^(\/api\/schedule\/ical\/)[^/]+/, '$1…');
}

export async function buildApp(ctx: AppContext, { logStream }: { logStream?: NodeJS.WritableStream } = {}): Promise<App> {
  const app = Fastify({
    logger: {
      level: ctx.config.logLevel,
      ...(logStream ? { stream: logStream } : {}),
      // Nothing below logs bodies or headers; the redaction is a second fence for error objects.
      redact: { paths: ['password', 'token', 'csrfToken', 'err.config'], remove: true },
    },
    // One line per request (written in onResponse below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webIndex = fs.existsSync(path.join(ctx.config.webDistDir, 'index.html'));
  installErrorHandler(app, { spaIndex: webIndex });
  // The API speaks JSON (and multipart where a route registers it); a text/plain body is refused with 415.
  app.removeContentTypeParser('text/plain');

  installSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: ctx.config.cookieSecure,
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'vanphong API',
        description: 'API của Văn phòng cấp ủy số — API of the digital Party committee office',
        version: ctx.config.version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vp_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      { method: req.method, path: loggedPath(req.url), status: reply.statusCode, ms: Math.round(reply.elapsedTime), user: req.auth?.row.username },
      'request',
    );
  });

  installNfcGuard(app);
  installAuth(app, ctx);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerModules(app, ctx);

  await serveWeb(app, ctx.config.webDistDir);
  return app;
}

/** The built SPA, with client-side routes falling back to index.html. */
async function serveWeb(app: App, dir: string): Promise<void> {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><p>Giao diện chưa được build: chạy <code>npm run build</code>. API: <a href="/api/docs">/api/docs</a></p>'),
    );
    return;
  }
  // wildcard: files are looked up at request time, so a rebuild of the UI is served without a restart;
  // anything not found falls to the not-found handler, which answers client-side routes with index.html.
  await app.register(fastifyStatic, { root: dir, wildcard: true, index: ['index.html'] });
}
