import type { Secrecy, Urgency } from '@vanphong/contracts';
import { badRequest } from '../../platform/errors.ts';
import { addCalendarDays, toVietnamDate } from '../calendar/calendar.workdays.ts';

/**
 * Pure rules of the printed outputs of incoming documents (spec §4 "Required outputs"): the register
 * (sổ đăng ký văn bản đến) and the report on handling by unit. Dates print dd/mm/yyyy, Vietnam time.
 */

/** A year of registrations at most (leap years included): a register is printed per year (spec §4). */
export const MAX_RANGE_DAYS = 366;

/** `from` after `to`, or a range longer than a year, names `to` — the field the user fixes. */
export function assertDateRange(from: string, to: string, code = 'incoming.invalid_range'): void {
  if (from > to) {
    throw badRequest(code, 'The end date is before the start date', [
      { path: 'to', message: `${to} is before ${from}` },
    ]);
  }
  if (to > addCalendarDays(from, MAX_RANGE_DAYS)) {
    throw badRequest(code, `The range is longer than ${MAX_RANGE_DAYS} days`, [
      { path: 'to', message: `at most ${MAX_RANGE_DAYS} days after ${from}` },
    ]);
  }
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy' (the form printed on Vietnamese administrative documents). */
export function vnDate(iso: string | null): string {
  if (!iso) {
    return '';
  }
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** An ISO instant → its Vietnam calendar day, dd/mm/yyyy. */
export const vnDateOfInstant = (instant: string | null): string =>
  instant ? vnDate(toVietnamDate(new Date(instant))) : '';

export const URGENCY_LABELS: Record<Urgency, string> = {
  normal: 'Thường',
  urgent: 'Khẩn',
  very_urgent: 'Thượng khẩn',
  flash: 'Hỏa tốc',
  flash_timed: 'Hỏa tốc hẹn giờ',
};

export const SECRECY_LABELS: Record<Secrecy, string> = {
  none: 'Thường',
  confidential: 'Mật',
  secret: 'Tối mật',
  top_secret: 'Tuyệt mật',
};

/** The columns of the incoming register, in the order of spec §4; weights are points on A4 landscape (a date fits on one line). */
export const REGISTER_COLUMNS = [
  { title: 'Ngày đến', weight: 56, xlsxWidth: 12 },
  { title: 'Số đến', weight: 34, xlsxWidth: 8 },
  { title: 'Tác giả (cơ quan ban hành)', weight: 92, xlsxWidth: 26 },
  { title: 'Số, ký hiệu', weight: 84, xlsxWidth: 16 },
  { title: 'Ngày tháng văn bản', weight: 56, xlsxWidth: 12 },
  { title: 'Tên loại và trích yếu nội dung', weight: 192, xlsxWidth: 50 },
  { title: 'Đơn vị hoặc người nhận', weight: 100, xlsxWidth: 28 },
  { title: 'Ngày chuyển', weight: 56, xlsxWidth: 12 },
  { title: 'Ký nhận', weight: 40, xlsxWidth: 10 },
  { title: 'Ghi chú', weight: 72, xlsxWidth: 24 },
] as const;

/** One document as the register needs it (names already joined). */
export interface RegisterBookEntry {
  arrivalNumber: number;
  arrivalDate: string;
  issuerName: string;
  notation: string;
  documentDate: string;
  documentTypeName: string | null;
  summary: string | null;
  secrecy: Secrecy;
  urgency: Urgency;
  status: string;
  leadAgencyName: string | null;
  leadUserName: string | null;
  coRecipients: string[];
  directedAt: string | null;
  note: string;
  cancelReason: string;
}

/** The register's header: whose book, which book, which period. */
export interface RegisterBookHeading {
  committeeName: string;
  registerName: string;
  year: number;
  from: string;
  to: string;
}

/** "Tên loại và trích yếu nội dung": the type on the first line, then the summary; a withheld Tuyệt mật summary says so. */
export function typeAndSummary(
  e: Pick<RegisterBookEntry, 'documentTypeName' | 'summary' | 'secrecy'>,
): string {
  const summary = e.summary ?? (e.secrecy === 'top_secret' ? '(Tuyệt mật)' : '');
  return [e.documentTypeName ?? '', summary].filter((s) => s !== '').join('\n');
}

/** "Đơn vị hoặc người nhận": the lead unit or person (chủ trì), then the co-units (phối hợp). */
export function recipientsText(
  e: Pick<RegisterBookEntry, 'leadAgencyName' | 'leadUserName' | 'coRecipients'>,
): string {
  const lead = [e.leadAgencyName, e.leadUserName].filter((s): s is string => !!s).join(' – ');
  const parts: string[] = [];
  if (lead) {
    parts.push(e.coRecipients.length > 0 ? `${lead} (chủ trì)` : lead);
  }
  if (e.coRecipients.length > 0) {
    parts.push(`Phối hợp: ${e.coRecipients.join(', ')}`);
  }
  return parts.join('\n');
}

/** "Ghi chú": urgency and secrecy when not ordinary, the clerk's note, and the recall with its reason. */
export function remarksText(
  e: Pick<RegisterBookEntry, 'urgency' | 'secrecy' | 'note' | 'status' | 'cancelReason'>,
): string {
  const marks = [
    e.urgency === 'normal' ? '' : URGENCY_LABELS[e.urgency],
    e.secrecy === 'none' ? '' : SECRECY_LABELS[e.secrecy],
  ]
    .filter((s) => s !== '')
    .join(', ');
  const cancelled = e.status === 'cancelled' ? `Đã thu hồi: ${e.cancelReason}`.trim() : '';
  return [marks, e.note, cancelled].filter((s) => s !== '').join('\n');
}

/** The ten cells of one register line, in column order. "Ký nhận" stays blank for the paper signature. */
export function registerBookCells(e: RegisterBookEntry): string[] {
  return [
    vnDate(e.arrivalDate),
    String(e.arrivalNumber),
    e.issuerName,
    e.notation,
    vnDate(e.documentDate),
    typeAndSummary(e),
    recipientsText(e),
    vnDateOfInstant(e.directedAt),
    '',
    remarksText(e),
  ];
}

export const registerBookTitle = 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN';
export const rangeLine = (from: string, to: string) => `Từ ngày ${vnDate(from)} đến ngày ${vnDate(to)}`;

/** A file name people recognise in their downloads folder, e.g. "Sổ văn bản đến 2026 2026-01-01 2026-03-31.pdf". */
export function outputFileName(stem: string, from: string, to: string, ext: string): string {
  const safe = stem
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\r\n\t]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  return `${safe} ${from} ${to}.${ext}`;
}
