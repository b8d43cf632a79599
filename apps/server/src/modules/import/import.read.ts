/**
 * Reading a register file (issue 7 §5): CSV in UTF-8 (with or without BOM), UTF-16 with BOM or the
 * Windows-1252 of old Excel versions, or XLSX; the result is a grid of cell strings with the row
 * numbers a spreadsheet shows. Legacy TCVN3/VNI text is converted later, per cell (import.rows.ts).
 */
import ExcelJS from 'exceljs';

export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'xlsx';

export interface Grid {
  /** Rows in file order; `number` is the row number a spreadsheet shows (1-based). */
  rows: { number: number; cells: string[] }[];
  encoding: SourceEncoding;
}

export class ReadError extends Error {}

/** Windows-1252 bytes 0x80–0x9F (Node's TextDecoder reads 'windows-1252' as Latin-1); undefined ones stay C1. */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

export function decodeWindows1252(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    out += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
  }
  return out;
}

/** Decodes CSV bytes: a BOM decides; otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Buffer): { text: string; encoding: SourceEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** The delimiter of the first non-empty line: the most frequent of , ; tab outside quotes. */
function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      if ([...counts.values()].some((n) => n > 0)) {
        break;
      }
    } else if (!quoted && counts.has(ch)) {
      counts.set(ch, counts.get(ch)! + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF/LF/CR, line breaks inside quotes). */
export function parseCsv(text: string, delimiter = sniffDelimiter(text)): Grid['rows'] {
  const rows: Grid['rows'] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let number = 1;
  let started = false;
  const endRow = () => {
    cells.push(cell);
    rows.push({ number, cells });
    cells = [];
    cell = '';
    number += 1;
    started = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else {
          quoted = false;
        }
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      started = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      started = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') {
        i += 1;
      }
      endRow();
    } else {
      cell += ch;
      started = true;
    }
  }
  if (started || cell !== '' || cells.length > 0) {
    endRow();
  }
  return rows;
}

/** A cell of exceljs as text: dates as YYYY-MM-DD (with HH:mm when they carry a time). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) {
    return '';
  }
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (typeof v === 'object') {
    if ('richText' in v) {
      return v.richText.map((r) => r.text).join('');
    }
    if ('result' in v) {
      return cellText((v.result ?? null) as ExcelJS.CellValue);
    }
    if ('text' in v) {
      return String(v.text);
    }
    if ('error' in v) {
      return '';
    }
    return '';
  }
  return String(v);
}

async function readXlsx(bytes: Buffer): Promise<Grid['rows']> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new ReadError(`không đọc được tệp XLSX: ${err instanceof Error ? err.message : String(err)}`);
  }
  const ws = wb.worksheets.find((w) => w.rowCount > 0) ?? wb.worksheets[0];
  if (!ws) {
    throw new ReadError('tệp XLSX không có trang tính nào');
  }
  const rows: Grid['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    // exceljs puts column A at index 1.
    rows.push({ number, cells: values.slice(1).map((v) => cellText(v)) });
  });
  return rows;
}

const isXlsx = (bytes: Buffer) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Reads a CSV or XLSX register file (told apart by content: an XLSX is a ZIP). */
export async function readGrid(bytes: Buffer): Promise<Grid> {
  if (isXlsx(bytes)) {
    return { rows: await readXlsx(bytes), encoding: 'xlsx' };
  }
  const { text, encoding } = decodeText(bytes);
  return { rows: parseCsv(text), encoding };
}
