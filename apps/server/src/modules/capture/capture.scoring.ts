import { normalizeNotation, type CapturedFields } from '@vanphong/contracts';
import { bare, collapse } from './capture.text.ts';

/**
 * Field-level scoring of the capture reader against the labels of the generated test set
 * (bench/capture-generate.mjs), shared by capture.accuracy.test.ts and bench/capture-measure.mjs.
 *
 * Rules: notation (after `normalizeNotation`, so "Đ" must be right), number, date, type, urgency and
 * secrecy must be equal; names, place, trích yếu and signer count as right when equal after folding
 * (case, tones, punctuation and spacing ignored: OCR of capitals often drops tones) and are also
 * counted `exact` (NFC, spacing collapsed). A field the page does not carry (no superior body, the
 * signature on page 2) is right when read as null. The issuer id is right when it is the directory
 * entry the label names (or null for the office's own bodies, which are not in the directory).
 */

export const SCORED_FIELDS = [
  'superiorBody',
  'issuerName',
  'issuerId',
  'notation',
  'number',
  'place',
  'documentDate',
  'documentTypeName',
  'summary',
  'urgency',
  'secrecy',
  'signer',
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface CaptureTruth {
  layout: 'party' | 'state';
  superiorBody: string | null;
  issuerName: string;
  /** The directory name of the issuer, null when it is not in the directory. */
  issuerOrg: string | null;
  notation: string;
  number: number;
  place: string;
  documentDate: string;
  documentTypeName: string;
  summary: string;
  urgency: string;
  secrecy: string;
  signer: string | null;
}

export interface FieldScore {
  correct: boolean;
  exact: boolean;
  expected: unknown;
  got: unknown;
}

const TEXT_FIELDS = new Set<ScoredField>(['superiorBody', 'issuerName', 'place', 'summary', 'signer']);

export function scoreCase(
  fields: CapturedFields,
  truth: CaptureTruth,
  issuerIdExpected: number | null,
): Record<ScoredField, FieldScore> {
  const out = {} as Record<ScoredField, FieldScore>;
  for (const f of SCORED_FIELDS) {
    const got = fields[f].value;
    const expected: unknown = f === 'issuerId' ? issuerIdExpected : truth[f];
    let correct: boolean;
    let exact: boolean;
    if (expected === null || expected === undefined) {
      correct = exact = got === null;
    } else if (got === null) {
      correct = exact = false;
    } else if (TEXT_FIELDS.has(f)) {
      correct = bare(String(got)) === bare(String(expected));
      exact = collapse(String(got).normalize('NFC')) === collapse(String(expected).normalize('NFC'));
    } else if (f === 'notation') {
      correct = exact = normalizeNotation(String(got)) === normalizeNotation(String(expected));
    } else {
      correct = exact = got === expected;
    }
    out[f] = { correct, exact, expected, got };
  }
  return out;
}

export interface FieldTally {
  field: ScoredField;
  correct: number;
  exact: number;
  total: number;
}

/** Per-field totals over scored cases. */
export function tally(scores: Record<ScoredField, FieldScore>[]): FieldTally[] {
  return SCORED_FIELDS.map((field) => ({
    field,
    correct: scores.filter((s) => s[field].correct).length,
    exact: scores.filter((s) => s[field].exact).length,
    total: scores.length,
  }));
}
