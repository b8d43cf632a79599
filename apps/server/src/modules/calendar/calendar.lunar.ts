/**
 * Vietnamese lunar calendar (âm lịch) — pure solar ↔ lunar conversion.
 *
 * Algorithm: Hồ Ngọc Đức, "Thuật toán tính âm lịch" / "amlich" (2004), which uses the
 * low-precision formulas of Jean Meeus, "Astronomical Algorithms" (2nd ed., 1998):
 *   - ch. 49 "Phases of the Moon" for the instants of new moons;
 *   - ch. 25 "Solar Coordinates" for the apparent longitude of the sun.
 * This is an independent TypeScript implementation of those published formulas.
 *
 * Rules of the (Chinese-style) lunisolar calendar, evaluated in local time:
 *   1. A lunar month starts on the local day containing the new moon.
 *   2. Lunar month 11 is the month containing the winter solstice (đông chí, sun at 270°).
 *   3. If 13 lunar months lie between two consecutive month-11 starts, one of them is a
 *      leap month (tháng nhuận): the first month after month 11 that contains no major
 *      solar term (trung khí, sun longitude a multiple of 30°). It repeats the previous number.
 *
 * Vietnam has used the 105°E meridian (UTC+7) since 1968, China uses 120°E (UTC+8), so
 * the two calendars sometimes differ (e.g. Tết 1985: VN 21/01, CN 20/02). Hence every
 * function takes the time zone offset in hours, defaulting to Vietnam's.
 */

export type SolarDate = { year: number; month: number; day: number };
export type LunarDate = { year: number; month: number; day: number; leap: boolean };

/** Vietnam's legal time zone (giờ Hà Nội), in hours east of UTC. */
export const VIETNAM_TZ = 7;

/**
 * Years for which we accept input: Meeus' truncated series and the ΔT fit are meant for
 * roughly these centuries; far outside them results would be silently wrong.
 */
export const LUNAR_SUPPORTED_YEARS = { min: 1800, max: 2199 } as const;

/** Julian date of the new moon of 1900-01-01 ≈13:51 UT, Meeus' k = 0 reference (ch. 49). */
const NEW_MOON_EPOCH_JD = 2415021.076998695;
/** Mean synodic month in days (Meeus eq. 49.1). */
const SYNODIC_MONTH = 29.530588853;
const DEG = Math.PI / 180;

// Julian Day Numbers (proleptic Gregorian calendar; Meeus ch. 7, integer form)

/** Julian Day Number of a Gregorian date (the JD at noon UT of that day). */
export function julianDayNumber({ year, month, day }: SolarDate): number {
  // Shift the year to start in March so the leap day is the last day of the year.
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const leapDays = Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + leapDays - 32045;
}

/** Inverse of {@link julianDayNumber}. */
export function fromJulianDayNumber(jdn: number): SolarDate {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

// Astronomy (Meeus)

/** Julian date (UT) of the k-th new moon after the 1900-01-01 one (Meeus ch. 49, truncated). */
function newMoonJulianDate(k: number): number {
  const t = k / 1236.85; // Julian centuries since 1900-01-01
  const t2 = t * t;
  const t3 = t2 * t;
  const meanJd = 2415020.75933 + SYNODIC_MONTH * k + 0.0001178 * t2 - 0.000000155 * t3;
  const secular = 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * DEG;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * DEG;
  const moonLatitudeArg = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * DEG;

  // Periodic corrections: true new moon minus mean new moon, in days.
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * moonLatitudeArg) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * moonLatitudeArg + sunAnomaly) -
    0.0004 * Math.sin(2 * moonLatitudeArg - sunAnomaly) -
    0.0006 * Math.sin(2 * moonLatitudeArg + moonAnomaly) +
    0.001 * Math.sin(2 * moonLatitudeArg - moonAnomaly) +
    0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);

  // ΔT = TT − UT (days), polynomial fits used by the amlich algorithm.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;

  return meanJd + secular + correction - deltaT;
}

/** Julian Day Number of the local calendar day on which the k-th new moon occurs. */
function newMoonDay(k: number, tz: number): number {
  // JD counts from noon, so +0.5 moves to midnight; +tz/24 converts UT to local time.
  return Math.floor(newMoonJulianDate(k) + 0.5 + tz / 24);
}

/** Apparent geometric longitude of the sun in radians, [0, 2π) (Meeus ch. 25, low precision). */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525; // Julian centuries since J2000.0
  const t2 = t * t;
  const meanAnomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEG;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const equationOfCenter =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.00029 * Math.sin(3 * meanAnomaly);
  const longitude = (meanLongitude + equationOfCenter) * DEG;
  const fullTurn = 2 * Math.PI;
  return longitude - fullTurn * Math.floor(longitude / fullTurn);
}

/**
 * Which 30° sector (0..11) the sun is in at local midnight starting the given day.
 * Two consecutive month starts in the same sector mean the month holds no major term.
 */
function majorTermSector(jdn: number, tz: number): number {
  return Math.floor(sunLongitude(jdn - 0.5 - tz / 24) / (Math.PI / 6));
}

/** Index k (Meeus numbering) of the new moon that starts the month beginning on `jdn`. */
function newMoonIndexOfMonthStart(jdn: number): number {
  return Math.round((jdn - NEW_MOON_EPOCH_JD) / SYNODIC_MONTH);
}

// Calendar rules

/** JDN of the first day of lunar month 11 (the month holding the winter solstice of `year`). */
function month11Start(year: number, tz: number): number {
  const dec31 = julianDayNumber({ year, month: 12, day: 31 });
  const k = Math.floor((dec31 - NEW_MOON_EPOCH_JD) / SYNODIC_MONTH);
  const start = newMoonDay(k, tz);
  // Sector ≥ 9 (sun ≥ 270°) at the start means the solstice already passed: take the month before.
  if (majorTermSector(start, tz) >= 9) {
    return newMoonDay(k - 1, tz);
  }
  return start;
}

/**
 * For a 13-month span starting at month 11 (`start11`), the position (1..12) of the leap
 * month counted in months after month 11: the first month with no major term (rule 3).
 */
function leapMonthPosition(start11: number, tz: number): number {
  const k0 = newMoonIndexOfMonthStart(start11);
  let sector = majorTermSector(newMoonDay(k0 + 1, tz), tz);
  for (let i = 1; i < 14; i++) {
    const nextSector = majorTermSector(newMoonDay(k0 + i + 1, tz), tz);
    if (nextSector === sector) {
      return i;
    }
    sector = nextSector;
  }
  return 13; // unreachable for real data: a 13-month span always has a month without a major term
}

/** Lunar month number (1..12) of the month at `position` months after month 11. */
function monthNumberAt(position: number): number {
  return ((10 + position) % 12) + 1;
}

/** The month-11 cycle that contains the lunar month numbered `month` of lunar year `year`. */
type Cycle = { start11: number; next11: number; leapPosition: number | null };

function cycleFrom(solarYear: number, tz: number): Cycle {
  const start11 = month11Start(solarYear, tz);
  const next11 = month11Start(solarYear + 1, tz);
  // 13 lunations ≈ 384 days, 12 ≈ 354: anything over a year means a leap month inside.
  const leapPosition = next11 - start11 > 365 ? leapMonthPosition(start11, tz) : null;
  return { start11, next11, leapPosition };
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_SUPPORTED_YEARS.min || year > LUNAR_SUPPORTED_YEARS.max) {
    throw new RangeError(
      `Năm ${year} nằm ngoài phạm vi hỗ trợ ${LUNAR_SUPPORTED_YEARS.min}–${LUNAR_SUPPORTED_YEARS.max}`,
    );
  }
}

function assertValidSolarDate(date: SolarDate): void {
  assertSupportedYear(date.year);
  const roundTrip = fromJulianDayNumber(julianDayNumber(date));
  const valid =
    Number.isInteger(date.month) &&
    Number.isInteger(date.day) &&
    roundTrip.year === date.year &&
    roundTrip.month === date.month &&
    roundTrip.day === date.day;
  if (!valid) {
    throw new RangeError(`Ngày dương lịch không hợp lệ: ${date.day}/${date.month}/${date.year}`);
  }
}

// Public conversions

/** Converts a Gregorian date to the lunar date, computed for time zone `tz` (hours, default UTC+7). */
export function solarToLunar(date: SolarDate, tz: number = VIETNAM_TZ): LunarDate {
  assertValidSolarDate(date);
  const jdn = julianDayNumber(date);

  // Start from the mean lunation, then step to the true month start: true new moons
  // deviate from mean ones by up to ~14 h, which can shift the local day by one.
  let k = Math.floor((jdn - NEW_MOON_EPOCH_JD) / SYNODIC_MONTH);
  while (newMoonDay(k + 1, tz) <= jdn) {
    k++;
  }
  while (newMoonDay(k, tz) > jdn) {
    k--;
  }
  const monthStart = newMoonDay(k, tz);

  // The month-11 cycle holding this month starts in solar year `cycleYear` (Nov/Dec).
  const cycleYear = month11Start(date.year, tz) <= monthStart ? date.year : date.year - 1;
  const cycle = cycleFrom(cycleYear, tz);
  const position = Math.round((monthStart - cycle.start11) / SYNODIC_MONTH);

  let month = monthNumberAt(position);
  let leap = false;
  if (cycle.leapPosition !== null && position >= cycle.leapPosition) {
    // From the leap month on, numbering lags one behind the position.
    month = monthNumberAt(position - 1);
    leap = position === cycle.leapPosition;
  }

  // Months 11 and 12 right after the cycle start still belong to the old lunar year.
  const isOldYearTail = month >= 11 && position < 4;
  return {
    year: isOldYearTail ? cycleYear : cycleYear + 1,
    month,
    day: jdn - monthStart + 1,
    leap,
  };
}

/** First day (JDN) and length of a lunar month; RangeError if that (leap) month does not exist. */
function locateLunarMonth(
  { year, month, leap }: Omit<LunarDate, 'day'>,
  tz: number,
): { monthStart: number; monthLength: number } {
  assertSupportedYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Tháng âm lịch không hợp lệ: ${month}/${year}`);
  }
  // Months 11 and 12 of lunar year Y follow the solstice of solar year Y; others the one before.
  const cycle = cycleFrom(month >= 11 ? year : year - 1, tz);
  let position = (month - 11 + 12) % 12;
  const leapMonth = cycle.leapPosition === null ? null : monthNumberAt(cycle.leapPosition - 1);
  if (leap && leapMonth !== month) {
    throw new RangeError(`Năm âm lịch ${year} không có tháng ${month} nhuận`);
  }
  if (cycle.leapPosition !== null && (leap || position >= cycle.leapPosition)) {
    position++;
  }
  const k = newMoonIndexOfMonthStart(cycle.start11) + position;
  const monthStart = newMoonDay(k, tz);
  return { monthStart, monthLength: newMoonDay(k + 1, tz) - monthStart };
}

/**
 * Converts a lunar date to the Gregorian date, computed for time zone `tz`.
 * Throws RangeError for a leap month that does not exist or a day beyond the month's length.
 */
export function lunarToSolar(date: LunarDate, tz: number = VIETNAM_TZ): SolarDate {
  const { monthStart, monthLength } = locateLunarMonth(date, tz);
  if (!Number.isInteger(date.day) || date.day < 1 || date.day > monthLength) {
    const monthName = `${date.month}${date.leap ? ' nhuận' : ''}/${date.year}`;
    throw new RangeError(`Ngày âm lịch ${date.day} không có trong tháng ${monthName} (${monthLength} ngày)`);
  }
  return fromJulianDayNumber(monthStart + date.day - 1);
}

/** Number of days (29 or 30) of the given lunar month. */
export function lunarMonthLength(month: Omit<LunarDate, 'day'>, tz: number = VIETNAM_TZ): number {
  return locateLunarMonth(month, tz).monthLength;
}

/** The leap month (1..12) of lunar year `year`, or null if that year has 12 months. */
export function leapMonthOfLunarYear(year: number, tz: number = VIETNAM_TZ): number | null {
  assertSupportedYear(year);
  // Lunar year Y = months 1..10 of the cycle starting at the solstice of Y−1,
  // plus months 11..12 of the cycle starting at the solstice of Y.
  const early = cycleFrom(year - 1, tz);
  if (early.leapPosition !== null) {
    const month = monthNumberAt(early.leapPosition - 1);
    if (month <= 10) {
      return month;
    }
  }
  const late = cycleFrom(year, tz);
  if (late.leapPosition !== null) {
    const month = monthNumberAt(late.leapPosition - 1);
    if (month >= 11) {
      return month;
    }
  }
  return null;
}
