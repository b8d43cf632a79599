import ExcelJS from 'exceljs';
import {
  BOX,
  columnNumbersRow,
  excelDate,
  FONT,
  headerRow,
  landscapeA4,
  titleLine,
} from '../../platform/xlsx/sheet.ts';
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

const HEADER_ROW = 6;

export { headerRow, landscapeA4, titleLine };

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
  columnNumbersRow(sheet, HEADER_ROW + 1, n);

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
