import { sql, type Expression, type SqlBool } from 'kysely';
import type { SearchDb, SearchSource, Described, Filters } from '../search/search.sources.ts';
import { inChunks } from '../search/search.sources.ts';
import { incomingViewer, visibleTo } from './incoming.visibility.ts';
import type { ExpressionBuilder } from 'kysely';

/** Vietnamese names of the statuses, for facets (the web catalogue has both languages). */
export const INCOMING_STATUS_LABELS: Record<string, string> = {
  registered: 'Đã vào sổ',
  presented: 'Đã trình',
  directed: 'Đã phân phối',
  in_progress: 'Đang xử lý',
  done: 'Đã xử lý xong',
  filed: 'Lưu để biết',
  cancelled: 'Đã thu hồi',
};

type DocEb = ExpressionBuilder<SearchDb, 'incoming_documents' | 'e'>;

/** The filters of a search, on incoming_documents (status values are "incoming.<status>"). */
function filtersOf(f: Filters) {
  return (eb: DocEb): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    if (f.documentTypeId !== undefined) {
      parts.push(eb('incoming_documents.document_type_id', '=', f.documentTypeId));
    }
    if (f.issuer !== undefined) {
      parts.push(eb('incoming_documents.issuer_name', '=', f.issuer));
    }
    if (f.year !== undefined) {
      parts.push(eb('incoming_documents.document_date', '>=', `${f.year}-01-01`), eb('incoming_documents.document_date', '<=', `${f.year}-12-31`));
    }
    if (f.status !== undefined) {
      parts.push(f.status.startsWith('incoming.') ? eb('incoming_documents.status', '=', f.status.slice('incoming.'.length)) : sql<SqlBool>`1 = 0`);
    }
    if (f.secrecy !== undefined) {
      parts.push(eb('incoming_documents.secrecy', '=', f.secrecy));
    }
    return eb.and(parts);
  };
}

/** Incoming documents in the one search: what the register shows, under the register's own visibility rule. */
export const incomingSearchSource: SearchSource = {
  kind: 'incoming',
  code: 1,
  label: 'Văn bản đến',

  async load(db, ids) {
    const rows = await db
      .selectFrom('incoming_documents')
      .select(['id', 'committee_id', 'document_date', 'notation', 'summary', 'issuer_name', 'signer', 'note', 'secrecy'])
      .where('id', 'in', ids)
      .execute();
    const files = await db.selectFrom('incoming_attachments').select(['document_id', 'file_id']).where('document_id', 'in', ids).execute();
    return rows.map((r) => ({
      refId: r.id,
      committeeId: r.committee_id,
      date: r.document_date,
      notation: r.notation,
      fields: [r.summary, r.notation, r.issuer_name, r.signer],
      body: r.note,
      fileIds: files.filter((f) => f.document_id === r.id).map((f) => f.file_id),
      ownedFileIds: files.filter((f) => f.document_id === r.id).map((f) => f.file_id),
      secret: r.secrecy !== 'none',
    }));
  },

  async idsAfter(db, afterId, limit) {
    const rows = await db.selectFrom('incoming_documents').select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  },

  async ownersOfFile(db, fileId) {
    const rows = await db.selectFrom('incoming_attachments').select('document_id').where('file_id', '=', fileId).execute();
    return rows.map((r) => r.document_id);
  },

  async visibility(ctx, actor, filters) {
    const viewer = await incomingViewer(ctx.db, actor);
    if (!viewer) {
      return null;
    }
    const visible = visibleTo(viewer);
    const filter = filtersOf(filters);
    return (eb) =>
      eb.and([
        eb('e.kind', '=', 'incoming'),
        eb.exists(
          eb
            .selectFrom('incoming_documents')
            .select(sql.lit(1).as('one'))
            .whereRef('incoming_documents.id', '=', 'e.ref_id')
            .where((w) => visible(w as never))
            .where((w) => filter(w)),
        ),
      ]);
  },

  async describe(db, ids) {
    const rows = await inChunks(ids, (chunk) =>
      db
        .selectFrom('incoming_documents as d')
        .leftJoin('document_types as t', 't.id', 'd.document_type_id')
        .select(['d.id', 'd.summary', 'd.notation', 'd.document_date', 'd.document_type_id', 't.name as type_name', 'd.issuer_name', 'd.status', 'd.secrecy', 'd.urgency'])
        .where('d.id', 'in', chunk)
        .execute(),
    );
    return rows.map(
      (r): Described => ({
        refId: r.id,
        title: r.summary ?? '',
        notation: r.notation,
        date: r.document_date,
        year: Number(r.document_date.slice(0, 4)),
        documentTypeId: r.document_type_id,
        documentTypeName: r.type_name,
        issuerName: r.issuer_name || null,
        status: `incoming.${r.status}`,
        statusLabel: `Đến — ${INCOMING_STATUS_LABELS[r.status] ?? r.status}`,
        secrecy: r.secrecy,
        urgency: r.urgency,
        url: `/incoming/${r.id}`,
      }),
    );
  },

  async bodies(db, ids) {
    const notes = await db.selectFrom('incoming_documents').select(['id', 'note']).where('id', 'in', ids).execute();
    const files = await db
      .selectFrom('incoming_attachments as a')
      .innerJoin('file_texts as x', 'x.file_id', 'a.file_id')
      .select(['a.document_id', 'x.text'])
      .where('a.document_id', 'in', ids)
      .where('x.status', '=', 'done')
      .orderBy('a.position')
      .execute();
    return new Map(
      notes.map((n) => [n.id, [n.note, ...files.filter((f) => f.document_id === n.id).map((f) => f.text)].filter((t) => t.length > 0).join('\n')]),
    );
  },
};
