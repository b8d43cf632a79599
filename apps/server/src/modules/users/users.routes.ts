import { z } from 'zod';
import { idParams, pageQuery, resetPasswordInput, userInput, userPatch } from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { auditContextOf, doc, requireActor, requirePermission, type App } from '../../platform/http/types.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';
import { presentUser } from './users.presenters.ts';
import { listUsers, rolePermissionMap } from './users.repository.ts';
import { createUser, loadVisibleUser, resetPassword, resetTotp, updateUser } from './users.usecases.ts';

const listQuery = pageQuery.extend({ q: z.string().trim().max(100).optional() }).strict();

const EXAMPLE_USER = {
  username: 'chuyenvien2',
  password: 'Chuyen-vien-2026',
  displayName: 'Lý Thị Hoa',
  personId: null,
  roleCodes: ['specialist'],
  clearance: 'confidential',
  scopeCommitteeId: 1,
  scopeAgencyId: 1,
};

export function usersRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/users',
    { schema: { ...doc({ vi: 'Danh sách tài khoản', en: 'List accounts', tag: 'users', example: { url: '/api/users?limit=20&q=nguyen' } }), querystring: listQuery } },
    async (req) => {
      const actor = requirePermission(req, 'users.view');
      const scopeIds = await scopeCommitteeIds(ctx.db, actor);
      const { items, total } = await listUsers(ctx.db, { scopeIds, ...req.query });
      const roles = await rolePermissionMap(ctx.db);
      return { items: items.map((u) => presentUser(u, actor, scopeIds, roles)), total };
    },
  );

  app.get(
    '/api/users/:id',
    { schema: { ...doc({ vi: 'Xem tài khoản', en: 'Get an account', tag: 'users', example: { url: '/api/users/2' } }), params: idParams } },
    async (req) => {
      const actor = requireActor(req);
      const { user, scopeIds } = await loadVisibleUser(ctx, { actor, audit: auditContextOf(req) }, req.params.id);
      return { user: presentUser(user, actor, scopeIds, await rolePermissionMap(ctx.db)) };
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        ...doc({ vi: 'Tạo tài khoản', en: 'Create an account', tag: 'users', example: { method: 'POST', url: '/api/users', body: EXAMPLE_USER } }),
        body: userInput,
      },
    },
    async (req, reply) => {
      const actor = requirePermission(req, 'users.manage');
      const user = await createUser(ctx, { actor, audit: auditContextOf(req) }, req.body);
      const scopeIds = await scopeCommitteeIds(ctx.db, actor);
      return reply.status(201).send({ user: presentUser(user, actor, scopeIds, await rolePermissionMap(ctx.db)) });
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        ...doc({ vi: 'Sửa tài khoản', en: 'Update an account (roles, clearance, scope, disable)', tag: 'users', example: { method: 'PATCH', url: '/api/users/5', body: { clearance: 'secret' } } }),
        params: idParams,
        body: userPatch,
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'users.manage');
      const by = { actor, audit: auditContextOf(req) };
      const { scopeIds } = await loadVisibleUser(ctx, by, req.params.id);
      const user = await updateUser(ctx, by, req.params.id, req.body);
      return { user: presentUser(user, actor, scopeIds, await rolePermissionMap(ctx.db)) };
    },
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        ...doc({ vi: 'Đặt lại mật khẩu', en: 'Reset a password', tag: 'users', example: { method: 'POST', url: '/api/users/7/reset-password', body: { password: 'Tiep-dan-moi-2026' } } }),
        params: idParams,
        body: resetPasswordInput,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!actor.permissions.has('users.manage')) {
        throw forbidden();
      }
      await resetPassword(ctx, { actor, audit: auditContextOf(req) }, req.params.id, req.body.password);
      return { ok: true };
    },
  );

  app.post(
    '/api/users/:id/reset-totp',
    {
      schema: {
        ...doc({ vi: 'Đặt lại xác thực hai lớp', en: 'Reset two-step verification (lost phone)', tag: 'users', example: { method: 'POST', url: '/api/users/4/reset-totp' } }),
        params: idParams,
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'users.manage');
      await resetTotp(ctx, { actor, audit: auditContextOf(req) }, req.params.id);
      return { ok: true };
    },
  );
}
