import { describe, expect, it } from 'vitest';
import { computeHolidays, HOLIDAY_NAMES, nationalDayExtraDate, type Holiday } from './calendar.holidays.ts';
import { solarToLunar } from './calendar.lunar.ts';
import { dayOfWeek, isWeekend, parseIsoDate } from './calendar.workdays.ts';

const SATURDAY = 6;
const SUNDAY = 0;

function datesOf(holidays: Holiday[], kind: Holiday['kind']): string[] {
  return holidays.filter((holiday) => holiday.kind === kind).map((holiday) => holiday.date);
}

function find(holidays: Holiday[], date: string): Holiday | undefined {
  return holidays.find((holiday) => holiday.date === date);
}

describe('computeHolidays — the statutory holidays of a year (Bộ luật Lao động 2019 Điều 112)', () => {
  it('lists the 11 days off of 2026 and one compensatory day, in date order', () => {
    expect(computeHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
      { date: '2026-02-16', name: 'Tết Nguyên đán (29 Tết)', kind: 'holiday' },
      { date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1 Tết)', kind: 'holiday' },
      { date: '2026-02-18', name: 'Tết Nguyên đán (mùng 2 Tết)', kind: 'holiday' },
      { date: '2026-02-19', name: 'Tết Nguyên đán (mùng 3 Tết)', kind: 'holiday' },
      { date: '2026-02-20', name: 'Tết Nguyên đán (mùng 4 Tết)', kind: 'holiday' },
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' },
      {
        date: '2026-04-27',
        name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
        kind: 'compensatory_day_off',
      },
      { date: '2026-04-30', name: 'Ngày Chiến thắng (30/4)', kind: 'holiday' },
      { date: '2026-05-01', name: 'Ngày Quốc tế Lao động (1/5)', kind: 'holiday' },
      { date: '2026-09-01', name: 'Quốc khánh (ngày nghỉ liền kề)', kind: 'holiday' },
      { date: '2026-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday' },
    ]);
  });

  it('gives no compensatory day in 2026 for 1/5 (a Friday) nor for 2/9 (a Wednesday)', () => {
    expect(dayOfWeek('2026-05-01')).toBe(5);
    expect(dayOfWeek('2026-09-02')).toBe(3);
    const compensatory = datesOf(computeHolidays(2026), 'compensatory_day_off');
    expect(compensatory).toEqual(['2026-04-27']);
  });

  it('gives Tết 5 days: the last day of the old lunar year and mùng 1 to mùng 4', () => {
    const tet = computeHolidays(2025).filter((holiday) =>
      holiday.name.startsWith(HOLIDAY_NAMES.lunarNewYear),
    );
    expect(tet.map((holiday) => holiday.date)).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
    ]);
    // Lunar year Giáp Thìn has no 30 Tết: month 12 ends on the 29th.
    expect(tet[0]?.name).toBe('Tết Nguyên đán (29 Tết)');
    expect(solarToLunar(parseIsoDate('2025-01-28'))).toMatchObject({ month: 12, day: 29 });
    expect(find(computeHolidays(2024), '2024-02-09')?.name).toBe('Tết Nguyên đán (30 Tết)');
  });

  it('places Giỗ Tổ Hùng Vương on 10/3 âm lịch (18/04/2024, 07/04/2025, 26/04/2026)', () => {
    const hungKings = (year: number) =>
      computeHolidays(year).find((holiday) => holiday.name === HOLIDAY_NAMES.hungKings)?.date;
    expect(hungKings(2024)).toBe('2024-04-18');
    expect(hungKings(2025)).toBe('2025-04-07');
    expect(hungKings(2026)).toBe('2026-04-26');
  });
});

describe('compensatory days off (nghỉ bù, Điều 112 khoản 3)', () => {
  it('moves 30/4 and 1/5 of 2022 (Saturday, Sunday) to Monday 2/5 and Tuesday 3/5', () => {
    expect(dayOfWeek('2022-04-30')).toBe(SATURDAY);
    const holidays = computeHolidays(2022);
    expect(find(holidays, '2022-05-02')).toEqual({
      date: '2022-05-02',
      name: 'Nghỉ bù Ngày Chiến thắng (30/4)',
      kind: 'compensatory_day_off',
    });
    expect(find(holidays, '2022-05-03')).toEqual({
      date: '2022-05-03',
      name: 'Nghỉ bù Ngày Quốc tế Lao động (1/5)',
      kind: 'compensatory_day_off',
    });
  });

  it('gives 2023 a continuous break 29/4–3/5 (Giỗ Tổ on Saturday, 30/4 on Sunday)', () => {
    expect(dayOfWeek('2023-04-30')).toBe(SUNDAY);
    const holidays = computeHolidays(2023);
    expect(find(holidays, '2023-04-29')?.name).toBe(HOLIDAY_NAMES.hungKings);
    expect(datesOf(holidays, 'compensatory_day_off')).toContain('2023-05-02');
    expect(datesOf(holidays, 'compensatory_day_off')).toContain('2023-05-03');
  });

  it('skips other holidays when looking for the next working day (1/5/2027 Saturday → Monday 3/5)', () => {
    expect(find(computeHolidays(2027), '2027-05-03')?.kind).toBe('compensatory_day_off');
  });

  it('compensates a Tết on the weekend after the 5-day block (Tết 2027 on Saturday → 10 and 11/02)', () => {
    const compensatory = datesOf(computeHolidays(2027), 'compensatory_day_off');
    expect(compensatory).toContain('2027-02-10');
    expect(compensatory).toContain('2027-02-11');
  });

  it('compensates 1/1 on a Sunday (2023) on Monday 2/1 and 1/1 on a Saturday (2022) on Monday 3/1', () => {
    expect(find(computeHolidays(2023), '2023-01-02')?.kind).toBe('compensatory_day_off');
    expect(find(computeHolidays(2022), '2022-01-03')?.kind).toBe('compensatory_day_off');
  });
});

describe('the extra Quốc khánh day (1/9 or 3/9)', () => {
  it.each([
    [2021, '2021-09-03', 'Thursday 2/9 → Friday 3/9 for a Thu–Sun break'],
    [2022, '2022-09-01', 'Friday 2/9 → Thursday 1/9'],
    [2023, '2023-09-01', 'Saturday 2/9 → Friday 1/9'],
    [2024, '2024-09-03', 'Monday 2/9 → Tuesday 3/9 for a Sat–Tue break'],
    [2025, '2025-09-01', 'Tuesday 2/9 → Monday 1/9 for a Sat–Tue break'],
    [2026, '2026-09-01', 'Wednesday 2/9 → Tuesday 1/9'],
  ])('in %i it is %s (%s)', (year, expected) => {
    expect(nationalDayExtraDate(year)).toBe(expected);
    expect(find(computeHolidays(year), expected)?.name).toBe(HOLIDAY_NAMES.nationalDayExtra);
  });

  it('compensates 2/9/2023 (Saturday) on Monday 4/9', () => {
    expect(find(computeHolidays(2023), '2023-09-04')?.kind).toBe('compensatory_day_off');
  });

  it('compensates both days when 2/9 is a Sunday (2029: Sat 1/9 and Sun 2/9 → Mon 3/9, Tue 4/9)', () => {
    expect(dayOfWeek('2029-09-02')).toBe(SUNDAY);
    const compensatory = datesOf(computeHolidays(2029), 'compensatory_day_off');
    expect(compensatory.filter((date) => date.startsWith('2029-09'))).toEqual(['2029-09-03', '2029-09-04']);
  });
});

describe('invariants over 2000–2100', () => {
  it('returns dates of the requested year, sorted, unique, and compensates every weekend holiday once', () => {
    for (let year = 2000; year <= 2100; year++) {
      const holidays = computeHolidays(year);
      const dates = holidays.map((holiday) => holiday.date);
      expect(dates.every((date) => date.startsWith(`${year}-`))).toBe(true);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);

      const statutory = holidays.filter((holiday) => holiday.kind === 'holiday');
      const compensatory = holidays.filter((holiday) => holiday.kind === 'compensatory_day_off');
      expect(statutory).toHaveLength(11);
      expect(compensatory).toHaveLength(statutory.filter((holiday) => isWeekend(holiday.date)).length);
      expect(compensatory.every((holiday) => !isWeekend(holiday.date))).toBe(true);
    }
  });

  it('writes every name in Vietnamese with precomposed (NFC) diacritics', () => {
    for (const holiday of [...computeHolidays(2023), ...computeHolidays(2026)]) {
      expect(holiday.name).toBe(holiday.name.normalize('NFC'));
    }
    expect(HOLIDAY_NAMES.lunarNewYear).not.toBe(HOLIDAY_NAMES.lunarNewYear.normalize('NFD'));
    expect(Object.values(HOLIDAY_NAMES).every((name) => name === name.normalize('NFC'))).toBe(true);
  });
});

describe('rare cases', () => {
  it('keeps one entry with both names when Giỗ Tổ falls on 30/4 (1947)', () => {
    const entry = find(computeHolidays(1947), '1947-04-30');
    expect(entry).toEqual({
      date: '1947-04-30',
      name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch); Ngày Chiến thắng (30/4)',
      kind: 'holiday',
    });
  });

  it('refuses years outside the range of the lunar calendar computation', () => {
    expect(() => computeHolidays(1799)).toThrow(RangeError);
    expect(() => computeHolidays(2200)).toThrow(RangeError);
    expect(() => computeHolidays(2025.5)).toThrow(RangeError);
  });
});
