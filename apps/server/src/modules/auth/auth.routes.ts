import { changePasswordInput, loginInput, totpInput, type Me } from '@vanphong/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { unauthenticated } from '../../platform/errors.ts';
import { auditContextOf, doc, requireActor, type App } from '../../platform/http/types.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { actorFromSessionRow, findSessionWithUser } from './auth.repository.ts';
import { sessionIdOf, SESSION_COOKIE } from './auth.sessions.ts';
import * as uc from './auth.usecases.ts';

const DEMO_LOGIN = { username: 'admin', password: 'vanphong-demo' };

async function presentMe(ctx: AppContext, sessionId: string): Promise<Me | null> {
  const row = await findSessionWithUser(ctx.db, sessionId);
  if (!row) {
    return null;
  }
  const actor = await actorFromSessionRow(ctx.db, row);
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    permissions: [...actor.permissions].sort(),
    clearance: actor.clearance,
    scopeCommitteeId: actor.scopeCommitteeId,
    scopeAgencyId: actor.scopeAgencyId,
    totpEnabled: Boolean(row.totp_enabled),
    mustChangePassword: Boolean(row.must_change_password),
  };
}

function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string, maxAgeSeconds: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.cookieSecure,
    maxAge: maxAgeSeconds,
  });
}

function pendingSession(req: FastifyRequest) {
  if (!req.auth) {
    throw unauthenticated();
  }
  return req.auth.row;
}

export function authRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/auth/login',
    {
      schema: {
        ...doc({ vi: 'Đăng nhập', en: 'Log in', tag: 'auth', example: { method: 'POST', url: '/api/auth/login', body: DEMO_LOGIN } }),
        body: loginInput,
      },
    },
    async (req, reply) => {
      const result = await uc.login(ctx, {
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      const settings = await getSettings(ctx.db);
      setSessionCookie(ctx, reply, result.token, settings.sessionAbsoluteHours * 3600);
      const status =
        result.secondFactor === 'done' ? 'ok' : result.secondFactor === 'pending' ? 'second_factor_required' : 'second_factor_setup_required';
      return {
        status,
        csrfToken: result.csrfToken,
        user: result.secondFactor === 'done' ? await presentMe(ctx, sessionIdOf(result.token)) : null,
      };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: doc({ vi: 'Người dùng hiện tại', en: 'Current user and CSRF token', tag: 'auth', example: { url: '/api/auth/me' } }) },
    async (req) => {
      const row = pendingSession(req);
      return {
        status: row.second_factor === 'done' ? 'ok' : row.second_factor === 'pending' ? 'second_factor_required' : 'second_factor_setup_required',
        csrfToken: row.csrf_token,
        user: row.second_factor === 'done' ? await presentMe(ctx, row.session_id) : null,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: doc({ vi: 'Đăng xuất', en: 'Log out', tag: 'auth', example: { method: 'POST', url: '/api/auth/logout' } }) },
    async (req, reply) => {
      const row = pendingSession(req);
      await uc.logout(ctx, { sessionId: row.session_id, userId: row.user_id, audit: auditContextOf(req) });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    {
      schema: doc({
        vi: 'Đăng xuất khỏi mọi thiết bị',
        en: 'Log out everywhere',
        tag: 'auth',
        example: { method: 'POST', url: '/api/auth/logout-everywhere' },
      }),
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const result = await uc.logoutEverywhere(ctx, { userId: actor.userId, audit: auditContextOf(req) });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return result;
    },
  );

  app.post(
    '/api/auth/totp/verify',
    {
      schema: {
        ...doc({ vi: 'Xác thực hai lớp', en: 'Verify the second factor (TOTP)', tag: 'auth', example: { method: 'POST', url: '/api/auth/totp/verify', body: { code: '123456' } } }),
        body: totpInput,
      },
    },
    async (req) => {
      const row = pendingSession(req);
      await uc.verifySecondFactor(ctx, { sessionId: row.session_id, userId: row.user_id, code: req.body.code, audit: auditContextOf(req) });
      return { status: 'ok', csrfToken: row.csrf_token, user: await presentMe(ctx, row.session_id) };
    },
  );

  app.post(
    '/api/auth/totp/setup',
    { schema: doc({ vi: 'Bắt đầu cài đặt xác thực hai lớp', en: 'Start TOTP enrolment', tag: 'auth', example: { method: 'POST', url: '/api/auth/totp/setup' } }) },
    async (req) => {
      const row = pendingSession(req);
      if (row.second_factor === 'pending') {
        throw unauthenticated('auth.second_factor_required', 'Second factor required');
      }
      return uc.beginTotpSetup(ctx, { userId: row.user_id, username: row.username, audit: auditContextOf(req) });
    },
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      schema: {
        ...doc({ vi: 'Xác nhận cài đặt xác thực hai lớp', en: 'Confirm TOTP enrolment', tag: 'auth', example: { method: 'POST', url: '/api/auth/totp/confirm', body: { code: '123456' } } }),
        body: totpInput,
      },
    },
    async (req) => {
      const row = pendingSession(req);
      if (row.second_factor === 'pending') {
        throw unauthenticated('auth.second_factor_required', 'Second factor required');
      }
      await uc.confirmTotpSetup(ctx, { userId: row.user_id, sessionId: row.session_id, code: req.body.code, audit: auditContextOf(req) });
      return { status: 'ok', csrfToken: row.csrf_token, user: await presentMe(ctx, row.session_id) };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        ...doc({
          vi: 'Đổi mật khẩu',
          en: 'Change own password',
          tag: 'auth',
          example: { method: 'POST', url: '/api/auth/password', body: { currentPassword: 'vanphong-demo', newPassword: 'Mật-khẩu-mới-2026' } },
        }),
        body: changePasswordInput,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await uc.changeOwnPassword(ctx, {
        userId: actor.userId,
        username: actor.username,
        sessionId: actor.sessionId ?? '',
        currentPassword: req.body.currentPassword,
        newPassword: req.body.newPassword,
        audit: auditContextOf(req),
      });
      return { ok: true };
    },
  );
}
