import { vietnameseCollator } from '../../platform/text/fold.ts';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { AgenciesTable, CommitteesTable, Database, TermsTable } from '../../platform/db/schema.ts';

/** Queries of committee levels, committees, terms and agencies; positions and people are in org.people.repository.ts. */

export type Db = Kysely<Database>;
/** `null` = no restriction (installation-wide scope); an empty list matches nothing. */
export type IdFilter = number[] | null;
export const idsOrNone = (ids: number[]) => (ids.length > 0 ? ids : [-1]);

/** Patches leave unnamed fields `undefined`; an update that names none is not sent (SQL has no empty SET). */
export function definedOnly<T extends object>(set: T): Partial<T> | null {
  const entries = Object.entries(set).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<T>) : null;
}

export interface Level {
  code: string;
  name: string;
  rank: number;
  historic: boolean;
}
export interface Committee {
  id: number;
  parentId: number | null;
  levelCode: string;
  levelName: string;
  levelRank: number;
  name: string;
  superiorLine: string;
  placeName: string;
  abbreviation: string;
  numberingRule: string;
  active: boolean;
}
export interface Term {
  id: number;
  committeeId: number;
  ordinal: number;
  label: string;
  congressClosedOn: string | null;
  firstPlenumDuringCongressOn: string | null;
  startsOn: string;
  endsOn: string | null;
}
export interface Agency {
  id: number;
  committeeId: number;
  name: string;
  abbreviation: string;
  kind: string;
  active: boolean;
}
export async function listLevels(db: Db): Promise<Level[]> {
  const rows = await db.selectFrom('committee_levels').selectAll().orderBy('rank').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, rank: r.rank, historic: Boolean(r.historic) }));
}

export async function findLevel(db: Db, code: string): Promise<Level | null> {
  const r = await db.selectFrom('committee_levels').selectAll().where('code', '=', code).executeTakeFirst();
  return r ? { code: r.code, name: r.name, rank: r.rank, historic: Boolean(r.historic) } : null;
}

const committeeQuery = (db: Db) =>
  db
    .selectFrom('committees as c')
    .innerJoin('committee_levels as l', 'l.code', 'c.level_code')
    .select([
      'c.id',
      'c.parent_id',
      'c.level_code',
      'l.name as level_name',
      'l.rank as level_rank',
      'c.name',
      'c.superior_line',
      'c.place_name',
      'c.abbreviation',
      'c.numbering_rule',
      'c.active',
    ]);
type CommitteeRow = Awaited<ReturnType<ReturnType<typeof committeeQuery>['executeTakeFirstOrThrow']>>;
const toCommittee = (r: CommitteeRow): Committee => ({
  id: r.id,
  parentId: r.parent_id,
  levelCode: r.level_code,
  levelName: r.level_name,
  levelRank: r.level_rank,
  name: r.name,
  superiorLine: r.superior_line,
  placeName: r.place_name,
  abbreviation: r.abbreviation,
  numberingRule: r.numbering_rule,
  active: Boolean(r.active),
});

/** Committees in `ids`, ordered so that a parent comes before its children at each level of the tree. */
export async function listCommittees(
  db: Db,
  { ids, includeInactive }: { ids: IdFilter; includeInactive: boolean },
): Promise<Committee[]> {
  let q = committeeQuery(db);
  if (ids !== null) {
    q = q.where('c.id', 'in', idsOrNone(ids));
  }
  if (!includeInactive) {
    q = q.where('c.active', '=', 1);
  }
  // Vietnamese alphabetical order within a level (Đảng ủy… before Huyện ủy…), which no byte-wise ORDER BY gives.
  const rows = await q.execute();
  rows.sort((a, b) => a.level_rank - b.level_rank || vietnameseCollator.compare(a.name, b.name) || a.id - b.id);
  return rows.map(toCommittee);
}

export async function findCommittee(db: Db, id: number): Promise<Committee | null> {
  const r = await committeeQuery(db).where('c.id', '=', id).executeTakeFirst();
  return r ? toCommittee(r) : null;
}

export async function childLevelRanks(db: Db, committeeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('committees as c')
    .innerJoin('committee_levels as l', 'l.code', 'c.level_code')
    .select('l.rank')
    .where('c.parent_id', '=', committeeId)
    .execute();
  return rows.map((r) => r.rank);
}

export async function insertCommittee(db: Db, values: Omit<CommitteesTable, 'id'>): Promise<number> {
  return (await db.insertInto('committees').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCommittee(db: Db, id: number, set: Updateable<CommitteesTable>): Promise<void> {
  const values = definedOnly(set);
  if (values) {
    await db.updateTable('committees').set(values).where('id', '=', id).execute();
  }
}

const toTerm = (r: Selectable<TermsTable>): Term => ({
  id: r.id,
  committeeId: r.committee_id,
  ordinal: r.ordinal,
  label: r.label,
  congressClosedOn: r.congress_closed_on,
  firstPlenumDuringCongressOn: r.first_plenum_during_congress_on,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
});

export async function listTerms(db: Db, committeeId: number): Promise<Term[]> {
  const rows = await db
    .selectFrom('terms')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .orderBy('ordinal')
    .execute();
  return rows.map(toTerm);
}

export async function findTerm(db: Db, id: number): Promise<Term | null> {
  const r = await db.selectFrom('terms').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toTerm(r) : null;
}

export async function insertTerm(db: Db, values: Omit<TermsTable, 'id'>): Promise<number> {
  return (await db.insertInto('terms').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateTerm(db: Db, id: number, set: Updateable<TermsTable>): Promise<void> {
  const values = definedOnly(set);
  if (values) {
    await db.updateTable('terms').set(values).where('id', '=', id).execute();
  }
}

const toAgency = (r: Selectable<AgenciesTable>): Agency => ({
  id: r.id,
  committeeId: r.committee_id,
  name: r.name,
  abbreviation: r.abbreviation,
  kind: r.kind,
  active: Boolean(r.active),
});

export async function listAgencies(
  db: Db,
  { ids, committeeId, limit, offset }: { ids: IdFilter; committeeId?: number; limit: number; offset: number },
): Promise<{ items: Agency[]; total: number }> {
  let base = db.selectFrom('agencies');
  if (ids !== null) {
    base = base.where('committee_id', 'in', idsOrNone(ids));
  }
  if (committeeId !== undefined) {
    base = base.where('committee_id', '=', committeeId);
  }
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('committee_id').orderBy('id').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toAgency), total: Number(count.n) };
}

export async function findAgency(db: Db, id: number): Promise<Agency | null> {
  const r = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toAgency(r) : null;
}

export async function insertAgency(db: Db, values: Omit<AgenciesTable, 'id'>): Promise<number> {
  return (await db.insertInto('agencies').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateAgency(db: Db, id: number, set: Updateable<AgenciesTable>): Promise<void> {
  const values = definedOnly(set);
  if (values) {
    await db.updateTable('agencies').set(values).where('id', '=', id).execute();
  }
}

export async function countPeopleOfAgency(db: Db, agencyId: number): Promise<number> {
  const r = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
