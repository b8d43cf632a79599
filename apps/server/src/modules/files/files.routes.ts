import multipart from '@fastify/multipart';
import { idParams } from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { fileErrors } from '../../platform/files/files.errors.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';
import { auditContextOf, doc, requireActor, requirePermission, type App } from '../../platform/http/types.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { canDownloadFile, encryptsUploads } from './files.policies.ts';
import { contentDisposition, presentFile } from './files.presenters.ts';

const isTooLarge = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === 'FST_REQ_FILE_TOO_LARGE';

/**
 * Upload and download of stored files. Multipart parsing is registered inside this plugin scope only,
 * with the upload limit of the configuration, so no other route accepts multipart bodies.
 */
export function filesRoutes(app: App, ctx: AppContext): void {
  const maxBytes = ctx.config.maxFileBytes;
  app.register(async (scope: App) => {
    const store = fileStoreOf(ctx, scope.log);
    await scope.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } });

    scope.post(
      '/api/files',
      {
        schema: {
          ...doc({
            vi: 'Tải tệp lên',
            en: 'Upload a file',
            tag: 'files',
            example: { method: 'POST', url: '/api/files', multipart: { field: 'file', filename: 'cong-van-12.pdf', contentType: 'application/pdf' } },
            description:
              'multipart/form-data, trường / field `file`. Cho phép / allowed: pdf, docx, doc, xlsx, xls, odt, ods, jpg, png, tif, txt, csv, xml, zip.\n\nỞ cấu hình mạng LAN độc lập (`isolated-lan`), tệp được mã hóa khi lưu (AES-256-GCM). / On the `isolated-lan` profile the file is stored encrypted at rest (AES-256-GCM).\n\n`curl -b vp_session=… -H "X-CSRF-Token: …" -F "file=@cong-van-12.pdf" /api/files`',
          }),
          consumes: ['multipart/form-data'],
        },
      },
      async (req, reply) => {
        const actor = requirePermission(req, 'files.upload');
        if (!req.isMultipart()) {
          throw fileErrors.missing();
        }
        const part = await req.file();
        if (!part || part.fieldname !== 'file') {
          throw fileErrors.missing();
        }
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (err) {
          throw isTooLarge(err) ? fileErrors.tooLarge(maxBytes) : err;
        }
        // Sniff, hash and write the bytes BEFORE the transaction: on SQLite a transaction holds the one
        // write lock of the installation, and a large file on a slow disk would stall every other user.
        // Inside it: only the row and its audit event (rule: audit in the same transaction).
        const { deploymentProfile } = await getSettings(ctx.db);
        const staged = await store.stage({ bytes, name: part.filename, encrypt: encryptsUploads(deploymentProfile) });
        const file = await inTransaction(ctx, (trx) =>
          store.register({ staged, createdBy: actor.userId, trx, audit: auditContextOf(req) }),
        );
        return reply.status(201).send({ file: presentFile(file, actor) });
      },
    );

    scope.get(
      '/api/files/:id',
      {
        schema: {
          ...doc({
            vi: 'Tải tệp về',
            en: 'Download a file you uploaded (integrity verified)',
            tag: 'files',
            example: { url: '/api/files/1', as: 'vanthu' },
            description:
              'Chỉ người đã tải tệp lên mới tải về được qua đường dẫn này; tệp đính kèm của hồ sơ, văn bản được phục vụ qua đường dẫn của từng phân hệ, theo quyền của phân hệ đó. Người khác nhận 404.\n\nOnly the uploader may download through this endpoint; attachments of business records are served by their own modules under their own rules. Anyone else gets 404.',
          }),
          params: idParams,
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const found = await store.find(req.params.id);
        if (!found || !canDownloadFile(actor, found)) {
          throw fileErrors.notFound();
        }
        const { record, bytes } = await store.read(found.id);
        return reply
          .header('content-type', record.contentType)
          .header('content-disposition', contentDisposition(record.originalName))
          .header('cache-control', 'private, no-store')
          .send(bytes);
      },
    );
  });
}
