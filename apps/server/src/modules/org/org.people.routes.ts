import {
  idParams,
  personInput,
  personListQuery,
  personPatch,
  positionInput,
  positionListQuery,
  positionPatch,
} from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { doc, type App } from '../../platform/http/types.ts';
import { createPerson, createPosition, updatePerson, updatePosition } from './org.people.usecases.ts';
import { presentPerson, presentPosition } from './org.presenters.ts';
import { listPeople, listPositions } from './org.people.repository.ts';
import { requestorOf } from './org.requestor.ts';

const tag = 'org';

/** Positions (chức vụ) and people (nhân sự); registered by `orgRoutes`. */
export function orgPeopleRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/org/positions',
    {
      schema: {
        ...doc({
          vi: 'Danh sách chức vụ',
          en: 'List positions',
          tag,
          example: { url: '/api/org/positions' },
        }),
        querystring: positionListQuery,
      },
    },
    async (req) => {
      const r = await requestorOf(ctx, req, 'org.view');
      const { items, total } = await listPositions(ctx.db, req.query);
      return { items: items.map((p) => presentPosition(p, r)), total };
    },
  );

  app.post(
    '/api/org/positions',
    {
      schema: {
        ...doc({
          vi: 'Tạo chức vụ',
          en: 'Create a position',
          tag,
          example: {
            method: 'POST',
            url: '/api/org/positions',
            body: { name: 'Phó Trưởng phòng', signatureTitle: 'PHÓ TRƯỞNG PHÒNG', isLeader: true, rank: 31 },
          },
        }),
        body: positionInput,
      },
    },
    async (req, reply) => {
      const r = await requestorOf(ctx, req, 'org.manage');
      return reply.status(201).send({ position: presentPosition(await createPosition(ctx, r, req.body), r) });
    },
  );

  app.patch(
    '/api/org/positions/:id',
    {
      schema: {
        ...doc({
          vi: 'Sửa chức vụ',
          en: 'Update a position',
          tag,
          example: { method: 'PATCH', url: '/api/org/positions/13', body: { signatureTitle: 'CHUYÊN VIÊN' } },
        }),
        params: idParams,
        body: positionPatch,
      },
    },
    async (req) => {
      const r = await requestorOf(ctx, req, 'org.manage');
      return { position: presentPosition(await updatePosition(ctx, r, req.params.id, req.body), r) };
    },
  );

  app.get(
    '/api/org/people',
    {
      schema: {
        ...doc({
          vi: 'Danh sách nhân sự (tìm không dấu)',
          en: 'List people (diacritic-insensitive search)',
          tag,
          example: { url: '/api/org/people?q=nguyen%20van%20hung&limit=20' },
        }),
        querystring: personListQuery,
      },
    },
    async (req) => {
      const r = await requestorOf(ctx, req, 'org.view');
      // People are seen only inside the scope subtree, not in the ancestors (org.policies.ts).
      const ids = r.scope.subtree === null ? null : [...r.scope.subtree];
      const { items, total } = await listPeople(ctx.db, { ids, ...req.query });
      return { items: items.map((p) => presentPerson(p, r)), total };
    },
  );

  app.post(
    '/api/org/people',
    {
      schema: {
        ...doc({
          vi: 'Thêm nhân sự',
          en: 'Create a person',
          tag,
          example: {
            method: 'POST',
            url: '/api/org/people',
            body: {
              fullName: 'Nguyễn Thị Lan',
              gender: 'female',
              birthYear: 1990,
              committeeId: 1,
              agencyId: 1,
              positionId: 13,
              email: 'lan.nt@honglam.example',
              phone: '0912345678',
              active: true,
            },
          },
        }),
        body: personInput,
      },
    },
    async (req, reply) => {
      const r = await requestorOf(ctx, req, 'org.manage');
      return reply.status(201).send({ person: presentPerson(await createPerson(ctx, r, req.body), r) });
    },
  );

  app.patch(
    '/api/org/people/:id',
    {
      schema: {
        ...doc({
          vi: 'Sửa nhân sự',
          en: 'Update a person',
          tag,
          example: { method: 'PATCH', url: '/api/org/people/10', body: { phone: '0987654321' } },
        }),
        params: idParams,
        body: personPatch,
      },
    },
    async (req) => {
      const r = await requestorOf(ctx, req, 'org.manage');
      return { person: presentPerson(await updatePerson(ctx, r, req.params.id, req.body), r) };
    },
  );
}
