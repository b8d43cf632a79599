import { afterEach, describe, expect, it } from 'vitest';
import { computeHolidays } from './calendar.holidays.ts';
import {
  addCalendarDays,
  addWorkingDays,
  dayOfWeek,
  isWorkingDay,
  nextWorkingDay,
  parseIsoDate,
  toVietnamDate,
  workingDaysBetween,
  type WorkingCalendar,
} from './calendar.workdays.ts';

/** Restores process.env.TZ; assigning `undefined` would store the string "undefined". */
function restoreTz(value: string | undefined): void {
  if (value === undefined) {
    delete process.env.TZ;
    return;
  }
  process.env.TZ = value;
}

const plainWeeks: WorkingCalendar = { daysOff: new Set(), extraWorkdays: new Set() };

function calendarOf(
  years: number[],
  extra: { daysOff?: string[]; extraWorkdays?: string[] } = {},
): WorkingCalendar {
  const daysOff = new Set(years.flatMap((year) => computeHolidays(year).map((holiday) => holiday.date)));
  for (const date of extra.daysOff ?? []) {
    daysOff.add(date);
  }
  return { daysOff, extraWorkdays: new Set(extra.extraWorkdays ?? []) };
}

describe('isWorkingDay', () => {
  it('treats Monday to Friday as working days and Saturday, Sunday as weekly rest', () => {
    expect(isWorkingDay('2025-03-03', plainWeeks)).toBe(true); // Monday
    expect(isWorkingDay('2025-03-07', plainWeeks)).toBe(true); // Friday
    expect(isWorkingDay('2025-03-08', plainWeeks)).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-09', plainWeeks)).toBe(false); // Sunday
  });

  it('treats a listed holiday on a weekday as a day off', () => {
    expect(isWorkingDay('2025-04-30', calendarOf([2025]))).toBe(false);
  });

  it('treats a Saturday worked in exchange for a swapped day off as a working day', () => {
    const cal = calendarOf([2025], { daysOff: ['2025-01-27'], extraWorkdays: ['2025-02-08'] });
    expect(isWorkingDay('2025-02-08', cal)).toBe(true);
    expect(isWorkingDay('2025-01-27', cal)).toBe(false);
  });

  it('lets a day off win when bad data lists a date both as day off and as extra workday', () => {
    const cal: WorkingCalendar = { daysOff: new Set(['2025-02-08']), extraWorkdays: new Set(['2025-02-08']) };
    expect(isWorkingDay('2025-02-08', cal)).toBe(false);
  });

  it('rejects dates that are not strict YYYY-MM-DD or do not exist', () => {
    expect(() => isWorkingDay('2025-2-3', plainWeeks)).toThrow(RangeError);
    expect(() => isWorkingDay('2023-02-29', plainWeeks)).toThrow(RangeError);
    expect(() => isWorkingDay('03/02/2025', plainWeeks)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('with n = 0 keeps a working day and moves a weekend or holiday to the next working day', () => {
    const cal = calendarOf([2025]);
    expect(addWorkingDays('2025-03-05', 0, cal)).toBe('2025-03-05');
    expect(addWorkingDays('2025-03-08', 0, cal)).toBe('2025-03-10');
    expect(addWorkingDays('2025-04-30', 0, cal)).toBe('2025-05-02');
  });

  it('skips the weekend: 1 working day after Friday is Monday', () => {
    expect(addWorkingDays('2025-03-07', 1, plainWeeks)).toBe('2025-03-10');
    expect(addWorkingDays('2025-03-07', 5, plainWeeks)).toBe('2025-03-14');
  });

  it('skips the whole Tết 2026 holiday: 1 working day after Friday 13/02/2026 is Monday 23/02/2026', () => {
    const cal = calendarOf([2026]);
    expect(addWorkingDays('2026-02-13', 1, cal)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-12', 3, cal)).toBe('2026-02-24');
  });

  it('skips Tết 2027 and its compensatory days (Tết on Saturday → nghỉ bù Wed 10 and Thu 11/02)', () => {
    const cal = calendarOf([2027]);
    expect(addWorkingDays('2027-02-04', 1, cal)).toBe('2027-02-12');
  });

  it('honours a Government day swap around Tết 2025 (Mon 27/01 off, Sat 08/02 worked)', () => {
    const cal = calendarOf([2025], { daysOff: ['2025-01-27'], extraWorkdays: ['2025-02-08'] });
    // Fri 24/01 → 25..27 weekend + swap, 28/01..01/02 Tết, 02/02 Sunday, 03/02 nghỉ bù.
    expect(addWorkingDays('2025-01-24', 1, cal)).toBe('2025-02-04');
    expect(addWorkingDays('2025-02-07', 1, cal)).toBe('2025-02-08');
    expect(addWorkingDays('2025-02-07', 2, cal)).toBe('2025-02-10');
  });

  it('crosses the year boundary and the 1/1 holiday', () => {
    const cal = calendarOf([2025, 2026]);
    expect(addWorkingDays('2025-12-31', 1, cal)).toBe('2026-01-02');
  });

  it('rejects a negative or fractional number of working days', () => {
    expect(() => addWorkingDays('2025-03-03', -1, plainWeeks)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-03-03', 1.5, plainWeeks)).toThrow(RangeError);
  });

  it('stops with an error instead of looping forever when the calendar has no working day', () => {
    const daysOff = new Set<string>();
    for (let i = 0; i < 800; i++) {
      daysOff.add(addCalendarDays('2025-01-01', i));
    }
    expect(() => addWorkingDays('2025-01-01', 1, { daysOff, extraWorkdays: new Set() })).toThrow(
      /Không tìm thấy ngày làm việc/,
    );
  });
});

describe('nextWorkingDay', () => {
  it('returns the first working day strictly after the date, even when the date is a working day', () => {
    expect(nextWorkingDay('2025-03-03', plainWeeks)).toBe('2025-03-04');
    expect(nextWorkingDay('2025-03-07', plainWeeks)).toBe('2025-03-10');
    expect(nextWorkingDay('2025-04-29', calendarOf([2025]))).toBe('2025-05-02');
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in (from, to]: Friday → Monday is 1 day', () => {
    expect(workingDaysBetween('2025-03-07', '2025-03-10', plainWeeks)).toBe(1);
    expect(workingDaysBetween('2025-03-03', '2025-03-03', plainWeeks)).toBe(0);
    expect(workingDaysBetween('2025-03-02', '2025-03-31', plainWeeks)).toBe(21);
  });

  it('is negative and symmetric when `to` is before `from`', () => {
    expect(workingDaysBetween('2025-03-10', '2025-03-07', plainWeeks)).toBe(-1);
    const cal = calendarOf([2026]);
    expect(workingDaysBetween('2026-03-01', '2026-02-01', cal)).toBe(
      -workingDaysBetween('2026-02-01', '2026-03-01', cal),
    );
  });

  it('counts no working day during the Tết 2026 holiday week', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-22', calendarOf([2026]))).toBe(0);
  });

  it('agrees with addWorkingDays: n working days later is n working days between', () => {
    const cal = calendarOf([2025, 2026, 2027]);
    for (const start of ['2025-01-20', '2026-02-13', '2026-04-24', '2027-02-05']) {
      for (const n of [1, 2, 5, 10, 30, 250]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n, cal), cal)).toBe(n);
      }
    }
  });

  it('counts 250 working days in 2026 once its holidays are known (365 − 104 weekend − 11 off)', () => {
    const cal = calendarOf([2026]);
    expect(workingDaysBetween('2025-12-31', '2026-12-31', cal)).toBe(250);
  });
});

describe('addCalendarDays and date helpers', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    restoreTz(originalTz);
  });

  it('moves across month ends, leap days and year ends, forwards and backwards', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2025-01-01', 365)).toBe('2026-01-01');
    expect(addCalendarDays('2025-03-03', 0)).toBe('2025-03-03');
  });

  it('is unaffected by a server running in a time zone with daylight saving time', () => {
    process.env.TZ = 'America/New_York';
    expect(addCalendarDays('2025-03-08', 1)).toBe('2025-03-09');
    expect(addCalendarDays('2025-03-09', 1)).toBe('2025-03-10');
    expect(addCalendarDays('2025-11-02', 1)).toBe('2025-11-03');
    expect(dayOfWeek('2025-03-09')).toBe(0);
  });

  it('rejects a fractional number of days', () => {
    expect(() => addCalendarDays('2025-03-03', 0.5)).toThrow(RangeError);
  });

  it('parses only real dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => parseIsoDate('2025-04-31')).toThrow(RangeError);
    expect(() => parseIsoDate('2025-13-01')).toThrow(RangeError);
  });
});

describe('toVietnamDate', () => {
  it('gives the calendar date in Hà Nội (UTC+7): 17:00 UTC is already the next day', () => {
    expect(toVietnamDate(new Date('2025-01-28T16:59:59.999Z'))).toBe('2025-01-28');
    expect(toVietnamDate(new Date('2025-01-28T17:00:00.000Z'))).toBe('2025-01-29');
    expect(toVietnamDate(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
  });

  it('does not depend on the time zone the server runs in', () => {
    const originalTz = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(toVietnamDate(new Date('2025-03-09T10:00:00Z'))).toBe('2025-03-09');
    } finally {
      restoreTz(originalTz);
    }
  });

  it('rejects an invalid Date', () => {
    expect(() => toVietnamDate(new Date('not a date'))).toThrow(RangeError);
  });
});
