import { sql } from 'kysely';
import type { AnyDb, Dialect } from './dialect.ts';

/** Token → share of rows holding it, from PostgreSQL's statistics of a tsvector column. */
export type TokenFrequencies = ReadonlyMap<string, number>;

const FREQUENCIES_TTL_MS = 10 * 60_000;
const caches = new Map<string, WeakMap<object, { at: number; freqs: TokenFrequencies | null }>>();

/**
 * The ~1,000 most common tokens of `table.column` (a tsvector) and their row frequencies, as ANALYZE
 * (autovacuum) keeps them in pg_stats; cached per database handle and column for ten minutes. Null on
 * SQLite or before statistics exist. Used to name only the rarest token in a GIN index condition: the
 * planner multiplies the frequencies of a phrase's bigrams as if independent and then reads every match.
 */
export async function tokenFrequencies(db: AnyDb, d: Dialect, table: string, column = 'search_vector'): Promise<TokenFrequencies | null> {
  if (d.kind !== 'postgres') {
    return null;
  }
  const key = `${table}.${column}`;
  let cache = caches.get(key);
  if (!cache) {
    cache = new WeakMap();
    caches.set(key, cache);
  }
  const hit = cache.get(db);
  if (hit && performance.now() - hit.at < FREQUENCIES_TTL_MS) {
    return hit.freqs;
  }
  const r = await sql<{ elems: string[] | null; freqs: (number | string)[] | null }>`
    select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs from pg_stats
    where schemaname = current_schema() and tablename = ${table} and attname = ${column}`.execute(db);
  const row = r.rows[0];
  // most_common_elem_freqs has three more entries (min, max, null share) after one per element
  const freqs = row?.elems && row.freqs ? new Map(row.elems.map((e, i) => [e, Number(row.freqs![i])])) : null;
  cache.set(db, { at: performance.now(), freqs });
  return freqs;
}

/** The token the fewest rows hold: one absent from the statistics is rarer than every one listed. */
export function rarestToken(tokens: string[], freqs: TokenFrequencies): string {
  return tokens.reduce((best, t) => ((freqs.get(t) ?? 0) < (freqs.get(best) ?? 0) ? t : best));
}
