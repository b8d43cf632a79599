import type { FastifyReply } from 'fastify';
import { dashboard as dashboardSchema, dashboardQuery, taskListQuery, taskReportQuery, urgingLetterInput } from '@vanphong/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { auditContextOf, doc, requirePermission, type App } from '../../platform/http/types.ts';
import { contentDisposition } from '../files/files.presenters.ts';
import { dashboard } from './tasks.dashboard.ts';
import { exportTasks, type OutputFile } from './tasks.export.ts';
import { exportTaskReport } from './tasks.report.ts';
import { createUrgingLetter } from './tasks.urging.ts';

const tag = 'tasks';

/** The list's filters without paging. */
export const taskExportQuery = taskListQuery.omit({ limit: true, offset: true });

/** Dashboards and printed outputs of task follow-up (issue 5 §6–7). */
export function tasksDashboardRoutes(app: App, ctx: AppContext): void {
  const send = (reply: FastifyReply, f: OutputFile) =>
    reply
      .header('content-type', f.contentType)
      .header('content-disposition', contentDisposition(f.fileName))
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(f.bytes));

  app.get(
    '/api/tasks/dashboard',
    {
      schema: {
        ...doc({
          vi: 'Bảng theo dõi nhiệm vụ: số nhiệm vụ theo tình trạng của từng đơn vị chủ trì, tỷ lệ đúng hạn, xu hướng 12 tháng',
          en: 'Task dashboard: counts by status per lead body, on-time rate, 12-month trend',
          tag,
          example: { url: '/api/tasks/dashboard', as: 'chanhvp' },
          description:
            'Nhiệm vụ do cấp ủy (và các cơ quan của cấp ủy) giao, người gọi được xem; mặc định chỉ nhiệm vụ cấp trên (không tính nhiệm vụ con).\n\n' +
            'Tasks assigned by the committee `committeeId` (default: the caller\'s scope committee) or one of its agencies, that the caller may ' +
            'see; top-level tasks only unless `subtasks=true` (then the sub-tasks of those trees too). `from`/`to` narrow the assignment date. ' +
            'Each unit carries its body key and ids, so each figure equals `SELECT COUNT(*) FROM tasks WHERE lead_key = …` with the status rule ' +
            'of tasks.models.ts. `onTimeRate` = done on time ÷ (done on time + done late + overdue), null when nothing is due. `trend`: the last ' +
            '12 months by month of the due date.',
        }),
        querystring: dashboardQuery,
        response: { 200: dashboardSchema },
      },
    },
    async (req) => dashboard(ctx, requirePermission(req, 'tasks.view'), req.query),
  );

  app.get(
    '/api/tasks/export.xlsx',
    {
      schema: {
        ...doc({
          vi: 'Xuất danh sách nhiệm vụ ra Excel (theo bộ lọc của danh sách)',
          en: 'The task list (same filters as GET /api/tasks) as XLSX',
          tag,
          example: { url: '/api/tasks/export.xlsx?topLevel=true', as: 'chanhvp' },
          description:
            'Tiêu đề cột tiếng Việt, cột Độ mật, ngày dd/mm/yyyy, tình trạng theo danh mục. Trên mạng có kết nối (internet, party-wan) nội dung nhiệm vụ mật được che. Mỗi lần xuất được ghi nhật ký.\n\n' +
            'Only tasks the caller may see, each with its secrecy (Độ mật). On a networked profile (`internet`, `party-wan`) the content of a ' +
            'secret task is replaced by "[Nội dung mật — xem trên hệ thống]"; only on `isolated-lan` does it leave in clear. At most 20,000 rows ' +
            '(422 `tasks.export_too_large` beyond: narrow the filters). Audited (`tasks.exported`, with the ids of the secret tasks exported).',
        }),
        querystring: taskExportQuery,
      },
    },
    async (req, reply) => send(reply, await exportTasks(ctx, { actor: requirePermission(req, 'tasks.view'), audit: auditContextOf(req) }, req.query)),
  );

  app.get(
    '/api/tasks/report.docx',
    {
      schema: {
        ...doc({
          vi: 'Báo cáo tình hình thực hiện nhiệm vụ tháng / quý / năm (DOCX, thể thức văn bản Đảng)',
          en: 'Periodic report on task follow-up (month, quarter, year) as DOCX in the Party layout',
          tag,
          example: { url: '/api/tasks/report.docx?period=month&year=2026&index=11', as: 'chanhvp' },
          description:
            'Bảng theo đơn vị: nhiệm vụ cấp trên do cấp ủy giao có hạn trong kỳ, tình trạng tính đến ngày lập; danh sách nhiệm vụ quá hạn.\n\n' +
            'By lead body: the top-level tasks assigned by the committee whose due date falls in the period, status as of today; then every ' +
            'task due by the end of the period still overdue (the true number; at most 200 listed). `index` is the month (1–12) or the quarter ' +
            '(1–4). Only for those acting for the committee (its office or its leaders) or the inspection role with the committee in scope: ' +
            '403 `tasks.forbidden` otherwise. Audited (`tasks.report_exported`).',
        }),
        querystring: taskReportQuery,
      },
    },
    async (req, reply) => send(reply, await exportTaskReport(ctx, { actor: requirePermission(req, 'tasks.view'), audit: auditContextOf(req) }, req.query)),
  );

  app.post(
    '/api/tasks/urging-letter',
    {
      schema: {
        ...doc({
          vi: 'Tạo dự thảo công văn đôn đốc các nhiệm vụ quá hạn của một đơn vị',
          en: 'Draft an urging letter (công văn đôn đốc) listing a body\'s overdue tasks, as an outgoing draft',
          tag,
          example: { method: 'POST', url: '/api/tasks/urging-letter', body: { body: 'c1-a2' }, as: 'chanhvp' },
          description:
            'Công văn "V/v đôn đốc thực hiện nhiệm vụ" vào khâu dự thảo văn bản đi, liệt kê nội dung, nguồn, hạn và số ngày chậm.\n\n' +
            'Lists the overdue tasks the body `body` leads, assigned by the committee `committeeId` (default: the caller\'s scope) and ' +
            'assigned by a body the caller acts for (assigner or root assigner; the oldest 100; secret tasks are counted, not written), and ' +
            'creates an outgoing draft of type Công văn issued by that assigner body (a committee through its office). Answers 201 ' +
            '`{ outgoingId }`. 403 `tasks.forbidden` when the body has overdue tasks the caller sees but none its body assigned (a co-body, ' +
            'the lead itself); 422 `tasks.nothing_overdue` when none is overdue. Needs `tasks.manage`. Audited (`tasks.urged`), with a ' +
            'history row on each listed task.',
        }),
        body: urgingLetterInput,
        response: { 201: z.object({ outgoingId: z.number().int(), tasks: z.number().int() }) },
      },
    },
    async (req, reply) => {
      const actor = requirePermission(req, 'tasks.manage');
      const r = await createUrgingLetter(ctx, { actor, audit: auditContextOf(req) }, req.body);
      return reply.status(201).send(r);
    },
  );
}
