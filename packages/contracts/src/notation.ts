/**
 * "Số và ký hiệu" as printed on a document (spec §2), parsed softly: an unrecognised notation is a
 * warning for the clerk, never a refusal — documents from outside the Party and State systems exist.
 *
 * Party form:  {n}-{TYPE}/{ISSUER}[/{suffix}]   "12-CV/TU", "36-HD/VPTW", "141-CV/VPTW/nb"
 * State form:  {n}/{TYPE}-{ISSUER}               "45/QĐ-UBND"
 *              {n}/{YYYY}/{TYPE}-{ISSUER}        "30/2020/NĐ-CP"
 *              {n}/{ISSUER}-{UNIT}               "123/UBND-VP" (công văn: no type code)
 */
export type NotationForm = 'party' | 'state' | 'unknown';

export interface ParsedNotation {
  form: NotationForm;
  /** The notation without a leading "Số", spaces around separators removed. */
  normalized: string;
  number: number | null;
  /** The type code where the form carries one (CV, HD, QĐ, NĐ…). */
  typeCode: string | null;
  /** The issuer code (TU, VPTW, UBND, CP…). */
  issuerCode: string | null;
  year: number | null;
  /** Soft findings, e.g. `unrecognised`, `number_missing`. */
  warnings: NotationWarning[];
}

export type NotationWarning = 'unrecognised' | 'empty';

const CODE = '[A-ZĐ][A-ZĐa-zđ0-9]*';
const PARTY = new RegExp(`^(\\d{1,6})-(${CODE})/(${CODE}(?:/[A-ZĐa-zđ0-9.]+)*)$`, 'u');
const STATE_YEAR = new RegExp(`^(\\d{1,6})/(\\d{4})/(${CODE})-(${CODE}(?:-${CODE})*)$`, 'u');
const STATE = new RegExp(`^(\\d{1,6})/(${CODE})-(${CODE}(?:-${CODE})*)$`, 'u');

export function normalizeNotation(raw: string): string {
  return raw
    .normalize('NFC')
    .trim()
    .replace(/^số\s*[:.]?\s*/iu, '')
    .replace(/\s*([-/])\s*/g, '$1')
    .replace(/\s+/g, ' ');
}

export function parseNotation(raw: string): ParsedNotation {
  const normalized = normalizeNotation(raw);
  const base = { normalized, number: null, typeCode: null, issuerCode: null, year: null };
  if (!normalized) {
    return { ...base, form: 'unknown', warnings: ['empty'] };
  }
  let m = PARTY.exec(normalized);
  if (m) {
    return { ...base, form: 'party', number: Number(m[1]), typeCode: m[2]!, issuerCode: m[3]!, warnings: [] };
  }
  m = STATE_YEAR.exec(normalized);
  if (m) {
    return {
      ...base,
      form: 'state',
      number: Number(m[1]),
      year: Number(m[2]),
      typeCode: m[3]!,
      issuerCode: m[4]!,
      warnings: [],
    };
  }
  m = STATE.exec(normalized);
  if (m) {
    // "45/QĐ-UBND" carries a type code; "123/UBND-VP" (a công văn) starts with the issuer. Type codes
    // are short (QĐ, NQ, TB, KH, BC, CT, TTr…); issuer codes are usually longer. Both stay available.
    return { ...base, form: 'state', number: Number(m[1]), typeCode: m[2]!, issuerCode: m[3]!, warnings: [] };
  }
  const n = /^(\d{1,6})\b/.exec(normalized);
  return { ...base, form: 'unknown', number: n ? Number(n[1]) : null, warnings: ['unrecognised'] };
}
