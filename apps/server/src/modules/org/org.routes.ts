import {
  agencyInput,
  agencyListQuery,
  agencyPatch,
  committeeInput,
  committeeListQuery,
  committeePatch,
  idParams,
  termInput,
  termPatch,
} from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { doc, requirePermission, type App } from '../../platform/http/types.ts';
import { orgPeopleRoutes } from './org.people.routes.ts';
import { presentAgency, presentCommittee, presentLevel, presentTerm } from './org.presenters.ts';
import { listAgencies, listCommittees, listLevels } from './org.repository.ts';
import { refreshed, requestorOf } from './org.requestor.ts';
import { createTerm, updateTerm } from './org.terms.usecases.ts';
import {
  createAgency,
  createCommittee,
  getCommittee,
  updateAgency,
  updateCommittee,
  visibleCommitteeIds,
} from './org.usecases.ts';

const tag = 'org';

export function orgRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/org/levels',
    {
      schema: doc({
        vi: 'Danh sách cấp ủy (cấp)',
        en: 'List committee levels',
        tag,
        example: { url: '/api/org/levels' },
      }),
    },
    async (req) => {
      requirePermission(req, 'org.view');
      const items = (await listLevels(ctx.db)).map(presentLevel);
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/org/committees',
    {
      schema: {
        ...doc({
          vi: 'Danh sách cấp ủy (phẳng, kèm parentId)',
          en: 'List committees (flat, with parentId)',
          tag,
          example: { url: '/api/org/committees?includeInactive=true' },
        }),
        querystring: committeeListQuery,
      },
    },
    async (req) => {
      const r = await requestorOf(ctx, req, 'org.view');
      const items = await listCommittees(ctx.db, {
        ids: visibleCommitteeIds(r.scope),
        includeInactive: req.query.includeInactive,
      });
      return { items: items.map((c) => presentCommittee(c, r)), total: items.length };
    },
  );

  app.get(
    '/api/org/committees/:id',
    {
      schema: {
        ...doc({
          vi: 'Xem cấp ủy, nhiệm kỳ và cơ quan',
          en: 'Get a committee with its terms and agencies',
          tag,
          example: { url: '/api/org/committees/1' },
        }),
        params: idParams,
      },
    },
    async (req) => {
      const r = await requestorOf(ctx, req, 'org.view');
      const { committee, terms, agencies } = await getCommittee(ctx, r, req.params.id);
      return {
        committee: presentCommittee(committee, r),
        terms: terms.map((t) => presentTerm(t, r)),
        agencies: agencies.map((a) => presentAgency(a, r)),
      };
    },
  );

  app.post(
    '/api/org/committees',
    {
      schema: {
        ...doc({
          vi: 'Tạo cấp ủy',
          en: 'Create a committee',
          tag,
          example: {
            method: 'POST',
            url: '/api/org/committees',
            body: {
              parentId: 3,
              levelCode: 'cell',
              name: 'Chi bộ thôn Phú An',
              superiorLine: 'ĐẢNG BỘ XÃ TÂN PHÚ',
              placeName: 'Tân Phú',
              abbreviation: 'CB',
              numberingRule: 'party_term',
              active: true,
            },
          },
        }),
        body: committeeInput,
      },
    },
    async (req, reply) => {
      const r = await requestorOf(ctx, req, 'org.manage');
      const committee = await createCommittee(ctx, r, req.body);
      return reply.status(201).send({ committee: presentCommittee(committee, await refreshed(ctx, r)) });
    },
  );

  app.patch(
    '/api/org/committees/:id',
    {
      schema: {
        ...doc({
          vi: 'Sửa cấp ủy',
          en: 'Update a committee (also moves it in the tree)',
          tag,
          example: { method: 'PATCH', url: '/api/org/committees/4', body: { placeName: 'Đông Thành' } },
        }),
        params: idParams,
        body: committeePatch,
      },
    },
    async (req) => {
      const r = await requestorOf(ctx, req, 'org.manage');
      const committee = await updateCommittee(ctx, r, req.params.id, req.body);
      return { committee: presentCommittee(committee, await refreshed(ctx, r)) };
    },
  );

  app.post(
    '/api/org/committees/:id/terms',
    {
      schema: {
        ...doc({
          vi: 'Thêm nhiệm kỳ (ngày bắt đầu tính từ ngày bế mạc đại hội nếu bỏ trống)',
          en: 'Add a term (startsOn computed from the congress dates when omitted)',
          tag,
          example: {
            method: 'POST',
            url: '/api/org/committees/7/terms',
            body: {
              ordinal: 1,
              label: 'Nhiệm kỳ 2020–2025',
              congressClosedOn: '2020-08-12',
              endsOn: '2025-06-30',
            },
          },
        }),
        params: idParams,
        body: termInput,
      },
    },
    async (req, reply) => {
      const r = await requestorOf(ctx, req, 'org.manage');
      const term = await createTerm(ctx, r, req.params.id, req.body);
      return reply.status(201).send({ term: presentTerm(term, r) });
    },
  );

  app.patch(
    '/api/org/terms/:id',
    {
      schema: {
        ...doc({
          vi: 'Sửa nhiệm kỳ',
          en: 'Update a term',
          tag,
          example: { method: 'PATCH', url: '/api/org/terms/2', body: { label: 'Nhiệm kỳ XVII (2025–2030)' } },
        }),
        params: idParams,
        body: termPatch,
      },
    },
    async (req) => {
      const r = await requestorOf(ctx, req, 'org.manage');
      return { term: presentTerm(await updateTerm(ctx, r, req.params.id, req.body), r) };
    },
  );

  app.get(
    '/api/org/agencies',
    {
      schema: {
        ...doc({
          vi: 'Danh sách cơ quan',
          en: 'List agencies',
          tag,
          example: { url: '/api/org/agencies?committeeId=1' },
        }),
        querystring: agencyListQuery,
      },
    },
    async (req) => {
      const r = await requestorOf(ctx, req, 'org.view');
      const { items, total } = await listAgencies(ctx.db, {
        ids: visibleCommitteeIds(r.scope),
        ...req.query,
      });
      return { items: items.map((a) => presentAgency(a, r)), total };
    },
  );

  app.post(
    '/api/org/agencies',
    {
      schema: {
        ...doc({
          vi: 'Tạo cơ quan',
          en: 'Create an agency',
          tag,
          example: {
            method: 'POST',
            url: '/api/org/agencies',
            body: {
              committeeId: 3,
              name: 'Ban Xây dựng Đảng Đảng ủy xã Tân Phú',
              abbreviation: 'BXDĐ',
              kind: 'board',
              active: true,
            },
          },
        }),
        body: agencyInput,
      },
    },
    async (req, reply) => {
      const r = await requestorOf(ctx, req, 'org.manage');
      return reply.status(201).send({ agency: presentAgency(await createAgency(ctx, r, req.body), r) });
    },
  );

  app.patch(
    '/api/org/agencies/:id',
    {
      schema: {
        ...doc({
          vi: 'Sửa cơ quan',
          en: 'Update an agency',
          tag,
          example: {
            method: 'PATCH',
            url: '/api/org/agencies/4',
            body: { name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy' },
          },
        }),
        params: idParams,
        body: agencyPatch,
      },
    },
    async (req) => {
      const r = await requestorOf(ctx, req, 'org.manage');
      return { agency: presentAgency(await updateAgency(ctx, r, req.params.id, req.body), r) };
    },
  );

  orgPeopleRoutes(app, ctx);
}
