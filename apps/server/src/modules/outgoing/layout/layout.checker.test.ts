import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from '../../seed/seed.reference-data.ts';
import { checkLayout } from './layout.checker.ts';
import { ALL_FIXTURES, congVan, keHoach, nghiQuyet, stateCongVan, thongBao } from './layout.fixtures.ts';
import type { DocumentLayout } from './layout.models.ts';
import { notationOf, numberLine } from './layout.notation.ts';

/** The catalogue of the layout's family, as the use case passes it from the reference data. */
const catalogueOf = (layout: DocumentLayout) => DOCUMENT_TYPES.filter((t) => t.family === layout.layout);
const check = (layout: DocumentLayout) => checkLayout(layout, catalogueOf(layout));
const codes = (layout: DocumentLayout) => check(layout).map((x) => `${x.code}:${x.field}`);

describe('the notation', () => {
  it('writes Party numbers NN-TYPE/ISSUER and State numbers NN/TYPE-ISSUER, 1–9 as 01–09', () => {
    expect(notationOf(congVan(), 7)).toBe('07-CV/TU');
    expect(notationOf(thongBao(), 1400)).toBe('1400-TB/VPTU');
    expect(
      notationOf(
        { ...stateCongVan(), typeName: 'Quyết định', typeAbbreviation: 'QĐ', issuerAbbreviation: 'UBND' },
        45,
      ),
    ).toBe('45/QĐ-UBND');
    expect(notationOf(stateCongVan(), 123)).toBe('123/UBND-VP');
  });

  it('prints "Số" with the number, and a gap where a draft will get it', () => {
    expect(numberLine(congVan())).toBe('Số 07-CV/TU');
    expect(numberLine({ ...congVan(), number: null })).toBe('Số      -CV/TU');
    expect(numberLine(stateCongVan())).toBe('Số: 123/UBND-VP');
  });
});

describe('the format checker', () => {
  it('finds nothing wrong in a công văn, a thông báo, a nghị quyết signed T/M, a kế hoạch signed K/T, a State công văn and a draft', () => {
    for (const [name, make] of Object.entries(ALL_FIXTURES)) {
      expect({ name, violations: check(make()) }).toEqual({ name, violations: [] });
    }
  });

  it('accepts a quy định numbered QĐi or QĐ (399-QĐ/TW itself is a quy định)', () => {
    const quyDinh = (abbreviation: string) => ({
      ...nghiQuyet(),
      typeName: 'Quy định',
      typeAbbreviation: abbreviation,
      notation: `03-${abbreviation}/TU`,
    });
    expect(check(quyDinh('QĐi'))).toEqual([]);
    expect(check(quyDinh('QĐ'))).toEqual([]);
    expect(codes(quyDinh('QC'))).toEqual(['format.type_abbreviation:typeAbbreviation']);
  });

  it('format.header_missing: the superior body or the issuing body is missing', () => {
    expect(codes({ ...thongBao(), superiorLine: ' ' })).toEqual(['format.header_missing:superiorLine']);
    expect(codes({ ...thongBao(), issuerLine: '' })).toEqual(['format.header_missing:issuerLine']);
    // ND30: a State body without a superior prints none.
    expect(codes({ ...stateCongVan(), superiorLine: '' })).toEqual([]);
  });

  it('format.header_caps: a header or signature line not in capitals', () => {
    expect(codes({ ...thongBao(), issuerLine: 'Văn phòng' })).toEqual(['format.header_caps:issuerLine']);
    expect(codes({ ...nghiQuyet(), signerTitle: 'Bí thư' })).toEqual(['format.header_caps:signerTitle']);
    const [violation] = check({ ...thongBao(), superiorLine: 'Tỉnh ủy Hồng Lam' });
    expect(violation?.message).toContain('TỈNH ỦY HỒNG LAM');
  });

  it('format.issuer_abbreviation: the issuer abbreviation is missing or malformed', () => {
    expect(codes({ ...congVan(), issuerAbbreviation: '', notation: null, number: null })).toEqual([
      'format.issuer_abbreviation:issuerAbbreviation',
    ]);
    expect(codes({ ...congVan(), issuerAbbreviation: 'tu', notation: '07-CV/tu' })).toEqual([
      'format.issuer_abbreviation:issuerAbbreviation',
    ]);
    expect(codes({ ...congVan(), issuerAbbreviation: 'V P', notation: '07-CV/V P' })).toEqual([
      'format.issuer_abbreviation:issuerAbbreviation',
    ]);
    expect(codes({ ...congVan(), issuerAbbreviation: 'VPTW/nb', notation: '07-CV/VPTW/nb' })).toEqual([]);
  });

  it('format.notation_pattern: the notation is not NN-TYPE/ISSUER for the number', () => {
    expect(codes({ ...congVan(), notation: '7-CV/TU' })).toEqual(['format.notation_pattern:notation']);
    expect(codes({ ...congVan(), notation: '07/CV-TU' })).toEqual(['format.notation_pattern:notation']);
    expect(codes({ ...congVan(), notation: '07-TB/TU' })).toEqual(['format.notation_pattern:notation']);
    expect(codes({ ...congVan(), number: null })).toEqual(['format.notation_pattern:number']);
    expect(codes({ ...stateCongVan(), notation: '123-CV/UBND-VP' })).toEqual([
      'format.notation_pattern:notation',
    ]);
    const [violation] = check({ ...congVan(), notation: '7-CV/TU' });
    expect(violation?.message).toContain('"07-CV/TU"');
  });

  it('format.date_line: the date is not on the calendar or the place is missing or badly written', () => {
    expect(codes({ ...congVan(), date: '2026-02-30' })).toEqual(['format.date_line:date']);
    expect(codes({ ...congVan(), place: '' })).toEqual(['format.date_line:place']);
    expect(codes({ ...congVan(), place: 'Hồng Lam,' })).toEqual(['format.date_line:date']);
  });

  it('format.type_abbreviation: the abbreviation is not the one of the type, or the type is unknown', () => {
    expect(codes({ ...thongBao(), typeAbbreviation: 'TBo', notation: '12-TBo/VPTU' })).toEqual([
      'format.type_abbreviation:typeAbbreviation',
    ]);
    expect(codes({ ...thongBao(), typeName: 'Thông điệp' })).toEqual(['format.type_abbreviation:typeName']);
    // State công văn have no type code (ND30 Phụ lục III): "CV" is wrong there.
    expect(codes({ ...stateCongVan(), typeAbbreviation: 'CV' })).toEqual([
      'format.type_abbreviation:typeAbbreviation',
    ]);
  });

  it('format.summary_missing: the trích yếu is empty', () => {
    expect(codes({ ...thongBao(), summary: '  ' })).toEqual(['format.summary_missing:summary']);
    expect(codes({ ...congVan(), summary: 'V/v ' })).toEqual(['format.summary_missing:summary']);
  });

  it('format.letter_addressees: a công văn without "V/v" or without "Kính gửi"', () => {
    expect(codes({ ...congVan(), summary: 'chuẩn bị tổng kết công tác văn thư' })).toEqual([
      'format.letter_addressees:summary',
    ]);
    expect(codes({ ...congVan(), addressees: [] })).toEqual(['format.letter_addressees:addressees']);
    expect(codes({ ...stateCongVan(), addressees: [' '] })).toEqual(['format.letter_addressees:addressees']);
  });

  it('format.recipients_missing: "Nơi nhận" holds only the "Lưu" line', () => {
    expect(codes({ ...thongBao(), recipientLines: ['Lưu Văn phòng Tỉnh ủy'] })).toEqual([
      'format.recipients_missing:recipientLines',
    ]);
  });

  it('format.retain_missing: "Nơi nhận" does not end with "- Lưu …"', () => {
    expect(codes({ ...thongBao(), recipientLines: ['Thường trực Tỉnh ủy (để b/c)'] })).toEqual([
      'format.retain_missing:recipientLines',
    ]);
    expect(
      codes({ ...thongBao(), recipientLines: ['Lưu Văn phòng Tỉnh ủy', 'Thường trực Tỉnh ủy'] }),
    ).toEqual(['format.retain_missing:recipientLines']);
    expect(codes({ ...thongBao(), recipientLines: [] })).toEqual([
      'format.recipients_missing:recipientLines',
      'format.retain_missing:recipientLines',
    ]);
  });

  it('format.secret_recipients: a secret document without its list of recipients', () => {
    expect(codes({ ...keHoach(), recipientLines: ['Lưu Văn phòng Tỉnh ủy'] })).toEqual([
      'format.recipients_missing:recipientLines',
      'format.secret_recipients:recipientLines',
    ]);
  });

  it('format.signer_missing: no signer title or no signer name', () => {
    expect(codes({ ...nghiQuyet(), signerTitle: '' })).toEqual(['format.signer_missing:signerTitle']);
    expect(codes({ ...nghiQuyet(), signerName: ' ' })).toEqual(['format.signer_missing:signerName']);
  });

  it('format.authority_line: the line does not match T/M, K/T, T/L, T/UQ (Party) or TM., KT. (State), or a direct signature has one', () => {
    expect(codes({ ...nghiQuyet(), authorityLine: 'TM BAN THƯỜNG VỤ' })).toEqual([
      'format.authority_line:authorityLine',
    ]);
    expect(codes({ ...nghiQuyet(), authorityForm: 'KT' })).toEqual(['format.authority_line:authorityLine']);
    expect(codes({ ...nghiQuyet(), authorityLine: 'T/M' })).toEqual(['format.authority_line:authorityLine']);
    expect(codes({ ...thongBao(), authorityLine: 'T/L BAN THƯỜNG VỤ' })).toEqual([
      'format.authority_line:authorityLine',
    ]);
    expect(codes({ ...thongBao(), authorityForm: 'TL', authorityLine: 'T/L BAN THƯỜNG VỤ' })).toEqual([]);
    expect(codes({ ...thongBao(), authorityForm: 'TUQ', authorityLine: 'T/UQ BAN THƯỜNG VỤ' })).toEqual([]);
    expect(codes({ ...stateCongVan(), authorityLine: 'T/M ỦY BAN NHÂN DÂN' })).toEqual([
      'format.authority_line:authorityLine',
    ]);
    expect(codes({ ...stateCongVan(), authorityForm: 'KT', authorityLine: 'KT. CHỦ TỊCH' })).toEqual([]);
  });

  it('gives every violation a Vietnamese message', () => {
    const all = check({
      ...congVan(),
      superiorLine: '',
      issuerAbbreviation: '',
      summary: '',
      addressees: [],
      recipientLines: [],
      signerName: '',
      secrecy: 'secret',
    });
    expect(all.length).toBeGreaterThan(5);
    for (const violation of all) {
      expect(violation.message).toMatch(/[àáảãạăâđêôơư]/u);
    }
  });
});
