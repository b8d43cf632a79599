import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/types.ts';
import { authErrors } from './auth.errors.ts';
import { resolveSession, SESSION_COOKIE } from './auth.sessions.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_EXEMPT = new Set(['/api/auth/login']);
const NO_SESSION = new Set(['/api/health']);

const sameToken = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Resolves the session cookie into `req.auth` for every API request and enforces the CSRF token
 * (synchroniser token bound to the session, sent back as `X-CSRF-Token`) on every state-changing one.
 */
export function installAuth(app: App, ctx: AppContext): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const path = req.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') || NO_SESSION.has(path)) {
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    req.auth = token ? await resolveSession({ db: ctx.db, clock: ctx.clock, token }) : null;
    if (req.auth && MUTATING.has(req.method) && !CSRF_EXEMPT.has(path)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, req.auth.row.csrf_token)) {
        throw authErrors.csrf();
      }
    }
  });
}
