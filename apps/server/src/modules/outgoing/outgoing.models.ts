import type { Layout, OutgoingStatus, Secrecy } from '@vanphong/contracts';

/**
 * Pure rules of outgoing documents: issuer keys, numbering series (spec §2), notations, the header
 * lines of the issuing body, and which status allows which step.
 */

/** "c{committee}" or "c{committee}-a{agency}": the issuing body, as for incoming registers. */
export const issuerKeyOf = (committeeId: number, agencyId: number | null): string =>
  agencyId === null ? `c${committeeId}` : `c${committeeId}-a${agencyId}`;

export type NumberingRule = 'party_term' | 'state_year';

export const layoutOf = (rule: string): Layout => (rule === 'state_year' ? 'state' : 'party');

/** Numbers 1–9 are written 01–09 (spec §2). */
export const padNumber = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The printed notation without "Số": Party "01-CV/TU" (spec §2); State "45/QĐ-UBND", and a State
 * công văn has no type code: "123/UBND-VP" is printed "123/UBND" here (the drafting unit is optional).
 */
export function notationOf(layout: Layout, n: number, typeAbbreviation: string, issuerAbbreviation: string): string {
  if (layout === 'party') {
    return `${padNumber(n)}-${typeAbbreviation}/${issuerAbbreviation}`;
  }
  return typeAbbreviation === 'CV' ? `${padNumber(n)}/${issuerAbbreviation}` : `${padNumber(n)}/${typeAbbreviation}-${issuerAbbreviation}`;
}

export interface TermRow {
  id: number;
  ordinal: number;
  label: string;
  starts_on: string;
  ends_on: string | null;
}

/** The committee term a date falls in (a term runs from its start to its end, open-ended for the current one). */
export function termOn(terms: readonly TermRow[], date: string): TermRow | null {
  return terms.find((t) => t.starts_on <= date && (t.ends_on === null || date <= t.ends_on)) ?? null;
}

export interface SeriesSpec {
  key: string;
  kind: 'type_term' | 'congress' | 'year' | 'year_secret';
  termId: number | null;
  year: number | null;
  documentTypeId: number | null;
  label: string;
}

/**
 * The series a document takes its number from (spec §2): Party bodies number per (issuer, type, term);
 * congress documents share one series across all types; State-style bodies number per (issuer, year),
 * with a separate series for secret documents. Copies (bản sao) are the type "BS" and so their own series.
 */
export function seriesFor(v: {
  rule: NumberingRule;
  issuerKey: string;
  issuerAbbreviation: string;
  date: string;
  term: TermRow | null;
  congress: boolean;
  documentTypeId: number;
  typeAbbreviation: string;
  secrecy: Secrecy;
}): SeriesSpec | { error: 'no_term' } {
  const year = Number(v.date.slice(0, 4));
  if (v.rule === 'state_year') {
    const secret = v.secrecy !== 'none';
    return {
      key: `${v.issuerKey}|y${year}${secret ? '|secret' : ''}`,
      kind: secret ? 'year_secret' : 'year',
      termId: null,
      year,
      documentTypeId: null,
      label: `${v.issuerAbbreviation} — năm ${year}${secret ? ' (văn bản mật)' : ''}`,
    };
  }
  if (!v.term) {
    return { error: 'no_term' };
  }
  if (v.congress) {
    return {
      key: `${v.issuerKey}|t${v.term.id}|congress`,
      kind: 'congress',
      termId: v.term.id,
      year: null,
      documentTypeId: null,
      label: `${v.issuerAbbreviation} — văn bản đại hội (${v.term.label})`,
    };
  }
  return {
    key: `${v.issuerKey}|t${v.term.id}|d${v.documentTypeId}`,
    kind: 'type_term',
    termId: v.term.id,
    year: null,
    documentTypeId: v.documentTypeId,
    label: `${v.typeAbbreviation}/${v.issuerAbbreviation} — ${v.term.label}`,
  };
}

/** The two header lines of the issuing body (spec §2: superior body, then the issuing body in bold). */
export function headerLines(v: {
  committee: { name: string; superior_line: string; place_name: string };
  agency: { name: string } | null;
}): { superiorLine: string; issuerLine: string } {
  const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi-VN');
  if (v.agency === null) {
    // "Tỉnh ủy Hồng Lam" under "ĐẢNG BỘ TỈNH HỒNG LAM" prints "TỈNH ỦY".
    const short = stripSuffix(v.committee.name, v.committee.place_name);
    return { superiorLine: upper(v.committee.superior_line), issuerLine: upper(short) };
  }
  // "Văn phòng Tỉnh ủy" under "TỈNH ỦY HỒNG LAM" prints "VĂN PHÒNG".
  const committeeShort = stripSuffix(v.committee.name, v.committee.place_name);
  return { superiorLine: upper(v.committee.name), issuerLine: upper(stripSuffix(v.agency.name, committeeShort)) };
}

function stripSuffix(name: string, suffix: string): string {
  const n = name.trim();
  const s = suffix.trim();
  if (s !== '' && n.toLocaleLowerCase('vi-VN').endsWith(` ${s.toLocaleLowerCase('vi-VN')}`)) {
    return n.slice(0, n.length - s.length - 1).trim();
  }
  return n;
}

/**
 * The default "Lưu …" line (spec §2): a committee's filed copy is kept by its office ("Lưu Văn phòng
 * Tỉnh ủy"); an agency keeps its own ("Lưu VPTU").
 */
export function defaultRetainLine(v: { committee: { name: string; place_name: string }; agency: { abbreviation: string } | null }): string {
  return v.agency ? `Lưu ${v.agency.abbreviation}` : `Lưu Văn phòng ${stripSuffix(v.committee.name, v.committee.place_name)}`;
}

export const EDITABLE: readonly OutgoingStatus[] = ['draft', 'returned'];
export const IN_CIRCUIT: readonly OutgoingStatus[] = ['in_review', 'awaiting_signature'];
export const isEditable = (s: string): boolean => (EDITABLE as readonly string[]).includes(s);

/** Statuses in which the document is still a draft, seen only by the people working on it. */
export const DRAFT_STATUSES: readonly OutgoingStatus[] = ['draft', 'in_review', 'returned', 'awaiting_signature'];
export const isDraftStatus = (s: string): boolean => (DRAFT_STATUSES as readonly string[]).includes(s);

/** Secret documents: Tối mật and Tuyệt mật never leave as packages, on any profile (spec §3). */
export const neverPackaged = (s: Secrecy): boolean => s === 'secret' || s === 'top_secret';
