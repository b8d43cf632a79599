/**
 * Pure rules of task follow-up (issue 5; spec §8, §9): body keys, the effective due date on the working
 * calendar, reporting periods of standing tasks, and the computed status — once in TypeScript for one
 * task, once as SQL for lists, counts and dashboards. The two must agree (tasks.models.test.ts).
 */
import type { TaskCadence, TaskStatus } from '@vanphong/contracts';
import { sql, type RawBuilder } from 'kysely';
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../calendar/calendar.workdays.ts';

/* ---------------------------------------------------------------- bodies */

/** "c1" is committee 1 itself; "c1-a2" is agency 2 of committee 1 (the outgoing issuers' keys). */
export function bodyKeyOf(committeeId: number, agencyId: number | null): string {
  return agencyId === null ? `c${committeeId}` : `c${committeeId}-a${agencyId}`;
}

export function parseBodyKey(key: string): { committeeId: number; agencyId: number | null } | null {
  const m = /^c(\d{1,10})(?:-a(\d{1,10}))?$/.exec(key);
  return m ? { committeeId: Number(m[1]), agencyId: m[2] === undefined ? null : Number(m[2]) } : null;
}

/* ---------------------------------------------------------------- due dates */

/**
 * A deadline that falls on a day off moves to the next working day (Bộ luật Dân sự 2015, Điều 148
 * khoản 5: a period whose last day is a day off ends on the next working day).
 */
export function effectiveDeadline(deadline: string, cal: WorkingCalendar): string {
  return addWorkingDays(deadline, 0, cal);
}

const lastDayOfMonth = (year: number, month: number): string => {
  const d = new Date(Date.UTC(year, month, 0));
  return `${year}-${String(month).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
};

/** Months (1–12) that close a reporting period of each cadence. */
const PERIOD_END_MONTHS: Record<TaskCadence, number[]> = {
  monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  quarterly: [3, 6, 9, 12],
  half_year: [6, 12],
  // "Báo cáo 9 tháng": once a year, at the end of September.
  nine_months: [9],
  yearly: [12],
};

/** The last day of the first reporting period of `cadence` that ends on or after `date`. */
export function periodEndOnOrAfter(cadence: TaskCadence, date: string): string {
  let year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  for (let guard = 0; guard < 3; guard++, year++) {
    for (const m of PERIOD_END_MONTHS[cadence]) {
      if (year > Number(date.slice(0, 4)) || m >= month) {
        const end = lastDayOfMonth(year, m);
        if (end >= date) {
          return end;
        }
      }
    }
  }
  throw new Error(`no period end for ${cadence} after ${date}`);
}

/** The reporting period ending at `periodEnd`: its first day. */
export function periodStart(cadence: TaskCadence, periodEnd: string): string {
  const year = Number(periodEnd.slice(0, 4));
  const month = Number(periodEnd.slice(5, 7));
  const span = cadence === 'monthly' ? 1 : cadence === 'quarterly' ? 3 : cadence === 'half_year' ? 6 : cadence === 'nine_months' ? 9 : 12;
  const startMonth = month - span + 1;
  return `${year}-${String(startMonth).padStart(2, '0')}-01`;
}

/**
 * The effective due date stored in `tasks.due_on`: the deadline on the working calendar, or — for a
 * standing task — the report date of the first period not yet reported (the period containing the
 * assignment date, or the one after the last period reported).
 */
export function dueOnFor(
  t: { deadline: string | null; cadence: TaskCadence | null; assignedOn: string; lastReportedPeriodEnd: string | null },
  cal: WorkingCalendar,
): string {
  if (t.deadline !== null) {
    return effectiveDeadline(t.deadline, cal);
  }
  if (t.cadence === null) {
    throw new Error('a task needs a deadline or a cadence');
  }
  const from = t.lastReportedPeriodEnd === null ? t.assignedOn : nextDay(t.lastReportedPeriodEnd);
  return effectiveDeadline(periodEndOnOrAfter(t.cadence, from), cal);
}

const nextDay = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/* ---------------------------------------------------------------- status */

export interface StatusFacts {
  dueOn: string;
  completedOn: string | null;
  lastProgressOn: string | null;
}

/**
 * The computed status (spec §8): done on time / done late once completed (completion date against
 * the effective due date); otherwise overdue when today is past the due date; otherwise in progress
 * once a progress report arrived, else not yet due.
 */
export function statusOf(t: StatusFacts, today: string): TaskStatus {
  if (t.completedOn !== null) {
    return t.completedOn <= t.dueOn ? 'done_on_time' : 'done_late';
  }
  if (today > t.dueOn) {
    return 'overdue';
  }
  return t.lastProgressOn !== null ? 'in_progress' : 'not_due';
}

/** Working days past due: 0 unless overdue. */
export function overdueDays(t: StatusFacts, today: string, cal: WorkingCalendar): number {
  return statusOf(t, today) === 'overdue' ? Math.max(0, workingDaysBetween(t.dueOn, today, cal)) : 0;
}

/**
 * The same rule as `statusOf`, as a SQL expression over a `tasks` row (alias `alias`), for lists,
 * counts and dashboards. Dates are ISO text on both engines, so text comparison is date comparison.
 */
export function statusSql(today: string, alias = 'tasks'): RawBuilder<TaskStatus> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<TaskStatus>`case when ${col('completed_on')} is not null then (case when ${col('completed_on')} <= ${col('due_on')} then 'done_on_time' else 'done_late' end) when ${col('due_on')} < ${today} then 'overdue' when ${col('last_progress_on')} is not null then 'in_progress' else 'not_due' end`;
}

/**
 * The status as a WHERE condition that indexes can serve (due_on ranges), for filtering lists.
 */
export function statusCondition(status: TaskStatus, today: string, alias = 'tasks'): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  switch (status) {
    case 'done_on_time':
      return sql<boolean>`(${col('completed_on')} is not null and ${col('completed_on')} <= ${col('due_on')})`;
    case 'done_late':
      return sql<boolean>`(${col('completed_on')} is not null and ${col('completed_on')} > ${col('due_on')})`;
    case 'overdue':
      return sql<boolean>`(${col('completed_on')} is null and ${col('due_on')} < ${today})`;
    case 'in_progress':
      return sql<boolean>`(${col('completed_on')} is null and ${col('due_on')} >= ${today} and ${col('last_progress_on')} is not null)`;
    case 'not_due':
      return sql<boolean>`(${col('completed_on')} is null and ${col('due_on')} >= ${today} and ${col('last_progress_on')} is null)`;
  }
}

/** On-time rate: done on time ÷ everything that has come due (done on time, done late, overdue). */
export function onTimeRate(c: { done_on_time: number; done_late: number; overdue: number }): number | null {
  const due = c.done_on_time + c.done_late + c.overdue;
  return due === 0 ? null : Math.round((c.done_on_time / due) * 1000) / 1000;
}
