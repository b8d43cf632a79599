import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tally, type ScoredField } from './capture.scoring.ts';
import { readAndScore, readLabels } from './capture.test-support.ts';

/**
 * Field-level accuracy floors on the committed subset of the generated test set (12 clean PDFs and 6
 * degraded scans, two per degradation level, picked to cover every kind of header: Party and State,
 * letters and titled types, secrecy and urgency marks, signature on page 2, numbers with a year…).
 * Real tools: pdftotext for the PDFs, tesseract (Vietnamese) for the scans. The full set's figures are
 * in docs/benchmarks.md (bench/capture-measure.mjs); these floors sit a little under what this subset
 * measures, so another tesseract build may differ by a field or two without failing, but a regression
 * of the reader does.
 */
const DIR = path.resolve(import.meta.dirname, '../../../test/fixtures/capture');
const cases = readLabels(DIR);

/** Minimum share of right fields, clean PDFs: the text layer is exact, so is the reader on it. */
const CLEAN_FLOORS: Record<ScoredField, number> = {
  superiorBody: 1,
  issuerName: 1,
  issuerId: 1,
  notation: 1,
  number: 1,
  place: 1,
  documentDate: 1,
  documentTypeName: 1,
  summary: 1,
  urgency: 1,
  secrecy: 1,
  signer: 1,
};

/**
 * Minimum share of right fields, degraded scans (6 pages: one miss is 0.83). Boxed urgency and secrecy
 * marks are often not seen by tesseract at all, and the trích yếu of heavy scans carries OCR errors.
 */
const SCAN_FLOORS: Record<ScoredField, number> = {
  superiorBody: 0.83,
  issuerName: 0.83,
  issuerId: 0.83,
  notation: 0.83,
  number: 0.83,
  place: 0.83,
  documentDate: 0.83,
  documentTypeName: 0.83,
  summary: 0.66,
  urgency: 0.66,
  secrecy: 0.66,
  signer: 0.83,
};

const shares = (list: Awaited<ReturnType<typeof readAndScore>>[]) =>
  Object.fromEntries(
    tally(list.map((r) => r.scores)).map((t) => [t.field, Math.round((t.correct / t.total) * 100) / 100]),
  );

describe('fields read from the first pages of the generated test set', () => {
  it('clean PDFs (text layer): every field at or above its floor', async () => {
    const read = await Promise.all(cases.filter((c) => c.pdf).map((c) => readAndScore(DIR, c, 'clean')));
    expect(read.length).toBeGreaterThanOrEqual(10);
    expect(read.every((r) => r.method === 'text-layer')).toBe(true);
    const got = shares(read);
    for (const [field, floor] of Object.entries(CLEAN_FLOORS)) {
      expect({ field, share: got[field] }).toEqual({
        field,
        share: expect.toSatisfy((x: number) => x >= floor),
      });
    }
  });

  it('degraded scans (OCR): notation, number and date and the other fields at or above their floors', async () => {
    const read = [];
    for (const c of cases.filter((x) => x.scan)) {
      read.push(await readAndScore(DIR, c, 'scan'));
    }
    expect(read.length).toBe(6);
    expect(read.every((r) => r.method === 'ocr')).toBe(true);
    const got = shares(read);
    for (const [field, floor] of Object.entries(SCAN_FLOORS)) {
      expect({ field, share: got[field] }).toEqual({
        field,
        share: expect.toSatisfy((x: number) => x >= floor),
      });
    }
  }, 180_000);
});
