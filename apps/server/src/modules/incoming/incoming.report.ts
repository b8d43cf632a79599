import ExcelJS from 'exceljs';
import { vietnameseCollator } from '../../platform/text/fold.ts';
import { rangeLine, vnDate } from './incoming.outputs.models.ts';
import type { HandlingCounts } from './incoming.outputs.repository.ts';
import { headerRow, landscapeA4, titleLine } from './incoming.register-xlsx.ts';

/**
 * The report on handling of incoming documents by lead unit (ND30 Phụ lục VI "required outputs"):
 * done on time, done late, overdue, in progress, with a row for documents not yet distributed.
 */

export const UNDISTRIBUTED = 'Chưa phân phối';

export interface HandlingTotals {
  total: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  inProgress: number;
}

export interface HandlingRow extends HandlingTotals {
  agencyId: number | null;
  agencyName: string;
}

export interface HandlingReport {
  rows: HandlingRow[];
  totals: HandlingTotals;
}

const KEYS = ['total', 'doneOnTime', 'doneLate', 'overdue', 'inProgress'] as const;

/** Units in Vietnamese alphabetical order, "Chưa phân phối" last, and the column totals. */
export function buildHandlingReport(counts: HandlingCounts[], names: Map<number, string>): HandlingReport {
  const rows: HandlingRow[] = counts.map((c) => ({
    agencyId: c.agencyId,
    agencyName: c.agencyId === null ? UNDISTRIBUTED : (names.get(c.agencyId) ?? `#${c.agencyId}`),
    total: c.total,
    doneOnTime: c.doneOnTime,
    doneLate: c.doneLate,
    overdue: c.overdue,
    inProgress: c.inProgress,
  }));
  rows.sort(
    (a, b) =>
      Number(a.agencyId === null) - Number(b.agencyId === null) ||
      vietnameseCollator.compare(a.agencyName, b.agencyName) ||
      (a.agencyId ?? 0) - (b.agencyId ?? 0),
  );
  const totals: HandlingTotals = { total: 0, doneOnTime: 0, doneLate: 0, overdue: 0, inProgress: 0 };
  for (const r of rows) {
    for (const k of KEYS) {
      totals[k] += r[k];
    }
  }
  return { rows, totals };
}

export const REPORT_COLUMNS = [
  { title: 'STT', width: 6 },
  { title: 'Đơn vị chủ trì', width: 40 },
  { title: 'Tổng số', width: 11 },
  { title: 'Đã xử lý đúng hạn', width: 15 },
  { title: 'Đã xử lý quá hạn', width: 15 },
  { title: 'Quá hạn chưa xử lý', width: 15 },
  { title: 'Đang xử lý trong hạn', width: 15 },
] as const;

export const reportTitle = 'BÁO CÁO TÌNH HÌNH XỬ LÝ VĂN BẢN ĐẾN';

export async function renderHandlingReportXlsx(
  report: HandlingReport,
  {
    from,
    to,
    today,
    committeeName,
    generatedAt,
  }: { from: string; to: string; today: string; committeeName: string | null; generatedAt: Date },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'vanphong';
  wb.created = generatedAt;
  wb.modified = generatedAt;
  const header = 6;
  const sheet = wb.addWorksheet('Báo cáo', { views: [{ state: 'frozen', ySplit: header, xSplit: 0 }] });
  const n = REPORT_COLUMNS.length;
  sheet.columns = REPORT_COLUMNS.map((c) => ({ width: c.width }));
  if (committeeName) {
    sheet.mergeCells(1, 1, 1, 3);
    const c = sheet.getCell(1, 1);
    c.value = committeeName.normalize('NFC').toLocaleUpperCase('vi');
    c.font = { name: 'Times New Roman', size: 12, bold: true };
    c.alignment = { horizontal: 'center' };
  }
  titleLine(sheet, 2, reportTitle, { size: 14, bold: true }, n);
  titleLine(sheet, 3, `Văn bản đến ${rangeLine(from, to).toLocaleLowerCase('vi')}`, { italic: true }, n);
  titleLine(sheet, 4, `Tình trạng tính đến ngày ${vnDate(today)}`, { italic: true }, n);
  headerRow(
    sheet,
    header,
    REPORT_COLUMNS.map((c) => c.title),
  );
  sheet.getRow(header).height = 32;

  const cells = (r: HandlingTotals) => KEYS.map((k) => r[k]);
  report.rows.forEach((r, i) => sheet.addRow([i + 1, r.agencyName, ...cells(r)]));
  const totals = sheet.addRow(['', 'Tổng cộng', ...cells(report.totals)]);
  const last = totals.number;
  for (let row = header + 1; row <= last; row++) {
    for (let col = 1; col <= n; col++) {
      const cell = sheet.getCell(row, col);
      cell.font = { name: 'Times New Roman', size: 12, bold: row === last };
      cell.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
      cell.alignment = { vertical: 'top', horizontal: col === 2 ? 'left' : 'center', wrapText: true };
    }
  }
  landscapeA4(sheet, `${header}:${header}`);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
