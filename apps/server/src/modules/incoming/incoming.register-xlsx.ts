import ExcelJS from 'exceljs';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import {
  rangeLine,
  recipientsText,
  REGISTER_COLUMNS,
  registerBookTitle,
  remarksText,
  typeAndSummary,
  type RegisterBookEntry,
  type RegisterBookHeading,
} from './incoming.outputs.models.ts';

/**
 * The incoming register as a spreadsheet (spec §4 columns): the same title block and columns as the
 * PDF, dates as real dates (dd/mm/yyyy) so they sort and filter, wrapped text, the header frozen and
 * repeated on every printed page, A4 landscape fitted to the page width.
 */

const FONT = 'Times New Roman';
const HEADER_ROW = 6;
const thin = { style: 'thin' as const };
const BOX = { top: thin, left: thin, bottom: thin, right: thin };

/** 'YYYY-MM-DD' → a Date at UTC midnight: a spreadsheet date serial without any time-zone shift. */
const excelDate = (iso: string | null): Date | null => {
  if (!iso) {
    return null;
  }
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** Shared by the register and the report: page setup for landscape A4, one page wide, headers repeated. */
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

export async function renderRegisterBookXlsx(
  heading: RegisterBookHeading,
  entries: RegisterBookEntry[],
  generatedAt: Date,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'vanphong';
  wb.created = generatedAt;
  wb.modified = generatedAt;
  const sheet = wb.addWorksheet('Sổ văn bản đến', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW + 1, xSplit: 0 }],
  });
  const n = REGISTER_COLUMNS.length;
  sheet.columns = REGISTER_COLUMNS.map((c) => ({ width: c.xlsxWidth }));

  const committee = sheet.getCell(1, 1);
  sheet.mergeCells(1, 1, 1, 3);
  committee.value = heading.committeeName.normalize('NFC').toLocaleUpperCase('vi');
  committee.font = { name: FONT, size: 12, bold: true };
  committee.alignment = { horizontal: 'center' };
  titleLine(sheet, 2, registerBookTitle, { size: 16, bold: true }, n);
  const name = heading.registerName.includes(String(heading.year))
    ? heading.registerName
    : `${heading.registerName} – năm ${heading.year}`;
  titleLine(sheet, 3, name, { bold: true }, n);
  titleLine(sheet, 4, rangeLine(heading.from, heading.to), { italic: true }, n);

  headerRow(
    sheet,
    HEADER_ROW,
    REGISTER_COLUMNS.map((c) => c.title),
  );
  sheet.getRow(HEADER_ROW).height = 32;
  const numbers = sheet.getRow(HEADER_ROW + 1);
  REGISTER_COLUMNS.forEach((_, i) => {
    const cell = numbers.getCell(i + 1);
    cell.value = `(${i + 1})`;
    cell.font = { name: FONT, size: 9, italic: true };
    cell.alignment = { horizontal: 'center' };
    cell.border = BOX;
  });

  for (const e of entries) {
    const row = sheet.addRow([
      excelDate(e.arrivalDate),
      e.arrivalNumber,
      e.issuerName,
      e.notation,
      excelDate(e.documentDate),
      typeAndSummary(e),
      recipientsText(e),
      e.directedAt ? excelDate(toVietnamDate(new Date(e.directedAt))) : null,
      null,
      remarksText(e),
    ]);
    for (let col = 1; col <= n; col++) {
      const cell = row.getCell(col);
      cell.font = { name: FONT, size: 11 };
      cell.border = BOX;
      const centred = col === 1 || col === 2 || col === 5 || col === 8;
      cell.alignment = { vertical: 'top', horizontal: centred ? 'center' : 'left', wrapText: true };
      if (cell.value instanceof Date) {
        cell.numFmt = 'dd/mm/yyyy';
      }
    }
  }
  landscapeA4(sheet, `${HEADER_ROW}:${HEADER_ROW + 1}`);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
