import type { Secrecy, Urgency } from '@vanphong/contracts';
import { badRequest } from '../../platform/errors.ts';
import {
  assertDateRange,
  rangeLine,
  SECRECY_LABELS,
  URGENCY_LABELS,
  vnDate,
} from '../incoming/incoming.outputs.models.ts';

/**
 * Pure rules of the printed outputs of outgoing documents (ND30 Phụ lục VI "required outputs"): the
 * register (sổ đăng ký văn bản đi, columns of spec §4) and the report of issued documents by type,
 * issuing body and period. Dates print dd/mm/yyyy.
 */

/** The register lists what took a number: issued, recalled (kept with its number), issuing (number taken, not finished). */
export const REGISTER_STATUSES = ['issued', 'recalled', 'issuing'] as const;
/** The report counts what was issued: a recalled document was issued, an unfinished one not yet. */
export const REPORT_STATUSES = ['issued', 'recalled'] as const;

/** Secret documents have their own register (spec §3: registers of secret documents are separate; TT 24/2020 form 15). */
export const REGISTER_KINDS = ['ordinary', 'secret'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

export const registerTitle = (kind: RegisterKind): string =>
  kind === 'secret' ? 'SỔ ĐĂNG KÝ VĂN BẢN MẬT ĐI' : 'SỔ ĐĂNG KÝ VĂN BẢN ĐI';

/** The columns of the outgoing register in the order of spec §4; weights are points on A4 landscape (a date fits on one line). */
export const OUTGOING_REGISTER_COLUMNS = [
  { title: 'Số, ký hiệu', weight: 76, xlsxWidth: 16 },
  { title: 'Ngày tháng văn bản', weight: 56, xlsxWidth: 12 },
  { title: 'Tên loại và trích yếu', weight: 172, xlsxWidth: 48 },
  { title: 'Người ký', weight: 82, xlsxWidth: 20 },
  { title: 'Nơi nhận', weight: 108, xlsxWidth: 32 },
  { title: 'Đơn vị, người nhận bản lưu', weight: 78, xlsxWidth: 20 },
  { title: 'Số lượng bản', weight: 40, xlsxWidth: 10 },
  { title: 'Ngày chuyển', weight: 56, xlsxWidth: 12 },
  { title: 'Ký nhận', weight: 40, xlsxWidth: 10 },
  { title: 'Ghi chú', weight: 74, xlsxWidth: 26 },
] as const;

/** One register line as the API answers it (the XLSX and PDF print exactly these fields). */
export interface OutgoingRegisterEntry {
  id: number;
  status: (typeof REGISTER_STATUSES)[number];
  number: number | null;
  notation: string;
  issuedOn: string;
  typeName: string;
  summary: string;
  signerName: string;
  recipients: string[];
  retainLine: string;
  copies: number;
  /** Ngày chuyển: the day it was sent — the issue day; none while issuing is unfinished. */
  deliveredOn: string | null;
  secrecy: Secrecy;
  urgency: Urgency;
  stub: boolean;
  /** Ghi chú, as printed. */
  remarks: string;
}

/** What the repository reads for a line, before the printed fields are derived. */
export interface RegisterRow {
  id: number;
  status: string;
  number: number | null;
  notation: string | null;
  issuedOn: string;
  typeName: string;
  summary: string;
  signerName: string | null;
  recipients: string[];
  retainLine: string;
  copies: number;
  secrecy: Secrecy;
  urgency: Urgency;
  stub: boolean;
  paperLocation: string;
  recallReason: string;
}

/** "Ghi chú": urgency and secrecy marks, where a stub's paper original is kept, an unfinished issue, a recall and its reason. */
export function remarksOf(
  r: Pick<RegisterRow, 'status' | 'secrecy' | 'urgency' | 'stub' | 'paperLocation' | 'recallReason'>,
): string {
  const marks = [
    r.urgency === 'normal' ? '' : URGENCY_LABELS[r.urgency],
    r.secrecy === 'none' ? '' : SECRECY_LABELS[r.secrecy],
  ]
    .filter((s) => s !== '')
    .join(', ');
  const paper = r.stub
    ? r.paperLocation.trim() === ''
      ? 'Chỉ có bản giấy'
      : `Bản gốc lưu tại: ${r.paperLocation.trim()}`
    : '';
  const issuing = r.status === 'issuing' ? 'Đã lấy số, chưa phát hành xong' : '';
  const recalled = r.status === 'recalled' ? `Đã thu hồi: ${r.recallReason}`.trim().replace(/:$/, '') : '';
  return [marks, paper, issuing, recalled].filter((s) => s !== '').join('\n');
}

export function toEntry(r: RegisterRow): OutgoingRegisterEntry {
  return {
    id: r.id,
    status: r.status as OutgoingRegisterEntry['status'],
    number: r.number,
    notation: r.notation ?? '',
    issuedOn: r.issuedOn,
    typeName: r.typeName,
    summary: r.summary,
    signerName: r.signerName ?? '',
    recipients: r.recipients,
    retainLine: r.retainLine,
    copies: r.copies,
    deliveredOn: r.status === 'issuing' ? null : r.issuedOn,
    secrecy: r.secrecy,
    urgency: r.urgency,
    stub: r.stub,
    remarks: remarksOf(r),
  };
}

/** "Tên loại và trích yếu": the type on the first line, then the summary. */
export const typeAndSummary = (e: Pick<OutgoingRegisterEntry, 'typeName' | 'summary'>): string =>
  [e.typeName, e.summary].filter((s) => s !== '').join('\n');

/** "Nơi nhận": one recipient as is; several one per line, each after a dash as on the document's own list. */
export const recipientsText = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : names.map((n) => `- ${n}`).join('\n');

/** The ten cells of a register line, in column order; "Ký nhận" stays blank for the paper signature. */
export function registerCells(e: OutgoingRegisterEntry): string[] {
  return [
    e.notation,
    vnDate(e.issuedOn),
    typeAndSummary(e),
    e.signerName,
    recipientsText(e.recipients),
    e.retainLine,
    String(e.copies),
    vnDate(e.deliveredOn),
    '',
    e.remarks,
  ];
}

/* ------------------------------ issuer and period ------------------------------ */

/** "c1" → committee 1; "c1-a2" → agency 2 of committee 1 (see issuerKeyOf). */
export function parseIssuerKey(key: string): { committeeId: number; agencyId: number | null } | null {
  const m = /^c(\d{1,10})(?:-a(\d{1,10}))?$/.exec(key);
  if (!m) {
    return null;
  }
  return { committeeId: Number(m[1]), agencyId: m[2] === undefined ? null : Number(m[2]) };
}

export interface Period {
  from: string;
  to: string;
  /** "Năm 2026", or "Từ ngày 01/03/2026 đến ngày 30/06/2026". */
  label: string;
}

/**
 * The period of a register or report: a calendar `year`, or `from`–`to` (issue dates, both included,
 * a year at most), or — neither given — the current year in Vietnam (`today`).
 */
export function resolvePeriod(q: { year?: number; from?: string; to?: string }, today: string): Period {
  const field = (path: string, message: string) =>
    badRequest('outgoing.invalid_period', message, [{ path, message }]);
  if (q.year !== undefined && (q.from !== undefined || q.to !== undefined)) {
    throw field('year', 'Give either a year or from–to, not both');
  }
  if ((q.from === undefined) !== (q.to === undefined)) {
    throw field(q.from === undefined ? 'from' : 'to', 'from and to go together');
  }
  if (q.from !== undefined && q.to !== undefined) {
    assertDateRange(q.from, q.to, 'outgoing.invalid_period');
    return { from: q.from, to: q.to, label: rangeLine(q.from, q.to) };
  }
  const year = q.year ?? Number(today.slice(0, 4));
  return { from: `${year}-01-01`, to: `${year}-12-31`, label: `Năm ${year}` };
}
