import {
  idParams,
  moveItemsInput,
  programme,
  programmeBoard,
  programmeBoardQuery,
  programmeInput,
  programmeItemInput,
  programmeItemPatch,
  programmeList,
  programmeListQuery,
} from '@vanphong/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { auditContextOf, doc, requireActor, type App } from '../../platform/http/types.ts';
import { presentBoard, presentProgramme, presentSummaries, sortForList } from './programmes.presenters.ts';
import { programmesOfYear } from './programmes.repository.ts';
import * as uc from './programmes.usecases.ts';

const tag = 'programmes';

const itemParams = z
  .object({ id: z.coerce.number().int().positive().max(2_147_483_647), itemId: z.coerce.number().int().positive().max(2_147_483_647) })
  .strict();

/**
 * Chương trình công tác (issue 6 §1). The demo (seed.schedule.ts) holds, on a fresh database: programme 1
 * the yearly BTV programme 2026 of the province (items 1–8; item 8 never changed), 2 and 3 the monthly
 * programmes of November and December 2026.
 */
export function programmesRoutes(app: App, ctx: AppContext): void {
  const by = (req: FastifyRequest) => ({ actor: requireActor(req), audit: auditContextOf(req) });

  async function show(req: FastifyRequest, id: number) {
    const actor = requireActor(req);
    const s = await uc.scopeOf(ctx.db, actor);
    const p = await uc.loadProgramme(ctx.db, s, id);
    return presentProgramme(ctx.db, p, uc.programmeAbilities(s, p), uc.todayOf(ctx));
  }

  app.post(
    '/api/programmes',
    {
      schema: {
        ...doc({
          vi: 'Lập chương trình công tác (toàn khóa, năm, 6 tháng, quý, tháng) của BCH, BTV hoặc Thường trực',
          en: 'Create a work programme (term, year, half, quarter, month) of the Executive Committee, Standing Committee or Standing Office',
          tag,
          example: { method: 'POST', url: '/api/programmes', body: { committeeId: 1, body: 'thuong_truc', period: 'quarter', year: 2027, index: 1 }, as: 'chanhvp' },
          description:
            'Ngày bắt đầu, kết thúc tính từ kỳ (năm, index); chương trình toàn khóa lấy theo nhiệm kỳ (termId). Mỗi cấp ủy, cơ quan, kỳ chỉ có một chương trình (409).\n\nStart and end follow from the period, year and index; a term programme takes its term’s dates (termId). One programme per committee, body and period (409).',
        }),
        body: programmeInput,
        response: { 201: programme },
      },
    },
    async (req, reply) => {
      const id = await uc.createProgramme(ctx, by(req), req.body);
      return reply.status(201).send(await show(req, id));
    },
  );

  app.get(
    '/api/programmes',
    {
      schema: {
        ...doc({
          vi: 'Danh sách chương trình công tác (lọc theo cấp ủy, cơ quan, kỳ, năm)',
          en: 'List work programmes with their items counted by status (filters: committee, body, period, year)',
          tag,
          example: { url: '/api/programmes?committeeId=1&year=2026', as: 'bithu' },
        }),
        querystring: programmeListQuery,
        response: { 200: programmeList },
      },
    },
    async (req) => {
      const rows = await uc.listProgrammes(ctx.db, requireActor(req), req.query);
      return { items: await presentSummaries(ctx.db, sortForList(rows), uc.todayOf(ctx)) };
    },
  );

  app.get(
    '/api/programmes/board',
    {
      schema: {
        ...doc({
          vi: 'Bảng chương trình công tác của năm theo cơ quan (số nội dung theo trạng thái, tiến độ)',
          en: 'Programme board: the year’s programmes by body, with item counts by status, progress and slipped items',
          tag,
          example: { url: '/api/programmes/board?committeeId=1&year=2026', as: 'bithu' },
        }),
        querystring: programmeBoardQuery,
        response: { 200: programmeBoard },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { scope, committeeId } = await uc.boardCommittee(ctx.db, actor, req.query.committeeId);
      const rows = await programmesOfYear(ctx.db, committeeId, req.query.year);
      return presentBoard(ctx.db, committeeId, req.query.year, rows, { createProgramme: scope.manage }, uc.todayOf(ctx));
    },
  );

  app.get(
    '/api/programmes/:id',
    {
      schema: {
        ...doc({
          vi: 'Xem chương trình công tác (các nội dung, tiến độ, nội dung chậm, lịch sử)',
          en: 'One work programme with its items, their history, progress and what slipped',
          tag,
          example: { url: '/api/programmes/1', as: 'bithu' },
        }),
        params: idParams,
        response: { 200: programme },
      },
    },
    async (req) => show(req, req.params.id),
  );

  app.post(
    '/api/programmes/:id/items',
    {
      schema: {
        ...doc({
          vi: 'Thêm nội dung vào chương trình (tháng hoặc ngày dự kiến trong kỳ của chương trình)',
          en: 'Add an item (its planned month or day inside the programme’s period)',
          tag,
          example: {
            method: 'POST',
            url: '/api/programmes/1/items',
            as: 'chanhvp',
            body: {
              content: 'Báo cáo kết quả thực hiện Quy chế dân chủ ở cơ sở năm 2026',
              plannedMonth: '2026-12',
              lead: { committeeId: 1, agencyId: 4 },
              presenter: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
              expectedDocument: 'Báo cáo',
            },
          },
        }),
        params: idParams,
        body: programmeItemInput,
        response: { 201: programme },
      },
    },
    async (req, reply) => {
      await uc.addItem(ctx, by(req), req.params.id, req.body);
      return reply.status(201).send(await show(req, req.params.id));
    },
  );

  app.patch(
    '/api/programmes/:id/items/:itemId',
    {
      schema: {
        ...doc({
          vi: 'Sửa nội dung, chuyển trạng thái (lùi, không thực hiện: có lý do; lùi sang tháng: chuyển tiếp)',
          en: 'Edit an item or change its status (postponed and dropped need a reason; postponedTo carries it over)',
          tag,
          example: { method: 'PATCH', url: '/api/programmes/1/items/8', body: { version: 1, presenter: 'Đồng chí Trưởng ban Tuyên giáo và Dân vận Tỉnh ủy' }, as: 'chanhvp' },
          description:
            'Lùi (postponed) có postponedTo: tạo nội dung mới trong chương trình tháng đó nếu đã có (carriedFromItemId), nếu chưa có thì dời tháng dự kiến. Kiểm tra phiên bản (409).\n\nPostponed with postponedTo: a new item in that month’s programme when it exists (carriedFromItemId), else the planned month moves. Version check (409).',
        }),
        params: itemParams,
        body: programmeItemPatch,
        response: { 200: programme },
      },
    },
    async (req) => {
      await uc.patchItem(ctx, by(req), req.params.id, req.params.itemId, req.body);
      return show(req, req.params.id);
    },
  );

  app.post(
    '/api/programmes/:id/items/move',
    {
      schema: {
        ...doc({
          vi: 'Đưa nội dung từ chương trình rộng hơn (năm, quý…) vào chương trình này',
          en: 'Take items of a wider programme of the same committee and body (its period containing this one) into this one',
          tag,
          example: { method: 'POST', url: '/api/programmes/3/items/move', body: { itemIds: [8] }, as: 'chanhvp' },
        }),
        params: idParams,
        body: moveItemsInput,
        response: { 200: programme },
      },
    },
    async (req) => {
      await uc.moveItems(ctx, by(req), req.params.id, req.body);
      return show(req, req.params.id);
    },
  );
}
