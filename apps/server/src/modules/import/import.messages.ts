/**
 * What a failed row says in the report: the column as the file names it and a Vietnamese message
 * (the registration's errors carry English messages and a field path of the registration input).
 */
import { ZodError } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { labelOf, type ColumnMap, type ImportField } from './import.columns.ts';
import type { Warning } from '../incoming/incoming.usecases.ts';
import type { RowIssue } from './import.rows.ts';

/** Registration input path → register column. */
const FIELD_OF_PATH: Record<string, ImportField> = {
  arrivedAt: 'arrivalDate',
  registerId: 'arrivalDate',
  arrivalNumber: 'arrivalNumber',
  issuerId: 'issuer',
  issuerName: 'issuer',
  notation: 'notation',
  documentDate: 'documentDate',
  documentTypeId: 'documentType',
  summary: 'summary',
  signer: 'signer',
  pageCount: 'pageCount',
  copies: 'copies',
  urgency: 'urgency',
  deliverBy: 'urgency',
  secrecy: 'secrecy',
  deadline: 'deadline',
  paperLocation: 'paperLocation',
  note: 'note',
  attachments: 'files',
  files: 'files',
};

/** Vietnamese text of the registration's error codes (as apps/web/src/locales/vi.json words them). */
const MESSAGES: Record<string, string> = {
  'incoming.forbidden': 'Người được chỉ định (--as) không có quyền vào sổ văn bản đến.',
  'incoming.not_found': 'Người được chỉ định (--as) không được xem văn bản đến của cấp ủy này.',
  'incoming.arrival_in_future': 'Ngày đến sau thời điểm hiện tại.',
  'incoming.deliver_by_before_arrival': 'Thời hạn chuyển trước thời điểm đến.',
  'incoming.document_after_arrival': 'Ngày văn bản không được sau ngày đến.',
  'incoming.deadline_before_arrival': 'Hạn xử lý không được trước ngày đến.',
  'incoming.secrecy_above_clearance': 'Người vào sổ (--as) không được tiếp cận văn bản có độ mật này.',
  'incoming.deliver_by_required': 'Văn bản Hỏa tốc hẹn giờ cần ghi thời hạn chuyển; tệp nhập không có cột này, hãy vào sổ trên màn hình.',
  'incoming.secret_content_refused': 'Văn bản mật trên hệ thống nối mạng chỉ vào sổ thông tin quản lý; không đính kèm tệp nội dung.',
  'incoming.paper_location_required': 'Ghi nơi lưu giữ bản gốc giấy của văn bản mật (cột «Nơi lưu bản giấy»).',
  'incoming.summary_withheld': 'Không ghi trích yếu văn bản Tuyệt mật trên hệ thống này; để trống ô trích yếu.',
  'incoming.summary_required': 'Chưa có trích yếu.',
  'incoming.unknown_register': 'Sổ không tồn tại hoặc ngoài phạm vi của người vào sổ.',
  'incoming.register_kind_mismatch': 'Văn bản này phải vào loại sổ khác.',
  'incoming.register_year_mismatch': 'Sổ thuộc năm khác với ngày đến.',
  'incoming.register_required': 'Chưa xác định được sổ (chọn cấp ủy bằng --committee).',
  'incoming.unknown_issuer': 'Cơ quan ban hành không có trong danh mục.',
  'incoming.issuer_required': 'Chưa có tác giả (cơ quan ban hành).',
  'incoming.unknown_document_type': 'Loại văn bản không có trong danh mục.',
  'incoming.duplicate_attachment': 'Một tệp được ghi hai lần.',
  'incoming.one_main_attachment': 'Chỉ một tệp được là tệp chính.',
  'incoming.unknown_file': 'Tệp đính kèm không tồn tại.',
  'incoming.file_already_attached': 'Tệp đã gắn với văn bản khác.',
  'incoming.attachment_type': 'Tệp đính kèm phải là PDF, văn bản Word hoặc ảnh.',
  'incoming.attachment_not_encrypted': 'Tệp nội dung mật phải được lưu mã hóa.',
  'incoming.unknown_leader': 'Người này không phải lãnh đạo cho ý kiến chỉ đạo văn bản đến của cấp ủy.',
  'incoming.leader_clearance': 'Lãnh đạo này không được phép tiếp cận văn bản có độ mật này.',
  'files.too_large': 'Tệp quá lớn.',
  'files.forbidden_type': 'Loại tệp không được nhận.',
};

const ZOD_MESSAGES: Record<string, string> = {
  too_big: 'Quá dài',
  too_small: 'Chưa có giá trị',
  invalid_format: 'Sai định dạng',
};

export function issuesOf(err: unknown, map: ColumnMap): RowIssue[] | null {
  const label = (path: string) => {
    const f = FIELD_OF_PATH[path.split('.')[0]!];
    return f ? labelOf(map, f) : '';
  };
  if (err instanceof ZodError) {
    return err.issues.map((i) => {
      const base = ZOD_MESSAGES[i.code] ?? 'Giá trị không hợp lệ';
      const max = i.code === 'too_big' && 'maximum' in i ? ` (tối đa ${String(i.maximum)} ký tự)` : '';
      return { field: label(String(i.path[0] ?? '')), message: `${base}${max}.` };
    });
  }
  if (err instanceof AppError) {
    const details = Array.isArray(err.details) ? (err.details as { path?: string; number?: number; documentId?: number }[]) : [];
    const path = details[0]?.path ?? '';
    let message = MESSAGES[err.code];
    if (err.code === 'import.number_taken') {
      message = `Số đến ${details[0]?.number} đã có trong sổ (văn bản id ${details[0]?.documentId}); dùng --numbering new để hệ thống cấp số mới.`;
    }
    return [{ field: label(path), message: message ?? `${err.message} (${err.code}).` }];
  }
  return null;
}

const WARNINGS: Record<string, string> = {
  'notation.unrecognised': 'Số, ký hiệu không theo mẫu của Đảng (12-CV/TU) hay của Nhà nước (45/QĐ-UBND).',
};

/** A registration warning as a report line on the notation column. */
export function warningOf(w: Warning, map: ColumnMap): RowIssue {
  const field = labelOf(map, 'notation');
  if (w.code === 'duplicate') {
    const m = /arrival number (\d+) of (\S+) \(document (\d+)\)/.exec(w.message);
    return { field, message: m ? `Có thể trùng: đã vào sổ số đến ${m[1]} ngày ${m[2]} (văn bản id ${m[3]}).` : 'Có thể trùng với văn bản đã vào sổ.' };
  }
  return { field, message: WARNINGS[w.code] ?? w.message };
}
