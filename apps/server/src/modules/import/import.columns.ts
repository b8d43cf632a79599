/**
 * The columns of a clerk's incoming register (sổ đăng ký văn bản đến, 693-QĐ/VPTW) and their English
 * equivalents. Headers are compared folded (no tones, đ→d, lower case, punctuation as spaces), so
 * "Số, ký hiệu", "SỐ KÝ HIỆU" and "so ky hieu" are one column.
 */
import { foldVietnamese } from '../../platform/text/fold.ts';

export const IMPORT_FIELDS = [
  'arrivalDate',
  'arrivalNumber',
  'issuer',
  'notation',
  'documentDate',
  'documentType',
  'summary',
  'urgency',
  'secrecy',
  'recipients',
  'transferDate',
  'files',
  'signer',
  'pageCount',
  'copies',
  'deadline',
  'paperLocation',
  'note',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The header a field is named by in messages when the file does not have it. */
export const FIELD_LABELS: Record<ImportField, string> = {
  arrivalDate: 'Ngày đến',
  arrivalNumber: 'Số đến',
  issuer: 'Tác giả',
  notation: 'Số, ký hiệu',
  documentDate: 'Ngày văn bản',
  documentType: 'Loại văn bản',
  summary: 'Trích yếu',
  urgency: 'Độ khẩn',
  secrecy: 'Độ mật',
  recipients: 'Đơn vị nhận',
  transferDate: 'Ngày chuyển',
  files: 'Tệp',
  signer: 'Người ký',
  pageCount: 'Số trang',
  copies: 'Số bản',
  deadline: 'Hạn xử lý',
  paperLocation: 'Nơi lưu bản giấy',
  note: 'Ghi chú',
};

const ALIASES: Record<ImportField, string[]> = {
  arrivalDate: ['ngày đến', 'ngày giờ đến', 'thời gian đến', 'ngày nhận', 'arrival date', 'arrived', 'arrived at', 'date received', 'received'],
  arrivalNumber: ['số đến', 'số vào sổ', 'arrival number', 'arrival no', 'incoming number', 'register number'],
  issuer: [
    'tác giả', 'cơ quan ban hành', 'tác giả cơ quan ban hành', 'cơ quan gửi', 'nơi gửi', 'nơi ban hành', 'đơn vị gửi',
    'issuer', 'issuing body', 'author', 'sender', 'from',
  ],
  notation: ['số ký hiệu', 'số và ký hiệu', 'ký hiệu', 'số ký hiệu văn bản', 'number and notation', 'notation', 'reference', 'document number'],
  documentDate: ['ngày văn bản', 'ngày tháng văn bản', 'ngày tháng', 'ngày ban hành', 'ngày ký', 'document date', 'date of document', 'dated'],
  documentType: ['loại văn bản', 'tên loại', 'loại', 'hình thức văn bản', 'document type', 'type'],
  summary: [
    'trích yếu', 'trích yếu nội dung', 'tên loại và trích yếu', 'tên loại và trích yếu nội dung', 'nội dung',
    'summary', 'subject', 'abstract',
  ],
  urgency: ['độ khẩn', 'mức độ khẩn', 'độ khẩn cấp', 'urgency'],
  secrecy: ['độ mật', 'mức độ mật', 'secrecy', 'classification'],
  recipients: ['đơn vị nhận', 'đơn vị hoặc người nhận', 'đơn vị người nhận', 'người nhận', 'nơi nhận', 'recipient', 'recipients', 'received by', 'delivered to'],
  transferDate: ['ngày chuyển', 'transfer date', 'date delivered'],
  files: ['tệp', 'tệp đính kèm', 'tệp tin', 'tập tin', 'file', 'files', 'attachment', 'attachments'],
  signer: ['người ký', 'signer', 'signed by'],
  pageCount: ['số trang', 'số tờ', 'pages', 'page count'],
  copies: ['số bản', 'copies'],
  deadline: ['hạn xử lý', 'hạn giải quyết', 'thời hạn xử lý', 'deadline', 'due date'],
  paperLocation: ['nơi lưu bản giấy', 'nơi lưu', 'lưu tại', 'paper location', 'kept at'],
  note: ['ghi chú', 'note', 'notes', 'remarks'],
};

/** Columns a register has that the import reads nothing from. */
const IGNORED = ['stt', 'số thứ tự', 'tt', 'ký nhận', 'no', 'signature'];

export const headerKey = (h: string): string =>
  foldVietnamese(h)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const BY_KEY = new Map<string, ImportField>();
for (const f of IMPORT_FIELDS) {
  for (const a of ALIASES[f]) {
    BY_KEY.set(headerKey(a), f);
  }
}
const IGNORED_KEYS = new Set(IGNORED.map(headerKey));

export interface ColumnMap {
  /** Field → column index. */
  index: Partial<Record<ImportField, number>>;
  /** Field → the header as written in the file (for messages). */
  header: Partial<Record<ImportField, string>>;
  /** Headers the import does not read. */
  unknown: string[];
}

export function mapHeaders(cells: string[]): ColumnMap {
  const map: ColumnMap = { index: {}, header: {}, unknown: [] };
  cells.forEach((raw, i) => {
    const text = raw.replace(/\s+/g, ' ').trim();
    const key = headerKey(text);
    if (key === '') {
      return;
    }
    const field = BY_KEY.get(key);
    if (field && map.index[field] === undefined) {
      map.index[field] = i;
      map.header[field] = text.normalize('NFC');
    } else if (!IGNORED_KEYS.has(key)) {
      map.unknown.push(text.normalize('NFC'));
    }
  });
  return map;
}

/** The header row: the first of the first 20 rows naming at least three known columns (titles may sit above). */
export function findHeaderRow(rows: { cells: string[] }[]): number {
  const limit = Math.min(rows.length, 20);
  for (let i = 0; i < limit; i += 1) {
    if (Object.keys(mapHeaders(rows[i]!.cells).index).length >= 3) {
      return i;
    }
  }
  return -1;
}

/** Columns without which no row can be registered. */
export const REQUIRED_COLUMNS: readonly ImportField[] = ['issuer', 'notation', 'documentDate', 'summary'];

export const labelOf = (map: ColumnMap, f: ImportField): string => map.header[f] ?? FIELD_LABELS[f];
