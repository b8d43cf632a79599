import type { Page, Segment } from './capture.text.ts';
import type { Vocabulary } from './capture.vocabulary.ts';

/** Shapes shared by the capture readers (capture.fields.ts, capture.header.ts, capture.marks.ts). */

export type Field<T> = { value: T | null; confidence: number; source: string | null };
export type Layout = 'party' | 'state';

export const none = <T>(): Field<T> => ({ value: null, confidence: 0, source: null });
export const clamp = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;

/** What every reader gets: the page, the vocabulary, the quality factor and the anchors found so far. */
export interface Context {
  page: Page;
  vocab: Vocabulary;
  quality: number;
  layout: Layout | null;
  /** Line of the number and of the date line. */
  numberLine: number | null;
  numberSegment: Segment | null;
  /** Where the notation ends in that segment (what follows may be the date line, joined by OCR). */
  numberEnd: number;
  dateLine: number | null;
}
