/**
 * ISO weeks and Vietnamese days on the client, the same rules as the server (schedule.models.ts): an event
 * belongs to the week of its start in Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving).
 */
import { dayjs, OFFICE_TZ, todayInOffice, type Dayjs } from '../../../lib/dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 week ("2026-W48") of a calendar date "YYYY-MM-DD". */
export function isoWeekOfDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  const day = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - day + 3);
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${pad(week)}`;
}

/** Monday "YYYY-MM-DD" of an ISO week. */
export function mondayOf(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  const year = Number(m?.[1] ?? 2026);
  const n = Number(m?.[2] ?? 1);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Day = (new Date(jan4).getUTCDay() + 6) % 7;
  const monday = new Date(jan4 - jan4Day * 86_400_000 + (n - 1) * 7 * 86_400_000);
  return `${monday.getUTCFullYear()}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
}

export const isValidWeek = (week: string | null | undefined): week is string =>
  !!week && /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(week) && isoWeekOfDate(mondayOf(week)) === week;

export const currentWeek = (): string => isoWeekOfDate(todayInOffice().format('YYYY-MM-DD'));

/** The week `n` weeks after (or before) the given one. */
export const shiftWeek = (week: string, n: number): string =>
  isoWeekOfDate(dayjs(mondayOf(week)).add(n * 7, 'day').format('YYYY-MM-DD'));

/** The seven days of a week, Monday first, as "YYYY-MM-DD". */
export const daysOfWeek = (week: string): string[] =>
  Array.from({ length: 7 }, (_, i) => dayjs(mondayOf(week)).add(i, 'day').format('YYYY-MM-DD'));

/** An instant's day "YYYY-MM-DD" and time "HH:mm" in Vietnam. */
export const vnDate = (instant: string): string => dayjs.utc(instant).tz(OFFICE_TZ).format('YYYY-MM-DD');
export const vnTime = (instant: string): string => dayjs.utc(instant).tz(OFFICE_TZ).format('HH:mm');

/** "08:00 – 11:30"; an event over midnight shows its end date. */
export function timeRange(startsAt: string, endsAt: string): string {
  const same = vnDate(startsAt) === vnDate(endsAt);
  const end = same ? vnTime(endsAt) : dayjs.utc(endsAt).tz(OFFICE_TZ).format('HH:mm DD/MM');
  return `${vnTime(startsAt)} – ${end}`;
}

/** Weekday index 0 (Monday) … 6 (Sunday) of a "YYYY-MM-DD". */
export const weekdayIndex = (date: string): number => (dayjs(date).day() + 6) % 7;

/** A picked local Vietnam wall time (DatePicker value) → ISO UTC instant. */
export const wallToInstant = (d: Dayjs): string =>
  dayjs.tz(d.format('YYYY-MM-DD HH:mm'), 'YYYY-MM-DD HH:mm', OFFICE_TZ).utc().toISOString();

/** An ISO UTC instant → a Dayjs carrying the Vietnam wall time (for pickers). */
export const instantToWall = (instant: string): Dayjs =>
  dayjs(dayjs.utc(instant).tz(OFFICE_TZ).format('YYYY-MM-DD HH:mm'), 'YYYY-MM-DD HH:mm');

/** "2026-W48" → week number 48 and year 2026. */
export const weekParts = (week: string): { year: number; n: number } => ({
  year: Number(week.slice(0, 4)),
  n: Number(week.slice(6)),
});
