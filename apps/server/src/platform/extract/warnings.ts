/**
 * Why extraction read less than the whole file: a stable code for programs, a plain Vietnamese message
 * for the clerk (shown as is in the capture screen and on a file's text status).
 */
export interface ExtractWarning {
  code: string;
  message: string;
}

export const WARNING_CODES = [
  'tool_missing',
  'ocr_language_missing',
  'no_text',
  'unsupported_type',
  'page_failed',
  'unreadable',
  'already_has_text',
  'ocr_failed',
  'too_large',
  'truncated',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

const w = (code: WarningCode, message: string): ExtractWarning => ({ code, message });
const count = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
const minutes = (ms: number) =>
  ms >= 60_000 ? `${count(Math.round(ms / 60_000))} phút` : `${count(Math.ceil(ms / 1000))} giây`;

export const warnings = {
  popplerMissing: () =>
    w('tool_missing', 'Máy chủ chưa cài poppler-utils (pdftotext): không đọc được lớp chữ của tệp PDF'),
  pdftoppmMissing: () =>
    w(
      'tool_missing',
      'Máy chủ chưa cài poppler-utils (pdftoppm): không chuyển được trang quét thành ảnh để nhận dạng chữ',
    ),
  tesseractMissing: () => w('tool_missing', 'Máy chủ chưa cài tesseract-ocr: không đọc được bản quét'),
  ocrmypdfMissing: () => w('tool_missing', 'Máy chủ chưa cài ocrmypdf: không tạo được bản PDF tìm kiếm được'),
  vietnameseMissing: () =>
    w(
      'ocr_language_missing',
      'Máy chủ chưa cài dữ liệu tiếng Việt cho tesseract (tesseract-ocr-vie): bản quét được đọc bằng tiếng Anh, chữ có dấu sẽ sai',
    ),
  noText: () => w('no_text', 'Không tìm thấy chữ nào trong tệp'),
  unsupported: (contentType: string) =>
    w('unsupported_type', `Chưa đọc được chữ từ loại tệp này (${contentType})`),
  pageFailed: (page: number, why: string) => w('page_failed', `Không đọc được trang ${page}: ${why}`),
  unreadable: (why: string) => w('unreadable', `Tệp bị hỏng hoặc không mở được: ${why}`),
  alreadyHasText: () => w('already_has_text', 'Tệp PDF đã có lớp chữ: không cần tạo bản PDF tìm kiếm được'),
  ocrFailed: (why: string) => w('ocr_failed', `Không tạo được bản PDF tìm kiếm được: ${why}`),
  docxTooLarge: (limitBytes: number) =>
    w(
      'too_large',
      `Tệp DOCX quá lớn: phần nội dung vượt ${count(Math.round(limitBytes / 1024 / 1024))} MB khi giải nén, không đọc`,
    ),
  tooManyPagesToOcr: (pages: number, max: number) =>
    w(
      'too_large',
      `Tệp PDF có ${count(pages)} trang, quá ${count(max)} trang: không tạo bản PDF tìm kiếm được`,
    ),
  pageTooLarge: (page: number, width: number, height: number) =>
    w(
      'too_large',
      `Trang ${page} quá khổ (${count(Math.round(width))} × ${count(Math.round(height))} pt): không tạo bản PDF tìm kiếm được`,
    ),
  pagesTruncated: (read: number, pages: number) =>
    w('truncated', `Tệp có ${count(pages)} trang: chỉ đọc ${count(read)} trang đầu`),
  textTruncated: (maxChars: number) =>
    w('truncated', `Văn bản quá dài: chỉ giữ ${count(maxChars)} ký tự đầu`),
  outOfTime: (ms: number, read: number, pages: number) =>
    w(
      'truncated',
      pages > 0
        ? `Hết thời gian cho phép (${minutes(ms)}): chỉ đọc được ${count(read)}/${count(pages)} trang`
        : `Hết thời gian cho phép (${minutes(ms)}): không đọc xong tệp`,
    ),
};

/** A tool's failure in a few words for a message: its last stderr line, or what stopped it. */
export function toolFailure(r: { outcome: string; code: number | null; stderr: string }): string {
  if (r.outcome === 'timeout') {
    return 'quá thời gian cho phép';
  }
  const last = r.stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .pop();
  return (last ?? `mã lỗi ${r.code ?? '?'}`).slice(0, 200);
}
