import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/types.ts';
import { authErrors } from './auth.errors.ts';
import { resolveSession, SESSION_COOKIE } from './auth.sessions.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_EXEMPT = new Set(['/api/auth/login']);
const NO_SESSION = new Set(['/api/health']);
/** What a user whose password was set by someone else may do before choosing a new one. */
const BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout', '/api/auth/logout-everywhere']);

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
    // A password set by an administrator (creation, reset) opens nothing but the change-password step,
    // so the administrator who knows it cannot act as the user.
    if (req.auth?.actor && req.auth.row.must_change_password && !BEFORE_PASSWORD_CHANGE.has(path)) {
      throw authErrors.passwordChangeRequired();
    }
  });
}
