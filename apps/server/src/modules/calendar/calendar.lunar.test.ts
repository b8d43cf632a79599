import { describe, expect, it } from 'vitest';
import {
  fromJulianDayNumber,
  julianDayNumber,
  leapMonthOfLunarYear,
  lunarMonthLength,
  lunarToSolar,
  solarToLunar,
  type SolarDate,
} from './calendar.lunar.ts';

const CHINA_TZ = 8;

function iso({ year, month, day }: SolarDate): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function solar(date: string): SolarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function tet(year: number, tz?: number): string {
  return iso(lunarToSolar({ year, month: 1, day: 1, leap: false }, tz));
}

describe('Tết Nguyên đán (mùng 1 tháng Giêng) in Vietnam', () => {
  const knownTet: Array<[number, string]> = [
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
  ];

  it.each(knownTet)('Tết of lunar year %i falls on %s', (year, expected) => {
    expect(tet(year)).toBe(expected);
    expect(solarToLunar(solar(expected))).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it('Tết Ất Sửu 1985 was 21/01/1985 in Vietnam but 20/02/1985 in China (UTC+8)', () => {
    expect(tet(1985)).toBe('1985-01-21');
    expect(tet(1985, CHINA_TZ)).toBe('1985-02-20');
  });

  it('Tết Đinh Hợi 2007 was 17/02/2007 in Vietnam but 18/02/2007 in China', () => {
    expect(tet(2007)).toBe('2007-02-17');
    expect(tet(2007, CHINA_TZ)).toBe('2007-02-18');
  });

  it('Tết Mậu Thân 1968 was 29/01/1968 in (North) Vietnam on UTC+7, 30/01 on UTC+8', () => {
    expect(tet(1968)).toBe('1968-01-29');
    expect(tet(1968, CHINA_TZ)).toBe('1968-01-30');
  });

  it('the day before Tết is the last day (29 or 30) of month 12 of the old lunar year', () => {
    expect(solarToLunar(solar('2025-01-28'))).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(solarToLunar(solar('2024-02-09'))).toEqual({ year: 2023, month: 12, day: 30, leap: false });
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 âm lịch)', () => {
  it.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ of lunar year %i falls on %s', (year, expected) => {
    expect(iso(lunarToSolar({ year, month: 3, day: 10, leap: false }))).toBe(expected);
  });
});

describe('leap months (tháng nhuận)', () => {
  it.each([
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2028, 5],
    [2033, 11],
    [1985, 2],
  ])('lunar year %i has leap month %i', (year, month) => {
    expect(leapMonthOfLunarYear(year)).toBe(month);
  });

  it.each([2021, 2022, 2024, 2026, 2027])('lunar year %i has no leap month', (year) => {
    expect(leapMonthOfLunarYear(year)).toBeNull();
  });

  it('China put the leap month of 1984–85 in month 10 of 1984 instead of month 2 of 1985', () => {
    expect(leapMonthOfLunarYear(1984, CHINA_TZ)).toBe(10);
    expect(leapMonthOfLunarYear(1984)).toBeNull();
    expect(leapMonthOfLunarYear(1985, CHINA_TZ)).toBeNull();
  });

  it('the first day of a leap month converts both ways with leap = true', () => {
    const cases: Array<[number, number, string]> = [
      [2020, 4, '2020-05-23'],
      [2023, 2, '2023-03-22'],
      [2025, 6, '2025-07-25'],
    ];
    for (const [year, month, date] of cases) {
      expect(iso(lunarToSolar({ year, month, day: 1, leap: true }))).toBe(date);
      expect(solarToLunar(solar(date))).toEqual({ year, month, day: 1, leap: true });
    }
  });

  it('a leap month 11 belongs to the lunar year whose month 11 it repeats (2033)', () => {
    expect(solarToLunar(solar('2033-12-22'))).toEqual({ year: 2033, month: 11, day: 1, leap: true });
    expect(solarToLunar(solar('2034-01-20'))).toEqual({ year: 2033, month: 12, day: 1, leap: false });
  });
});

describe('input validation', () => {
  it('refuses a leap month that the lunar year does not have', () => {
    expect(() => lunarToSolar({ year: 2024, month: 4, day: 1, leap: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2025, month: 5, day: 1, leap: true })).toThrow(RangeError);
  });

  it('refuses day 30 of a 29-day lunar month ("năm không có 30 Tết")', () => {
    expect(lunarMonthLength({ year: 2024, month: 12, leap: false })).toBe(29);
    expect(() => lunarToSolar({ year: 2024, month: 12, day: 30, leap: false })).toThrow(RangeError);
    expect(lunarMonthLength({ year: 2023, month: 12, leap: false })).toBe(30);
    expect(iso(lunarToSolar({ year: 2023, month: 12, day: 30, leap: false }))).toBe('2024-02-09');
  });

  it('refuses impossible solar dates and lunar fields out of range', () => {
    expect(() => solarToLunar({ year: 2023, month: 2, day: 29 })).toThrow(RangeError);
    expect(() => solarToLunar({ year: 2024, month: 13, day: 1 })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2024, month: 0, day: 1, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2024, month: 1, day: 31, leap: false })).toThrow(RangeError);
  });

  it('refuses years outside the supported 1800–2199 range instead of guessing', () => {
    expect(() => solarToLunar({ year: 1799, month: 12, day: 31 })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2200, month: 1, day: 1, leap: false })).toThrow(RangeError);
  });
});

describe('Julian Day Numbers', () => {
  it('match Meeus reference values and invert exactly', () => {
    expect(julianDayNumber({ year: 2000, month: 1, day: 1 })).toBe(2451545);
    expect(julianDayNumber({ year: 1900, month: 1, day: 1 })).toBe(2415021);
    expect(fromJulianDayNumber(2451545)).toEqual({ year: 2000, month: 1, day: 1 });
    expect(fromJulianDayNumber(julianDayNumber({ year: 2024, month: 2, day: 29 }))).toEqual({
      year: 2024,
      month: 2,
      day: 29,
    });
  });
});

describe('every day from 1950 to 2100', () => {
  const first = julianDayNumber({ year: 1950, month: 1, day: 1 });
  const last = julianDayNumber({ year: 2100, month: 12, day: 31 });

  it('converts solar → lunar → solar back to the same day, and lunar days run without gaps', () => {
    // Collect failures and assert once: 55 000 expect() calls would dominate the run time.
    const failures: string[] = [];
    let previous = solarToLunar(fromJulianDayNumber(first));
    for (let jdn = first + 1; jdn <= last; jdn++) {
      const date = fromJulianDayNumber(jdn);
      const lunar = solarToLunar(date);
      const back = lunarToSolar(lunar);
      if (iso(back) !== iso(date)) {
        failures.push(`${iso(date)} → ${JSON.stringify(lunar)} → ${iso(back)}`);
      }
      // Either the next day of the same month, or day 1 of the following (or leap) month
      // after day 29/30 of the previous one; the year changes exactly at month 1.
      const continues =
        lunar.day === previous.day + 1 &&
        lunar.month === previous.month &&
        lunar.leap === previous.leap &&
        lunar.year === previous.year;
      const nextMonthNumber =
        lunar.leap && !previous.leap
          ? lunar.month === previous.month
          : !lunar.leap && lunar.month === (previous.month % 12) + 1;
      const newYear =
        lunar.month === 1 && !lunar.leap ? lunar.year === previous.year + 1 : lunar.year === previous.year;
      const newMonth =
        lunar.day === 1 && (previous.day === 29 || previous.day === 30) && nextMonthNumber && newYear;
      if (!continues && !newMonth) {
        failures.push(`${iso(date)}: ${JSON.stringify(previous)} → ${JSON.stringify(lunar)}`);
      }
      previous = lunar;
    }
    expect(failures).toEqual([]);
  });

  it('has 12 or 13 months in every lunar year, 13 exactly when there is a leap month', () => {
    for (let year = 1951; year <= 2100; year++) {
      const start = julianDayNumber(lunarToSolar({ year, month: 1, day: 1, leap: false }));
      const next = julianDayNumber(lunarToSolar({ year: year + 1, month: 1, day: 1, leap: false }));
      const months = Math.round((next - start) / 29.530588853);
      expect(months).toBe(leapMonthOfLunarYear(year) === null ? 12 : 13);
    }
  });
});
