/**
 * One register row → typed values and the problems found in it, each naming the column and said in
 * Vietnamese. Cells pass through `toUnicodeText` first (TCVN3/VNI → Unicode, NFD → NFC); when the file
 * as a whole is in a legacy encoding, short cells the per-cell detection cannot decide ("MËt") are
 * converted with the file's encoding too.
 */
import { createHash } from 'node:crypto';
import type { Secrecy, Urgency } from '@vanphong/contracts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { convertLegacy, detectLegacyEncoding, toUnicodeText, type LegacyEncoding } from '../../platform/text/legacy.ts';
import { IMPORT_FIELDS, labelOf, type ColumnMap, type ImportField } from './import.columns.ts';

export interface RowIssue {
  /** The column as the file names it ("Ngày đến"), or "" for the row as a whole. */
  field: string;
  message: string;
}

export interface ParsedRow {
  rowNumber: number;
  /** Identity of the row in its batch (see rowKeys). */
  key: string;
  values: Partial<Record<ImportField, string>>;
  arrivalDate: string | null;
  /** HH:mm when the file gives the time of arrival. */
  arrivalTime: string | null;
  arrivalNumber: number | null;
  issuer: string;
  notation: string;
  documentDate: string | null;
  documentType: string;
  summary: string;
  urgency: Urgency;
  secrecy: Secrecy;
  files: string[];
  signer: string;
  pageCount: number | null;
  copies: number;
  deadline: string | null;
  paperLocation: string;
  /** Ghi chú, with Đơn vị nhận and Ngày chuyển of the register appended. */
  note: string;
  errors: RowIssue[];
}

/** Vietnamese letters outside Latin-1: a cell holding them is Unicode already. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/;
const LATIN1_HIGH = /[\u00A1-\u00FF]/;

/** The legacy encoding of a whole file, read from all its cells (null for Unicode files). */
export function fileLegacyEncoding(rows: { cells: string[] }[]): LegacyEncoding | null {
  return detectLegacyEncoding(rows.map((r) => r.cells.join('\n')).join('\n'));
}

/**
 * Every cell as Unicode NFC with its white space collapsed, headers included (a TCVN3 file has TCVN3
 * headers); converted once, here: converting Unicode text again would spoil it.
 */
export function cleanGrid<R extends { cells: string[] }>(rows: R[]): { rows: R[]; legacy: LegacyEncoding | null } {
  const legacy = fileLegacyEncoding(rows);
  return { rows: rows.map((r) => ({ ...r, cells: r.cells.map((c) => cleanText(c, legacy)) })), legacy };
}

export function cleanText(raw: string, fileEncoding: LegacyEncoding | null): string {
  let text = toUnicodeText(raw).text;
  if (fileEncoding && !UNICODE_VIETNAMESE.test(text) && LATIN1_HIGH.test(text)) {
    text = convertLegacy(text, fileEncoding);
  }
  return text.replace(/\s+/g, ' ').trim().normalize('NFC');
}

/* ------------------------------ values ------------------------------ */

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1945 || y > 2999 || m < 1 || m > 12 || d < 1) {
    return null;
  }
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last ? `${y}-${pad(m)}-${pad(d)}` : null;
}

const fullYear = (y: string): number => {
  if (y.length === 4) {
    return Number(y);
  }
  const n = Number(y);
  return n <= (new Date().getUTCFullYear() % 100) + 1 ? 2000 + n : 1900 + n;
};

/**
 * A date as clerks write it: 05/03/2024, 5/3/24, 05-03-2024, 05.03.2024, 2024-03-05, "ngày 05 tháng 3
 * năm 2024", an Excel serial number; optionally with a time (08:30, 8h30, 8 giờ 30) before or after.
 */
export function parseDateTime(text: string): { date: string; time: string | null } | null {
  let s = foldVietnamese(text);
  if (s === '') {
    return null;
  }
  let time: string | null = null;
  const t = /(?:^|\s)(\d{1,2})\s*(?::|h|gio)\s*(\d{2})?(?::\d{2})?\s*(?:phut|p)?(?=\s|$|,)/.exec(s);
  if (t) {
    const hh = Number(t[1]);
    const mm = Number(t[2] ?? '0');
    if (hh > 23 || mm > 59) {
      return null;
    }
    time = `${pad(hh)}:${pad(mm)}`;
    s = (s.slice(0, t.index) + ' ' + s.slice(t.index + t[0].length)).trim();
  }
  s = s.replace(/^(ngay|date)\s+/, '').replace(/[,\s]+$/, '').trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:t.*)?$/.exec(s);
  if (m) {
    const date = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { date, time } : null;
  }
  m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/.exec(s);
  if (m) {
    const date = validDate(fullYear(m[3]!), Number(m[2]), Number(m[1]));
    return date ? { date, time } : null;
  }
  m = /^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$/.exec(s);
  if (m) {
    const date = validDate(Number(m[3]), Number(m[2]), Number(m[1]));
    return date ? { date, time } : null;
  }
  m = /^(\d{5})(?:\.(\d+))?$/.exec(s);
  if (m) {
    // Excel's day count from 1899-12-30 (a date cell read as a number).
    const d = new Date(Date.UTC(1899, 11, 30) + Number(m[1]) * 86_400_000);
    const date = validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    if (date && m[2] !== undefined && time === null) {
      const minutes = Math.round(Number(`0.${m[2]}`) * 1440);
      time = minutes > 0 && minutes < 1440 ? `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` : null;
    }
    return date ? { date, time } : null;
  }
  return null;
}

const URGENCIES: Record<string, Urgency> = {
  '': 'normal', thuong: 'normal', 'binh thuong': 'normal', normal: 'normal',
  khan: 'urgent', urgent: 'urgent',
  'thuong khan': 'very_urgent', 'very urgent': 'very_urgent',
  'hoa toc': 'flash', flash: 'flash',
  'hoa toc hen gio': 'flash_timed', 'flash timed': 'flash_timed',
};

const SECRECIES: Record<string, Secrecy> = {
  '': 'none', thuong: 'none', 'binh thuong': 'none', khong: 'none', none: 'none',
  mat: 'confidential', confidential: 'confidential',
  'toi mat': 'secret', secret: 'secret',
  'tuyet mat': 'top_secret', 'top secret': 'top_secret',
};

const choiceKey = (s: string) => foldVietnamese(s).replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();

/* ------------------------------ rows ------------------------------ */

/**
 * Row identities: the SHA-256 of the row's cleaned cells in a fixed field order (column order and
 * file format do not matter), then `#n` for the n-th identical row, so a file can hold the same
 * entry twice and each is imported once.
 */
export function rowKeys(rows: { values: Partial<Record<ImportField, string>> }[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const h = createHash('sha256')
      .update(JSON.stringify(IMPORT_FIELDS.map((f) => r.values[f] ?? '')))
      .digest('hex');
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return `${h}#${n}`;
  });
}

/** A row of cleaned cells (cleanGrid) → typed values and issues. */
export function parseRow(rowNumber: number, cells: string[], map: ColumnMap): Omit<ParsedRow, 'key'> {
  const values: Partial<Record<ImportField, string>> = {};
  for (const f of IMPORT_FIELDS) {
    const i = map.index[f];
    if (i !== undefined) {
      values[f] = (cells[i] ?? '').trim();
    }
  }
  const errors: RowIssue[] = [];
  const v = (f: ImportField) => values[f] ?? '';
  const fail = (f: ImportField, message: string) => errors.push({ field: labelOf(map, f), message });

  const date = (f: ImportField, required: boolean) => {
    if (v(f) === '') {
      if (required) {
        fail(f, 'Chưa có ngày.');
      }
      return null;
    }
    const p = parseDateTime(v(f));
    if (!p) {
      fail(f, `Ngày không hợp lệ: «${v(f)}» (viết ngày/tháng/năm, ví dụ 05/03/2024).`);
    }
    return p;
  };
  const integer = (f: ImportField, min: number, max: number) => {
    if (v(f) === '') {
      return null;
    }
    const n = /^\d+$/.test(v(f)) ? Number(v(f)) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      fail(f, `Số không hợp lệ: «${v(f)}» (số nguyên từ ${min} đến ${max}).`);
      return null;
    }
    return n;
  };
  const required = (f: ImportField, what: string) => {
    if (v(f) === '') {
      fail(f, `Chưa có ${what}.`);
    }
    return v(f);
  };

  const arrival = date('arrivalDate', false);
  const documentDate = date('documentDate', true);
  const deadline = date('deadline', false);
  const notation = required('notation', 'số, ký hiệu văn bản');
  const issuer = required('issuer', 'tác giả (cơ quan ban hành)');
  const urgency = URGENCIES[choiceKey(v('urgency'))];
  if (!urgency) {
    fail('urgency', `Độ khẩn không hợp lệ: «${v('urgency')}» (Thường, Khẩn, Thượng khẩn, Hỏa tốc).`);
  }
  const secrecy = SECRECIES[choiceKey(v('secrecy'))];
  if (!secrecy) {
    fail('secrecy', `Độ mật không hợp lệ: «${v('secrecy')}» (để trống, Mật, Tối mật, Tuyệt mật).`);
  }
  if (documentDate && arrival && documentDate.date > arrival.date) {
    fail('documentDate', 'Ngày văn bản sau ngày đến.');
  }
  const note = [
    v('note'),
    v('recipients') && `Đơn vị nhận: ${v('recipients')}`,
    v('transferDate') && `Ngày chuyển: ${v('transferDate')}`,
  ]
    .filter(Boolean)
    .join('; ');
  return {
    rowNumber,
    values,
    arrivalDate: arrival?.date ?? null,
    arrivalTime: arrival?.time ?? null,
    arrivalNumber: integer('arrivalNumber', 1, 10_000_000),
    issuer,
    notation,
    documentDate: documentDate?.date ?? null,
    documentType: v('documentType'),
    summary: v('summary'),
    urgency: urgency ?? 'normal',
    secrecy: secrecy ?? 'none',
    files: v('files')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean),
    signer: v('signer'),
    pageCount: integer('pageCount', 0, 100_000),
    copies: integer('copies', 1, 10_000) ?? 1,
    deadline: deadline?.date ?? null,
    paperLocation: v('paperLocation'),
    note,
    errors,
  };
}
