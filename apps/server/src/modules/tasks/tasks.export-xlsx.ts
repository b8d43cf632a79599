import ExcelJS from 'exceljs';
import type { TaskStatus } from '@vanphong/contracts';
import { BOX, columnNumbersRow, excelDate, FONT, headerRow, landscapeA4, titleLine } from '../../platform/xlsx/sheet.ts';
import type { TaskRow } from './tasks.export.ts';

/**
 * The task list as a spreadsheet (issue 5 §7 "XLSX exports"): Times New Roman, Vietnamese headers,
 * dates as real dates shown dd/mm/yyyy, the computed status by its shown name (task_status_labels),
 * the header frozen and repeated on every printed page, A4 landscape one page wide.
 *
 * Secrecy (spec §3): every row shows its Độ mật; on a networked profile (`internet`, `party-wan`) the
 * content of a secret task never leaves in clear — the cell says where to read it instead. Only on the
 * isolated LAN does the clearance holder's own export carry it.
 */

/** What a secret task's content cell says on a networked profile. */
export const SECRET_MASK = '[Nội dung mật — xem trên hệ thống]';

export const SECRECY_LABELS: Record<string, string> = { none: 'Thường', confidential: 'Mật', secret: 'Tối mật', top_secret: 'Tuyệt mật' };

export const TASK_COLUMNS = [
  { title: 'STT', width: 6 },
  { title: 'Nội dung nhiệm vụ', width: 50 },
  { title: 'Độ mật', width: 9 },
  { title: 'Nguồn giao', width: 24 },
  { title: 'Đơn vị giao', width: 20 },
  { title: 'Đơn vị chủ trì', width: 22 },
  { title: 'Đơn vị phối hợp', width: 22 },
  { title: 'Ngày giao', width: 12 },
  { title: 'Hạn hoàn thành', width: 12 },
  { title: 'Ngày hoàn thành', width: 12 },
  { title: 'Tiến độ (%)', width: 9 },
  { title: 'Tình trạng', width: 18 },
  { title: 'Số ngày quá hạn', width: 10 },
] as const;

export const HEADER_ROW = 5;
type ColumnTitle = (typeof TASK_COLUMNS)[number]['title'];
const col = (title: ColumnTitle) => TASK_COLUMNS.findIndex((c) => c.title === title) + 1;
const CENTRED_TITLES: ColumnTitle[] = ['STT', 'Độ mật', 'Ngày giao', 'Hạn hoàn thành', 'Ngày hoàn thành', 'Tiến độ (%)', 'Số ngày quá hạn'];
const CENTRED = new Set(CENTRED_TITLES.map(col));
const STATUS_COLUMN = col('Tình trạng');

const SOURCE_KINDS: Record<string, string> = {
  outgoing: 'Văn bản đi',
  incoming: 'Văn bản đến',
  meeting: 'Cuộc họp',
  ad_hoc: 'Giao trực tiếp',
};

export function taskRowValues(
  r: TaskRow,
  i: number,
  names: Map<string, string>,
  labels: Record<TaskStatus, string>,
  { maskSecret }: { maskSecret: boolean },
): (string | number | Date | null)[] {
  const name = (k: string) => names.get(k) ?? k;
  return [
    i + 1,
    r.secrecy !== 'none' && maskSecret ? SECRET_MASK : r.content.normalize('NFC'),
    SECRECY_LABELS[r.secrecy] ?? r.secrecy,
    r.sourceReference.trim() || SOURCE_KINDS[r.sourceKind] || r.sourceKind,
    name(r.assignerKey),
    name(r.leadKey),
    r.coKeys.map(name).join('; '),
    excelDate(r.assignedOn),
    excelDate(r.dueOn),
    excelDate(r.completedOn),
    r.progress,
    labels[r.status],
    r.overdueDays > 0 ? r.overdueDays : null,
  ];
}

export async function renderTaskListXlsx(
  rows: TaskRow[],
  o: {
    names: Map<string, string>;
    labels: Record<TaskStatus, string>;
    committeeName: string | null;
    today: string;
    generatedAt: Date;
    filters: string;
    /** A networked profile: secret tasks' content is replaced by SECRET_MASK. */
    maskSecret: boolean;
  },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'vanphong';
  wb.created = o.generatedAt;
  wb.modified = o.generatedAt;
  const sheet = wb.addWorksheet('Danh sách nhiệm vụ', { views: [{ state: 'frozen', ySplit: HEADER_ROW + 1, xSplit: 0 }] });
  const n = TASK_COLUMNS.length;
  sheet.columns = TASK_COLUMNS.map((c) => ({ width: c.width }));
  if (o.committeeName) {
    sheet.mergeCells(1, 1, 1, 4);
    const c = sheet.getCell(1, 1);
    c.value = o.committeeName.normalize('NFC').toLocaleUpperCase('vi');
    c.font = { name: FONT, size: 12, bold: true };
    c.alignment = { horizontal: 'center' };
  }
  titleLine(sheet, 2, 'DANH SÁCH NHIỆM VỤ', { size: 14, bold: true }, n);
  const d = `${o.today.slice(8, 10)}/${o.today.slice(5, 7)}/${o.today.slice(0, 4)}`;
  titleLine(sheet, 3, `Tình trạng tính đến ngày ${d}${o.filters ? ` (${o.filters})` : ''} — ${rows.length} nhiệm vụ`, { italic: true }, n);
  headerRow(
    sheet,
    HEADER_ROW,
    TASK_COLUMNS.map((c) => c.title),
  );
  sheet.getRow(HEADER_ROW).height = 32;
  columnNumbersRow(sheet, HEADER_ROW + 1, n);
  rows.forEach((r, i) => {
    const row = sheet.addRow(taskRowValues(r, i, o.names, o.labels, { maskSecret: o.maskSecret }));
    for (let c = 1; c <= n; c++) {
      const cell = row.getCell(c);
      cell.font = { name: FONT, size: 11, ...(c === STATUS_COLUMN && r.status === 'overdue' ? { color: { argb: 'FFC00000' }, bold: true } : {}) };
      cell.border = BOX;
      cell.alignment = { vertical: 'top', horizontal: CENTRED.has(c) ? 'center' : 'left', wrapText: true };
      if (cell.value instanceof Date) {
        cell.numFmt = 'dd/mm/yyyy';
      }
    }
  });
  landscapeA4(sheet, `${HEADER_ROW}:${HEADER_ROW + 1}`);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
