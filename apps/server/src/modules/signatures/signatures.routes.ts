import multipart from '@fastify/multipart';
import {
  idParams,
  identityUploadFields,
  signatureVerification,
  signingIdentityList,
  signingIdentityView,
  trustedCertificateInput,
  trustedCertificateList,
  trustedCertificateView,
} from '@vanphong/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { fileErrors } from '../../platform/files/files.errors.ts';
import { auditContextOf, doc, requireActor, requirePermission, type App } from '../../platform/http/types.ts';
import { signatureErrors as E } from './signatures.errors.ts';
import { listIdentityViews, uploadIdentity } from './signatures.identity-admin.ts';
import { isPdf } from './signatures.pdf-scan.ts';
import { addTrusted, deactivateTrusted, listTrustedViews } from './signatures.trusted.ts';
import { verifyPdf } from './signatures.verify.ts';
import { EXAMPLE_TRUSTED_PEM } from './signatures.examples.ts';

const tag = 'signatures';

/**
 * The upload example: the PKCS#12 of Văn phòng Tỉnh ủy (committee 1, agency 1 in the demo data) and
 * its password as text fields. (Kept in a constant: `fields` of a multipart example is read by the
 * OpenAPI replay test to send them with the sample file.)
 */
const IDENTITY_UPLOAD_EXAMPLE = {
  method: 'PUT',
  url: '/api/signatures/identities',
  multipart: {
    field: 'p12',
    filename: 'van-phong-tinh-uy.p12',
    contentType: 'application/x-pkcs12',
    fields: { committeeId: '1', agencyId: '1', password: 'mat-khau-cua-tep' },
  },
};

const isTooLarge = (err: unknown) => typeof err === 'object' && err !== null && 'code' in err && err.code === 'FST_REQ_FILE_TOO_LARGE';

const validation = (path: string, message: string) =>
  new AppError({ code: 'validation.failed', status: 400, message: 'The request is not valid', details: [{ path, message }] });

/** The parts of a multipart body: files by field name (in memory, size-limited) and text fields. */
async function readParts(req: FastifyRequest, maxBytes: number, fileFields: string[]) {
  if (!req.isMultipart()) {
    throw validation(fileFields[0]!, 'multipart/form-data expected');
  }
  const files = new Map<string, Buffer>();
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (!fileFields.includes(part.fieldname)) {
        throw validation(part.fieldname, 'unexpected file');
      }
      try {
        files.set(part.fieldname, await part.toBuffer());
      } catch (err) {
        throw isTooLarge(err) ? fileErrors.tooLarge(maxBytes) : err;
      }
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  return { files, fields };
}

/**
 * Digital signatures: verify any PDF; the admin's trusted list; the signing identity (PKCS#12) of each
 * issuing body. Multipart parsing is registered inside this plugin scope only (as in files.routes.ts).
 */
export function signaturesRoutes(app: App, ctx: AppContext): void {
  const maxBytes = ctx.config.maxFileBytes;
  const by = (req: FastifyRequest) => ({ actor: requireActor(req), audit: auditContextOf(req) });

  app.register(async (scope: App) => {
    await scope.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } });

    scope.post(
      '/api/signatures/verify',
      {
        schema: {
          ...doc({
            vi: 'Kiểm tra chữ ký số của tệp PDF',
            en: 'Verify the digital signatures of a PDF',
            tag,
            example: { method: 'POST', url: '/api/signatures/verify', multipart: { field: 'file', filename: 'cong-van-da-ky.pdf', contentType: 'application/pdf' }, as: 'vanthu' },
            description:
              'multipart/form-data, trường / field `file` (PDF). Tệp không được lưu. / The file is not stored.\n\n`valid`: mọi chữ ký còn nguyên vẹn và chữ ký cuối bao trọn tệp; `trusted`: thêm nữa, mọi chứng thư ký thuộc danh sách tin cậy. / `valid`: every signature is intact and the last one covers the whole file; `trusted`: in addition every signer chains to the trusted list.',
          }),
          consumes: ['multipart/form-data'],
          response: { 200: signatureVerification },
        },
      },
      async (req) => {
        requireActor(req);
        const { files } = await readParts(req, maxBytes, ['file']);
        const bytes = files.get('file');
        if (!bytes) {
          throw fileErrors.missing();
        }
        if (!isPdf(bytes)) {
          throw E.notPdf();
        }
        return verifyPdf(ctx.db, bytes);
      },
    );

    scope.put(
      '/api/signatures/identities',
      {
        schema: {
          ...doc({
            vi: 'Thay chứng thư ký (PKCS#12) của một cơ quan ban hành',
            en: 'Replace the signing certificate (PKCS#12) of an issuing body',
            tag,
            example: IDENTITY_UPLOAD_EXAMPLE,
            description:
              'multipart/form-data: `committeeId`, `agencyId` (bỏ trống cho chính cấp ủy / empty for the committee itself), `password`, tệp / file `p12`. Khóa được mã hóa khi lưu bằng khóa của hệ thống. / The key is stored encrypted with the installation key.\n\n`curl -b vp_session=… -H "X-CSRF-Token: …" -X PUT -F committeeId=1 -F agencyId=1 -F password=… -F "p12=@van-phong-tinh-uy.p12" /api/signatures/identities`',
          }),
          consumes: ['multipart/form-data'],
          response: { 200: z.object({ identity: signingIdentityView }) },
        },
      },
      async (req) => {
        requirePermission(req, 'settings.manage');
        const { files, fields } = await readParts(req, maxBytes, ['p12']);
        const parsed = identityUploadFields.safeParse(fields);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw validation(issue.path.join('.') || 'body', issue.message);
        }
        const p12 = files.get('p12');
        if (!p12) {
          throw validation('p12', 'required');
        }
        return { identity: await uploadIdentity(ctx, by(req), { ...parsed.data, p12 }) };
      },
    );
  });

  app.get(
    '/api/signatures/identities',
    {
      schema: {
        ...doc({
          vi: 'Chứng thư ký của các cơ quan ban hành',
          en: 'Signing certificates of the issuing bodies',
          tag,
          example: { url: '/api/signatures/identities' },
        }),
        response: { 200: signingIdentityList },
      },
    },
    async (req) => {
      requirePermission(req, 'settings.view');
      return listIdentityViews(ctx);
    },
  );

  app.get(
    '/api/signatures/trusted',
    {
      schema: {
        ...doc({ vi: 'Danh sách chứng thư tin cậy', en: 'The trusted certificate list', tag, example: { url: '/api/signatures/trusted' } }),
        response: { 200: trustedCertificateList },
      },
    },
    async (req) => {
      requirePermission(req, 'settings.view');
      return { items: await listTrustedViews(ctx) };
    },
  );

  app.post(
    '/api/signatures/trusted',
    {
      schema: {
        ...doc({
          vi: 'Thêm chứng thư vào danh sách tin cậy',
          en: 'Add a certificate to the trusted list',
          tag,
          example: { method: 'POST', url: '/api/signatures/trusted', body: { pem: EXAMPLE_TRUSTED_PEM, note: 'CA của Ban Cơ yếu (ví dụ)' } },
          description:
            'Thêm lại một chứng thư đã ngừng tin cậy sẽ bật lại nó (200); chứng thư đang tin cậy → 409. / Re-adding a deactivated certificate turns it back on (200); an active one → 409.',
        }),
        body: trustedCertificateInput,
        response: { 200: z.object({ certificate: trustedCertificateView }), 201: z.object({ certificate: trustedCertificateView }) },
      },
    },
    async (req, reply) => {
      requirePermission(req, 'settings.manage');
      const r = await addTrusted(ctx, by(req), req.body);
      return reply.status(r.created ? 201 : 200).send({ certificate: r.certificate });
    },
  );

  app.delete(
    '/api/signatures/trusted/:id',
    {
      schema: {
        ...doc({
          vi: 'Ngừng tin cậy một chứng thư',
          en: 'Take a certificate off the trusted list',
          tag,
          example: { method: 'DELETE', url: '/api/signatures/trusted/1' },
          description: 'Chứng thư được giữ lại ở trạng thái ngừng tin cậy. / The certificate is kept, inactive.',
        }),
        params: idParams,
        response: { 200: z.object({ certificate: trustedCertificateView }) },
      },
    },
    async (req) => {
      requirePermission(req, 'settings.manage');
      return { certificate: await deactivateTrusted(ctx, by(req), req.params.id) };
    },
  );
}
