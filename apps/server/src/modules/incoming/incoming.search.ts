import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { AnyDb, Dialect } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import { rarestToken, tokenFrequencies, type TokenFrequencies } from '../../platform/db/token-stats.ts';
import { indexRecords } from '../search/search.index.ts';
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
  // The office-wide search (issue 7) indexes the same registration, with its attachments' text.
  await indexRecords(trx, d, 'incoming', [doc.id]);
}

/** The upper bound of a prefix range on a B-tree: every key starting with `key` sorts below it. */
const prefixEnd = (key: string) => `${key}\uffff`;

/**
 * The FTS5 MATCH expression for a full-text `q` on SQLite, or null (PostgreSQL, a notation-shaped query,
 * nothing searchable). The list then reads `incoming_fts` as the outer loop of a join, newest rowid
 * first, and stops at the page: `id IN (SELECT rowid … MATCH)` would first copy every match — 400,000
 * rowids for a common word at 1M documents, 40–90 ms — before the first row (bench/incoming-plans.mjs).
 */
export function sqliteFtsMatch(d: Dialect, q: string): string | null {
  if (d.kind !== 'sqlite' || looksLikeNotation(q)) {
    return null;
  }
  const tokens = queryTokens(q);
  return tokens.length === 0 ? null : tokens.map((t) => `"${t}"`).join(' AND ');
}

/** The statistics of `incoming_documents.search_vector` (see platform/db/token-stats.ts). */
export const incomingTokenFrequencies = (db: AnyDb, d: Dialect) => tokenFrequencies(db, d, 'incoming_documents');

/**
 * The search predicate for `q`, or null when `q` holds nothing searchable (only punctuation): the
 * caller then lists without it. On SQLite a full-text `q` goes through `sqliteFtsMatch` (a join) instead.
 *
 * PostgreSQL estimates several tokens as independent, but the bigrams of one phrase are not ("kết nạp
 * đảng viên mới": four bigrams in 6 % of documents each and together, estimated at 0.0001 %); the planner
 * then read every match through the GIN bitmap and sorted (100–250 ms at 1M documents) instead of walking
 * newest first (~1 ms). With `freqs` (`incomingTokenFrequencies`) the index condition names only the rarest token,
 * which it estimates well, and the whole query is rechecked inside `coalesce`, which it counts as 1 in 2.
 */
export function searchPredicate(d: Dialect, q: string, freqs: TokenFrequencies | null = null) {
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
  if (tokens.length > 1 && freqs) {
    const rarest = `'${rarestToken(tokens, freqs)}'`;
    return (): Expression<SqlBool> =>
      sql<SqlBool>`incoming_documents.search_vector @@ ${rarest}::tsquery and coalesce(incoming_documents.search_vector @@ ${tsquery}::tsquery, false)`;
  }
  return (): Expression<SqlBool> => sql<SqlBool>`incoming_documents.search_vector @@ ${tsquery}::tsquery`;
}
