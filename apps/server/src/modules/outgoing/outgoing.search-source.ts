import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { draftContent } from '@vanphong/contracts';
import type { Described, Filters, SearchDb, SearchSource } from '../search/search.sources.ts';
import { inChunks } from '../search/search.sources.ts';
import { outgoingViewer, visibleTo } from './outgoing.visibility.ts';

export const OUTGOING_STATUS_LABELS: Record<string, string> = {
  draft: 'Dự thảo',
  in_review: 'Đang trình duyệt',
  returned: 'Bị trả lại',
  awaiting_signature: 'Chờ ký',
  signed: 'Đã ký — chờ phát hành',
  issuing: 'Đang phát hành',
  issued: 'Đã phát hành',
  recalled: 'Đã thu hồi',
  cancelled: 'Đã hủy',
};

type DocEb = ExpressionBuilder<SearchDb, 'outgoing_documents' | 'e'>;

/** The body text of a drafted document (structured content), '' for an uploaded one. */
function bodyOf(content: string): string {
  try {
    const c = draftContent.partial().parse(JSON.parse(content));
    return [c.body ?? '', ...(c.addressees ?? [])].join('\n');
  } catch {
    return '';
  }
}

/** The date a document goes by: its issue date, or the day it was drafted. */
const dateOf = (r: { issued_on: string | null; created_at: string }) => r.issued_on ?? r.created_at.slice(0, 10);

/** Issuing bodies' names by issuer key ("c1", "c1-a2"). */
async function issuerNames(db: Parameters<SearchSource['describe']>[0]): Promise<Map<string, string>> {
  const [committees, agencies] = await Promise.all([
    db.selectFrom('committees').select(['id', 'name']).execute(),
    db.selectFrom('agencies').select(['id', 'committee_id', 'name']).execute(),
  ]);
  const out = new Map<string, string>();
  for (const c of committees) {
    out.set(`c${c.id}`, c.name);
  }
  for (const a of agencies) {
    out.set(`c${a.committee_id}-a${a.id}`, a.name);
  }
  return out;
}

function filtersOf(f: Filters, issuerKeys: string[] | null) {
  return (eb: DocEb): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    if (f.documentTypeId !== undefined) {
      parts.push(eb('outgoing_documents.document_type_id', '=', f.documentTypeId));
    }
    if (issuerKeys !== null) {
      parts.push(issuerKeys.length === 0 ? sql<SqlBool>`1 = 0` : eb('outgoing_documents.issuer_key', 'in', issuerKeys));
    }
    if (f.year !== undefined) {
      const lo = `${f.year}-01-01`;
      const hi = `${f.year}-12-31`;
      parts.push(
        eb.or([
          eb.and([eb('outgoing_documents.issued_on', '>=', lo), eb('outgoing_documents.issued_on', '<=', hi)]),
          eb.and([eb('outgoing_documents.issued_on', 'is', null), eb('outgoing_documents.created_at', '>=', lo), eb('outgoing_documents.created_at', '<', `${f.year + 1}-01-01`)]),
        ]),
      );
    }
    if (f.status !== undefined) {
      parts.push(f.status.startsWith('outgoing.') ? eb('outgoing_documents.status', '=', f.status.slice('outgoing.'.length)) : sql<SqlBool>`1 = 0`);
    }
    if (f.secrecy !== undefined) {
      parts.push(eb('outgoing_documents.secrecy', '=', f.secrecy));
    }
    return eb.and(parts);
  };
}

/** Outgoing documents (drafts to issued) in the one search, under the outgoing visibility rule. */
export const outgoingSearchSource: SearchSource = {
  kind: 'outgoing',
  code: 2,
  label: 'Văn bản đi',

  async load(db, ids) {
    const rows = await db
      .selectFrom('outgoing_documents')
      .select(['id', 'committee_id', 'issued_on', 'created_at', 'notation', 'summary', 'content', 'signer_name', 'current_version_id', 'secrecy'])
      .where('id', 'in', ids)
      .execute();
    const versions = await db
      .selectFrom('outgoing_versions')
      .select(['id', 'document_id', 'file_id'])
      .where('document_id', 'in', ids)
      .where('kind', '=', 'upload')
      .where('file_id', 'is not', null)
      .execute();
    return rows.map((r) => ({
      refId: r.id,
      committeeId: r.committee_id,
      date: dateOf(r),
      notation: r.notation,
      fields: [r.summary, r.notation, r.signer_name],
      body: bodyOf(r.content),
      fileIds: versions.filter((v) => v.id === r.current_version_id).map((v) => v.file_id!),
      ownedFileIds: versions.filter((v) => v.document_id === r.id).map((v) => v.file_id!),
      secret: r.secrecy !== 'none',
    }));
  },

  async idsAfter(db, afterId, limit) {
    const rows = await db.selectFrom('outgoing_documents').select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  },

  async ownersOfFile(db, fileId) {
    const rows = await db
      .selectFrom('outgoing_versions as v')
      .innerJoin('outgoing_documents as d', 'd.current_version_id', 'v.id')
      .select('d.id')
      .where('v.file_id', '=', fileId)
      .execute();
    return rows.map((r) => r.id);
  },

  async visibility(ctx, actor, filters) {
    const viewer = await outgoingViewer(ctx.db, actor, ctx.clock.now());
    if (!viewer) {
      return null;
    }
    let issuerKeys: string[] | null = null;
    if (filters.issuer !== undefined) {
      const names = await issuerNames(ctx.db);
      issuerKeys = [...names].filter(([, n]) => n === filters.issuer).map(([k]) => k);
    }
    const visible = visibleTo(viewer);
    const filter = filtersOf(filters, issuerKeys);
    return (eb) =>
      eb.and([
        eb('e.kind', '=', 'outgoing'),
        eb.exists(
          eb
            .selectFrom('outgoing_documents')
            .select(sql.lit(1).as('one'))
            .whereRef('outgoing_documents.id', '=', 'e.ref_id')
            .where((w) => visible(w as never))
            .where((w) => filter(w)),
        ),
      ]);
  },

  async describe(db, ids) {
    const names = await issuerNames(db);
    const rows = await inChunks(ids, (chunk) =>
      db
        .selectFrom('outgoing_documents as d')
        .innerJoin('document_types as t', 't.id', 'd.document_type_id')
        .select(['d.id', 'd.summary', 'd.notation', 'd.issued_on', 'd.created_at', 'd.document_type_id', 't.name as type_name', 'd.issuer_key', 'd.status', 'd.secrecy', 'd.urgency'])
        .where('d.id', 'in', chunk)
        .execute(),
    );
    return rows.map((r): Described => {
      const date = dateOf(r);
      return {
        refId: r.id,
        title: r.summary,
        notation: r.notation,
        date,
        year: Number(date.slice(0, 4)),
        documentTypeId: r.document_type_id,
        documentTypeName: r.type_name,
        issuerName: names.get(r.issuer_key) ?? null,
        status: `outgoing.${r.status}`,
        statusLabel: `Đi — ${OUTGOING_STATUS_LABELS[r.status] ?? r.status}`,
        secrecy: r.secrecy,
        urgency: r.urgency,
        url: `/outgoing/${r.id}`,
      };
    });
  },

  async bodies(db, ids) {
    const rows = await db.selectFrom('outgoing_documents').select(['id', 'content', 'current_version_id']).where('id', 'in', ids).execute();
    const files = await db
      .selectFrom('outgoing_documents as d')
      .innerJoin('outgoing_versions as v', 'v.id', 'd.current_version_id')
      .innerJoin('file_texts as x', 'x.file_id', 'v.file_id')
      .select(['d.id', 'x.text'])
      .where('d.id', 'in', ids)
      .where('x.status', '=', 'done')
      .execute();
    return new Map(
      rows.map((r) => [r.id, [bodyOf(r.content), ...files.filter((f) => f.id === r.id).map((f) => f.text)].filter((t) => t.length > 0).join('\n')]),
    );
  },
};
