import type { z } from 'zod';
import type { holidayInput } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import { recordAudit, systemAuditContext, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/auth.models.ts';
import { calendarErrors } from './calendar.errors.ts';
import { computeHolidays } from './calendar.holidays.ts';
import {
  countHolidaysOfYear,
  DAY_OFF_KINDS,
  deleteComputedHolidays,
  deleteHoliday,
  findCalendarYear,
  firstDayOffFrom,
  findHoliday,
  findHolidayOnDate,
  holidaysBetween,
  insertHoliday,
  listHolidaysOfYear,
  setYearConfirmation,
  type HolidayKind,
  type HolidayRow,
} from './calendar.repository.ts';
import { isWeekend, parseIsoDate, type WorkingCalendar } from './calendar.workdays.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

export interface By {
  actor: Actor | null;
  audit: AuditContext;
}

export interface CalendarYear {
  year: number;
  confirmedAt: string | null;
  confirmedBy: number | null;
  holidays: HolidayRow[];
}

const audited = (ctx: Ctx, trx: Trx, audit: AuditContext) => ({
  trx,
  dialect: ctx.dialect,
  clock: ctx.clock,
  ctx: audit,
});

export async function loadCalendarYear(db: Kysely<Database>, year: number): Promise<CalendarYear> {
  const [row, holidays] = await Promise.all([findCalendarYear(db, year), listHolidaysOfYear(db, year)]);
  return { year, confirmedAt: row?.confirmed_at ?? null, confirmedBy: row?.confirmed_by ?? null, holidays };
}

/**
 * The working calendar other modules compute deadlines with (spec §9). Days off are the public
 * holidays, nghỉ bù and swapped days off; Saturdays worked in exchange are extra workdays.
 */
export async function loadWorkingCalendar(
  db: Kysely<Database>,
  { from, to }: { from: string; to: string },
): Promise<WorkingCalendar> {
  const rows = await holidaysBetween(db, { from, to });
  const daysOff = new Set<string>();
  const extraWorkdays = new Set<string>();
  for (const r of rows) {
    if ((DAY_OFF_KINDS as string[]).includes(r.kind)) {
      daysOff.add(r.date);
    } else if (r.kind === 'swapped_workday') {
      extraWorkdays.add(r.date);
    }
  }
  return { daysOff, extraWorkdays };
}

/** The next day off (holiday, nghỉ bù, swapped day off) on or after `date`: today's counts. */
export async function nextDayOff(
  db: Kysely<Database>,
  date: string,
): Promise<{ date: string; name: string } | null> {
  const row = await firstDayOffFrom(db, date);
  return row ? { date: row.date, name: row.name } : null;
}

/**
 * Replaces the computed rows of a year by a fresh computation (Bộ luật Lao động 2019 Điều 112) and
 * un-confirms the year: the list changed, so the admin has to look at it again (spec §9). Rows an
 * admin added stay, and win over a computed day on the same date.
 */
async function writeComputedYear(trx: Trx, year: number) {
  // First, so that on PostgreSQL the year's row lock queues a second generation of the same year behind this one.
  await setYearConfirmation(trx, { year, at: null, by: null });
  const removed = await deleteComputedHolidays(trx, year);
  const inserted: string[] = [];
  const keptAdminDates: string[] = [];
  for (const h of computeHolidays(year)) {
    if (await findHolidayOnDate(trx, h.date)) {
      keptAdminDates.push(h.date);
      continue;
    }
    await insertHoliday(trx, { date: h.date, name: h.name, kind: h.kind, source: 'computed' });
    inserted.push(h.date);
  }
  return { year, removed, inserted: inserted.length, keptAdminDates };
}

export async function generateYear(ctx: Ctx, by: By, year: number): Promise<CalendarYear> {
  await inTransaction(ctx, async (trx) => {
    const result = await writeComputedYear(trx, year);
    await recordAudit(audited(ctx, trx, by.audit), {
      action: 'calendar.generated',
      entityType: 'calendar_year',
      entityId: year,
      details: result,
    });
  });
  return loadCalendarYear(ctx.db, year);
}

/**
 * Generates the statutory holidays of each year that has none yet (seeding, first start): a fresh
 * installation computes deadlines on real holidays without waiting for an admin. Idempotent.
 */
export async function ensureCalendarYears(ctx: Ctx, years: number[]): Promise<{ generated: number[] }> {
  const generated: number[] = [];
  for (const year of years) {
    try {
      const done = await inTransaction(ctx, async (trx) => {
        if ((await countHolidaysOfYear(trx, year)) > 0) {
          return false;
        }
        const result = await writeComputedYear(trx, year);
        await recordAudit(audited(ctx, trx, systemAuditContext('seed')), {
          action: 'calendar.generated',
          entityType: 'calendar_year',
          entityId: year,
          details: result,
        });
        return true;
      });
      if (done) {
        generated.push(year);
      }
    } catch (err) {
      // Another process starting at the same moment generated the year first: nothing left to do.
      if (!ctx.dialect.isUniqueViolation(err)) {
        throw err;
      }
    }
  }
  return { generated };
}

/**
 * Which weekdays a kind may fall on: a Saturday/Sunday worked in exchange (làm bù) is by definition a
 * weekend day; a nghỉ bù or a swapped day off replaces a working weekday (Điều 112 khoản 3; the Prime
 * Minister's yearly decision on swaps). A holiday falls wherever the law puts it.
 */
function assertWeekdayFits(date: string, kind: HolidayKind): void {
  const weekend = isWeekend(date);
  if (
    (kind === 'swapped_workday' && !weekend) ||
    ((kind === 'swapped_day_off' || kind === 'compensatory_day_off') && weekend)
  ) {
    throw calendarErrors.wrongWeekday(kind);
  }
}

/** An admin adds a day the Government decided (a holiday, nghỉ bù, a swap). One row per date. */
export async function addHoliday(ctx: Ctx, by: By, input: z.infer<typeof holidayInput>): Promise<HolidayRow> {
  try {
    parseIsoDate(input.date);
  } catch {
    throw calendarErrors.invalidDate(input.date);
  }
  assertWeekdayFits(input.date, input.kind);
  let id: number;
  try {
    id = await inTransaction(ctx, async (trx) => {
      if (await findHolidayOnDate(trx, input.date)) {
        throw calendarErrors.dateTaken(input.date);
      }
      const newId = await insertHoliday(trx, { ...input, source: 'admin' });
      await recordAudit(audited(ctx, trx, by.audit), {
        action: 'calendar.holiday_added',
        entityType: 'holiday',
        entityId: newId,
        details: { ...input },
      });
      return newId;
    });
  } catch (err) {
    // Two admins adding the same date at once: the unique index on `date` decides.
    if (ctx.dialect.isUniqueViolation(err)) {
      throw calendarErrors.dateTaken(input.date);
    }
    throw err;
  }
  return (await findHoliday(ctx.db, id)) as HolidayRow;
}

/** Removes any day, computed or added (a proposal the Government did not follow). */
export async function removeHoliday(ctx: Ctx, by: By, id: number): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const row = await findHoliday(trx, id);
    if (!row) {
      throw calendarErrors.notFound();
    }
    await deleteHoliday(trx, id);
    await recordAudit(audited(ctx, trx, by.audit), {
      action: 'calendar.holiday_removed',
      entityType: 'holiday',
      entityId: id,
      details: { date: row.date, name: row.name, kind: row.kind, source: row.source },
    });
  });
}

/**
 * The admin confirms the year's list (spec §9: the holiday table is data an administrator confirms
 * each year). Later manual additions keep the confirmation — they are the admin's own edits; only a
 * regeneration, which replaces the list wholesale, clears it.
 */
export async function confirmYear(ctx: Ctx, by: By, year: number): Promise<CalendarYear> {
  await inTransaction(ctx, async (trx) => {
    const count = await countHolidaysOfYear(trx, year);
    if (count === 0) {
      throw calendarErrors.nothingToConfirm(year);
    }
    await setYearConfirmation(trx, { year, at: ctx.clock.now().toISOString(), by: by.audit.actorUserId });
    await recordAudit(audited(ctx, trx, by.audit), {
      action: 'calendar.confirmed',
      entityType: 'calendar_year',
      entityId: year,
      details: { year, days: count },
    });
  });
  return loadCalendarYear(ctx.db, year);
}
