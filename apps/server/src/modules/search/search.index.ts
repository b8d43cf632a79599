import { sql } from 'kysely';
import type { AnyDb, Dialect } from '../../platform/db/dialect.ts';
import { indexTokens, notationKey } from '../../platform/text/tokens.ts';
import { queueFileTexts } from './search.extraction-queue.ts';
import { searchSource } from './search.registry.ts';
import type { IndexDoc, SearchSource } from './search.sources.ts';

/**
 * The search index (issue 7; docs/ARCHITECTURE.md "Search"). One `search_entries` row per record with
 * its postings: the folded syllables and syllable bigrams (platform/text/tokens.ts) of the record's
 * fields, its body and the extracted text of its files.
 *
 * The entry id is `day × 2^32 + kind code × 2^28 + ref_id`, with `day` the record's date counted from
 * 1900-01-01: id order is date order across every kind, so a query walks the index newest first (or
 * oldest first) and stops at the page instead of sorting every match (docs search-at-scale). Ids stay
 * below 2^53 (exact in JavaScript) until the year 2,400. A record whose date changes gets a new id.
 */
const DAY = 2 ** 32;
const KIND = 2 ** 28;
const EPOCH_1900 = Date.UTC(1900, 0, 1);

export function entryId(code: number, refId: number, date: string): number {
  if (code < 1 || code > 15 || refId < 1 || refId >= KIND) {
    throw new Error(`search entry out of range: code ${code}, ref ${refId}`);
  }
  const [y, m, d] = date.split('-').map(Number);
  const day = Math.max(0, Math.floor((Date.UTC(y!, m! - 1, d!) - EPOCH_1900) / 86_400_000));
  return day * DAY + code * KIND + refId;
}

/** The lowest entry id of a day (a bound for walks inside a date window). */
export const firstIdOfDay = (date: string): number => entryId(1, 1, date) - KIND - 1;

/**
 * PostgreSQL: serialises the transactions that index the same records (a registration, the extraction
 * runner and a rebuild may meet), in id order so two batches never wait on each other in a cycle. SQLite
 * runs one writer at a time anyway.
 */
async function lockRecords(trx: AnyDb, d: Dialect, kind: string, ids: number[]): Promise<void> {
  if (d.kind !== 'postgres') {
    return;
  }
  const keys = [...new Set(ids)].sort((a, b) => a - b).map((id) => `search:${kind}:${id}`);
  await sql`select pg_advisory_xact_lock(hashtext(k)) from unnest(${keys}::text[]) with ordinality as t(k, n) order by n`.execute(trx);
}

/**
 * At most this many distinct tokens per record: PostgreSQL refuses a tsvector over 1 MB (~75,000 tokens),
 * and a record's own fields come first, so they are never the ones cut.
 */
export const MAX_TOKENS = 50_000;

/** Texts of stored files already extracted, by file id. */
async function fileTexts(trx: AnyDb, fileIds: number[]): Promise<Map<number, string>> {
  if (fileIds.length === 0) {
    return new Map();
  }
  const rows = await trx.selectFrom('file_texts').select(['file_id', 'text']).where('file_id', 'in', fileIds).where('status', '=', 'done').execute();
  return new Map(rows.map((r) => [r.file_id, r.text]));
}

async function removeEntry(trx: AnyDb, d: Dialect, kind: string, refId: number): Promise<void> {
  const old = await trx.selectFrom('search_entries').select('id').where('kind', '=', kind).where('ref_id', '=', refId).executeTakeFirst();
  if (!old) {
    return;
  }
  if (d.kind === 'sqlite') {
    await sql`delete from search_fts where rowid = ${Number(old.id)}`.execute(trx);
  }
  await trx.deleteFrom('search_entries').where('id', '=', Number(old.id)).execute();
}

/** Inserts the entries of `docs` (none may exist yet), a few hundred rows per statement. */
async function writeEntries(trx: AnyDb, d: Dialect, source: SearchSource, docs: IndexDoc[], texts: Map<number, string>, now: string) {
  // In entry-id order: FTS5 starts a new segment whenever a rowid goes back, and a batch in arrival order
  // goes back all the time (dates lag arrivals) — 429 vs 4,736 records/s at 1M (docs/benchmarks.md, Search).
  const ordered = [...docs].sort((a, b) => entryId(source.code, a.refId, a.date) - entryId(source.code, b.refId, b.date));
  const build = (chunk: IndexDoc[]) =>
    chunk.map((doc) => ({
      id: entryId(source.code, doc.refId, doc.date),
      doc,
      tokens: indexTokens(...doc.fields, doc.body, ...(doc.secret ? [] : doc.fileIds.map((f) => texts.get(f) ?? '')))
        .slice(0, MAX_TOKENS)
        .join(' '),
    }));
  const write = async (rows: ReturnType<typeof build>) => {
    const values = rows.map(({ id, doc }) => ({
      id,
      kind: source.kind,
      ref_id: doc.refId,
      committee_id: doc.committeeId,
      sort_date: doc.date,
      notation_folded: doc.notation ? notationKey(doc.notation) : null,
      indexed_at: now,
    }));
    if (d.kind === 'sqlite') {
      await trx.insertInto('search_entries').values(values).execute();
      await sql`insert into search_fts (rowid, tokens) values ${sql.join(rows.map((r) => sql`(${r.id}, ${r.tokens})`))}`.execute(trx);
    } else {
      await trx
        .insertInto('search_entries')
        .values(values.map((v, k) => ({ ...v, search_vector: sql`array_to_tsvector(string_to_array(${rows[k]!.tokens}, ' '))` }) as never))
        .execute();
    }
  };
  // The next rows' tokens are built while PostgreSQL writes the previous ones (node idled 59 % of a
  // PostgreSQL rebuild waiting for the inserts); SQLite runs in this thread, so there it changes nothing.
  let pending: Promise<void> | null = null;
  try {
    for (let i = 0; i < ordered.length; i += 200) {
      const rows = build(ordered.slice(i, i + 200));
      if (pending) {
        await pending;
      }
      pending = write(rows);
      pending.catch(() => undefined); // awaited below; keeps a failure from going unhandled meanwhile
    }
  } finally {
    if (pending) {
      await pending;
    }
  }
}

/**
 * (Re)indexes records of one kind inside the caller's transaction, so the index never disagrees with
 * what committed. Files not yet extracted are queued for the extraction runner, which indexes the
 * records again when their text is in.
 */
export async function indexRecords(trx: AnyDb, d: Dialect, kind: string, ids: number[], now = new Date()): Promise<void> {
  const source = searchSource(kind);
  if (!source || ids.length === 0) {
    return;
  }
  await lockRecords(trx, d, kind, ids);
  const docs = await source.load(trx, ids);
  const fileIds = [...new Set(docs.flatMap((x) => (x.secret ? [] : x.fileIds)))];
  // A record that became secret keeps no extracted text of its files in clear (a running extraction
  // of one of them then finds its row gone and rolls back).
  const secretFiles = docs.flatMap((x) => (x.secret ? x.ownedFileIds : []));
  if (secretFiles.length > 0) {
    await trx.deleteFrom('file_texts').where('file_id', 'in', secretFiles).execute();
  }
  const texts = await fileTexts(trx, fileIds);
  await queueFileTexts(trx, fileIds, now);
  for (const id of ids) {
    await removeEntry(trx, d, kind, id);
  }
  await writeEntries(trx, d, source, docs, texts, now.toISOString());
}

/**
 * Empties the index (a full rebuild follows). PostgreSQL truncates the whole index: deleting a million
 * rows took 8.7 s and left them dead (the table twice its size until autovacuum passed).
 */
export async function clearIndex(trx: AnyDb, d: Dialect, kind?: string): Promise<void> {
  if (d.kind === 'sqlite') {
    if (kind === undefined) {
      await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(trx);
    } else {
      await sql`delete from search_fts where rowid in (select id from search_entries where kind = ${kind})`.execute(trx);
    }
  }
  if (d.kind === 'postgres' && kind === undefined) {
    await sql`truncate search_entries`.execute(trx);
    return;
  }
  await (kind === undefined ? trx.deleteFrom('search_entries') : trx.deleteFrom('search_entries').where('kind', '=', kind)).execute();
}

/**
 * Adds the entries of records that have none, without looking for old ones: the bulk path of a
 * rebuild after `clearIndex`. Files without text are queued for extraction as usual.
 */
export async function appendRecords(trx: AnyDb, d: Dialect, kind: string, ids: number[], now = new Date()): Promise<number> {
  const source = searchSource(kind);
  if (!source || ids.length === 0) {
    return 0;
  }
  await lockRecords(trx, d, kind, ids);
  const docs = await source.load(trx, ids);
  const fileIds = [...new Set(docs.flatMap((x) => (x.secret ? [] : x.fileIds)))];
  const texts = await fileTexts(trx, fileIds);
  await queueFileTexts(trx, fileIds, now);
  // A record indexed by its module while the rebuild ran is replaced, not duplicated. Looked up by the
  // batch's id range (the rebuild's batches are consecutive ids): `ref_id in (2,000 ids)` was planned as a
  // scan with the statistics of an empty index — 347 ms per batch at 1M, against 3.3 ms for the range.
  const wanted = new Set(ids);
  const existing = await trx
    .selectFrom('search_entries')
    .select(['id', 'ref_id'])
    .where('kind', '=', kind)
    .where('ref_id', '>=', Math.min(...ids))
    .where('ref_id', '<=', Math.max(...ids))
    .execute();
  const stale = existing.filter((e) => wanted.has(e.ref_id));
  if (stale.length > 0) {
    const old = stale.map((e) => Number(e.id));
    if (d.kind === 'sqlite') {
      await sql`delete from search_fts where rowid in (${sql.join(old)})`.execute(trx);
    }
    await trx.deleteFrom('search_entries').where('id', 'in', old).execute();
  }
  await writeEntries(trx, d, source, docs, texts, now.toISOString());
  return docs.length;
}
