import { idParams, PERMISSIONS, roleInput, rolePatch } from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { auditContextOf, doc, requireActor, requirePermission, type App } from '../../platform/http/types.ts';
import { presentRole } from './roles.presenters.ts';
import { listRoles } from './roles.repository.ts';
import { createRole, updateRole } from './roles.usecases.ts';

export function rolesRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/roles',
    {
      schema: doc({
        vi: 'Danh sách vai trò',
        en: 'List roles',
        tag: 'users',
        example: { url: '/api/roles' },
      }),
    },
    async (req) => {
      const actor = requireActor(req);
      // Whoever manages roles must see them, even in a bundle without users.view.
      if (!actor.permissions.has('users.view') && !actor.permissions.has('roles.manage')) {
        throw forbidden();
      }
      const roles = await listRoles(ctx.db);
      return { items: roles.map((r) => presentRole(r, actor)), total: roles.length };
    },
  );

  app.post(
    '/api/roles',
    {
      schema: {
        ...doc({
          vi: 'Tạo vai trò',
          en: 'Create a role (a bundle of permissions)',
          tag: 'users',
          example: {
            method: 'POST',
            url: '/api/roles',
            body: {
              code: 'deputy_office_leader',
              name: 'Phó Chánh Văn phòng',
              permissions: ['org.view', 'incoming.view', 'incoming.direct', 'outgoing.view'],
            },
          },
        }),
        body: roleInput,
      },
    },
    async (req, reply) => {
      const actor = requirePermission(req, 'roles.manage');
      const role = await createRole(ctx, { actor, audit: auditContextOf(req) }, req.body);
      return reply.status(201).send({ role: presentRole(role, actor) });
    },
  );

  app.patch(
    '/api/roles/:id',
    {
      schema: {
        ...doc({
          vi: 'Sửa vai trò',
          en: 'Rename a role or change its permissions',
          tag: 'users',
          example: { method: 'PATCH', url: '/api/roles/8', body: { name: 'Kế toán văn phòng' } },
        }),
        params: idParams,
        body: rolePatch,
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'roles.manage');
      const role = await updateRole(ctx, { actor, audit: auditContextOf(req) }, req.params.id, req.body);
      return { role: presentRole(role, actor) };
    },
  );

  app.get(
    '/api/permissions',
    {
      schema: doc({
        vi: 'Danh sách quyền',
        en: 'The permission names roles are built from',
        tag: 'users',
        example: { url: '/api/permissions' },
      }),
    },
    async (req) => {
      requireActor(req);
      return { items: [...PERMISSIONS] };
    },
  );
}
