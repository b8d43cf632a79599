/**
 * The register list at scale (docs/benchmarks.md, incoming): filters, sorts, the inbox, quick search,
 * a capped and time-bounded count, and the display columns of one page.
 */
import type { IncomingListQuery } from '@vanphong/contracts';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Dialect } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import { looksLikeNotation } from '../../platform/text/tokens.ts';
import type { TokenFrequencies } from '../../platform/db/token-stats.ts';
import { incomingTokenFrequencies, searchPredicate, sqliteFtsMatch } from './incoming.search.ts';
import { visibleTo, type IncomingViewer } from './incoming.visibility.ts';

type Db = Kysely<Database>;

const LIST_COLUMNS = [
  'd.id',
  'd.register_id',
  'd.committee_id',
  'd.arrival_number',
  'd.arrived_at',
  'd.arrival_date',
  'd.channel',
  'd.issuer_id',
  'd.issuer_name',
  'd.notation',
  'd.document_date',
  'd.document_type_id',
  'd.summary',
  'd.urgency',
  'd.secrecy',
  'd.status',
  'd.deadline',
  'd.lead_agency_id',
  'd.lead_user_id',
  'd.attachment_count',
] as const;

export interface ListRow {
  id: number;
  register_id: number;
  committee_id: number;
  arrival_number: number;
  arrived_at: string;
  arrival_date: string;
  channel: string;
  issuer_id: number | null;
  issuer_name: string;
  notation: string;
  document_date: string;
  document_type_id: number | null;
  document_type_name: string | null;
  summary: string | null;
  urgency: string;
  secrecy: string;
  status: string;
  deadline: string | null;
  lead_agency_id: number | null;
  lead_agency_name: string | null;
  lead_user_id: number | null;
  lead_user_name: string | null;
  attachment_count: number;
}

export interface ListContext {
  today: string;
  /** Last day that still counts as "due soon". */
  soonLimit: string;
  /** Whether the caller handles documents of their unit (incoming.handle) — widens their inbox to the unit. */
  handlesForUnit: boolean;
  registers: boolean;
}

const OPEN = ['registered', 'presented', 'directed', 'in_progress'];
/**
 * Counting stops here: beyond it the list says "1 000+" (docs search-at-scale). At 1M documents, counting
 * to 10,000 visible matches cost 20–600 ms per list or search; to 1,000, a tenth (bench/incoming-plans.mjs).
 */
export const COUNT_CAP = 1_000;

/**
 * "Most urgent first" and "nearest deadline first" over the whole register (no narrowing filter) on
 * SQLite: walk the sort's own index from the top and check the scope per row — the first page is found
 * in the first rows — instead of sorting every visible document (bench: 230–420 ms at 1M → ~5 ms).
 */
function walksSortIndex(d: Dialect, q: IncomingListQuery): boolean {
  const narrowed =
    q.q || q.status || q.registerId !== undefined || q.agencyId !== undefined || q.urgency || q.secrecy || q.overdue || q.dueSoon || q.inbox || q.year !== undefined || q.from || q.to;
  return d.kind === 'sqlite' && (q.sort === 'urgency_desc' || q.sort === 'deadline_asc') && !narrowed;
}

interface IdRange {
  lo: number;
  hi: number;
}

/**
 * A full-text search inside a date window (year, from, to) on SQLite: the newest-first walk of FTS5 would
 * pass every newer match before reaching the window (last year's "đảng viên" at 1M: 240–310 ms → 25 ms). The
 * smallest and largest id of the visible committees' documents in the window — read from the
 * (committee_id, arrival_date) index, which carries the rowid — bound the walk exactly: every document of
 * the window lies between them. Null when no bound applies; `{lo: 1, hi: 0}` when the window is empty.
 */
async function dateWindowIds(db: Db, d: Dialect, viewer: IncomingViewer, q: IncomingListQuery): Promise<IdRange | null> {
  const from = [q.year !== undefined ? `${q.year}-01-01` : null, q.from ?? null].filter((x): x is string => x !== null).sort().pop();
  const to = [q.year !== undefined ? `${q.year}-12-31` : null, q.to ?? null].filter((x): x is string => x !== null).sort()[0];
  // PostgreSQL is left out: with the id bound its planner walked the primary key (~0.5 s), worse than its own plan (~100 ms).
  if (d.kind !== 'sqlite' || !q.q || looksLikeNotation(q.q) || (!from && !to) || viewer.committeeIds === null) {
    return null;
  }
  let r = db
    .selectFrom('incoming_documents')
    .select((eb) => [eb.fn.min<number>('id').as('lo'), eb.fn.max<number>('id').as('hi')])
    .where('committee_id', 'in', viewer.committeeIds.length ? viewer.committeeIds : [-1]);
  if (from) {
    r = r.where('arrival_date', '>=', from);
  }
  if (to) {
    r = r.where('arrival_date', '<=', to);
  }
  const row = await r.executeTakeFirst();
  return row?.lo == null || row.hi == null ? { lo: 1, hi: 0 } : { lo: row.lo, hi: row.hi };
}

/** The filtered, visibility-checked id query shared by the list and its count. */
function filtered(
  db: Db,
  d: Dialect,
  viewer: IncomingViewer,
  q: IncomingListQuery,
  lc: ListContext,
  freqs: TokenFrequencies | null,
  idRange: IdRange | null = null,
) {
  const base = db.selectFrom('incoming_documents');
  // SQLite full-text search: FTS5 is the outer loop (CROSS JOIN keeps that order), see sqliteFtsMatch.
  const match = q.q ? sqliteFtsMatch(d, q.q) : null;
  let qb = (
    match === null
      ? base
      : (db
          .selectFrom(sql`incoming_fts`.as('incoming_fts'))
          .crossJoin('incoming_documents')
          .where(sql<SqlBool>`incoming_fts match ${match}`)
          .where(sql<SqlBool>`incoming_fts.rowid = incoming_documents.id`) as unknown as typeof base)
  ).where(visibleTo(viewer, { walkSortIndex: walksSortIndex(d, q) }));
  if (idRange !== null) {
    // The search walks only the window's ids instead of every newer match (see dateWindowIds): FTS5 seeks
    // its rowid range.
    qb =
      match !== null
        ? qb.where(sql<SqlBool>`incoming_fts.rowid between ${idRange.lo} and ${idRange.hi}`)
        : qb.where('incoming_documents.id', '>=', idRange.lo).where('incoming_documents.id', '<=', idRange.hi);
  }
  if (q.year !== undefined) {
    qb = qb.where('incoming_documents.arrival_date', '>=', `${q.year}-01-01`).where('incoming_documents.arrival_date', '<=', `${q.year}-12-31`);
  }
  if (q.from) {
    qb = qb.where('incoming_documents.arrival_date', '>=', q.from);
  }
  if (q.to) {
    qb = qb.where('incoming_documents.arrival_date', '<=', q.to);
  }
  if (q.registerId !== undefined) {
    qb = qb.where('incoming_documents.register_id', '=', q.registerId);
  }
  if (q.status) {
    qb = qb.where('incoming_documents.status', '=', q.status);
  }
  if (q.agencyId !== undefined) {
    qb = qb.where('incoming_documents.lead_agency_id', '=', q.agencyId);
  }
  if (q.urgency) {
    qb = qb.where('incoming_documents.urgency', '=', q.urgency);
  }
  if (q.secrecy) {
    qb = qb.where('incoming_documents.secrecy', '=', q.secrecy);
  }
  if (q.overdue === true) {
    qb = qb.where('incoming_documents.status', 'in', OPEN).where('incoming_documents.deadline', '<', lc.today);
  }
  if (q.dueSoon === true) {
    qb = qb
      .where('incoming_documents.status', 'in', OPEN)
      .where('incoming_documents.deadline', '>=', lc.today)
      .where('incoming_documents.deadline', '<=', lc.soonLimit);
  }
  if (q.inbox === 'mine') {
    // What waits for me, as a union of index lookups (an OR over the whole register read every visible
    // row: ~60 ms at 1M on SQLite): presented to me; directed to me, or to my unit when I handle for it;
    // for clerks, what is registered and not yet presented. The visibility filter still applies on top.
    qb = qb.where((eb) => {
      const me = viewer.userId;
      const handling = ['directed', 'in_progress'];
      let ids = eb
        .selectFrom('incoming_documents as p')
        .select('p.id')
        .where('p.presented_to', '=', me)
        .where('p.status', '=', 'presented')
        .union(eb.selectFrom('incoming_documents as l').select('l.id').where('l.lead_user_id', '=', me).where('l.status', 'in', handling))
        .union(
          eb
            .selectFrom('incoming_recipients as r')
            .innerJoin('incoming_documents as rd', 'rd.id', 'r.document_id')
            .select('r.document_id as id')
            .where('r.active', '=', 1)
            .where('r.role', 'in', ['lead', 'co'])
            .where('rd.status', 'in', handling)
            .where((w) =>
              lc.handlesForUnit && viewer.agencyId !== null
                ? w.or([w('r.user_id', '=', me), w('r.agency_id', '=', viewer.agencyId)])
                : w('r.user_id', '=', me),
            ),
        );
      if (lc.registers) {
        let registered = eb.selectFrom('incoming_documents as g').select('g.id').where('g.status', '=', 'registered');
        if (viewer.committeeIds !== null) {
          registered = registered.where('g.committee_id', 'in', viewer.committeeIds.length ? viewer.committeeIds : [-1]);
        }
        ids = ids.union(registered);
      }
      return eb('incoming_documents.id', 'in', ids);
    });
  }
  if (q.q && match === null) {
    const p = searchPredicate(d, q.q, freqs);
    if (p) {
      qb = qb.where(p);
    }
  }
  return qb;
}

export async function listIncoming(
  db: Db,
  d: Dialect,
  viewer: IncomingViewer,
  q: IncomingListQuery,
  lc: ListContext,
): Promise<{ items: ListRow[]; total: number; totalCapped: boolean }> {
  const freqs = q.q ? await incomingTokenFrequencies(db, d) : null;
  const idRange = await dateWindowIds(db, d, viewer, q);
  let ids = filtered(db, d, viewer, q, lc, freqs, idRange).select('incoming_documents.id');
  // Walking the FTS5 rowids in order is what lets SQLite stop at the page; ordered by the document id
  // (the same number) it would sort every match first.
  const ftsOrder = q.q !== undefined && sqliteFtsMatch(d, q.q) !== null;
  // A date window (year, from, to) puts its newest matches behind every newer document: walking ids
  // downwards read all of them (last year's list: 185,000 rows, 120–200 ms at 1M). Ordered by arrival
  // date, the window's own index (committee, [status,] arrival_date) yields the order directly.
  const dated = q.year !== undefined || q.from !== undefined || q.to !== undefined;
  switch (q.sort) {
    case 'arrival_asc':
      ids = ftsOrder
        ? ids.orderBy(sql`incoming_fts.rowid`, 'asc')
        : dated
          ? ids.orderBy('incoming_documents.arrival_date', 'asc').orderBy('incoming_documents.id', 'asc')
          : ids.orderBy('incoming_documents.id', 'asc');
      break;
    case 'deadline_asc':
      // Documents without a deadline last; the expression matches index incoming_deadline_walk (0008).
      ids = ids.orderBy(sql`coalesce(incoming_documents.deadline, '9999-12-31')`, 'asc').orderBy('incoming_documents.id', 'asc');
      break;
    case 'urgency_desc':
      ids = ids.orderBy('incoming_documents.urgency_rank', 'desc').orderBy('incoming_documents.id', 'desc');
      break;
    default:
      ids = ftsOrder
        ? ids.orderBy(sql`incoming_fts.rowid`, 'desc')
        : dated
          ? ids.orderBy('incoming_documents.arrival_date', 'desc').orderBy('incoming_documents.id', 'desc')
          : ids.orderBy('incoming_documents.id', 'desc');
  }
  // Page and capped count at once: on PostgreSQL they run on two connections (the slower one sets the
  // time, not the sum); SQLite's single connection takes them in turn.
  const [page, n] = await Promise.all([
    ids.limit(q.limit).offset(q.offset).execute(),
    countWithin(db, d, COUNT_BUDGET_MS, (x) =>
      x
        .selectFrom(filtered(x, d, viewer, q, lc, freqs, idRange).select(sql.lit(1).as('one')).limit(COUNT_CAP + 1).as('hits'))
        .select((eb) => eb.fn.countAll<number | string>().as('n')),
    ),
  ]);
  const rows = await loadListRows(db, page.map((r) => r.id));
  if (n === null) {
    // Counting ran out of time: at least what this page shows, and one more if the page is full.
    return { items: rows, total: q.offset + page.length + (page.length === q.limit ? 1 : 0), totalCapped: true };
  }
  return { items: rows, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

/**
 * Time allowed to a list's count on PostgreSQL. At 1M documents a capped count still builds the full
 * bitmaps of the committee index and of a common word's GIN list (25–40 ms); the page itself takes
 * 2–10 ms. Past the budget the list answers an estimate ("many results") instead of waiting.
 */
export const COUNT_BUDGET_MS = 35;

/**
 * Runs a `count` query under a statement timeout (PostgreSQL; SQLite counts in a few milliseconds and
 * has no per-statement timeout). Answers null when the budget ran out.
 */
export async function countWithin(
  db: Db,
  d: Dialect,
  budgetMs: number,
  query: (db: Db) => { executeTakeFirstOrThrow(): Promise<{ n: number | string }> },
): Promise<number | null> {
  if (d.kind !== 'postgres') {
    return Number((await query(db).executeTakeFirstOrThrow()).n);
  }
  try {
    return await db.transaction().execute(async (trx) => {
      await sql.raw(`set local statement_timeout = ${Math.max(1, Math.round(budgetMs))}`).execute(trx);
      return Number((await query(trx).executeTakeFirstOrThrow()).n);
    });
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'code' in err && err.code === '57014') {
      return null; // query_canceled: the statement timeout
    }
    throw err;
  }
}

/** Display columns for the ids of one page, in the page's order. */
export async function loadListRows(db: Db, ids: number[]): Promise<ListRow[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = (await db
    .selectFrom('incoming_documents as d')
    .leftJoin('document_types as t', 't.id', 'd.document_type_id')
    .leftJoin('agencies as a', 'a.id', 'd.lead_agency_id')
    .leftJoin('users as u', 'u.id', 'd.lead_user_id')
    .select([...LIST_COLUMNS, 't.name as document_type_name', 'a.name as lead_agency_name', 'u.display_name as lead_user_name'])
    .where('d.id', 'in', ids)
    .execute()) as ListRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is ListRow => r !== undefined);
}
