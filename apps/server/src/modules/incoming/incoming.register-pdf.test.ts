import { describe, expect, it } from 'vitest';
import type { RegisterBookEntry } from './incoming.outputs.models.ts';
import { pdfPages, pdfText } from './incoming.outputs.test-support.ts';
import { renderRegisterBookPdf, wrapText } from './incoming.register-pdf.ts';

const heading = {
  committeeName: 'Đảng ủy xã Tân Phú',
  registerName: 'Sổ văn bản đến',
  year: 2026,
  from: '2026-01-01',
  to: '2026-03-31',
};
const entry = (n: number, over: Partial<RegisterBookEntry> = {}): RegisterBookEntry => ({
  arrivalNumber: n,
  arrivalDate: '2026-03-02',
  issuerName: 'Văn phòng Trung ương Đảng',
  notation: `${n}-HD/VPTW`,
  documentDate: '2026-02-27',
  documentTypeName: 'Hướng dẫn',
  summary: 'Hướng dẫn thể thức và kỹ thuật trình bày văn bản của Đảng',
  secrecy: 'none',
  urgency: 'normal',
  status: 'registered',
  leadAgencyName: null,
  leadUserName: null,
  coRecipients: [],
  directedAt: null,
  note: '',
  cancelReason: '',
  ...over,
});

describe('wrapping register cells', () => {
  const measure = (s: string) => [...s].length; // one unit per character

  it('wraps at spaces, keeps explicit line breaks, and breaks a long notation after "/" or "-"', () => {
    expect(wrapText('Về việc rà soát quy hoạch', 10, measure)).toEqual(['Về việc rà', 'soát quy', 'hoạch']);
    expect(wrapText('Công văn\nVề việc', 20, measure)).toEqual(['Công văn', 'Về việc']);
    expect(wrapText('30/2020/NĐ-CP', 9, measure)).toEqual(['30/2020/', 'NĐ-CP']);
    expect(wrapText('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('the register as PDF', () => {
  it('prints the committee in capitals with Vietnamese letters intact, and says when the period is empty', async () => {
    const text = pdfText(await renderRegisterBookPdf(heading, []));
    expect(text).toContain('ĐẢNG ỦY XÃ TÂN PHÚ');
    expect(text).toContain('Sổ văn bản đến – năm 2026');
    expect(text).toContain('Không có văn bản đến trong khoảng thời gian này.');
    expect(text).toContain('Trang 1/1');
  });

  it('continues a line taller than a page on the next one, repeating its number: nothing is cut off', async () => {
    const note = Array.from({ length: 120 }, (_, i) => `đoạn${i}`).join(' ');
    const bytes = await renderRegisterBookPdf(heading, [entry(1), entry(2, { note }), entry(3)]);
    const pages = pdfPages(bytes);
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(bytes);
    for (let i = 0; i < 120; i++) {
      expect(text).toContain(`đoạn${i} `);
    }
    expect(pdfText(bytes, { pages: { first: 2, last: 2 } })).toContain('2 (tiếp)');
    expect(text).toContain('3-HD/VPTW');
  });
});
