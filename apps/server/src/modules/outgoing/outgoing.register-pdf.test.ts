import { describe, expect, it } from 'vitest';
import { pdfPages, pdfText } from '../incoming/incoming.outputs.test-support.ts';
import {
  parseIssuerKey,
  registerCells,
  remarksOf,
  resolvePeriod,
  toEntry,
  type RegisterRow,
} from './outgoing.outputs.models.ts';
import { renderOutgoingRegisterPdf, type OutgoingRegisterHeading } from './outgoing.register-pdf.ts';

const heading: OutgoingRegisterHeading = {
  kind: 'ordinary',
  superiorLine: 'ĐẢNG BỘ TỈNH HỒNG LAM',
  issuerLine: 'TỈNH ỦY',
  issuerName: 'Tỉnh ủy Hồng Lam',
  periodLabel: 'Năm 2026',
};
const row = (n: number, over: Partial<RegisterRow> = {}): RegisterRow => ({
  id: n,
  status: 'issued',
  number: n,
  notation: `${n < 10 ? `0${n}` : n}-CV/TU`,
  issuedOn: '2026-03-02',
  typeName: 'Công văn',
  summary: 'V/v triển khai công tác văn thư',
  signerName: 'Phạm Quang Vinh',
  recipients: ['Văn phòng Trung ương Đảng'],
  retainLine: 'Lưu Văn phòng Tỉnh ủy',
  copies: 2,
  secrecy: 'none',
  urgency: 'normal',
  stub: false,
  paperLocation: '',
  recallReason: '',
  ...over,
});

describe('the lines of the outgoing register', () => {
  it('prints the ten columns of spec §4: notation, dates dd/mm/yyyy, type then summary, recipients one per line, blank signature', () => {
    const cells = registerCells(
      toEntry(row(1, { recipients: ['Đảng ủy xã Tân Phú', 'Ban Tổ chức Tỉnh ủy'] })),
    );
    expect(cells).toEqual([
      '01-CV/TU',
      '02/03/2026',
      'Công văn\nV/v triển khai công tác văn thư',
      'Phạm Quang Vinh',
      '- Đảng ủy xã Tân Phú\n- Ban Tổ chức Tỉnh ủy',
      'Lưu Văn phòng Tỉnh ủy',
      '2',
      '02/03/2026',
      '',
      '',
    ]);
  });

  it('says in Ghi chú what a clerk must know: urgency and secrecy, where the paper is, an unfinished issue, a recall', () => {
    const base = {
      status: 'issued',
      secrecy: 'none',
      urgency: 'normal',
      stub: false,
      paperLocation: '',
      recallReason: '',
    } as const;
    expect(remarksOf(base)).toBe('');
    expect(
      remarksOf({
        ...base,
        urgency: 'flash',
        secrecy: 'confidential',
        stub: true,
        paperLocation: 'Tủ mật số 2',
      }),
    ).toBe('Hỏa tốc, Mật\nBản gốc lưu tại: Tủ mật số 2');
    expect(remarksOf({ ...base, secrecy: 'top_secret', stub: true })).toBe('Tuyệt mật\nChỉ có bản giấy');
    expect(remarksOf({ ...base, status: 'issuing' })).toBe('Đã lấy số, chưa phát hành xong');
    expect(remarksOf({ ...base, status: 'recalled', recallReason: 'Sai số liệu' })).toBe(
      'Đã thu hồi: Sai số liệu',
    );
    expect(remarksOf({ ...base, status: 'recalled' })).toBe('Đã thu hồi');
    // An unfinished issue has no "Ngày chuyển" yet.
    expect(toEntry(row(3, { status: 'issuing' })).deliveredOn).toBeNull();
  });

  it('reads issuing bodies and periods: a year, from–to, or the current year', () => {
    expect(parseIssuerKey('c1')).toEqual({ committeeId: 1, agencyId: null });
    expect(parseIssuerKey('c1-a12')).toEqual({ committeeId: 1, agencyId: 12 });
    expect(parseIssuerKey('TU')).toBeNull();
    expect(resolvePeriod({ year: 2025 }, '2026-11-25')).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      label: 'Năm 2025',
    });
    expect(resolvePeriod({}, '2026-11-25')).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      label: 'Năm 2026',
    });
    expect(resolvePeriod({ from: '2026-03-01', to: '2026-06-30' }, '2026-11-25').label).toBe(
      'Từ ngày 01/03/2026 đến ngày 30/06/2026',
    );
    expect(() => resolvePeriod({ year: 2026, from: '2026-01-01', to: '2026-02-01' }, '2026-11-25')).toThrow(
      /either a year/,
    );
    expect(() => resolvePeriod({ from: '2026-01-01' }, '2026-11-25')).toThrow(/together/);
  });
});

describe('the outgoing register as PDF', () => {
  it('says when a secret register is empty, with the title of the secret register', async () => {
    const text = pdfText(await renderOutgoingRegisterPdf({ ...heading, kind: 'secret' }, []));
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN MẬT ĐI');
    expect(text).toContain('ĐẢNG BỘ TỈNH HỒNG LAM');
    expect(text).toContain('Không có văn bản mật đi trong khoảng thời gian này.');
    expect(text).toContain('Trang 1/1');
  });

  it('continues a line taller than a page on the next one, repeating its notation: nothing is cut off', async () => {
    const recipients = Array.from({ length: 60 }, (_, i) => `Đảng ủy xã số ${i + 1}`);
    const entries = [row(1), row(2, { recipients }), row(3)].map(toEntry);
    const bytes = await renderOutgoingRegisterPdf(heading, entries);
    expect(pdfPages(bytes)).toBeGreaterThan(1);
    const text = pdfText(bytes);
    for (const r of recipients) {
      expect(text).toContain(`- ${r} `);
    }
    expect(pdfText(bytes, { pages: { first: 2, last: 2 } })).toContain('02-CV/TU (tiếp)');
    expect(text).toContain('03-CV/TU');
  });
});
