import path from 'node:path';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

interface ErrorDetail {
  path: string;
  message: string;
}

const FASTIFY_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request.too_large', message: 'Request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'request.unsupported_media_type', message: 'Unsupported content type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request.empty_body', message: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'request.malformed_json', message: 'The body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'request.bad_length', message: 'Bad Content-Length' },
  FST_ERR_VALIDATION: { code: 'validation.failed', message: 'The request is not valid' },
};

/**
 * One error shape for every failure: `{ error: { code, message, details } }`.
 * 4xx say what was wrong and where; 5xx are logged with the stack and answer a bare "internal".
 */
export function installErrorHandler(app: FastifyInstance, { spaIndex = false }: { spaIndex?: boolean } = {}): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details: ErrorDetail[] = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? 'invalid',
      }));
      return reply
        .status(400)
        .send({ error: { code: 'validation.failed', message: 'The request is not valid', details } });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known = (err.code && FASTIFY_CODES[err.code]) ||
        (err instanceof SyntaxError ? FASTIFY_CODES.FST_ERR_CTP_INVALID_JSON_BODY : undefined) || {
          code: status === 429 ? 'request.rate_limited' : 'request.invalid',
          message: 'The request could not be processed',
        };
      return reply.status(status).send({ error: { code: known.code, message: known.message } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error' } });
  });

  app.setNotFoundHandler((req, reply) => {
    const urlPath = req.url.split('?')[0] ?? '';
    // Client-side routes of the SPA (/admin/users, /login…) get index.html; missing assets and API paths get a 404.
    if (spaIndex && req.method === 'GET' && !urlPath.startsWith('/api/') && !path.extname(urlPath)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'route.not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
  });
}
