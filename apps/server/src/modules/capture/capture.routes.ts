import multipart from '@fastify/multipart';
import { captureResult } from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';
import { auditContextOf, doc, requirePermission, type App } from '../../platform/http/types.ts';
import { captureErrors as E } from './capture.errors.ts';
import { captureFirstPage } from './capture.usecases.ts';

const isTooLarge = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === 'FST_REQ_FILE_TOO_LARGE';

/**
 * `POST /api/capture/extract`: read the first page of a scanned or born-digital document (issue 7 §3).
 * Multipart parsing is registered inside this plugin scope only, as in files.routes.ts.
 */
export function captureRoutes(app: App, ctx: AppContext): void {
  const maxBytes = ctx.config.maxFileBytes;
  app.register(async (scope: App) => {
    const store = fileStoreOf(ctx, scope.log);
    await scope.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } });

    scope.post(
      '/api/capture/extract',
      {
        schema: {
          ...doc({
            vi: 'Đọc trang đầu của văn bản đến (bản quét hoặc PDF) để điền sẵn phiếu vào sổ',
            en: 'Read the first page of an incoming document (scan or PDF) to pre-fill its registration',
            tag: 'capture',
            example: {
              method: 'POST',
              url: '/api/capture/extract',
              multipart: { field: 'file', filename: 'cong-van-12.pdf', contentType: 'application/pdf' },
              as: 'vanthu',
            },
            description:
              'multipart/form-data, trường / field `file`: pdf, jpg, png, tif, docx, txt. Quyền / permission `incoming.register`.\n\n' +
              'Tệp được lưu như `POST /api/files` (mã hóa ở cấu hình `isolated-lan`); trang đầu được đọc (lớp chữ PDF, hoặc nhận dạng chữ bằng tesseract) và các trường được điền sẵn, mỗi trường có `value`, `confidence` (0–1) và `source` (dòng đã đọc). Thiếu công cụ → `warnings`, vẫn trả 200. / ' +
              'The file is stored as by `POST /api/files` (encrypted on `isolated-lan`); its first page is read (PDF text layer, or OCR with tesseract) and the fields are proposed, each with `value`, `confidence` (0–1) and `source` (the line read). Missing tools → `warnings`, still 200.\n\n' +
              'Trên mạng có kết nối (không phải `isolated-lan`), trang đầu có dấu MẬT / TỐI MẬT / TUYỆT MẬT thì tệp không được lưu: 422 `capture.secret_not_stored`, `details.fields` vẫn có các trường đã đọc. / On a networked profile a first page marked secret is not stored: 422 `capture.secret_not_stored` with the fields read in `details.fields`.\n\n' +
              '`curl -b vp_session=… -H "X-CSRF-Token: …" -F "file=@cong-van-12.pdf" /api/capture/extract`',
          }),
          consumes: ['multipart/form-data'],
          response: { 200: captureResult },
        },
      },
      async (req) => {
        const actor = requirePermission(req, 'incoming.register');
        if (!req.isMultipart()) {
          throw E.missing();
        }
        const part = await req.file();
        if (!part || part.fieldname !== 'file') {
          throw E.missing();
        }
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (err) {
          throw isTooLarge(err) ? E.tooLarge(maxBytes) : err;
        }
        return captureFirstPage(
          ctx,
          { actor, audit: auditContextOf(req) },
          { bytes, name: part.filename },
          store,
        );
      },
    );
  });
}
