import {
  commentInput,
  createDraftInput,
  decisionInput,
  idParams,
  issueInput,
  outgoingListQuery,
  recallAnswerInput,
  recallInput,
  returnInput,
  submitInput,
  updateDraftInput,
} from '@vanphong/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';
import { auditContextOf, doc, requireActor, requirePermission, type App } from '../../platform/http/types.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { contentDisposition } from '../files/files.presenters.ts';
import { addComment, createDraft, updateDraft } from './outgoing.drafts.ts';
import { outgoingErrors as E } from './outgoing.errors.ts';
import { exportPackage } from './outgoing.edxml.ts';
import { issueDocument } from './outgoing.issue.ts';
import { listOutgoing } from './outgoing.list.ts';
import { presentDetail } from './outgoing.presenters.ts';
import { productionFor } from './outgoing.production.ts';
import { recall, recordRecallAnswer } from './outgoing.recall.ts';
import * as repo from './outgoing.repository.ts';
import { decide, submit } from './outgoing.review.ts';
import { auditSecretRead, checkFormat, layoutOfDocument, loadVisible } from './outgoing.usecases.ts';
import { addVersionFile } from './outgoing.versions.ts';

const tag = 'outgoing';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Văn bản đi: drafts, the review circuit, issue, the issued PDF, recall. */
export function outgoingRoutes(app: App, ctx: AppContext): void {
  const by = (req: Parameters<typeof requireActor>[0]) => ({ actor: requireActor(req), audit: auditContextOf(req) });
  const year = () => Number(toVietnamDate(ctx.clock.now()).slice(0, 4));

  async function detail(req: Parameters<typeof requireActor>[0], id: number, audit = false) {
    const actor = requireActor(req);
    const { doc: d, viewer } = await loadVisible(ctx, actor, id);
    if (audit) {
      await auditSecretRead(ctx, by(req), d, 'outgoing.viewed');
    }
    const violations = d.status === 'issued' || d.status === 'recalled' ? [] : await checkFormat(ctx.db, d, year());
    return presentDetail(ctx.db, { actor, viewer, doc: d, violations });
  }

  app.get(
    '/api/outgoing',
    {
      schema: {
        ...doc({ vi: 'Danh sách văn bản đi', en: 'List outgoing documents (all, mine, review inbox, to issue)', tag, example: { url: '/api/outgoing?box=to_issue', as: 'vanthu' } }),
        querystring: outgoingListQuery,
      },
    },
    async (req) => listOutgoing(ctx, requireActor(req), req.query),
  );

  app.post(
    '/api/outgoing',
    {
      schema: {
        ...doc({
          vi: 'Tạo dự thảo văn bản đi',
          en: 'Create an outgoing draft from a type template',
          tag,
          example: {
            method: 'POST',
            url: '/api/outgoing',
            as: 'chuyenvien',
            body: {
              issuerCommitteeId: 1,
              documentTypeId: 24,
              recipients: [{ committeeId: 3 }, { agencyId: 2 }],
              content: {
                summary: 'V/v báo cáo kết quả thực hiện Chỉ thị 05-CT/TW năm 2026',
                body: 'Thực hiện Kế hoạch công tác năm 2026, Ban Thường vụ Tỉnh ủy đề nghị các đảng ủy trực thuộc báo cáo kết quả thực hiện trước ngày 15/12/2026.',
                addressees: ['Các đảng ủy trực thuộc Tỉnh ủy'],
              },
            },
          },
        }),
        body: createDraftInput,
      },
    },
    async (req, reply) => {
      requirePermission(req, 'outgoing.draft');
      const r = await createDraft(ctx, by(req), req.body);
      return reply.status(201).send(await detail(req, r.id));
    },
  );

  app.get(
    '/api/outgoing/:id',
    {
      schema: {
        ...doc({ vi: 'Xem văn bản đi', en: 'An outgoing document: versions, comments, circuit, recipients, receipts, format check, abilities', tag, example: { url: '/api/outgoing/4', as: 'vanthu' } }),
        params: idParams,
      },
    },
    async (req) => detail(req, req.params.id, true),
  );

  app.patch(
    '/api/outgoing/:id',
    {
      schema: {
        ...doc({
          vi: 'Sửa dự thảo (lưu phiên bản mới)',
          en: 'Edit a draft (a content change is kept as a new version)',
          tag,
          example: { method: 'PATCH', url: '/api/outgoing/7', as: 'chuyenvien', body: { version: 1, copies: 3, note: 'Sửa số lượng bản' } },
        }),
        params: idParams,
        body: updateDraftInput,
      },
    },
    async (req) => {
      await updateDraft(ctx, by(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/api/outgoing/:id/versions',
    {
      schema: {
        ...doc({
          vi: 'Thêm phiên bản từ tệp DOCX/PDF đã tải lên',
          en: 'Add a version from an uploaded DOCX or PDF (upload it with POST /api/files first)',
          tag,
          example: { method: 'POST', url: '/api/outgoing/10/versions', as: 'chuyenvien', body: { fileId: 2, note: 'Bản PDF đã ký tay' } },
        }),
        params: idParams,
        body: z.object({ fileId: idParams.shape.id, note: z.string().trim().max(500).default('') }).strict(),
      },
    },
    async (req) => {
      await addVersionFile(ctx, by(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/api/outgoing/:id/comments',
    {
      schema: {
        ...doc({ vi: 'Góp ý vào dự thảo', en: 'Comment on a draft version', tag, example: { method: 'POST', url: '/api/outgoing/7/comments', as: 'chuyenvien', body: { body: 'Đã bổ sung số liệu quý III.' } } }),
        params: idParams,
        body: commentInput,
      },
    },
    async (req, reply) => {
      await addComment(ctx, by(req), req.params.id, req.body);
      return reply.status(201).send(await detail(req, req.params.id));
    },
  );

  app.post(
    '/api/outgoing/:id/submit',
    {
      schema: {
        ...doc({ vi: 'Trình duyệt dự thảo', en: 'Submit a draft into its review circuit', tag, example: { method: 'POST', url: '/api/outgoing/8/submit', as: 'chuyenvien', body: { version: 1 } } }),
        params: idParams,
        body: submitInput,
      },
    },
    async (req) => {
      await submit(ctx, by(req), req.params.id, req.body.version);
      return detail(req, req.params.id);
    },
  );

  for (const [action, vi, en, example, body] of [
    ['approve', 'Đồng ý dự thảo (bước thẩm định)', 'Approve a review step', { url: '/api/outgoing/6/approve', as: 'chanhvp', body: { version: 1, comment: 'Đồng ý, trình Bí thư ký.' } }, decisionInput],
    ['return', 'Trả lại dự thảo kèm ý kiến', 'Return a draft with comments', { url: '/api/outgoing/9/return', as: 'chanhvp', body: { version: 1, comment: 'Đề nghị bổ sung số liệu.' } }, returnInput],
    ['sign', 'Ký duyệt văn bản', 'Sign (the signing step, after every review step approved)', { url: '/api/outgoing/5/sign', as: 'bithu', body: { version: 1, comment: '' } }, decisionInput],
  ] as const) {
    app.post(
      `/api/outgoing/:id/${action}`,
      {
        schema: { ...doc({ vi, en, tag, example: { method: 'POST', ...example } }), params: idParams, body },
      },
      async (req) => {
        const b = req.body as { version: number; comment: string };
        await decide(ctx, by(req), req.params.id, action, { version: b.version, comment: b.comment });
        return detail(req, req.params.id);
      },
    );
  }

  app.post(
    '/api/outgoing/:id/issue',
    {
      schema: {
        ...doc({
          vi: 'Phát hành: cấp số, ngày, tạo PDF có chữ ký số của cơ quan, gửi liên thông',
          en: 'Issue: number and date, the PDF sealed by the issuing body, delivery by liên thông (answers number and notation)',
          tag,
          example: { method: 'POST', url: '/api/outgoing/4/issue', as: 'vanthu', body: { version: 1 } },
        }),
        params: idParams,
        body: issueInput,
      },
    },
    async (req) => issueDocument(ctx, by(req), req.params.id, req.body, productionFor(ctx)),
  );

  app.get(
    '/api/outgoing/:id/pdf',
    {
      schema: {
        ...doc({ vi: 'Tệp PDF đã phát hành (có chữ ký số)', en: 'The issued PDF (signed)', tag, example: { url: '/api/outgoing/4/pdf', as: 'vanthu' } }),
        params: idParams,
        querystring: z.object({ download: z.enum(['0', '1']).default('0') }).strict(),
      },
    },
    async (req, reply) => {
      const { doc: d } = await loadVisible(ctx, requireActor(req), req.params.id);
      if (d.pdf_file_id === null) {
        throw E.notFound();
      }
      const { record, bytes } = await fileStoreOf(ctx, req.log).read(d.pdf_file_id);
      await auditSecretRead(ctx, by(req), d, 'outgoing.file_read', { fileId: d.pdf_file_id });
      return sendFile(reply, record.originalName, 'application/pdf', bytes, req.query.download === '0');
    },
  );

  app.get(
    '/api/outgoing/:id/edxml',
    {
      schema: {
        ...doc({ vi: 'Gói edXML của văn bản đã phát hành (gửi nơi nhận ngoài hệ thống)', en: 'The edXML package (QCVN 102) of an issued document, for recipients outside this installation', tag, example: { url: '/api/outgoing/4/edxml', as: 'vanthu' } }),
        params: idParams,
      },
    },
    async (req, reply) => {
      const { xml, fileName } = await exportPackage(ctx, by(req), req.params.id);
      return sendFile(reply, fileName, 'application/xml; charset=utf-8', Buffer.from(xml, 'utf8'), false);
    },
  );

  app.get(
    '/api/outgoing/:id/docx',
    {
      schema: {
        ...doc({ vi: 'Tệp DOCX theo thể thức Đảng (dự thảo hoặc bản phát hành)', en: 'The Party-format DOCX (the draft as it stands, or the issued one)', tag, example: { url: '/api/outgoing/7/docx', as: 'chuyenvien' } }),
        params: idParams,
      },
    },
    async (req, reply) => {
      const { doc: d } = await loadVisible(ctx, requireActor(req), req.params.id);
      const current = d.current_version_id === null ? null : await repo.findVersion(ctx.db, d.current_version_id);
      if (d.stub === 1 || (current?.kind === 'upload' && d.docx_file_id === null)) {
        // A stub has no text; an uploaded version is its own file (GET …/versions/:id/file), not a template DOCX.
        throw E.notFound();
      }
      await auditSecretRead(ctx, by(req), d, 'outgoing.file_read', { docx: true });
      if (d.docx_file_id !== null) {
        const { record, bytes } = await fileStoreOf(ctx, req.log).read(d.docx_file_id);
        return sendFile(reply, record.originalName, DOCX, bytes, false);
      }
      const bytes = await productionFor(ctx).renderDocx(await layoutOfDocument(ctx.db, d, year()));
      return sendFile(reply, `du-thao-${d.id}.docx`, DOCX, bytes, false);
    },
  );

  app.get(
    '/api/outgoing/:id/versions/:versionId/file',
    {
      schema: {
        ...doc({ vi: 'Tệp của một phiên bản tải lên', en: 'The file of an uploaded version', tag, example: { url: '/api/outgoing/10/versions/11/file', as: 'chuyenvien' } }),
        params: z.object({ id: idParams.shape.id, versionId: idParams.shape.id }).strict(),
      },
    },
    async (req, reply) => {
      const { doc: d } = await loadVisible(ctx, requireActor(req), req.params.id);
      const v = await repo.findVersion(ctx.db, req.params.versionId);
      if (!v || v.document_id !== d.id || v.file_id === null) {
        throw E.notFound();
      }
      const { record, bytes } = await fileStoreOf(ctx, req.log).read(v.file_id);
      await auditSecretRead(ctx, by(req), d, 'outgoing.file_read', { fileId: v.file_id });
      return sendFile(reply, record.originalName, record.contentType, bytes, record.contentType === 'application/pdf');
    },
  );

  app.post(
    '/api/outgoing/:id/recall',
    {
      schema: {
        ...doc({ vi: 'Thu hồi văn bản đã phát hành', en: 'Recall an issued document (asks every recipient)', tag, example: { method: 'POST', url: '/api/outgoing/4/recall', as: 'vanthu', body: { version: 3, reason: 'Văn bản có sai sót về số liệu, sẽ ban hành văn bản thay thế.' } } }),
        params: idParams,
        body: recallInput,
      },
    },
    async (req) => {
      await recall(ctx, by(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );

  app.post(
    '/api/outgoing/:id/recipients/:recipientId/recall-answer',
    {
      schema: {
        ...doc({ vi: 'Ghi nhận trả lời thu hồi của nơi nhận ngoài hệ thống', en: 'Record the recall answer of an outside recipient', tag, example: { method: 'POST', url: '/api/outgoing/4/recipients/7/recall-answer', as: 'vanthu', body: { agree: true, note: 'Đã nhận lại bản giấy ngày 25/11/2026' } } }),
        params: z.object({ id: idParams.shape.id, recipientId: idParams.shape.id }).strict(),
        body: recallAnswerInput,
      },
    },
    async (req) => {
      await recordRecallAnswer(ctx, by(req), req.params.id, req.params.recipientId, req.body);
      return detail(req, req.params.id);
    },
  );
}

function sendFile(reply: import('fastify').FastifyReply, name: string, type: string, bytes: Buffer, inline: boolean) {
  const disposition = contentDisposition(name);
  return reply
    .header('content-type', type)
    .header('content-disposition', inline ? disposition.replace(/^attachment/, 'inline') : disposition)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'SAMEORIGIN')
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'self'; img-src 'self'; object-src 'self'")
    .send(bytes);
}
