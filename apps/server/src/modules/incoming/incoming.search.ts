import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { AnyDb, Dialect } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import { indexTokens, looksLikeNotation, notationKey, queryTokens } from '../../platform/text/tokens.ts';

/**
 * Quick search over incoming documents (trích yếu, notation, issuer), ignoring diacritics and đ/d.
 * Index and query share `indexTokens`/`queryTokens` (syllables + syllable bigrams, docs search-at-scale):
 * SQLite keeps them in the contentless FTS5 table `incoming_fts` (rowid = document id), PostgreSQL in
 * `incoming_documents.search_vector` (GIN). A notation-shaped query goes to the notation B-tree instead.
 */
export interface Searchable {
  id: number;
  summary: string | null;
  notation: string;
  issuerName: string;
}

export async function indexIncoming(trx: AnyDb, d: Dialect, doc: Searchable): Promise<void> {
  const tokens = indexTokens(doc.summary, doc.notation, doc.issuerName);
  if (d.kind === 'sqlite') {
    await sql`delete from incoming_fts where rowid = ${doc.id}`.execute(trx);
    await sql`insert into incoming_fts (rowid, tokens) values (${doc.id}, ${tokens.join(' ')})`.execute(trx);
  } else {
    await sql`update incoming_documents set search_vector = array_to_tsvector(${tokens}::text[]) where id = ${doc.id}`.execute(
      trx,
    );
  }
}

/** The upper bound of a prefix range on a B-tree: every key starting with `key` sorts below it. */
const prefixEnd = (key: string) => `${key}\uffff`;

/**
 * The search predicate for `q`, or null when `q` holds nothing searchable (only punctuation): the
 * caller then lists without it.
 */
export function searchPredicate(d: Dialect, q: string) {
  if (looksLikeNotation(q)) {
    const key = notationKey(q);
    return (eb: ExpressionBuilder<Database, 'incoming_documents'>): Expression<SqlBool> =>
      eb.and([eb('incoming_documents.notation_folded', '>=', key), eb('incoming_documents.notation_folded', '<', prefixEnd(key))]);
  }
  const tokens = queryTokens(q);
  if (tokens.length === 0) {
    return null;
  }
  // Tokens are [a-z0-9_] only (tokens.ts), so quoting them is enough to keep FTS5/tsquery syntax out.
  if (d.kind === 'sqlite') {
    const match = tokens.map((t) => `"${t}"`).join(' AND ');
    return (): Expression<SqlBool> =>
      sql<SqlBool>`incoming_documents.id in (select rowid from incoming_fts where incoming_fts match ${match})`;
  }
  const tsquery = tokens.map((t) => `'${t}'`).join(' & ');
  return (): Expression<SqlBool> => sql<SqlBool>`incoming_documents.search_vector @@ ${tsquery}::tsquery`;
}
