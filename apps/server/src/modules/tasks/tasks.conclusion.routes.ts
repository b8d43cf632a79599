import { conclusionDraftInput, type ConclusionDraft } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { auditContextOf, doc, requirePermission, type App } from '../../platform/http/types.ts';
import type { Actor } from '../auth/auth.models.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { canReadContent } from '../incoming/incoming.policies.ts';
import { auditSecretRead as auditIncomingRead, loadDocument as loadIncoming } from '../incoming/incoming.usecases.ts';
import { committeeSubtreeIds } from '../org/org.scope.ts';
import { auditSecretRead as auditOutgoingRead, loadVisible as loadOutgoing } from '../outgoing/outgoing.usecases.ts';
import { documentDateOf, draftConclusion, MAX_CONCLUSION_CHARS, MAX_DRAFT_ITEMS, notationOf, type DirectoryBody } from './tasks.conclusion.ts';
import { sourceSecrecy } from './tasks.usecases.ts';

/**
 * The directory a conclusion's bodies are matched against: the agencies of the actor's committee and
 * the active committees under it with their agencies (whom that committee assigns tasks to). The
 * installation administrator (no scope committee) matches against every active committee.
 */
export async function conclusionDirectory(db: Kysely<Database>, actor: Pick<Actor, 'scopeCommitteeId'>): Promise<DirectoryBody[]> {
  const own = actor.scopeCommitteeId;
  const ids = own === null ? null : await committeeSubtreeIds(db, own);
  let committees = db.selectFrom('committees').select(['id', 'name', 'level_code', 'abbreviation']).where('active', '=', 1);
  if (ids !== null) {
    committees = committees.where('id', 'in', ids);
  }
  const cs = await committees.execute();
  const names = new Map(cs.map((c) => [c.id, c.name]));
  const agencies = cs.length === 0 ? [] : await db.selectFrom('agencies').select(['id', 'committee_id', 'name', 'abbreviation']).where('active', '=', 1).where('committee_id', 'in', cs.map((c) => c.id)).execute();
  return [
    ...cs
      .filter((c) => c.id !== own)
      .map((c) => ({ committeeId: c.id, agencyId: null, name: c.name, abbreviation: c.abbreviation, committeeName: c.name, level: c.level_code, own: false })),
    ...agencies.map((a) => ({
      committeeId: a.committee_id,
      agencyId: a.id,
      name: a.name,
      abbreviation: a.abbreviation,
      committeeName: names.get(a.committee_id) ?? '',
      level: null,
      own: a.committee_id === own,
    })),
  ];
}

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const noText = () =>
  new AppError({
    code: 'tasks.conclusion_no_text',
    status: 422,
    message: 'Văn bản chưa có nội dung để tách nhiệm vụ (tệp chưa được trích xuất chữ) — hãy dán nội dung kết luận',
    details: { field: 'text' },
  });

const tooLong = (length: number) =>
  new AppError({
    code: 'tasks.conclusion_too_long',
    status: 422,
    message: `Văn bản quá dài để tách tự động (${length} ký tự, tối đa ${MAX_CONCLUSION_CHARS}) — hãy dán phần kết luận cần tách / The text is too long to split (${length} characters, at most ${MAX_CONCLUSION_CHARS}): paste the conclusion's part with the items`,
    details: { field: 'text', max: MAX_CONCLUSION_CHARS, length },
  });

const tooManyItems = () =>
  new AppError({
    code: 'tasks.conclusion_too_long',
    status: 422,
    message: `Văn bản cho ra hơn ${MAX_DRAFT_ITEMS} nhiệm vụ — hãy tách từng phần kết luận / More than ${MAX_DRAFT_ITEMS} draft tasks: split the conclusion part by part`,
    details: { field: 'text', maxItems: MAX_DRAFT_ITEMS },
  });

/** Text strings of stored files whose extraction is done, in the given order. */
async function fileTexts(db: Kysely<Database>, fileIds: number[]): Promise<string> {
  if (fileIds.length === 0) {
    return '';
  }
  const rows = await db.selectFrom('file_texts').select(['file_id', 'text']).where('file_id', 'in', fileIds).where('status', '=', 'done').execute();
  const byId = new Map(rows.map((r) => [r.file_id, r.text]));
  return fileIds.map((id) => byId.get(id) ?? '').filter((t) => t.trim() !== '').join('\n');
}

interface Source {
  text: string;
  date: string | null;
  reference: string;
  /** Logs the read of a secret document's content (its module's own audit), once the drafts are made. */
  audit: () => Promise<void>;
}

interface By {
  actor: Actor;
  audit: AuditContext;
}

/** What the audit event of a secret read says: the content went to a conclusion draft. */
const VIA = { via: 'tasks.conclusion_draft' };

/**
 * An outgoing document's text as the outgoing module shows it: its content body, else its file's text.
 * Read through the outgoing module (its visibility: 404 otherwise); reading a secret one is audited
 * `outgoing.viewed` as its page is.
 */
async function outgoingSource(ctx: AppContext, by: By, id: number): Promise<Source> {
  const { doc: row } = await loadOutgoing(ctx, by.actor, id);
  let text = '';
  try {
    const c = JSON.parse(row.content) as { body?: unknown };
    text = typeof c.body === 'string' ? c.body : '';
  } catch {
    text = '';
  }
  if (text.trim() === '') {
    const version = row.current_version_id
      ? await ctx.db.selectFrom('outgoing_versions').select('file_id').where('id', '=', row.current_version_id).executeTakeFirst()
      : undefined;
    text = await fileTexts(ctx.db, [version?.file_id ?? null, row.docx_file_id, row.pdf_file_id].filter((f): f is number => f !== null));
  }
  const reference = row.notation ? `${row.notation}${row.issued_on ? ` ngày ${vnDate(row.issued_on)}` : ''}` : row.summary;
  return { text, date: row.issued_on, reference, audit: () => auditOutgoingRead(ctx, by, row, 'outgoing.viewed', VIA) };
}

/**
 * An incoming document's text: the extracted text of its files (main file first). Read through the
 * incoming module: the document must be visible, and its content readable (`canReadContent`: secret
 * content only on the isolated LAN, for the people named on it with the clearance) — otherwise 404, as
 * its attachments answer. Reading a secret one is audited `incoming.viewed`.
 */
async function incomingSource(ctx: AppContext, by: By, id: number): Promise<Source> {
  const l = await loadIncoming(ctx, by.actor, id);
  if (!canReadContent(by.actor, l.facts)) {
    throw notFound('incoming');
  }
  const row = l.doc;
  const files = await ctx.db
    .selectFrom('incoming_attachments')
    .select('file_id')
    .where('document_id', '=', id)
    .orderBy('is_main', 'desc')
    .orderBy('position')
    .execute();
  const text = await fileTexts(
    ctx.db,
    files.map((f) => f.file_id),
  );
  return {
    text,
    date: row.document_date,
    reference: `${row.notation}${row.document_date ? ` ngày ${vnDate(row.document_date)}` : ''}`,
    audit: () => auditIncomingRead(ctx, by, row, 'incoming.viewed', VIA),
  };
}

/** `POST /api/tasks/conclusion-draft` (issue 5 §2): the numbered items of a conclusion as draft tasks. */
export function tasksConclusionRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/tasks/conclusion-draft',
    {
      schema: {
        ...doc({
          vi: 'Tách kết luận thành các nhiệm vụ dự thảo',
          en: 'Turn the numbered items of a conclusion into draft tasks (nothing is stored)',
          tag: 'tasks',
          example: {
            method: 'POST',
            url: '/api/tasks/conclusion-draft',
            as: 'chuyenvien',
            body: {
              text: 'Ban Thường vụ Tỉnh ủy kết luận như sau:\n1. Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy rà soát quy hoạch cán bộ, hoàn thành trước ngày 30/6/2027.\n2. Đảng ủy xã Tân Phú báo cáo kết quả chuyển đổi số trong quý I/2027.',
            },
          },
          description:
            'Một trong `text` (nội dung dán vào), `outgoingId` hoặc `incomingId` (văn bản người dùng được xem và được đọc nội dung; đọc văn bản mật được ghi nhật ký). Tối đa 50.000 ký tự, 500 nhiệm vụ. Không lưu gì. / One of `text`, `outgoingId` or `incomingId` (a document the caller may see and whose content they may read, 404 otherwise; reading a secret one is audited). At most 50,000 characters and 500 drafts (422 `tasks.conclusion_too_long`). Nothing is stored. → `{ source, items: [{ label, content, paragraph, deadline, lead, co }] }`',
        }),
        body: conclusionDraftInput,
      },
    },
    async (req): Promise<ConclusionDraft> => {
      const actor = requirePermission(req, 'tasks.manage');
      const by: By = { actor, audit: auditContextOf(req) };
      const given = (['text', 'outgoingId', 'incomingId'] as const).filter((k) => req.body[k] !== undefined);
      if (given.length !== 1) {
        throw new AppError({
          code: 'tasks.conclusion_source',
          status: 400,
          message: 'Give exactly one of text, outgoingId, incomingId',
          details: { field: given[1] ?? 'text' },
        });
      }
      const today = toVietnamDate(ctx.clock.now());
      let source: Source;
      let kind: ConclusionDraft['source']['kind'] = 'ad_hoc';
      if (req.body.outgoingId !== undefined) {
        source = await outgoingSource(ctx, by, req.body.outgoingId);
        kind = 'outgoing';
      } else if (req.body.incomingId !== undefined) {
        source = await incomingSource(ctx, by, req.body.incomingId);
        kind = 'incoming';
      } else {
        const text = req.body.text ?? '';
        const notation = notationOf(text);
        const date = documentDateOf(text);
        source = { text, date, reference: notation ? `${notation}${date ? ` ngày ${vnDate(date)}` : ''}` : '', audit: async () => {} };
      }
      if (source.text.trim() === '') {
        throw noText();
      }
      // Bounded work (the parse is linear, and capped): a document's text can run to megabytes.
      if (source.text.length > MAX_CONCLUSION_CHARS) {
        throw tooLong(source.text.length);
      }
      const { items, itemsCut } = draftConclusion(source.text, { directory: await conclusionDirectory(ctx.db, actor), documentDate: source.date ?? today });
      if (itemsCut) {
        throw tooManyItems();
      }
      await source.audit();
      return {
        source: {
          kind,
          outgoingId: req.body.outgoingId ?? null,
          incomingId: req.body.incomingId ?? null,
          reference: source.reference,
          secrecy: kind === 'ad_hoc' ? undefined : await sourceSecrecy(ctx.db, req.body),
        },
        items,
      };
    },
  );
}
