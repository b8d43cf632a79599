/**
 * The date line of a Party (36-HD/VPTW) or State (ND30 Phụ lục I) document: "{Place}, ngày DD tháng M
 * năm YYYY". Both rules pad days 1–9 and months 1–2 with a zero and leave months 3–12 alone
 * ("ngày 03 tháng 4 năm 2018", "ngày 20 tháng 02 năm 2018") — so that "tháng 1" cannot be turned into
 * "tháng 11" and "ngày 1" into "ngày 10" by hand after printing.
 */

/** The gap a draft prints where the day and the month will be written by hand or at issue. */
export const DRAFT_GAP = ' '.repeat(7);

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "03", "20": days always take two digits. */
export const dayText = (day: number) => pad2(day);

/** "01", "02", then "3"…"12": only January and February are padded. */
export const monthText = (month: number) => (month <= 2 ? pad2(month) : String(month));

/** Parses YYYY-MM-DD into a real calendar date, or null ("2026-02-30" is not one). */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) {
    return null;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

/**
 * The printed date line. `date` is YYYY-MM-DD once issued; a draft (null) prints blanks for the day
 * and month and the draft year: "Hồng Lam, ngày       tháng       năm 2026".
 * Throws on a date that is not a calendar date: the checker reports it before anything is printed.
 */
export function dateLine(place: string, date: string | null, draftYear: number): string {
  if (date === null) {
    return `${place}, ngày${DRAFT_GAP}tháng${DRAFT_GAP}năm ${draftYear}`;
  }
  const d = parseIsoDate(date);
  if (!d) {
    throw new Error(`Not a calendar date: ${date}`);
  }
  return `${place}, ngày ${dayText(d.day)} tháng ${monthText(d.month)} năm ${d.year}`;
}

const ISSUED_LINE = /^(\S.*?), ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$/u;
const DRAFT_LINE = /^(\S.*?), ngày +tháng +năm (\d{4})$/u;

/**
 * Checks a printed date line against the padding rule. Returns null when it is right, else the
 * reason in Vietnamese. Used on the generator's own line and on lines typed into uploaded drafts.
 */
export function checkDateLineText(text: string): string | null {
  const line = text.normalize('NFC');
  if (DRAFT_LINE.test(line)) {
    return null;
  }
  const m = ISSUED_LINE.exec(line);
  if (!m) {
    return `Dòng địa danh, ngày tháng "${text}" không đúng mẫu "Địa danh, ngày DD tháng M năm YYYY".`;
  }
  const [, place, dayRaw = '', monthRaw = '', yearRaw = ''] = m;
  if (!place || /[,.]$/.test(place)) {
    return `Địa danh "${place ?? ''}" không hợp lệ trong dòng ngày tháng.`;
  }
  const [day, month, year] = [Number(dayRaw), Number(monthRaw), Number(yearRaw)];
  if (!parseIsoDate(`${yearRaw}-${pad2(month)}-${pad2(day)}`)) {
    return `Ngày ${dayRaw} tháng ${monthRaw} năm ${year} không có trên lịch.`;
  }
  if (dayRaw !== dayText(day)) {
    return `Ngày phải viết hai chữ số: "ngày ${dayText(day)}", không phải "ngày ${dayRaw}".`;
  }
  if (monthRaw !== monthText(month)) {
    return month <= 2
      ? `Tháng 1 và tháng 2 phải thêm số 0: "tháng ${monthText(month)}", không phải "tháng ${monthRaw}".`
      : `Tháng 3 đến tháng 12 không thêm số 0: "tháng ${monthText(month)}", không phải "tháng ${monthRaw}".`;
  }
  return null;
}
