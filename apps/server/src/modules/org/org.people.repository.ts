import { sql, type Selectable, type Updateable } from 'kysely';
import type { PeopleTable, PositionsTable } from '../../platform/db/schema.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { definedOnly, idsOrNone, type Db, type IdFilter } from './org.repository.ts';

/** Queries of positions (chức vụ) and people (nhân sự). */

export interface Position {
  id: number;
  name: string;
  signatureTitle: string;
  isLeader: boolean;
  rank: number;
}
export interface Person {
  id: number;
  fullName: string;
  gender: string | null;
  birthYear: number | null;
  committeeId: number | null;
  agencyId: number | null;
  positionId: number | null;
  positionName: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
}

const toPosition = (r: Selectable<PositionsTable>): Position => ({
  id: r.id,
  name: r.name,
  signatureTitle: r.signature_title,
  isLeader: Boolean(r.is_leader),
  rank: r.rank,
});

export async function listPositions(
  db: Db,
  { limit, offset }: { limit: number; offset: number },
): Promise<{ items: Position[]; total: number }> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('positions')
      .selectAll()
      .orderBy('rank')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('positions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toPosition), total: Number(count.n) };
}

export async function findPosition(db: Db, id: number): Promise<Position | null> {
  const r = await db.selectFrom('positions').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toPosition(r) : null;
}

export async function insertPosition(db: Db, values: Omit<PositionsTable, 'id'>): Promise<number> {
  return (await db.insertInto('positions').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updatePosition(db: Db, id: number, set: Updateable<PositionsTable>): Promise<void> {
  const values = definedOnly(set);
  if (values) {
    await db.updateTable('positions').set(values).where('id', '=', id).execute();
  }
}

const PERSON_COLUMNS = [
  'p.id',
  'p.full_name',
  'p.gender',
  'p.birth_year',
  'p.committee_id',
  'p.agency_id',
  'p.position_id',
  'pos.name as position_name',
  'p.email',
  'p.phone',
  'p.active',
] as const;

const personQuery = (db: Db) => db.selectFrom('people as p').leftJoin('positions as pos', 'pos.id', 'p.position_id').select(PERSON_COLUMNS);
type PersonRow = Awaited<ReturnType<ReturnType<typeof personQuery>['executeTakeFirstOrThrow']>>;
const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  fullName: r.full_name,
  gender: r.gender,
  birthYear: r.birth_year,
  committeeId: r.committee_id,
  agencyId: r.agency_id,
  positionId: r.position_id,
  positionName: r.position_name,
  email: r.email,
  phone: r.phone,
  active: Boolean(r.active),
});

/** `%`, `_` and `\` typed by a user are literal characters, not LIKE wildcards. */
const likeContains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * People in `ids` committees. `q` is folded like the stored key (tones, marks and đ→d removed) and each
 * word must appear, so "nguyen van hung" and "hùng nguyễn" both find "Nguyễn Văn Hùng".
 */
export async function listPeople(
  db: Db,
  {
    ids,
    q,
    committeeId,
    agencyId,
    limit,
    offset,
  }: { ids: IdFilter; q?: string; committeeId?: number; agencyId?: number; limit: number; offset: number },
): Promise<{ items: Person[]; total: number }> {
  // Filters go on the bare table; the position name is joined for the page only, so the count does not
  // pay for a join SQLite would not drop by itself (measured in bench/sqlite-list-plans.mjs).
  let base = db.selectFrom('people as p');
  if (ids !== null) {
    base = base.where('p.committee_id', 'in', idsOrNone(ids));
  }
  if (committeeId !== undefined) {
    base = base.where('p.committee_id', '=', committeeId);
  }
  if (agencyId !== undefined) {
    base = base.where('p.agency_id', '=', agencyId);
  }
  for (const word of foldVietnamese(q ?? '')
    .split(' ')
    .filter(Boolean)) {
    base = base.where(sql<boolean>`p.full_name_folded like ${likeContains(word)} escape '\\'`);
  }
  const [rows, count] = await Promise.all([
    base
      .leftJoin('positions as pos', 'pos.id', 'p.position_id')
      .select(PERSON_COLUMNS)
      .orderBy('p.full_name_folded')
      .orderBy('p.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toPerson), total: Number(count.n) };
}

export async function findPerson(db: Db, id: number): Promise<Person | null> {
  const r = await personQuery(db).where('p.id', '=', id).executeTakeFirst();
  return r ? toPerson(r) : null;
}

export async function insertPerson(db: Db, values: Omit<PeopleTable, 'id'>): Promise<number> {
  return (await db.insertInto('people').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updatePerson(db: Db, id: number, set: Updateable<PeopleTable>): Promise<void> {
  const values = definedOnly(set);
  if (values) {
    await db.updateTable('people').set(values).where('id', '=', id).execute();
  }
}
