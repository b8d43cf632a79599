import { describe, expect, it } from 'vitest';
import { defaultRetainLine, headerLines, notationOf, seriesFor, termOn, type TermRow } from './outgoing.models.ts';

const terms: TermRow[] = [
  { id: 16, ordinal: 16, label: 'Nhiệm kỳ 2020–2025', starts_on: '2020-10-15', ends_on: '2025-10-16' },
  { id: 17, ordinal: 17, label: 'Nhiệm kỳ 2025–2030', starts_on: '2025-10-17', ends_on: null },
];
const base = { issuerKey: 'c1', issuerAbbreviation: 'TU', congress: false, documentTypeId: 24, typeAbbreviation: 'CV', secrecy: 'none' as const };

describe('numbering series (spec §2)', () => {
  it('a Party body numbers per type for the whole term; the next term is a new series', () => {
    const a = seriesFor({ ...base, rule: 'party_term', date: '2025-10-16', term: termOn(terms, '2025-10-16') });
    const b = seriesFor({ ...base, rule: 'party_term', date: '2025-10-17', term: termOn(terms, '2025-10-17') });
    const c = seriesFor({ ...base, rule: 'party_term', date: '2027-01-02', term: termOn(terms, '2027-01-02') });
    expect(a).toMatchObject({ key: 'c1|t16|d24', kind: 'type_term' });
    expect(b).toMatchObject({ key: 'c1|t17|d24' });
    expect(c).toMatchObject({ key: 'c1|t17|d24' }); // does not restart with the year
    expect(seriesFor({ ...base, documentTypeId: 12, typeAbbreviation: 'TB', rule: 'party_term', date: '2027-01-02', term: termOn(terms, '2027-01-02') })).toMatchObject({ key: 'c1|t17|d12' });
  });

  it('congress documents share one series across all types; a date outside every term is refused', () => {
    const cv = seriesFor({ ...base, congress: true, rule: 'party_term', date: '2025-10-15', term: termOn(terms, '2025-10-15') });
    const nq = seriesFor({ ...base, congress: true, documentTypeId: 4, typeAbbreviation: 'NQ', rule: 'party_term', date: '2025-10-15', term: termOn(terms, '2025-10-15') });
    expect(cv).toMatchObject({ key: 'c1|t16|congress', kind: 'congress' });
    expect(nq).toMatchObject({ key: 'c1|t16|congress' });
    expect(seriesFor({ ...base, rule: 'party_term', date: '2019-01-01', term: termOn(terms, '2019-01-01') })).toEqual({ error: 'no_term' });
  });

  it('a State-style body numbers per year, secret documents apart', () => {
    expect(seriesFor({ ...base, rule: 'state_year', date: '2026-12-31', term: null })).toMatchObject({ key: 'c1|y2026', kind: 'year' });
    expect(seriesFor({ ...base, rule: 'state_year', date: '2027-01-01', term: null })).toMatchObject({ key: 'c1|y2027' });
    expect(seriesFor({ ...base, secrecy: 'confidential', rule: 'state_year', date: '2027-01-01', term: null })).toMatchObject({ key: 'c1|y2027|secret', kind: 'year_secret' });
  });

  it('writes notations with 01–09 padded: Party "01-CV/TU", State "45/QĐ-UBND" and a State công văn "123/UBND"', () => {
    expect(notationOf('party', 1, 'CV', 'TU')).toBe('01-CV/TU');
    expect(notationOf('party', 1400, 'CV', 'VPTU')).toBe('1400-CV/VPTU');
    expect(notationOf('party', 24, 'BS', 'UBKTTU')).toBe('24-BS/UBKTTU');
    expect(notationOf('state', 45, 'QĐ', 'UBND')).toBe('45/QĐ-UBND');
    expect(notationOf('state', 123, 'CV', 'UBND')).toBe('123/UBND');
  });
});

describe('header lines of the issuing body', () => {
  const committee = { name: 'Tỉnh ủy Hồng Lam', superior_line: 'Đảng bộ tỉnh Hồng Lam', place_name: 'Hồng Lam' };
  it('a committee prints its party organisation above itself; an agency prints its committee above itself', () => {
    expect(headerLines({ committee, agency: null })).toEqual({ superiorLine: 'ĐẢNG BỘ TỈNH HỒNG LAM', issuerLine: 'TỈNH ỦY' });
    expect(headerLines({ committee, agency: { name: 'Văn phòng Tỉnh ủy' } })).toEqual({ superiorLine: 'TỈNH ỦY HỒNG LAM', issuerLine: 'VĂN PHÒNG' });
    expect(headerLines({ committee, agency: { name: 'Ban Tổ chức Tỉnh ủy' } })).toEqual({ superiorLine: 'TỈNH ỦY HỒNG LAM', issuerLine: 'BAN TỔ CHỨC' });
  });
  it('the filed copy is kept by the committee office, or by the agency itself', () => {
    expect(defaultRetainLine({ committee, agency: null })).toBe('Lưu Văn phòng Tỉnh ủy');
    expect(defaultRetainLine({ committee, agency: { abbreviation: 'VPTU' } })).toBe('Lưu VPTU');
  });
});
