/**
 * Pure working-day arithmetic for the office calendar.
 *
 * Dates are ISO 'YYYY-MM-DD' strings naming a calendar day in Vietnam. All arithmetic is
 * done on UTC midnights so the result never depends on the server's TZ or on DST.
 *
 * Rule (Bộ luật Lao động 2019 Điều 111; Nghị định 145/2020 for cơ quan nhà nước): the weekly
 * rest days are Saturday and Sunday. Public holidays, compensatory days (nghỉ bù) and days
 * off swapped by Government decision are listed in `daysOff`; Saturdays worked in exchange
 * (làm bù) are listed in `extraWorkdays`.
 */

export type WorkingCalendar = {
  /** Holidays + compensatory days off + swapped days off ('YYYY-MM-DD'). */
  daysOff: Set<string>;
  /** Weekend days that are worked because of a day-off swap ('YYYY-MM-DD'). */
  extraWorkdays: Set<string>;
};

export type CalendarDate = { year: number; month: number; day: number };

const DAY_MS = 86_400_000;
/** Vietnam (Asia/Ho_Chi_Minh) is UTC+7 all year round: no daylight saving time. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/**
 * Safety stop: no real calendar has a year of consecutive days off, so scanning further
 * means the calendar data is broken and we would otherwise loop forever.
 */
const MAX_CONSECUTIVE_DAYS_OFF = 366;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcMidnight(year: number, month: number, day: number): Date {
  const value = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  value.setUTCFullYear(year, month - 1, day);
  return value;
}

/** Parses a strict 'YYYY-MM-DD' string; throws RangeError for malformed or impossible dates. */
export function parseIsoDate(date: string): CalendarDate {
  const match = ISO_DATE.exec(date);
  if (!match) {
    throw new RangeError(`Ngày không đúng định dạng YYYY-MM-DD: "${date}"`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const probe = utcMidnight(year, month, day);
  // Date silently rolls impossible dates over (31/02 → 03/03): reject instead.
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`Ngày không tồn tại: "${date}"`);
  }
  return { year, month, day };
}

/** Formats a calendar date as 'YYYY-MM-DD'. */
export function formatIsoDate({ year, month, day }: CalendarDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** UTC-midnight timestamp of an ISO date (internal day arithmetic representation). */
function toUtcMs(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return utcMidnight(year, month, day).getTime();
}

function fromUtcMs(ms: number): string {
  const value = new Date(ms);
  return formatIsoDate({
    year: value.getUTCFullYear(),
    month: value.getUTCMonth() + 1,
    day: value.getUTCDate(),
  });
}

/** Calendar date `n` days after `date` (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  if (!Number.isInteger(n)) {
    throw new RangeError(`Số ngày phải là số nguyên: ${n}`);
  }
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/** Day of week of `date`: 0 = Chủ nhật (Sunday) … 6 = Thứ bảy (Saturday). */
export function dayOfWeek(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** Saturday or Sunday, the weekly rest days of state agencies. */
export function isWeekend(date: string): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

/**
 * Whether staff work on `date`. A listed day off always wins (a holiday cannot be turned
 * into a workday by a swap), then a listed extra workday, then the Saturday/Sunday rule.
 */
export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  parseIsoDate(date);
  if (cal.daysOff.has(date)) {
    return false;
  }
  if (cal.extraWorkdays.has(date)) {
    return true;
  }
  return !isWeekend(date);
}

/** First working day strictly after `date`. */
export function nextWorkingDay(date: string, cal: WorkingCalendar): string {
  let candidate = date;
  for (let i = 0; i < MAX_CONSECUTIVE_DAYS_OFF; i++) {
    candidate = addCalendarDays(candidate, 1);
    if (isWorkingDay(candidate, cal)) {
      return candidate;
    }
  }
  throw new Error(`Không tìm thấy ngày làm việc nào trong ${MAX_CONSECUTIVE_DAYS_OFF} ngày sau ${date}`);
}

/**
 * The n-th working day after `date` (n ≥ 0) — e.g. a deadline "within 5 working days".
 * n = 0 returns `date` itself when it is a working day, otherwise the next working day.
 */
export function addWorkingDays(date: string, n: number, cal: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`Số ngày làm việc phải là số nguyên không âm: ${n}`);
  }
  if (n === 0) {
    return isWorkingDay(date, cal) ? date : nextWorkingDay(date, cal);
  }
  let result = date;
  for (let i = 0; i < n; i++) {
    result = nextWorkingDay(result, cal);
  }
  return result;
}

/**
 * Number of working days in the half-open interval (from, to]: how many working days
 * elapse going from `from` to `to`. Negative (the mirrored count over (to, from]) when
 * `to` is before `from`, so `workingDaysBetween(a, b) === -workingDaysBetween(b, a)`.
 */
export function workingDaysBetween(from: string, to: string, cal: WorkingCalendar): number {
  const fromMs = toUtcMs(from);
  const toMs = toUtcMs(to);
  if (toMs < fromMs) {
    return -workingDaysBetween(to, from, cal);
  }
  let count = 0;
  for (let ms = fromMs + DAY_MS; ms <= toMs; ms += DAY_MS) {
    if (isWorkingDay(fromUtcMs(ms), cal)) {
      count++;
    }
  }
  return count;
}

/** The calendar date in Vietnam (Asia/Ho_Chi_Minh, UTC+7) at the given instant. */
export function toVietnamDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) {
    throw new RangeError('Thời điểm không hợp lệ (Invalid Date)');
  }
  return fromUtcMs(ms + VIETNAM_OFFSET_MS);
}
