import { evaluationInput, extensionDecisionInput, extensionInput, extensionParams, idParams, progressInput, taskDetail } from '@vanphong/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';
import { auditContextOf, doc, requireActor, type App } from '../../platform/http/types.ts';
import { contentDisposition } from '../files/files.presenters.ts';
import { presentDetail } from './tasks.presenters.ts';
import * as progress from './tasks.progress.ts';
import * as uc from './tasks.usecases.ts';

const tag = 'tasks';
const INLINE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/**
 * Progress of a task (issue 5 §4): reports with files by the lead body, extensions asked by the lead and
 * decided by the assigner, evaluation by the assigner. Examples run on the demo tasks (seed.tasks.ts): 1 and
 * 2 led by the province office, 3 done with a file (file 3), 5 with the pending extension 1.
 */
export function tasksProgressRoutes(app: App, ctx: AppContext): void {
  const by = (req: FastifyRequest) => ({ actor: requireActor(req), audit: auditContextOf(req) });

  async function detailFor(req: FastifyRequest, id: number) {
    const actor = requireActor(req);
    const { task, viewer } = await uc.getTask(ctx, actor, id);
    return presentDetail(ctx.db, viewer, task, await uc.abilitiesFor(ctx.db, actor, viewer, task), uc.todayOf(ctx));
  }

  app.post(
    '/api/tasks/:id/progress',
    {
      schema: {
        ...doc({
          vi: 'Báo cáo tiến độ, kết quả (đơn vị chủ trì)',
          en: 'Report progress or completion (lead body), with files uploaded first through POST /api/files',
          tag,
          example: { method: 'POST', url: '/api/tasks/2/progress', body: { percent: 100, note: 'Đã tổ chức sơ kết, có báo cáo kèm theo.', done: true }, as: 'chuyenvien' },
        }),
        params: idParams,
        body: progressInput,
        response: { 200: taskDetail },
      },
    },
    async (req) => {
      await progress.reportProgress(ctx, by(req), req.params.id, req.body);
      return detailFor(req, req.params.id);
    },
  );

  app.post(
    '/api/tasks/:id/extensions',
    {
      schema: {
        ...doc({
          vi: 'Đề nghị gia hạn (đơn vị chủ trì)',
          en: 'Ask for an extension (lead body)',
          tag,
          example: {
            method: 'POST',
            url: '/api/tasks/1/extensions',
            body: { requestedDeadline: '2030-09-30', reason: 'Chờ kết quả rà soát của các xã.' },
            as: 'chuyenvien',
          },
        }),
        params: idParams,
        body: extensionInput,
        response: { 201: taskDetail },
      },
    },
    async (req, reply) => {
      await progress.requestExtension(ctx, by(req), req.params.id, req.body);
      return reply.status(201).send(await detailFor(req, req.params.id));
    },
  );

  app.post(
    '/api/tasks/:id/extensions/:extensionId/decision',
    {
      schema: {
        ...doc({
          vi: 'Quyết định gia hạn: đồng ý hoặc không (đơn vị giao)',
          en: 'Grant or refuse an extension (assigning body)',
          tag,
          example: {
            method: 'POST',
            url: '/api/tasks/5/extensions/1/decision',
            body: { granted: false, comment: 'Đề nghị hoàn thành trong thời hạn đã giao.' },
            as: 'chuyenvien',
          },
        }),
        params: extensionParams,
        body: extensionDecisionInput,
        response: { 200: taskDetail },
      },
    },
    async (req) => {
      await progress.decideExtension(ctx, by(req), req.params.id, req.params.extensionId, req.body);
      return detailFor(req, req.params.id);
    },
  );

  app.post(
    '/api/tasks/:id/evaluation',
    {
      schema: {
        ...doc({
          vi: 'Đánh giá kết quả (đạt / chưa đạt) và kết thúc nhiệm vụ (đơn vị giao)',
          en: 'Evaluate the result (met / not met) and close the task (assigning body)',
          tag,
          example: { method: 'POST', url: '/api/tasks/2/evaluation', body: { result: 'met', comment: 'Hoàn thành tốt.' }, as: 'chuyenvien' },
        }),
        params: idParams,
        body: evaluationInput,
        response: { 200: taskDetail },
      },
    },
    async (req) => {
      await progress.evaluateTask(ctx, by(req), req.params.id, req.body);
      return detailFor(req, req.params.id);
    },
  );

  app.get(
    '/api/tasks/:id/files/:fileId',
    {
      schema: {
        ...doc({
          vi: 'Xem, tải tệp kèm báo cáo tiến độ',
          en: 'A file of a progress report (inline PDF/images; ?download=1 to save)',
          tag,
          example: { url: '/api/tasks/3/files/3', as: 'chuyenvien' },
        }),
        params: z.object({ id: idParams.shape.id, fileId: idParams.shape.id }).strict(),
        querystring: z.object({ download: z.enum(['0', '1']).default('0') }).strict(),
      },
    },
    async (req, reply) => {
      await progress.progressFile(ctx, by(req), req.params.id, req.params.fileId);
      const { record, bytes } = await fileStoreOf(ctx, req.log).read(req.params.fileId);
      const inline = req.query.download === '0' && INLINE_TYPES.has(record.contentType);
      const disposition = contentDisposition(record.originalName);
      return reply
        .header('content-type', record.contentType)
        .header('content-disposition', inline ? disposition.replace(/^attachment/, 'inline') : disposition)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('x-frame-options', 'SAMEORIGIN')
        .header('content-security-policy', "default-src 'none'; frame-ancestors 'self'; img-src 'self'; object-src 'self'")
        .send(bytes);
    },
  );
}
