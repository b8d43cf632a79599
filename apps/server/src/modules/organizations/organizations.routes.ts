import { idParams, organizationInput, organizationListQuery, organizationPatch } from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { auditContextOf, doc, requireActor, type App } from '../../platform/http/types.ts';
import { canCreateOrganization, canListOrganizations, canUpdateOrganization } from './organizations.policies.ts';
import { presentOrganization } from './organizations.presenters.ts';
import { createOrganization, listOrganizations, updateOrganization } from './organizations.usecases.ts';

export function organizationsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/organizations',
    {
      schema: {
        ...doc({
          vi: 'Danh mục cơ quan ban hành (tìm không dấu)',
          en: 'Issuer directory (diacritic-insensitive search)',
          tag: 'organizations',
          example: { url: '/api/organizations?q=ban%20to%20chuc&limit=10' },
          description:
            'Every word of `q` must begin a word of the name or of the code, ignoring tones, marks and đ/d ' +
            '("ubkt", "noi vu"). Exact and prefix matches come first, then Vietnamese alphabetical order. ' +
            'Needs incoming.view, incoming.register or org.manage.',
        }),
        querystring: organizationListQuery,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!canListOrganizations(actor)) {
        throw forbidden();
      }
      const { items, total } = await listOrganizations(ctx.db, req.query);
      return { items: items.map((o) => presentOrganization(o, actor)), total };
    },
  );

  app.post(
    '/api/organizations',
    {
      schema: {
        ...doc({
          vi: 'Thêm cơ quan ban hành vào danh mục',
          en: 'Add an issuer to the directory',
          tag: 'organizations',
          example: {
            method: 'POST',
            url: '/api/organizations',
            body: { name: 'Sở Khoa học và Công nghệ tỉnh Hồng Lam', code: 'SKHCN', kind: 'state' },
          },
          description: 'Needs incoming.register or org.manage. A name already in the directory (ignoring case and diacritics) → 409 on `name`.',
        }),
        body: organizationInput,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!canCreateOrganization(actor)) {
        throw forbidden();
      }
      const o = await createOrganization(ctx, { actor, audit: auditContextOf(req) }, req.body);
      return reply.status(201).send({ organization: presentOrganization(o, actor) });
    },
  );

  app.patch(
    '/api/organizations/:id',
    {
      schema: {
        ...doc({
          vi: 'Sửa cơ quan ban hành',
          en: 'Update an issuer',
          tag: 'organizations',
          example: { method: 'PATCH', url: '/api/organizations/4', body: { code: 'VPTW', active: true } },
        }),
        params: idParams,
        body: organizationPatch,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!canUpdateOrganization(actor)) {
        throw forbidden();
      }
      const o = await updateOrganization(ctx, { actor, audit: auditContextOf(req) }, req.params.id, req.body);
      return { organization: presentOrganization(o, actor) };
    },
  );
}
