import type ExcelJS from 'exceljs';

/**
 * Shared pieces of the spreadsheets the office prints (registers and reports, spec §4): Times New
 * Roman, boxed cells, title lines across the table, A4 landscape one page wide with the header rows
 * repeated on every printed page and "Trang i/n" at the foot.
 */

export const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
export const BOX = { top: thin, left: thin, bottom: thin, right: thin };

/** 'YYYY-MM-DD' → a Date at UTC midnight: a spreadsheet date serial without any time-zone shift. */
export const excelDate = (iso: string | null): Date | null => {
  if (!iso) {
    return null;
  }
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** Page setup for landscape A4, one page wide, the rows `titleRows` ("6:7") repeated on every page. */
export function landscapeA4(sheet: ExcelJS.Worksheet, titleRows: string): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: titleRows,
    margins: { left: 0.6, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&CTrang &P/&N' };
}

/** Title lines merged across the table's width. */
export function titleLine(
  sheet: ExcelJS.Worksheet,
  row: number,
  text: string,
  font: Partial<ExcelJS.Font>,
  columns: number,
): void {
  sheet.mergeCells(row, 1, row, columns);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, size: 12, ...font };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
}

/** Bold, centred, boxed, wrapped header cells. */
export function headerRow(sheet: ExcelJS.Worksheet, row: number, titles: readonly string[]): void {
  const r = sheet.getRow(row);
  titles.forEach((t, i) => {
    const cell = r.getCell(i + 1);
    cell.value = t;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BOX;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
}

/** The italic column numbers (1)…(n) under the header, as on the printed forms. */
export function columnNumbersRow(sheet: ExcelJS.Worksheet, row: number, columns: number): void {
  const r = sheet.getRow(row);
  for (let i = 0; i < columns; i++) {
    const cell = r.getCell(i + 1);
    cell.value = `(${i + 1})`;
    cell.font = { name: FONT, size: 9, italic: true };
    cell.alignment = { horizontal: 'center' };
    cell.border = BOX;
  }
}
