/**
 * Statutory public holidays of Vietnam for one solar year (proposal data: an admin confirms
 * them, because the Government fixes the exact Tết and Quốc khánh days each year).
 *
 * Legal basis: Bộ luật Lao động 2019, Điều 112 (in force since 01/01/2021):
 *   khoản 1: Tết Dương lịch 1 ngày (1/1); Tết Âm lịch 5 ngày; Ngày Chiến thắng 1 ngày (30/4);
 *            Ngày Quốc tế lao động 1 ngày (1/5); Quốc khánh 2 ngày (2/9 và 1 ngày liền kề
 *            trước hoặc sau); Giỗ Tổ Hùng Vương 1 ngày (10/3 âm lịch).
 *   khoản 3: ngày nghỉ lễ, tết trùng vào ngày nghỉ hằng tuần thì được nghỉ bù vào ngày làm
 *            việc kế tiếp.
 * Nghị định 145/2020/NĐ-CP Điều 62: the Prime Minister decides the concrete Tết Âm lịch days
 * and the extra Quốc khánh day. The rules below only reproduce the usual practice.
 */
import { lunarToSolar, solarToLunar, LUNAR_SUPPORTED_YEARS } from './calendar.lunar.ts';
import { addCalendarDays, dayOfWeek, formatIsoDate, isWeekend, parseIsoDate } from './calendar.workdays.ts';

export type HolidayKind = 'holiday' | 'compensatory_day_off';

export type Holiday = {
  /** 'YYYY-MM-DD' */
  date: string;
  /** Vietnamese display name (Unicode NFC). */
  name: string;
  kind: HolidayKind;
};

/** Base names; day-specific suffixes are appended where it helps the admin confirming them. */
export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  lunarNewYear: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
  reunification: 'Ngày Chiến thắng (30/4)',
  labourDay: 'Ngày Quốc tế Lao động (1/5)',
  nationalDay: 'Quốc khánh (2/9)',
  nationalDayExtra: 'Quốc khánh (ngày nghỉ liền kề)',
  compensatory: 'Nghỉ bù',
} as const;

const MONDAY = 1;
const THURSDAY = 4;

/**
 * The extra Quốc khánh day "liền kề trước hoặc sau" 2/9 (Điều 112 khoản 1 điểm đ).
 * Our rule — chosen to give the longest unbroken rest, matching recent decisions:
 *   - 2/9 on Monday   → 3/9 (Sat–Tue off; as in 2024);
 *   - 2/9 on Thursday → 3/9 (Thu–Sun off; as in 2021);
 *   - otherwise       → 1/9 (e.g. 2022: Thu 1/9–Sun; 2023: Fri 1/9–Sat 2/9 + nghỉ bù Mon 4/9;
 *                            2025: Sat 30/8–Tue 2/9). When 2/9 is a Sunday, 1/9 is a Saturday
 *                            and both are compensated on Mon 3/9 and Tue 4/9.
 * It is a proposal: the admin edits it once the Prime Minister's decision is published.
 */
export function nationalDayExtraDate(year: number): string {
  const nationalDay = formatIsoDate({ year, month: 9, day: 2 });
  const weekday = dayOfWeek(nationalDay);
  if (weekday === MONDAY || weekday === THURSDAY) {
    return addCalendarDays(nationalDay, 1);
  }
  return addCalendarDays(nationalDay, -1);
}

/**
 * Tết Âm lịch, 5 days: by the usual practice the last day of the old lunar year (29 or 30
 * tháng Chạp) and mùng 1–4 of the new one. The Government often shifts or widens this
 * window (with swapped days), which admins record separately.
 */
function lunarNewYearDays(year: number): Holiday[] {
  const firstDay = formatIsoDate(lunarToSolar({ year, month: 1, day: 1, leap: false }));
  const eve = addCalendarDays(firstDay, -1);
  const eveLunarDay = solarToLunar(parseIsoDate(eve)).day;
  const days: Holiday[] = [
    { date: eve, name: `${HOLIDAY_NAMES.lunarNewYear} (${eveLunarDay} Tết)`, kind: 'holiday' },
  ];
  for (let offset = 0; offset < 4; offset++) {
    days.push({
      date: addCalendarDays(firstDay, offset),
      name: `${HOLIDAY_NAMES.lunarNewYear} (mùng ${offset + 1} Tết)`,
      kind: 'holiday',
    });
  }
  return days;
}

function statutoryHolidays(year: number): Holiday[] {
  const on = (month: number, day: number) => formatIsoDate({ year, month, day });
  const hungKings = formatIsoDate(lunarToSolar({ year, month: 3, day: 10, leap: false }));
  return [
    { date: on(1, 1), name: HOLIDAY_NAMES.newYear, kind: 'holiday' },
    ...lunarNewYearDays(year),
    { date: hungKings, name: HOLIDAY_NAMES.hungKings, kind: 'holiday' },
    { date: on(4, 30), name: HOLIDAY_NAMES.reunification, kind: 'holiday' },
    { date: on(5, 1), name: HOLIDAY_NAMES.labourDay, kind: 'holiday' },
    { date: on(9, 2), name: HOLIDAY_NAMES.nationalDay, kind: 'holiday' },
    { date: nationalDayExtraDate(year), name: HOLIDAY_NAMES.nationalDayExtra, kind: 'holiday' },
  ];
}

/**
 * Two holidays can share a date (Giỗ Tổ can fall on 30/4 in years with a leap month
 * before month 3). The law grants no extra day for that, so keep one entry, both names.
 */
function mergeSameDate(holidays: Holiday[]): Holiday[] {
  const byDate = new Map<string, Holiday>();
  for (const holiday of holidays) {
    const existing = byDate.get(holiday.date);
    if (!existing) {
      byDate.set(holiday.date, { ...holiday });
      continue;
    }
    existing.name = `${existing.name}; ${holiday.name}`;
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Điều 112 khoản 3: each holiday on a Saturday or Sunday gives a day off on the next
 * working day — a weekday that is neither a holiday nor already a compensatory day.
 * Holidays are handled in date order so earlier holidays take the earlier replacements.
 */
function compensatoryDays(holidays: Holiday[]): Holiday[] {
  const taken = new Set(holidays.map((holiday) => holiday.date));
  const result: Holiday[] = [];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) {
      continue;
    }
    let candidate = addCalendarDays(holiday.date, 1);
    while (isWeekend(candidate) || taken.has(candidate)) {
      candidate = addCalendarDays(candidate, 1);
    }
    taken.add(candidate);
    result.push({
      date: candidate,
      name: `${HOLIDAY_NAMES.compensatory} ${holiday.name}`,
      kind: 'compensatory_day_off',
    });
  }
  return result;
}

/**
 * Public holidays and compensatory days off of solar year `year`, sorted by date, one
 * entry per date. A compensatory day of a late-December holiday could spill into the next
 * year; none of the statutory holidays is that late, so all dates stay within `year`.
 */
export function computeHolidays(year: number): Holiday[] {
  // The lunar conversion bounds the years we can compute Tết and Giỗ Tổ for.
  if (!Number.isInteger(year) || year < LUNAR_SUPPORTED_YEARS.min || year > LUNAR_SUPPORTED_YEARS.max) {
    throw new RangeError(
      `Năm ${year} nằm ngoài phạm vi hỗ trợ ${LUNAR_SUPPORTED_YEARS.min}–${LUNAR_SUPPORTED_YEARS.max}`,
    );
  }
  const holidays = mergeSameDate(statutoryHolidays(year));
  const all = [...holidays, ...compensatoryDays(holidays)];
  return all.sort((a, b) => a.date.localeCompare(b.date));
}
