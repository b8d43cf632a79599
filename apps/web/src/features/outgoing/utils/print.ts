import type { Layout } from '../types';

/** The gap a draft prints where the day and month will go at issue ("ngày       tháng       năm 2026"). */
const DRAFT_GAP = ' '.repeat(7);
/** The gap a draft prints where the number will go ("Số      -CV/TU"). */
const NUMBER_GAP = ' '.repeat(5);

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The date line under the national heading (spec §2): days 1–9 and months 1–2 are zero-padded,
 * months 3–12 are not ("Hà Nội, ngày 03 tháng 4 năm 2018", "ngày 20 tháng 02 năm 2018").
 */
export function dateLine(place: string, issuedOn: string | null, draftYear: number): string {
  const m = issuedOn ? /^(\d{4})-(\d{2})-(\d{2})/.exec(issuedOn) : null;
  if (!m) {
    return `${place}, ngày${DRAFT_GAP}tháng${DRAFT_GAP}năm ${draftYear}`;
  }
  const [, year, month, day] = m;
  const mm = Number(month);
  return `${place}, ngày ${pad2(Number(day))} tháng ${mm <= 2 ? pad2(mm) : String(mm)} năm ${year}`;
}

/** The printed number line: Party "Số 01-CV/TU", State "Số: 45/QĐ-UBND" (a công văn "Số: 12/UBND"). */
export function numberLine(v: {
  layout: Layout;
  typeAbbreviation: string;
  issuerAbbreviation: string;
  letter: boolean;
  number: number | null;
}): string {
  const number = v.number === null ? NUMBER_GAP : pad2(v.number);
  if (v.layout === 'party') {
    return `Số ${number}-${v.typeAbbreviation}/${v.issuerAbbreviation}`;
  }
  const tail = v.letter ? `/${v.issuerAbbreviation}` : `/${v.typeAbbreviation}-${v.issuerAbbreviation}`;
  return `Số: ${number}${tail}`;
}

export const SECRECY_MARKS = { none: null, confidential: 'MẬT', secret: 'TỐI MẬT', top_secret: 'TUYỆT MẬT' } as const;
export const URGENCY_MARKS = {
  normal: null,
  urgent: 'KHẨN',
  very_urgent: 'THƯỢNG KHẨN',
  flash: 'HỎA TỐC',
  flash_timed: 'HỎA TỐC HẸN GIỜ',
} as const;

export const upperVi = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi');

/** "Kính gửi:" lines: one addressee stands alone; several become "- …," lines, the last ending with ".". */
export function addresseeLines(addressees: string[]): string[] {
  const list = addressees.map((a) => a.trim()).filter(Boolean);
  if (list.length <= 1) {
    return list;
  }
  return list.map((a, i) => `- ${a.replace(/[,.;]+$/, '')}${i === list.length - 1 ? '.' : ','}`);
}
