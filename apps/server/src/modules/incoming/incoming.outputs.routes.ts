import type { FastifyReply } from 'fastify';
import { handlingReportQuery, registerBookQuery } from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { auditContextOf, doc, requireActor, requirePermission, type App } from '../../platform/http/types.ts';
import { contentDisposition } from '../files/files.presenters.ts';
import {
  exportHandlingReport,
  exportRegisterBook,
  handlingReport,
  type OutputFile,
} from './incoming.outputs.usecases.ts';

/** The printed outputs of incoming documents: the register (sổ đăng ký văn bản đến) and the handling report. */
export function incomingOutputsRoutes(app: App, ctx: AppContext): void {
  const send = (reply: FastifyReply, f: OutputFile) =>
    reply
      .header('content-type', f.contentType)
      .header('content-disposition', contentDisposition(f.fileName))
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(f.bytes));

  app.get(
    '/api/incoming/register-book',
    {
      schema: {
        ...doc({
          vi: 'In sổ đăng ký văn bản đến (PDF, XLSX)',
          en: 'The incoming register for a period, as PDF or XLSX',
          tag: 'incoming',
          example: {
            url: '/api/incoming/register-book?registerId=1&from=2026-01-01&to=2026-12-31&format=pdf',
            as: 'vanthu',
          },
          description:
            "Các cột theo quy định: Ngày đến, Số đến, Tác giả, Số ký hiệu, Ngày tháng văn bản, Tên loại và trích yếu, Đơn vị hoặc người nhận, Ngày chuyển, Ký nhận, Ghi chú. Chỉ gồm văn bản người gọi được xem; sổ ngoài phạm vi → 404. `from`–`to` (ngày đến) tối đa 366 ngày. Mỗi lần in được ghi nhật ký.\n\nColumns per spec §4; lines are the documents the caller may see, ordered by arrival number; a register outside the caller's scope answers 404; `from`–`to` (arrival dates, both included) spans at most 366 days (400 naming `to`). PDF is A4 landscape with the header repeated on every page. Each export is audited (`incoming.register_exported`).",
        }),
        querystring: registerBookQuery,
      },
    },
    async (req, reply) => {
      const actor = requirePermission(req, 'incoming.view');
      const file = await exportRegisterBook(ctx, { actor, audit: auditContextOf(req) }, req.query);
      return send(reply, file);
    },
  );

  app.get(
    '/api/incoming/report',
    {
      schema: {
        ...doc({
          vi: 'Báo cáo tình hình xử lý văn bản đến theo đơn vị',
          en: 'Handling status of incoming documents by lead unit (JSON or XLSX)',
          tag: 'incoming',
          example: { url: '/api/incoming/report?from=2026-01-01&to=2026-12-31&format=json', as: 'vanthu' },
          description:
            'Văn bản đến trong khoảng `from`–`to`, theo đơn vị chủ trì: tổng số, đã xử lý đúng hạn, quá hạn, quá hạn chưa xử lý, đang xử lý; dòng "Chưa phân phối" cho văn bản chưa giao đơn vị. Văn bản đã thu hồi không tính.\n\nDocuments that arrived in `from`–`to`, by lead unit (or the lead person\'s unit): total, doneOnTime (finished by the deadline or without one), doneLate, overdue (open, deadline before today in Vietnam), inProgress; `agencyId: null` is "Chưa phân phối" (not yet directed). Recalled documents are left out. Only documents the caller may see are counted. Needs `incoming.view` or `reports.view`. `format=xlsx` downloads the same table (audited).',
        }),
        querystring: handlingReportQuery,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (req.query.format === 'xlsx') {
        return send(reply, await exportHandlingReport(ctx, { actor, audit: auditContextOf(req) }, req.query));
      }
      return handlingReport(ctx, actor, req.query);
    },
  );
}
