import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { auditContextOf, doc, requirePermission, type App } from '../../platform/http/types.ts';
import { contentDisposition } from '../files/files.presenters.ts';
import { issuedReportQuery, outgoingRegisterQuery } from './outgoing.outputs.schemas.ts';
import {
  exportIssuedReport,
  exportOutgoingRegister,
  issuedReport,
  outgoingRegister,
  type OutputFile,
} from './outgoing.outputs.usecases.ts';

const tag = 'outgoing';

const PERIOD_VI =
  'Kỳ: `year` (năm dương lịch) hoặc `from`–`to` (ngày phát hành, tối đa 366 ngày); không ghi thì lấy năm hiện tại.';
const PERIOD_EN =
  'Period: `year`, or `from`–`to` (issue dates, both included, at most 366 days); neither = the current year (Vietnam). Both a year and from–to, or only one of from/to → 400 `outgoing.invalid_period` naming the field.';
const REGISTER_VI =
  'Các cột theo quy định: Số, ký hiệu | Ngày tháng văn bản | Tên loại và trích yếu | Người ký | Nơi nhận | Đơn vị, người nhận bản lưu | Số lượng bản | Ngày chuyển | Ký nhận | Ghi chú. Gồm văn bản đã phát hành, đã thu hồi và đang phát hành (đã lấy số), theo ngày rồi theo số; văn bản mật in ở sổ riêng (`kind=secret`). Chỉ gồm văn bản người gọi được xem.';
const REGISTER_EN =
  'Columns per spec §4. Lines: documents of the issuing body `issuerKey` ("c1", "c1-a2") that took a number — issued, recalled (note "Đã thu hồi"), issuing (number taken, not finished) — ordered by issue date then number, only those the caller may see; secret documents are in their own register (`kind=secret`). Stubs say in Ghi chú where the paper original is kept. An unknown issuing body answers 404 `outgoing_issuer.not_found`.';

/** The printed outputs of outgoing documents: the register (sổ đăng ký văn bản đi) and the report of issued documents. */
export function outgoingOutputsRoutes(app: App, ctx: AppContext): void {
  const send = (reply: FastifyReply, f: OutputFile) =>
    reply
      .header('content-type', f.contentType)
      .header('content-disposition', contentDisposition(f.fileName))
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(f.bytes));

  app.get(
    '/api/outgoing/register',
    {
      schema: {
        ...doc({
          vi: 'Sổ đăng ký văn bản đi (xem trên màn hình)',
          en: 'The outgoing register of an issuing body for a period (JSON)',
          tag,
          example: { url: '/api/outgoing/register?issuerKey=c1&kind=ordinary', as: 'vanthu' },
          description: `${REGISTER_VI} ${PERIOD_VI}\n\n${REGISTER_EN} ${PERIOD_EN}`,
        }),
        querystring: outgoingRegisterQuery,
      },
    },
    async (req) => outgoingRegister(ctx, requirePermission(req, 'outgoing.view'), req.query),
  );

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/outgoing/register.${format}`,
      {
        schema: {
          ...doc({
            vi: `In sổ đăng ký văn bản đi (${format.toUpperCase()})`,
            en: `The outgoing register of an issuing body for a period, as ${format.toUpperCase()}`,
            tag,
            example: { url: `/api/outgoing/register.${format}?issuerKey=c1&kind=ordinary`, as: 'vanthu' },
            description: `${REGISTER_VI} ${PERIOD_VI} Mỗi lần in được ghi nhật ký.\n\n${REGISTER_EN} ${PERIOD_EN} ${
              format === 'pdf'
                ? 'A4 landscape, the column header repeated on every page, pages numbered.'
                : 'Dates are spreadsheet dates (dd/mm/yyyy); the header is frozen and repeated on every printed page.'
            } Each export is audited (\`outgoing.register_exported\`).`,
          }),
          querystring: outgoingRegisterQuery,
        },
      },
      async (req, reply) => {
        const actor = requirePermission(req, 'outgoing.view');
        return send(
          reply,
          await exportOutgoingRegister(ctx, { actor, audit: auditContextOf(req) }, req.query, format),
        );
      },
    );
  }

  const REPORT_VI =
    'Số văn bản đã phát hành theo cơ quan ban hành và loại văn bản: tổng số, trong đó văn bản mật, đã thu hồi; cộng theo cơ quan và tổng cộng. Văn bản đang phát hành dở chưa tính. Chỉ tính văn bản người gọi được xem.';
  const REPORT_EN =
    'Documents issued in the period (issued or later recalled) by issuing body and document type: total, secret among them, recalled; a subtotal per body and a grand total. Documents still issuing are not counted. Only documents the caller may see are counted. `issuerKey` narrows it to one body.';

  app.get(
    '/api/outgoing/report',
    {
      schema: {
        ...doc({
          vi: 'Báo cáo văn bản đi theo loại, cơ quan ban hành và kỳ',
          en: 'Report of issued documents by type, issuing body and period (JSON)',
          tag,
          example: { url: '/api/outgoing/report', as: 'vanthu' },
          description: `${REPORT_VI} ${PERIOD_VI}\n\n${REPORT_EN} ${PERIOD_EN}`,
        }),
        querystring: issuedReportQuery,
      },
    },
    async (req) => issuedReport(ctx, requirePermission(req, 'outgoing.view'), req.query),
  );

  app.get(
    '/api/outgoing/report.xlsx',
    {
      schema: {
        ...doc({
          vi: 'Tải báo cáo văn bản đi (XLSX)',
          en: 'Report of issued documents as XLSX',
          tag,
          example: { url: '/api/outgoing/report.xlsx?issuerKey=c1', as: 'vanthu' },
          description: `${REPORT_VI} ${PERIOD_VI}\n\n${REPORT_EN} ${PERIOD_EN} Each export is audited (\`outgoing.report_exported\`).`,
        }),
        querystring: issuedReportQuery,
      },
    },
    async (req, reply) => {
      const actor = requirePermission(req, 'outgoing.view');
      return send(reply, await exportIssuedReport(ctx, { actor, audit: auditContextOf(req) }, req.query));
    },
  );
}
