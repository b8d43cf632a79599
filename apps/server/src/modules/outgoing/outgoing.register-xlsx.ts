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
import {
  OUTGOING_REGISTER_COLUMNS,
  recipientsText,
  registerTitle,
  typeAndSummary,
  type OutgoingRegisterEntry,
} from './outgoing.outputs.models.ts';
import type { OutgoingRegisterHeading } from './outgoing.register-pdf.ts';

/**
 * The outgoing register as a spreadsheet (spec §4 columns): the same title block and columns as the
 * PDF, dates as real dates (dd/mm/yyyy) so they sort and filter, the number of copies as a number,
 * wrapped text, the header frozen and repeated on every printed page, A4 landscape one page wide.
 */

export const HEADER_ROW = 6;
/** Dates and copies are centred. */
const CENTRED = new Set([2, 7, 8]);

/** The values of one spreadsheet row, in column order ("Ký nhận" empty). */
export function registerRowValues(e: OutgoingRegisterEntry): (string | number | Date | null)[] {
  return [
    e.notation,
    excelDate(e.issuedOn),
    typeAndSummary(e),
    e.signerName,
    recipientsText(e.recipients),
    e.retainLine,
    e.copies,
    excelDate(e.deliveredOn),
    null,
    e.remarks,
  ];
}

export async function renderOutgoingRegisterXlsx(
  heading: OutgoingRegisterHeading,
  entries: OutgoingRegisterEntry[],
  generatedAt: Date,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'vanphong';
  wb.created = generatedAt;
  wb.modified = generatedAt;
  const sheet = wb.addWorksheet(heading.kind === 'secret' ? 'Sổ văn bản mật đi' : 'Sổ văn bản đi', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW + 1, xSplit: 0 }],
  });
  const n = OUTGOING_REGISTER_COLUMNS.length;
  sheet.columns = OUTGOING_REGISTER_COLUMNS.map((c) => ({ width: c.xlsxWidth }));

  sheet.mergeCells(1, 1, 1, 3);
  const body = sheet.getCell(1, 1);
  body.value = `${heading.superiorLine}\n${heading.issuerLine}`.normalize('NFC');
  body.font = { name: FONT, size: 12, bold: true };
  body.alignment = { horizontal: 'center', wrapText: true };
  sheet.getRow(1).height = 32;
  titleLine(sheet, 2, registerTitle(heading.kind), { size: 16, bold: true }, n);
  titleLine(sheet, 3, heading.issuerName, { bold: true }, n);
  titleLine(sheet, 4, heading.periodLabel, { italic: true }, n);

  headerRow(
    sheet,
    HEADER_ROW,
    OUTGOING_REGISTER_COLUMNS.map((c) => c.title),
  );
  sheet.getRow(HEADER_ROW).height = 32;
  columnNumbersRow(sheet, HEADER_ROW + 1, n);

  for (const e of entries) {
    const row = sheet.addRow(registerRowValues(e));
    for (let col = 1; col <= n; col++) {
      const cell = row.getCell(col);
      cell.font = { name: FONT, size: 11 };
      cell.border = BOX;
      cell.alignment = { vertical: 'top', horizontal: CENTRED.has(col) ? 'center' : 'left', wrapText: true };
      if (cell.value instanceof Date) {
        cell.numFmt = 'dd/mm/yyyy';
      }
    }
  }
  landscapeA4(sheet, `${HEADER_ROW}:${HEADER_ROW + 1}`);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
