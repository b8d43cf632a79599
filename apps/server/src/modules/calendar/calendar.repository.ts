import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database>;

export type HolidayKind = 'holiday' | 'compensatory_day_off' | 'swapped_day_off' | 'swapped_workday';
export type HolidaySource = 'computed' | 'admin';

/** Kinds that take a day out of the working week; `swapped_workday` puts one back (a Saturday worked). */
export const DAY_OFF_KINDS: HolidayKind[] = ['holiday', 'compensatory_day_off', 'swapped_day_off'];

export interface HolidayRow {
  id: number;
  date: string;
  year: number;
  name: string;
  kind: string;
  source: string;
}

export interface CalendarYearRow {
  year: number;
  confirmed_at: string | null;
  confirmed_by: number | null;
}

export async function listHolidaysOfYear(db: Db, year: number): Promise<HolidayRow[]> {
  return db.selectFrom('holidays').selectAll().where('year', '=', year).orderBy('date').execute();
}

export async function holidaysBetween(
  db: Db,
  { from, to }: { from: string; to: string },
): Promise<HolidayRow[]> {
  return db
    .selectFrom('holidays')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}

/** The first day off (holiday, nghỉ bù, swapped day off) on or after `date`. */
export async function firstDayOffFrom(db: Db, date: string): Promise<HolidayRow | null> {
  const row = await db
    .selectFrom('holidays')
    .selectAll()
    .where('date', '>=', date)
    .where('kind', 'in', DAY_OFF_KINDS)
    .orderBy('date')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export async function findHoliday(db: Db, id: number): Promise<HolidayRow | null> {
  return (await db.selectFrom('holidays').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function findHolidayOnDate(db: Db, date: string): Promise<HolidayRow | null> {
  return (await db.selectFrom('holidays').selectAll().where('date', '=', date).executeTakeFirst()) ?? null;
}

export async function countHolidaysOfYear(db: Db, year: number): Promise<number> {
  const r = await db
    .selectFrom('holidays')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function deleteComputedHolidays(db: Db, year: number): Promise<number> {
  const r = await db
    .deleteFrom('holidays')
    .where('year', '=', year)
    .where('source', '=', 'computed')
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function insertHoliday(
  db: Db,
  h: { date: string; name: string; kind: HolidayKind; source: HolidaySource },
): Promise<number> {
  const r = await db
    .insertInto('holidays')
    .values({ ...h, year: Number(h.date.slice(0, 4)) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteHoliday(db: Db, id: number): Promise<void> {
  await db.deleteFrom('holidays').where('id', '=', id).execute();
}

export async function findCalendarYear(db: Db, year: number): Promise<CalendarYearRow | null> {
  return (
    (await db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst()) ?? null
  );
}

/** Sets (or clears, with nulls) the confirmation of a year, creating its row when needed. */
export async function setYearConfirmation(
  db: Db,
  { year, at, by }: { year: number; at: string | null; by: number | null },
): Promise<void> {
  await db
    .insertInto('calendar_years')
    .values({ year, confirmed_at: at, confirmed_by: by })
    .onConflict((oc) => oc.column('year').doUpdateSet({ confirmed_at: at, confirmed_by: by }))
    .execute();
}
