import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf } from '../../../platform/office/libreoffice.ts';
import { renderDocx } from './layout.docx.ts';
import { congVan, draftCongVan, stateCongVan, thongBao } from './layout.fixtures.ts';
import type { DocumentLayout } from './layout.models.ts';

/**
 * The generated DOCX through real LibreOffice into a real PDF, read back with poppler: what the
 * signer gets on paper. Lines are read with `pdftotext -layout`, so text that sits side by side on
 * the page (the number and the date line) comes out on one line.
 */
describe('the generated document as a PDF', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-layout-pdf-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const toPdf = async (layout: DocumentLayout, name: string) => {
    const file = path.join(dir, `${name}.pdf`);
    fs.writeFileSync(file, await docxToPdf(await renderDocx(layout)));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
    const lines = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => l.split(/\s+/)[0] ?? '');
    return { text, lines, fonts, pages: text.split('\f').filter((p) => p.trim()).length };
  };
  const lineWith = (lines: string[], needle: string) => lines.find((l) => l.includes(needle)) ?? '';

  it('prints a Party công văn on one page: heading beside the superior body, number beside the padded date line, V/v, Kính gửi, Nơi nhận with "- Lưu"', async () => {
    const { lines, text, fonts, pages } = await toPdf(congVan(), 'cong-van');
    expect(pages).toBe(1);
    expect(lineWith(lines, 'ĐẢNG BỘ TỈNH HỒNG LAM')).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(lineWith(lines, 'Số 07-CV/TU')).toContain('Hồng Lam, ngày 05 tháng 02 năm 2026');
    expect(lines).toContain('TỈNH ỦY');
    expect(lines).toContain('*');
    expect(text).toContain('V/v chuẩn bị tổng kết công tác văn thư');
    expect(text).toContain('Kính gửi:');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- Lưu Văn phòng Tỉnh ủy.');
    expect(text).toContain('K/T BÍ THƯ');
    expect(text).toContain('Trần Văn Đức');
    // Times New Roman comes out as one Times-metric family (Tinos here), not a mix of two in a word.
    const families = new Set(fonts.map((f) => f.replace(/^[A-Z]{6}\+/, '').split('-')[0]));
    expect([...families]).toHaveLength(1);
    expect([...families][0]).toMatch(/^(Tinos|LiberationSerif|TimesNewRoman(PSMT)?)$/);
  });

  it('prints a thông báo with its type name and trích yếu centred under the header', async () => {
    const { lines, text } = await toPdf(thongBao(), 'thong-bao');
    expect(lineWith(lines, 'TỈNH ỦY HỒNG LAM')).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(lineWith(lines, 'Số 12-TB/VPTU')).toContain('Hồng Lam, ngày 03 tháng 4 năm 2026');
    expect(lines).toContain('THÔNG BÁO');
    expect(text).toContain('kết luận của Thường trực Tỉnh ủy');
    expect(text).toContain('CHÁNH VĂN PHÒNG');
    expect(text).not.toContain('Kính gửi');
  });

  it('numbers the pages from the second one, centred at the top', async () => {
    const long = {
      ...thongBao(),
      body: Array.from({ length: 24 }, (_, i) => `${i + 1}. ${thongBao().body}`).join('\n'),
    };
    const { text, pages } = await toPdf(long, 'long');
    expect(pages).toBeGreaterThanOrEqual(3);
    const [first = '', second = '', third = ''] = text.split('\f');
    expect(first.trim().split('\n')[0]).toContain('TỈNH ỦY HỒNG LAM');
    expect(second.trim().split('\n')[0]?.trim()).toBe('2');
    expect(third.trim().split('\n')[0]?.trim()).toBe('3');
  });

  it('prints a draft with blanks for the number, the day and the month', async () => {
    const { lines } = await toPdf(draftCongVan(), 'draft');
    expect(lineWith(lines, '-CV/TU')).toMatch(/Số -CV\/TU Hồng Lam, ngày tháng năm 2026/);
  });

  it('prints a State công văn with the national heading, the motto and "Số:"', async () => {
    const { lines, text } = await toPdf(stateCongVan(), 'state');
    expect(lineWith(lines, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toContain('ỦY BAN NHÂN DÂN');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(lineWith(lines, 'Số: 123/UBND-VP')).toContain('Hồng Lam, ngày 09 tháng 3 năm 2026');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  });
});
