/**
 * Pure rules of the leaders' weekly schedule (issue 6 §2; spec §8): ISO weeks and months in Vietnam time
 * (Asia/Ho_Chi_Minh, UTC+7 all year), overlaps, and the shown texts of the printed week. Also the answer
 * shapes this module adds beside packages/contracts/src/schedule.ts (resources, month, iCalendar tokens).
 */
import { abilities, dbId, isoDate, isoInstant, isoWeek, RESOURCE_KINDS, scheduleEvent } from '@vanphong/contracts';
import { z } from 'zod';

const VN_OFFSET_MS = 7 * 3600_000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The wall clock in Vietnam of an instant, as a Date whose UTC fields are the Vietnamese ones. */
export const vnWall = (instant: string | Date): Date => new Date(new Date(instant).getTime() + VN_OFFSET_MS);

/** ISO 8601 week ("2026-W48") of a calendar date given as a Date's UTC fields. */
function isoWeekOfUtcDate(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = (t.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  t.setUTCDate(t.getUTCDate() - day + 3); // the Thursday of this week decides the year
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${pad(week)}`;
}

/** The ISO week, in Vietnam time, of an instant (an event belongs to the week of its start). */
export const isoWeekOfInstant = (instant: string | Date): string => isoWeekOfUtcDate(vnWall(instant));

/** The ISO week of a date "YYYY-MM-DD". */
export const isoWeekOfDate = (date: string): string => isoWeekOfUtcDate(new Date(`${date}T00:00:00Z`));

/** Monday and Sunday ("YYYY-MM-DD") of an ISO week; null for a week that does not exist (2026-W53). */
export function weekRange(week: string): { startsOn: string; endsOn: string } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) {
    return null;
  }
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (n - 1) * 7 * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  const startsOn = ymd(monday);
  if (isoWeekOfDate(startsOn) !== week) {
    return null;
  }
  return { startsOn, endsOn: ymd(sunday) };
}

/** The instants (UTC ISO) at which a Vietnamese day range begins and ends: [from 00:00, to+1 00:00). */
export function instantsOfDays(from: string, to: string): { from: string; to: string } {
  const start = new Date(Date.parse(`${from}T00:00:00Z`) - VN_OFFSET_MS);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000 - VN_OFFSET_MS);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** First and last day of a month "YYYY-MM". */
export function monthRange(month: string): { startsOn: string; endsOn: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { startsOn: `${month}-01`, endsOn: `${month}-${pad(last)}` };
}

/** The ISO weeks that touch the days from..to, in order. */
export function weeksOfDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const w = isoWeekOfUtcDate(new Date(t));
    if (out.at(-1) !== w) {
      out.push(w);
    }
  }
  return out;
}

/** Two half-open intervals [a, b) and [c, d) of ISO UTC instants overlap (touching ends do not). */
export const overlaps = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }): boolean =>
  a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** An instant with any offset as the stored form: ISO UTC with milliseconds. */
export const toStoredInstant = (s: string): string => new Date(s).toISOString();

/** A stored instant in the years the office plans for (2000–2999): an ISO offset like 9999-12-31T23:00-07:00 would otherwise store year 10000. */
export const inServiceYears = (stored: string): boolean => /^2\d{3}-/.test(stored);

/* ---------------------------------------------------------------- shown texts */

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

export const shownDate = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** "Thứ Hai" and "23/11/2026" of an instant in Vietnam. */
export function vnDay(instant: string): { weekday: string; date: string; ymd: string } {
  const w = vnWall(instant);
  const d = ymd(w);
  return { weekday: WEEKDAYS_VI[w.getUTCDay()] as string, date: shownDate(d), ymd: d };
}

/** "08:00" in Vietnam. */
export const vnTime = (instant: string): string => {
  const w = vnWall(instant);
  return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
};

/** "08:00 – 11:30"; an event running over midnight shows its end date. */
export function timeRange(startsAt: string, endsAt: string): string {
  const sameDay = vnDay(startsAt).ymd === vnDay(endsAt).ymd;
  return `${vnTime(startsAt)} – ${vnTime(endsAt)}${sameDay ? '' : ` (${vnDay(endsAt).date})`}`;
}

/* ---------------------------------------------------------------- answers beside the contract */

export const resource = z.object({
  id: dbId,
  committeeId: dbId,
  kind: z.enum(RESOURCE_KINDS),
  name: z.string(),
  note: z.string(),
  active: z.boolean(),
});
export const resourceList = z.object({ items: z.array(resource) });
export const resourceListQuery = z.object({ committeeId: z.coerce.number().int().positive().max(2_147_483_647).optional() }).strict();

export const weekParams = z.object({ isoWeek }).strict();
export const monthParams = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM') }).strict();
export const publishInput = z.object({ committeeId: dbId.optional() }).strict();
export const cancelInput = z.object({ version: z.number().int().min(1).optional(), reason: z.string().trim().max(1000).default('') }).strict();

export const scheduleMonth = z.object({
  month: z.string(),
  committeeId: dbId,
  startsOn: isoDate,
  endsOn: isoDate,
  weeks: z.array(z.object({ week: isoWeek, status: z.enum(['draft', 'published']), revision: z.number().int() })),
  events: z.array(scheduleEvent),
  abilities,
});

export const icalTokenCreated = z.object({ id: dbId, url: z.string() });
export const icalTokenList = z.object({
  items: z.array(z.object({ id: dbId, personId: dbId.nullable(), bodyKey: z.string().nullable(), createdAt: isoInstant, revokedAt: isoInstant.nullable() })),
});
export const icalParams = z.object({ token: z.string().min(1).max(200) }).strict();
