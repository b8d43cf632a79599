import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Permission } from '@vanphong/contracts';
import type { AuditContext } from '../audit/audit.ts';
import { forbidden, unauthenticated } from '../errors.ts';
import type { Actor } from '../../modules/auth/auth.models.ts';
import type { ResolvedSession } from '../../modules/auth/auth.sessions.ts';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyRequest {
    auth: ResolvedSession | null;
  }
}

/** The actor of a fully logged-in session, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.auth) {
    throw unauthenticated();
  }
  if (!req.auth.actor) {
    throw unauthenticated('auth.second_factor_required', 'Second factor required');
  }
  return req.auth.actor;
}

export function requirePermission(req: FastifyRequest, permission: Permission): Actor {
  const actor = requireActor(req);
  if (!actor.permissions.has(permission)) {
    throw forbidden();
  }
  return actor;
}

export function auditContextOf(req: FastifyRequest): AuditContext {
  const a = req.auth;
  return { actorUserId: a?.row.user_id ?? null, actorName: a?.row.username ?? 'anonymous', ip: req.ip };
}

export interface RequestExample {
  method?: string;
  url: string;
  body?: unknown;
  /**
   * For multipart uploads: the form field and a sample file name (the example sends a small real file
   * of that content type), and the text fields sent with it.
   */
  multipart?: { field: string; filename: string; contentType: string; fields?: Record<string, string> };
  /** The demo user the example is meant for (default: admin), e.g. `vanthu` for registering a document. */
  as?: string;
}

/**
 * OpenAPI metadata for a route: a Vietnamese and an English summary and a request example that works
 * against the demo data (issue 2: operators and scripts copy these).
 */
export function doc({
  vi,
  en,
  tag,
  example,
  description,
}: {
  vi: string;
  en: string;
  tag: string;
  example: RequestExample;
  description?: string;
}) {
  const payload = example.multipart
    ? `\n\nmultipart/form-data: ${Object.entries(example.multipart.fields ?? {})
        .map(([k, v]) => `${k}=${v} `)
        .join('')}${example.multipart.field}=@${example.multipart.filename}`
    : example.body === undefined
      ? ''
      : `\n\n${JSON.stringify(example.body, null, 2)}`;
  const exampleText = `${example.as ? `# ${example.as}\n` : ''}${example.method ?? 'GET'} ${example.url}${payload}`;
  return {
    summary: `${vi} — ${en}`,
    description: `${description ? `${description}\n\n` : ''}Ví dụ / Example:\n\n\`\`\`\n${exampleText}\n\`\`\``,
    tags: [tag],
    'x-request-example': example,
  };
}
