import { foldVietnamese } from '../../../platform/text/fold.ts';
import type { DocumentLayout } from './layout.models.ts';

/** Numbers 1–9 are written 01–09 (36-HD/VPTW; ND30 Phụ lục I alike). */
export const pad2 = (n: number) => String(n).padStart(2, '0');

/** The gap a draft prints where the number will go at issue ("Số      -CV/TU"). */
export const NUMBER_GAP = ' '.repeat(5);

/**
 * A công văn (letter) has no type-name heading: its trích yếu "V/v …" sits under the number and a
 * "Kính gửi:" block follows. State catalogues give it no abbreviation at all ("123/UBND-VP").
 */
export function isLetter(layout: Pick<DocumentLayout, 'typeName' | 'typeAbbreviation'>): boolean {
  return layout.typeAbbreviation === 'CV' || foldVietnamese(layout.typeName) === 'cong van';
}

type NotationInput = Pick<DocumentLayout, 'layout' | 'typeName' | 'typeAbbreviation' | 'issuerAbbreviation'>;

/** The part after the number: "-CV/TU" (Party), "/TB-UBND" or "/UBND" for a State letter. */
function notationTail(layout: NotationInput): string {
  if (layout.layout === 'party') {
    return `-${layout.typeAbbreviation}/${layout.issuerAbbreviation}`;
  }
  return isLetter(layout)
    ? `/${layout.issuerAbbreviation}`
    : `/${layout.typeAbbreviation}-${layout.issuerAbbreviation}`;
}

/**
 * Số và ký hiệu without "Số": Party `NN-TYPE/ISSUER` ("01-CV/TU", 36-HD/VPTW), State `NN/TYPE-ISSUER`
 * ("45/QĐ-UBND", ND30 Điều 15), State công văn `NN/ISSUER`.
 */
export function notationOf(layout: NotationInput, number: number): string {
  return `${pad2(number)}${notationTail(layout)}`;
}

/** The printed number line: "Số 01-CV/TU", "Số: 45/QĐ-UBND"; a draft leaves the number blank. */
export function numberLine(layout: NotationInput & Pick<DocumentLayout, 'number'>): string {
  const prefix = layout.layout === 'party' ? 'Số ' : 'Số: ';
  const number = layout.number === null ? NUMBER_GAP : pad2(layout.number);
  return `${prefix}${number}${notationTail(layout)}`;
}
