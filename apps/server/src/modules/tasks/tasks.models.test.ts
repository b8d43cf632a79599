import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_STATUSES, type TaskStatus } from '@vanphong/contracts';
import { createTestContext, type TestContext } from '../../../test/test-context.ts';
import { seedReference } from '../seed/seed.ts';
import { rawTask } from './tasks.test-support.ts';
import { computeHolidays } from '../calendar/calendar.holidays.ts';
import type { WorkingCalendar } from '../calendar/calendar.workdays.ts';
import { dueOnFor, effectiveDeadline, onTimeRate, overdueDays, periodEndOnOrAfter, statusCondition, statusOf, statusSql } from './tasks.models.ts';

/**
 * Issue 5 acceptance: the status is computed from dates on the working calendar — across weekends, Tết and a
 * swapped working day — and the SQL form used by lists and dashboards agrees with the TypeScript one.
 */

/** 2026 and 2027 as the app generates them, plus a Government swap: Thursday 29/04/2027 off, worked on Saturday 24/04/2027. */
const SWAPPED_DAY_OFF = '2027-04-29';
const SWAPPED_WORKDAY = '2027-04-24';
const cal: WorkingCalendar = {
  daysOff: new Set([...computeHolidays(2026), ...computeHolidays(2027)].map((h) => h.date).concat(SWAPPED_DAY_OFF)),
  extraWorkdays: new Set([SWAPPED_WORKDAY]),
};

describe('the effective due date', () => {
  it.each([
    ['a working day stays', '2026-11-25', '2026-11-25'],
    ['a Saturday moves to the Monday', '2026-11-28', '2026-11-30'],
    ['a Sunday moves to the Monday', '2026-11-29', '2026-11-30'],
    ['New Year’s Day 2027 (a Friday) moves to Monday 4/1', '2027-01-01', '2027-01-04'],
    ['the eve of Tết 2027 moves past Tết and its compensatory days to Friday 12/2', '2027-02-05', '2027-02-12'],
    ['mùng 1 Tết 2027 (a Saturday) moves to Friday 12/2', '2027-02-06', '2027-02-12'],
    ['a compensatory day of Tết moves to Friday 12/2', '2027-02-11', '2027-02-12'],
    ['the day before Tết stays', '2027-02-04', '2027-02-04'],
    ['a swapped day off moves past 30/4, 1/5 and its compensatory day to Tuesday 4/5', SWAPPED_DAY_OFF, '2027-05-04'],
    ['a Saturday worked in exchange stays', SWAPPED_WORKDAY, SWAPPED_WORKDAY],
    ['Tết 2026 (Monday 16/2 to Friday 20/2) moves to Monday 23/2', '2026-02-17', '2026-02-23'],
  ])('%s', (_name, deadline, due) => {
    expect(effectiveDeadline(deadline, cal)).toBe(due);
    expect(dueOnFor({ deadline, cadence: null, assignedOn: '2026-01-01', lastReportedPeriodEnd: null }, cal)).toBe(due);
  });

  it.each([
    ['monthly, the month of assignment', 'monthly', '2027-01-10', null, '2027-02-01'], // 31/1/2027 is a Sunday
    ['monthly, after January was reported', 'monthly', '2027-01-10', '2027-01-31', '2027-03-01'], // 28/2 a Sunday
    ['quarterly', 'quarterly', '2026-11-25', null, '2026-12-31'],
    ['quarterly, after the fourth quarter was reported', 'quarterly', '2026-11-25', '2026-12-31', '2027-03-31'],
    ['half-year', 'half_year', '2026-11-25', '2026-12-31', '2027-06-30'],
    ['nine months: end of September', 'nine_months', '2026-11-25', null, '2027-09-30'],
    ['yearly', 'yearly', '2027-01-01', null, '2027-12-31'],
    ['a period ending on the last day of the month it is assigned', 'monthly', '2026-11-30', null, '2026-11-30'],
  ] as const)('standing task: %s', (_name, cadence, assignedOn, last, due) => {
    expect(dueOnFor({ deadline: null, cadence, assignedOn, lastReportedPeriodEnd: last }, cal)).toBe(due);
  });

  it('knows period ends across a year', () => {
    expect(periodEndOnOrAfter('quarterly', '2027-01-01')).toBe('2027-03-31');
    expect(periodEndOnOrAfter('nine_months', '2027-10-01')).toBe('2028-09-30');
    expect(periodEndOnOrAfter('half_year', '2027-07-01')).toBe('2027-12-31');
  });
});

describe('the status', () => {
  const f = (dueOn: string, completedOn: string | null = null, lastProgressOn: string | null = null) => ({ dueOn, completedOn, lastProgressOn });

  it.each([
    ['not yet due without a report', f('2027-02-12'), '2027-02-05', 'not_due'],
    ['in progress once a report arrived', f('2027-02-12', null, '2027-02-01'), '2027-02-05', 'in_progress'],
    ['still due on the due day itself', f('2027-02-12'), '2027-02-12', 'not_due'],
    ['overdue the day after', f('2027-02-12', null, '2027-02-01'), '2027-02-13', 'overdue'],
    ['done on the due day is on time', f('2027-02-12', '2027-02-12'), '2027-03-01', 'done_on_time'],
    ['done during Tết for a deadline moved past Tết is on time', f('2027-02-12', '2027-02-08'), '2027-02-20', 'done_on_time'],
    ['done after the due date is late', f('2027-02-12', '2027-02-15'), '2027-02-15', 'done_late'],
  ] as const)('%s', (_name, facts, today, status) => {
    expect(statusOf(facts, today)).toBe(status);
  });

  it('counts working days overdue across Tết and a swapped workday', () => {
    // Due Thursday 4/2/2027; Tết and its compensatory days (5–11/2) and the weekend do not count.
    expect(overdueDays(f('2027-02-04'), '2027-02-15', cal)).toBe(2);
    // Due Friday 23/4/2027; Saturday 24/4 is worked, so Monday 26/4 is the second working day overdue.
    expect(overdueDays(f('2027-04-23'), '2027-04-26', cal)).toBe(2);
    expect(overdueDays(f('2027-04-23', '2027-04-26'), '2027-04-26', cal)).toBe(0);
    expect(overdueDays(f('2027-04-23'), '2027-04-23', cal)).toBe(0);
  });

  it('computes the on-time rate over what came due', () => {
    expect(onTimeRate({ done_on_time: 3, done_late: 1, overdue: 0 })).toBe(0.75);
    expect(onTimeRate({ done_on_time: 0, done_late: 0, overdue: 0 })).toBeNull();
  });
});

describe('the SQL status agrees with statusOf on the database', () => {
  let tc: TestContext;
  const dues = ['2027-02-04', '2027-02-12'];
  const completions = [null, '2027-02-03', '2027-02-04', '2027-02-12', '2027-02-15'];
  const progress = [null, '2027-02-01'];
  const todays = ['2027-02-03', '2027-02-04', '2027-02-05', '2027-02-12', '2027-02-13', '2027-03-01'];
  const rows: { id: number; dueOn: string; completedOn: string | null; lastProgressOn: string | null }[] = [];

  beforeAll(async () => {
    tc = await createTestContext();
    await seedReference(tc.ctx);
    const db = tc.ctx.db;
    const now = new Date('2027-01-01T00:00:00Z').toISOString();
    const c = await db
      .insertInto('committees')
      .values({ parent_id: null, level_code: 'province', name: 'Tỉnh ủy thử', superior_line: 'ĐẢNG BỘ TỈNH THỬ', place_name: 'Thử', abbreviation: 'TU', numbering_rule: 'party_term', active: 1, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const dueOn of dues) {
      for (const completedOn of completions) {
        for (const lastProgressOn of progress) {
          const r = await db
            .insertInto('tasks')
            .values(
              rawTask(c.id, {
                assigned_on: '2027-01-04',
                deadline: dueOn,
                due_on: dueOn,
                state: completedOn ? 'reported_done' : 'open',
                last_progress_on: lastProgressOn,
                completed_on: completedOn,
              }),
            )
            .returning('id')
            .executeTakeFirstOrThrow();
          rows.push({ id: r.id, dueOn, completedOn, lastProgressOn });
        }
      }
    }
  });
  afterAll(async () => tc.cleanup());

  it.each(todays)('on %s, statusSql and statusCondition give statusOf for every row', async (today) => {
    const db = tc.ctx.db;
    const got = await db.selectFrom('tasks').select(['id', statusSql(today).as('status')]).orderBy('id').execute();
    const expected = rows.map((r) => ({ id: r.id, status: statusOf(r, today) }));
    expect(got).toEqual(expected);
    for (const status of TASK_STATUSES) {
      const ids = (await db.selectFrom('tasks').select('id').where(statusCondition(status, today)).orderBy('id').execute()).map((r) => r.id);
      expect(ids, status).toEqual(expected.filter((e) => e.status === (status as TaskStatus)).map((e) => e.id));
    }
  });

  it('covers every status in the grid', () => {
    const seen = new Set(todays.flatMap((today) => rows.map((r) => statusOf(r, today))));
    expect([...seen].sort()).toEqual([...TASK_STATUSES].sort());
  });
});
