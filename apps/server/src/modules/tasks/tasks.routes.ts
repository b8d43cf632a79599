import { idParams, taskBatchInput, taskDetail, taskInput, taskList, taskListQuery, taskUpdateInput } from '@vanphong/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { auditContextOf, doc, requireActor, type App } from '../../platform/http/types.ts';
import { presentDetail, presentList } from './tasks.presenters.ts';
import * as uc from './tasks.usecases.ts';

const tag = 'tasks';

/** An example task for the API docs (the demo province assigns to its Organisation Board and a commune). */
export const EXAMPLE_TASK = {
  content: 'Rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2025–2030; báo cáo Ban Thường vụ Tỉnh ủy.',
  source: { kind: 'meeting', reference: 'Hội nghị Ban Thường vụ Tỉnh ủy ngày 05/11/2026', paragraph: '' },
  lead: { committeeId: 1, agencyId: 1 },
  co: [{ committeeId: 1, agencyId: 2 }, { committeeId: 3 }],
  deadline: '2030-06-28',
  expectedProducts: 'Báo cáo kết quả rà soát',
};

/** Nhiệm vụ (issue 5): the list with filters, the task page, creating (one or a confirmed batch), editing. */
export function tasksRoutes(app: App, ctx: AppContext): void {
  const by = (req: FastifyRequest) => ({ actor: requireActor(req), audit: auditContextOf(req) });

  async function detailFor(req: FastifyRequest, id: number, audit = false) {
    const actor = requireActor(req);
    const { task, viewer } = await uc.getTask(ctx, actor, id);
    if (audit) {
      await uc.auditSecretView(ctx, by(req), task);
    }
    return presentDetail(ctx.db, viewer, task, await uc.abilitiesFor(ctx.db, actor, viewer, task), uc.todayOf(ctx));
  }

  app.post(
    '/api/tasks',
    {
      schema: {
        ...doc({
          vi: 'Giao nhiệm vụ (hoặc nhiệm vụ con, với parentId)',
          en: 'Assign a task (a sub-task with parentId)',
          tag,
          example: { method: 'POST', url: '/api/tasks', body: EXAMPLE_TASK, as: 'chuyenvien' },
          description:
            'Đơn vị giao: một đơn vị người dùng thay mặt; chủ trì, phối hợp: các ban của cấp ủy giao hoặc cấp ủy cấp dưới. Có thời hạn hoặc kỳ báo cáo (nhiệm vụ thường xuyên), không cả hai. Nhiệm vụ Tuyệt mật không được ghi vào hệ thống.\n\nThe assigner is a body the user acts for; the lead and co-bodies are agencies of the assigning committee or subordinate committees. Either a deadline or a reporting cadence. Tuyệt mật tasks are refused (422).',
        }),
        body: taskInput,
        response: { 201: taskDetail },
      },
    },
    async (req, reply) => {
      const id = await uc.createTask(ctx, by(req), req.body);
      return reply.status(201).send(await detailFor(req, id));
    },
  );

  app.get(
    '/api/tasks',
    {
      schema: {
        ...doc({
          vi: 'Danh sách nhiệm vụ (lọc theo nguồn, đơn vị, trạng thái, hạn)',
          en: 'List tasks (filters: box, status, state, source, body, assigning committee, parent, due range, text)',
          tag,
          example: { url: '/api/tasks?box=all&sort=due_asc&limit=20', as: 'chuyenvien' },
        }),
        querystring: taskListQuery,
        response: { 200: taskList },
      },
    },
    async (req) => {
      const { viewer, rows, total, today } = await uc.listTasks(ctx, requireActor(req), req.query);
      return { items: await presentList(ctx.db, viewer, rows, today), total };
    },
  );

  app.post(
    '/api/tasks/batch',
    {
      schema: {
        ...doc({
          vi: 'Xác nhận nhiều nhiệm vụ cùng lúc (từ kết luận; tất cả hoặc không)',
          en: 'Confirm several tasks together (from a conclusion; all or nothing)',
          tag,
          example: {
            method: 'POST',
            url: '/api/tasks/batch',
            as: 'chuyenvien',
            body: {
              items: [
                { ...EXAMPLE_TASK, content: 'Tổ chức sơ kết 6 tháng thực hiện Nghị quyết.', co: [] },
                { ...EXAMPLE_TASK, content: 'Báo cáo tình hình thực hiện Quy chế làm việc.', lead: { committeeId: 3 }, co: [], deadline: '2030-06-28' },
              ],
            },
          },
        }),
        body: taskBatchInput,
      },
    },
    async (req, reply) => {
      const ids = await uc.createBatch(ctx, by(req), req.body.items);
      return reply.status(201).send({ ids });
    },
  );

  app.get(
    '/api/tasks/:id',
    {
      schema: {
        ...doc({
          vi: 'Xem nhiệm vụ (nhiệm vụ con, tiến độ, gia hạn, lịch sử)',
          en: 'One task with sub-tasks, roll-up, progress, extensions, history and abilities',
          tag,
          example: { url: '/api/tasks/1', as: 'chuyenvien' },
        }),
        params: idParams,
        response: { 200: taskDetail },
      },
    },
    async (req) => detailFor(req, req.params.id, true),
  );

  app.patch(
    '/api/tasks/:id',
    {
      schema: {
        ...doc({
          vi: 'Sửa nhiệm vụ (đơn vị giao, khi chưa hoàn thành)',
          en: 'Edit an open task (by the assigning body; version check)',
          tag,
          example: { method: 'PATCH', url: '/api/tasks/1', body: { version: 1, expectedProducts: 'Báo cáo và danh sách quy hoạch' }, as: 'chuyenvien' },
        }),
        params: idParams,
        body: taskUpdateInput,
        response: { 200: taskDetail },
      },
    },
    async (req) => {
      await uc.updateTask(ctx, by(req), req.params.id, req.body);
      return detailFor(req, req.params.id);
    },
  );
}
