import { conclusionDraftInput, type ConclusionDraft } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { doc, requirePermission, type App } from '../../platform/http/types.ts';
import type { Actor } from '../auth/auth.models.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { incomingViewer, visibleTo as incomingVisibleTo } from '../incoming/incoming.visibility.ts';
import { committeeSubtreeIds } from '../org/org.scope.ts';
import { outgoingViewer, visibleTo as outgoingVisibleTo } from '../outgoing/outgoing.visibility.ts';
import { documentDateOf, notationOf, parseConclusion, type DirectoryBody } from './tasks.conclusion.ts';

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
}

/** An outgoing document's text as the outgoing module shows it: its content body, else its file's text. */
async function outgoingSource(ctx: AppContext, actor: Actor, id: number): Promise<Source> {
  const viewer = await outgoingViewer(ctx.db, actor, ctx.clock.now());
  const row = viewer
    ? await ctx.db
        .selectFrom('outgoing_documents')
        .select(['outgoing_documents.id', 'content', 'notation', 'issued_on', 'summary', 'docx_file_id', 'pdf_file_id', 'current_version_id'])
        .where('outgoing_documents.id', '=', id)
        .where(outgoingVisibleTo(viewer))
        .executeTakeFirst()
    : undefined;
  if (!row) {
    throw notFound('outgoing');
  }
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
  return { text, date: row.issued_on, reference };
}

/** An incoming document's text: the extracted text of its files (main file first). */
async function incomingSource(ctx: AppContext, actor: Actor, id: number): Promise<Source> {
  const viewer = await incomingViewer(ctx.db, actor);
  const row = viewer
    ? await ctx.db
        .selectFrom('incoming_documents')
        .select(['incoming_documents.id', 'notation', 'document_date', 'summary'])
        .where('incoming_documents.id', '=', id)
        .where(incomingVisibleTo(viewer))
        .executeTakeFirst()
    : undefined;
  if (!row) {
    throw notFound('incoming');
  }
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
  return { text, date: row.document_date, reference: `${row.notation}${row.document_date ? ` ngày ${vnDate(row.document_date)}` : ''}` };
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
            'Một trong `text` (nội dung dán vào), `outgoingId` hoặc `incomingId` (văn bản người dùng được xem). Không lưu gì. / One of `text`, `outgoingId` or `incomingId` (a document the caller may see; 404 otherwise). Nothing is stored. → `{ source, items: [{ label, content, paragraph, deadline, lead, co }] }`',
        }),
        body: conclusionDraftInput,
      },
    },
    async (req): Promise<ConclusionDraft> => {
      const actor = requirePermission(req, 'tasks.manage');
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
        source = await outgoingSource(ctx, actor, req.body.outgoingId);
        kind = 'outgoing';
      } else if (req.body.incomingId !== undefined) {
        source = await incomingSource(ctx, actor, req.body.incomingId);
        kind = 'incoming';
      } else {
        const text = req.body.text ?? '';
        const notation = notationOf(text);
        const date = documentDateOf(text);
        source = { text, date, reference: notation ? `${notation}${date ? ` ngày ${vnDate(date)}` : ''}` : '' };
      }
      if (source.text.trim() === '') {
        throw noText();
      }
      const items = parseConclusion(source.text, { directory: await conclusionDirectory(ctx.db, actor), documentDate: source.date ?? today });
      return {
        source: {
          kind,
          outgoingId: req.body.outgoingId ?? null,
          incomingId: req.body.incomingId ?? null,
          reference: source.reference,
        },
        items,
      };
    },
  );
}
