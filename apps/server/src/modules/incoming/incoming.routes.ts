import {
  completeInput,
  directInput,
  idParams,
  incomingInput,
  incomingListQuery,
  incomingPatch,
  isoDate,
  MAX_ID,
  noteInput,
  presentInput,
  reasonInput,
  registerInput,
  registerListQuery,
} from '@vanphong/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';
import { auditContextOf, doc, requireActor, requirePermission, type App } from '../../platform/http/types.ts';
import { notationKey } from '../../platform/text/tokens.ts';
import { contentDisposition } from '../files/files.presenters.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { incomingErrors as E } from './incoming.errors.ts';
import { presentDetail, presentListItem } from './incoming.presenters.ts';
import * as repo from './incoming.repository.ts';
import * as uc from './incoming.usecases.ts';
import * as flow from './incoming.flow.ts';
import { updateIncoming } from './incoming.correction.ts';
import { registerIncoming } from './incoming.registration.ts';

const tag = 'incoming';

const INLINE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/** Văn bản đến: registers, registration, the handling flow, the document page and its attachments. */
export function incomingRoutes(app: App, ctx: AppContext): void {
  const by = (req: Parameters<typeof requireActor>[0]) => ({ actor: requireActor(req), audit: auditContextOf(req) });

  /** The document page as the actor sees it (reading a secret document is audited). */
  async function detailFor(req: Parameters<typeof requireActor>[0], id: number, audit = false) {
    const b = by(req);
    const l = await uc.loadDocument(ctx, b.actor, id);
    const abilities = uc.abilitiesOf(b.actor, l);
    if (audit) {
      await uc.auditSecretRead(ctx, b, l.doc, 'incoming.viewed');
    }
    return presentDetail(ctx.db, l.doc, await uc.dueWindow(ctx), abilities, { showAttachments: abilities.downloadAttachments! });
  }

  app.get(
    '/api/incoming/registers',
    {
      schema: {
        ...doc({ vi: 'Danh sách sổ văn bản đến', en: 'List incoming registers', tag, example: { url: '/api/incoming/registers', as: 'vanthu' } }),
        querystring: registerListQuery,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const viewer = await uc.viewerOrDeny(ctx.db, actor);
      const rows = await repo.listRegisters(ctx.db, viewer.committeeIds, req.query.year);
      const clerk = actor.permissions.has('incoming.register');
      return {
        items: rows.map((r) => ({
          id: r.id,
          committeeId: r.committee_id,
          agencyId: r.agency_id,
          year: r.year,
          kind: r.kind,
          name: r.name,
          lastNumber: clerk ? r.last_number : null,
        })),
      };
    },
  );

  app.post(
    '/api/incoming/registers',
    {
      schema: {
        ...doc({
          vi: 'Mở sổ văn bản đến',
          en: 'Open an incoming register',
          tag,
          example: {
            method: 'POST',
            url: '/api/incoming/registers',
            body: { committeeId: 1, year: 2027, kind: 'ordinary', name: 'Sổ đăng ký văn bản đến năm 2027' },
            as: 'vanthu',
          },
        }),
        body: registerInput,
      },
    },
    async (req, reply) => {
      requirePermission(req, 'incoming.register');
      const r = await uc.createRegister(ctx, by(req), req.body);
      return reply.status(201).send({
        register: { id: r.id, committeeId: r.committee_id, agencyId: r.agency_id, year: r.year, kind: r.kind, name: r.name, lastNumber: r.last_number },
      });
    },
  );

  app.get(
    '/api/incoming/form-defaults',
    {
      schema: doc({
        vi: 'Giá trị gợi ý cho mẫu vào sổ',
        en: 'Defaults for the registration form (previous entry, registers, leaders)',
        tag,
        example: { url: '/api/incoming/form-defaults', as: 'vanthu' },
      }),
    },
    async (req) => {
      const actor = requirePermission(req, 'incoming.register');
      const viewer = await uc.viewerOrDeny(ctx.db, actor);
      const year = Number((await uc.dueWindow(ctx)).today.slice(0, 4));
      const [registers, previous, leaders, settings] = await Promise.all([
        repo.listRegisters(ctx.db, viewer.committeeIds, year),
        repo.previousEntry(ctx.db, actor.userId),
        repo.usersWithPermission(ctx.db, 'incoming.direct', actor.scopeCommitteeId === null ? null : [actor.scopeCommitteeId]),
        getSettings(ctx.db),
      ]);
      return {
        registers: registers.map((r) => ({ id: r.id, name: r.name, kind: r.kind, year: r.year, nextNumber: r.last_number + 1 })),
        previous: previous
          ? {
              channel: previous.channel,
              issuerId: previous.issuer_id,
              issuerName: previous.issuer_name,
              documentTypeId: previous.document_type_id,
              urgency: previous.urgency,
              secrecy: previous.secrecy,
              signer: previous.signer,
              registerId: previous.register_id,
            }
          : null,
        deploymentProfile: settings.deploymentProfile,
        leaders: leaders.map((l) => ({ id: l.id, name: l.display_name, clearance: l.clearance })),
      };
    },
  );

  app.get(
    '/api/incoming/assignees',
    {
      schema: doc({
        vi: 'Người có thể được giao xử lý văn bản đến',
        en: 'People a document can be directed to',
        tag,
        example: { url: '/api/incoming/assignees', as: 'bithu' },
      }),
    },
    async (req) => {
      const actor = requireActor(req);
      if (!actor.permissions.has('incoming.direct') && !actor.permissions.has('incoming.register')) {
        throw E.forbidden();
      }
      const viewer = await uc.viewerOrDeny(ctx.db, actor);
      const [handlers, directors] = await Promise.all([
        repo.usersWithPermission(ctx.db, 'incoming.handle', viewer.committeeIds),
        repo.usersWithPermission(ctx.db, 'incoming.direct', viewer.committeeIds),
      ]);
      const agencyIds = [...new Set([...handlers, ...directors].map((u) => u.scope_agency_id).filter((a): a is number => a !== null))];
      const agencies = agencyIds.length
        ? await ctx.db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).execute()
        : [];
      const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
      const people = new Map<number, { id: number; name: string; agencyId: number | null; agencyName: string | null; clearance: string; canHandle: boolean; canDirect: boolean }>();
      for (const [list, key] of [
        [handlers, 'canHandle'],
        [directors, 'canDirect'],
      ] as const) {
        for (const u of list) {
          const p = people.get(u.id) ?? {
            id: u.id,
            name: u.display_name,
            agencyId: u.scope_agency_id,
            agencyName: u.scope_agency_id === null ? null : (agencyName.get(u.scope_agency_id) ?? null),
            clearance: u.clearance,
            canHandle: false,
            canDirect: false,
          };
          p[key] = true;
          people.set(u.id, p);
        }
      }
      return { users: [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')) };
    },
  );

  app.get(
    '/api/incoming/check-duplicate',
    {
      schema: {
        ...doc({
          vi: 'Kiểm tra văn bản đã vào sổ (cùng cơ quan, số ký hiệu, ngày)',
          en: 'Check whether the same issuer + notation + date is already registered',
          tag,
          example: { url: '/api/incoming/check-duplicate?issuerName=Văn phòng Trung ương Đảng&notation=36-HD/VPTW&documentDate=2026-11-02', as: 'vanthu' },
        }),
        querystring: z
          .object({
            issuerId: z.coerce.number().int().positive().max(MAX_ID).optional(),
            issuerName: z.string().trim().max(200).default(''),
            notation: z.string().trim().min(1).max(50),
            documentDate: isoDate,
          })
          .strict(),
      },
    },
    async (req) => {
      const viewer = await uc.viewerOrDeny(ctx.db, requireActor(req));
      const dups = await repo.findDuplicates(ctx.db, viewer, {
        notationKey: notationKey(req.query.notation),
        documentDate: req.query.documentDate,
        issuerId: req.query.issuerId ?? null,
        issuerName: req.query.issuerName,
      });
      return { duplicates: dups.map((d) => ({ id: d.id, arrivalNumber: d.arrival_number, arrivalDate: d.arrival_date, registerId: d.register_id })) };
    },
  );

  app.post(
    '/api/incoming',
    {
      schema: {
        ...doc({
          vi: 'Vào sổ văn bản đến',
          en: 'Register an incoming document',
          tag,
          example: {
            method: 'POST',
            url: '/api/incoming',
            as: 'vanthu',
            body: {
              channel: 'paper',
              issuerName: 'Văn phòng Trung ương Đảng',
              notation: '36-HD/VPTW',
              documentDate: '2026-11-02',
              summary: 'Hướng dẫn thể thức và kỹ thuật trình bày văn bản của Đảng',
              urgency: 'normal',
              secrecy: 'none',
            },
          },
          description:
            'Số đến được cấp tự động, liên tục theo sổ và năm. Tệp đính kèm: tải lên trước bằng `POST /api/files`, rồi gửi `attachments: [{ fileId, main }]`.\n\nThe arrival number is assigned atomically, continuous per register and year. Attachments: upload with `POST /api/files` first, then pass their ids.',
        }),
        body: incomingInput,
      },
    },
    async (req, reply) => {
      const b = by(req);
      const { id, warnings } = await registerIncoming(ctx, b, req.body);
      return reply.status(201).send({ ...(await detailFor(req, id)), warnings });
    },
  );

  app.get(
    '/api/incoming',
    {
      schema: {
        ...doc({
          vi: 'Danh sách văn bản đến (lọc, tìm nhanh không dấu)',
          en: 'List incoming documents (filters, quick search ignoring diacritics)',
          tag,
          example: { url: '/api/incoming?q=dang vien&limit=20', as: 'vanthu' },
        }),
        querystring: incomingListQuery,
      },
    },
    async (req) => {
      const { items, total, totalCapped, window } = await uc.listForActor(ctx, requireActor(req), req.query);
      return { items: items.map((r) => presentListItem(r, window)), total, totalCapped };
    },
  );

  app.get(
    '/api/incoming/:id',
    {
      schema: {
        ...doc({ vi: 'Xem văn bản đến', en: 'One incoming document with its trail and abilities', tag, example: { url: '/api/incoming/1', as: 'vanthu' } }),
        params: idParams,
      },
    },
    async (req) => detailFor(req, req.params.id, true),
  );

  app.patch(
    '/api/incoming/:id',
    {
      schema: {
        ...doc({
          vi: 'Sửa thông tin vào sổ',
          en: 'Correct a registration (while with the office)',
          tag,
          example: { method: 'PATCH', url: '/api/incoming/2', body: { signer: 'Lê Minh Hưng', version: 1 }, as: 'vanthu' },
        }),
        params: idParams,
        body: incomingPatch,
      },
    },
    async (req) => {
      await updateIncoming(ctx, by(req), req.params.id, req.body);
      return detailFor(req, req.params.id);
    },
  );

  const stepRoute = <S extends z.ZodTypeAny>(
    name: string,
    texts: { vi: string; en: string },
    body: S,
    example: { id: number; body: unknown; as: string },
    run: (b: uc.By, id: number, input: z.infer<S>) => Promise<void>,
  ) =>
    app.post(
      `/api/incoming/:id/${name}`,
      {
        schema: {
          ...doc({ ...texts, tag, example: { method: 'POST', url: `/api/incoming/${example.id}/${name}`, body: example.body, as: example.as } }),
          params: idParams,
          body,
        },
      },
      async (req) => {
        await run(by(req), req.params.id, req.body as z.infer<S>);
        return detailFor(req, req.params.id);
      },
    );

  // Examples use demo documents seeded in the state each step needs (seed.incoming.ts, EXAMPLE_DOCS).
  stepRoute('present', { vi: 'Trình lãnh đạo', en: 'Present to a leader' }, presentInput, { id: 3, body: { toUserId: 4, note: '' }, as: 'vanthu' }, (b, id, i) =>
    flow.presentIncoming(ctx, b, id, i),
  );
  stepRoute(
    'direct',
    { vi: 'Cho ý kiến chỉ đạo, phân phối xử lý', en: 'Direct: lead unit or person, co-units, deadline' },
    directInput,
    { id: 4, body: { direction: 'Giao Văn phòng Tỉnh ủy chủ trì, tham mưu.', leadAgencyId: 1, deadline: '2026-12-31' }, as: 'bithu' },
    (b, id, i) => flow.directIncoming(ctx, b, id, i),
  );
  stepRoute(
    'redirect',
    { vi: 'Chuyển lại đơn vị xử lý', en: 'Redirect to another lead' },
    directInput,
    { id: 5, body: { direction: 'Chuyển Ban Tổ chức Tỉnh ủy chủ trì.', leadAgencyId: 2 }, as: 'bithu' },
    (b, id, i) => flow.redirectIncoming(ctx, b, id, i),
  );
  stepRoute('start', { vi: 'Nhận xử lý', en: 'Start handling' }, noteInput, { id: 6, body: {}, as: 'chuyenvien' }, (b, id, i) =>
    flow.startIncoming(ctx, b, id, i.note),
  );
  stepRoute(
    'complete',
    { vi: 'Hoàn thành xử lý', en: 'Complete handling with a result note' },
    completeInput,
    { id: 7, body: { resultNote: 'Đã tham mưu văn bản trả lời.' }, as: 'chuyenvien' },
    (b, id, i) => flow.completeIncoming(ctx, b, id, i),
  );
  stepRoute('file', { vi: 'Lưu để biết', en: 'File for information' }, noteInput, { id: 8, body: { note: 'Để biết.' }, as: 'bithu' }, (b, id, i) =>
    flow.fileIncoming(ctx, b, id, i.note),
  );
  stepRoute('return', { vi: 'Trả lại', en: 'Return (to the office, or to the directing leader)' }, reasonInput, { id: 9, body: { reason: 'Đề nghị bổ sung tài liệu kèm theo.' }, as: 'bithu' }, (b, id, i) =>
    flow.returnIncoming(ctx, b, id, i.reason),
  );
  stepRoute('cancel', { vi: 'Thu hồi (giữ số đến)', en: 'Cancel (thu hồi), keeping the number' }, reasonInput, { id: 10, body: { reason: 'Cơ quan ban hành thu hồi văn bản.' }, as: 'vanthu' }, (b, id, i) =>
    flow.cancelIncoming(ctx, b, id, i.reason),
  );

  app.get(
    '/api/incoming/:id/attachments/:fileId',
    {
      schema: {
        ...doc({
          vi: 'Xem, tải tệp đính kèm của văn bản đến',
          en: 'An attachment of an incoming document (inline PDF/images; ?download=1 to save)',
          tag,
          example: { url: '/api/incoming/1/attachments/1', as: 'vanthu' },
        }),
        params: z.object({ id: idParams.shape.id, fileId: idParams.shape.id }).strict(),
        querystring: z.object({ download: z.enum(['0', '1']).default('0') }).strict(),
      },
    },
    async (req, reply) => {
      const b = by(req);
      const l = await uc.loadDocument(ctx, b.actor, req.params.id);
      if (!uc.abilitiesOf(b.actor, l).downloadAttachments) {
        throw E.notFound();
      }
      // An attachment, or the searchable PDF that OCR made beside one (issue 7), under the same rule.
      const link = await ctx.db
        .selectFrom('incoming_attachments as a')
        .leftJoin('file_texts as t', 't.file_id', 'a.file_id')
        .select(['a.file_id', 't.searchable_file_id'])
        .where('a.document_id', '=', l.doc.id)
        .where((eb) => eb.or([eb('a.file_id', '=', req.params.fileId), eb('t.searchable_file_id', '=', req.params.fileId)]))
        .executeTakeFirst();
      if (!link) {
        throw E.notFound();
      }
      const { record, bytes } = await fileStoreOf(ctx, req.log).read(req.params.fileId);
      await uc.auditSecretRead(ctx, b, l.doc, 'incoming.attachment_read', { fileId: req.params.fileId });
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
