import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../platform/text/legacy.ts';
import { findHeaderRow, mapHeaders } from './import.columns.ts';
import { decodeText, parseCsv, readGrid } from './import.read.ts';
import { cleanGrid, parseDateTime, parseRow, rowKeys } from './import.rows.ts';

/** Reading a register file, cell by cell: no database. */
describe('register file reading', () => {
  it('decodes UTF-8, UTF-8 with BOM, UTF-16 with BOM and falls back to Windows-1252', () => {
    const text = 'Số đến,Trích yếu\r\n1,Về việc\r\n';
    expect(decodeText(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: 'utf-8-bom' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' });
    // 0xE9 alone is not UTF-8: read as Windows-1252 (é); 0x93/0x94 are its curly quotes.
    expect(decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x78, 0x94]))).toEqual({ text: 'Café “x”', encoding: 'windows-1252' });
  });

  it('parses quoted CSV cells with commas, doubled quotes and line breaks, and guesses ; or tab as delimiter', () => {
    const rows = parseCsv('a,"b, c","say ""hi""","two\nlines"\r\n1,2,3,4\n');
    expect(rows).toEqual([
      { number: 1, cells: ['a', 'b, c', 'say "hi"', 'two\nlines'] },
      { number: 2, cells: ['1', '2', '3', '4'] },
    ]);
    expect(parseCsv('Số đến;Trích yếu\n1;V/v a, b\n')[1]!.cells).toEqual(['1', 'V/v a, b']);
    expect(parseCsv('x\ty\n1\t2')[1]!.cells).toEqual(['1', '2']);
  });

  it('maps Vietnamese and English headers whatever their case, tones and punctuation, below a title row', () => {
    const rows = parseCsv(
      'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN,,,\nSTT,NGÀY ĐẾN,Số đến,Tác giả (cơ quan ban hành),"Số, ký hiệu",Ngày tháng văn bản,Trích yếu nội dung,Độ Mật,Tệp,Cột lạ\n',
    );
    expect(findHeaderRow(rows)).toBe(1);
    const map = mapHeaders(rows[1]!.cells);
    expect(map.index).toEqual({ arrivalDate: 1, arrivalNumber: 2, issuer: 3, notation: 4, documentDate: 5, summary: 6, secrecy: 7, files: 8 });
    expect(map.header.notation).toBe('Số, ký hiệu');
    expect(map.unknown).toEqual(['Cột lạ']);
    const en = mapHeaders(['Arrival date', 'Issuer', 'Notation', 'Document date', 'Summary', 'Urgency', 'Files']);
    expect(Object.keys(en.index)).toEqual(['arrivalDate', 'issuer', 'notation', 'documentDate', 'summary', 'urgency', 'files']);
  });

  it('reads the dates clerks write', () => {
    expect(parseDateTime('05/03/2024')).toEqual({ date: '2024-03-05', time: null });
    expect(parseDateTime('5/3/24')).toEqual({ date: '2024-03-05', time: null });
    expect(parseDateTime('05-03-2024')).toEqual({ date: '2024-03-05', time: null });
    expect(parseDateTime('05.03.2024 14:30')).toEqual({ date: '2024-03-05', time: '14:30' });
    expect(parseDateTime('8h30 05/03/2024')).toEqual({ date: '2024-03-05', time: '08:30' });
    expect(parseDateTime('2024-03-05')).toEqual({ date: '2024-03-05', time: null });
    expect(parseDateTime('ngày 03 tháng 4 năm 2018')).toEqual({ date: '2018-04-03', time: null });
    expect(parseDateTime('45356')).toEqual({ date: '2024-03-05', time: null });
    for (const bad of ['31/02/2024', '2024-13-01', 'hôm qua', '05/03', '25:00 05/03/2024']) {
      expect(parseDateTime(bad), bad).toBeNull();
    }
  });

  it('reports each bad cell with its column and a Vietnamese message', () => {
    const map = mapHeaders(['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu', 'Ngày văn bản', 'Trích yếu', 'Độ khẩn', 'Độ mật', 'Số trang']);
    const row = parseRow(7, ['32/01/2024', 'mười', 'UBND tỉnh', '', '2024-01-02', 'V/v', 'Gấp lắm', 'Mật', '3'], map);
    expect(row.errors).toEqual([
      { field: 'Ngày đến', message: 'Ngày không hợp lệ: «32/01/2024» (viết ngày/tháng/năm, ví dụ 05/03/2024).' },
      { field: 'Số, ký hiệu', message: 'Chưa có số, ký hiệu văn bản.' },
      { field: 'Độ khẩn', message: 'Độ khẩn không hợp lệ: «Gấp lắm» (Thường, Khẩn, Thượng khẩn, Hỏa tốc).' },
      { field: 'Số đến', message: 'Số không hợp lệ: «mười» (số nguyên từ 1 đến 10000000).' },
    ]);
    expect(row).toMatchObject({ rowNumber: 7, secrecy: 'confidential', pageCount: 3 });
    const good = parseRow(8, ['05/03/2024', '12', 'UBND tỉnh', '45/QĐ-UBND', '2024-03-01', 'V/v', 'Thượng khẩn', 'Tối mật', ''], map);
    expect(good).toMatchObject({ errors: [], arrivalDate: '2024-03-05', arrivalNumber: 12, urgency: 'very_urgent', secrecy: 'secret', pageCount: null });
  });

  it('converts TCVN3 and VNI files to Unicode, headers and short cells included, and NFD to NFC', () => {
    const header = ['Tác giả', 'Số, ký hiệu', 'Ngày văn bản', 'Trích yếu', 'Độ mật'];
    const row = ['Văn phòng Tỉnh ủy', '12-CV/VPTU', '01/03/2024', 'Về việc tăng cường công tác quản lý đảng viên', 'Mật'];
    for (const enc of ['tcvn3', 'vni'] as const) {
      const legacyRows = [header, row, row].map((cells) => ({ cells: cells.map((c) => encodeLegacy(c, enc)) }));
      const clean = cleanGrid(legacyRows);
      expect(clean.legacy).toBe(enc);
      expect(clean.rows[0]!.cells).toEqual(header);
      // Converted once: Unicode text is not converted a second time.
      expect(cleanGrid(clean.rows).rows[1]!.cells).toEqual(row);
      const parsed = parseRow(2, clean.rows[1]!.cells, mapHeaders(clean.rows[0]!.cells));
      expect(parsed).toMatchObject({ issuer: 'Văn phòng Tỉnh ủy', summary: row[3], secrecy: 'confidential' });
    }
    const nfd = cleanGrid([{ cells: ['Ban Tổ chức'.normalize('NFD'), '  Hướng   dẫn '.normalize('NFD')] }]);
    expect(nfd).toEqual({ legacy: null, rows: [{ cells: ['Ban Tổ chức'.normalize('NFC'), 'Hướng dẫn'.normalize('NFC')] }] });
  });

  it('gives identical rows distinct keys and the same row the same key whatever the column order', () => {
    const a = { values: { notation: '1-CV/TU', summary: 'V/v' } };
    const b = { values: { summary: 'V/v', notation: '1-CV/TU' } };
    const [k1, k2, k3] = rowKeys([a, b, { values: { notation: '2-CV/TU', summary: 'V/v' } }]);
    expect(k1).toMatch(/^[0-9a-f]{64}#1$/);
    expect(k2).toBe(k1!.replace('#1', '#2'));
    expect(k3!.endsWith('#1')).toBe(true);
    expect(rowKeys([b])[0]).toBe(k1);
  });

  it('reads an XLSX sheet: date cells as dates, numbers and rich text as text', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sổ đến');
    ws.addRow(['Sổ đăng ký văn bản đến']);
    ws.addRow(['Ngày đến', 'Số đến', 'Trích yếu']);
    ws.addRow([new Date(Date.UTC(2024, 2, 5)), 7, { richText: [{ text: 'V/v ' }, { text: 'tổng kết', font: { bold: true } }] }]);
    const grid = await readGrid(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(grid.encoding).toBe('xlsx');
    expect(grid.rows[2]).toEqual({ number: 3, cells: ['2024-03-05', '7', 'V/v tổng kết'] });
  });
});
