/**
 * Finding signatures in a PDF's bytes, without a PDF parser: a signature dictionary cannot live in an
 * object stream (its ByteRange names byte offsets in the file), so every one is plain text in the file.
 * A candidate counts only if its ByteRange starts at 0, stays inside the file, and leaves exactly one
 * hole that holds a hex string — the Contents. Everything else named "/ByteRange" is ignored.
 */

/** "%PDF-" within the first KiB (the header may follow some junk, as readers allow). */
export const isPdf = (bytes: Buffer) => bytes.subarray(0, 1024).includes('%PDF-');

export interface SignatureRange {
  byteRange: [number, number, number, number];
  /** The DER of the CMS (the hex string decoded, trailing zero padding left on). */
  contents: Buffer;
  /** Text entries of the signature dictionary (decoded), when present as direct strings. */
  name: string | null;
  reason: string | null;
  location: string | null;
  /** The M entry, as an ISO instant. */
  signedAt: string | null;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/**
 * Bounds against a crafted file (security review, issue 4): a real signature's Contents hole holds a
 * CMS of a few tens of kilobytes, and a document carries a handful of signatures. Each distinct hole
 * is looked at once, whatever the number of ByteRange entries pointing at it.
 */
export const MAX_SIGNATURES = 32;
export const MAX_HOLE_BYTES = 1024 * 1024;

export function findSignatureRanges(pdf: Buffer): SignatureRange[] {
  const text = pdf.toString('latin1');
  const found = new Map<string, SignatureRange>();
  const holes = new Set<string>();
  for (const m of text.matchAll(BYTE_RANGE)) {
    const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const key = `${a} ${b} ${c} ${d}`;
    if (found.has(key) || holes.has(`${b} ${c}`) || a !== 0 || b <= 0 || c <= b || c - b > MAX_HOLE_BYTES || c + d > pdf.length) {
      continue;
    }
    holes.add(`${b} ${c}`);
    if (holes.size > MAX_SIGNATURES) {
      break;
    }
    const hole = text.slice(b, c);
    if (!/^<[0-9A-Fa-f\s]*>$/.test(hole)) {
      continue;
    }
    const dict = dictionaryAround(text, m.index, b, c);
    found.set(key, {
      byteRange: [a, b, c, d],
      contents: Buffer.from(hole.slice(1, -1).replace(/\s+/g, ''), 'hex'),
      name: textEntry(dict, 'Name'),
      reason: textEntry(dict, 'Reason'),
      location: textEntry(dict, 'Location'),
      signedAt: pdfDate(textEntry(dict, 'M')),
    });
  }
  return [...found.values()].sort((x, y) => x.byteRange[2] + x.byteRange[3] - (y.byteRange[2] + y.byteRange[3]));
}

/** The signature's object text, with the (large) Contents hole cut out. */
function dictionaryAround(text: string, at: number, holeStart: number, holeEnd: number): string {
  const objStart = text.lastIndexOf(' obj', Math.min(at, holeStart));
  const endobj = text.indexOf('endobj', Math.max(at, holeEnd));
  const start = objStart === -1 ? Math.max(0, at - 4096) : objStart;
  const end = endobj === -1 ? Math.min(text.length, at + 4096) : endobj;
  if (holeStart >= start && holeEnd <= end) {
    return text.slice(start, holeStart) + text.slice(holeEnd, end);
  }
  return text.slice(start, end);
}

/** A direct string entry (literal or hex) of the dictionary text; names (/Name /Adobe.PPKLite) are not strings. */
function textEntry(dict: string, key: string): string | null {
  const re = new RegExp(`/${key}\\s*(\\(|<(?!<))`, 'g');
  const m = re.exec(dict);
  if (!m) {
    return null;
  }
  const start = m.index + m[0].length - 1;
  const bytes = dict[start] === '(' ? literalString(dict, start) : hexString(dict, start);
  return bytes === null ? null : decodeTextString(bytes);
}

function hexString(s: string, start: number): Buffer | null {
  const end = s.indexOf('>', start);
  if (end === -1) {
    return null;
  }
  let hex = s.slice(start + 1, end).replace(/\s+/g, '');
  if (hex.length % 2 === 1) {
    hex += '0';
  }
  return Buffer.from(hex, 'hex');
}

const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };

/** PDF 32000-1 §7.3.4.2: balanced parentheses, backslash escapes, octal codes, line continuations. */
function literalString(s: string, start: number): Buffer | null {
  const out: number[] = [];
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\') {
      const next = s[i + 1] ?? '';
      if (next in ESCAPES) {
        out.push(ESCAPES[next]!);
        i++;
      } else if (/[0-7]/.test(next)) {
        const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4))![0];
        out.push(parseInt(oct, 8) & 0xff);
        i += oct.length;
      } else if (next === '\r' || next === '\n') {
        i += next === '\r' && s[i + 2] === '\n' ? 2 : 1;
      } else {
        i++;
        out.push(next.charCodeAt(0));
      }
      continue;
    }
    if (ch === '(') {
      depth++;
      if (depth === 1) {
        continue;
      }
    } else if (ch === ')') {
      depth--;
      if (depth === 0) {
        return Buffer.from(out);
      }
    }
    out.push(ch.charCodeAt(0) & 0xff);
  }
  return null;
}

/** A text string: UTF-16BE with its BOM, UTF-8 with its BOM (PDF 2.0), else PDFDocEncoding (≈ Latin-1). */
export function decodeTextString(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le').normalize('NFC');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return bytes.subarray(3).toString('utf8').normalize('NFC');
  }
  return bytes.toString('latin1');
}

/** "D:YYYYMMDDHHmmSSOHH'mm'" → ISO instant (missing parts default as the spec says). */
export function pdfDate(s: string | null): string | null {
  const m = s ? /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(s) : null;
  if (!m) {
    return null;
  }
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  const offset = (sign === '+' ? 1 : sign === '-' ? -1 : 0) * (Number(oh) * 60 + Number(om)) * 60_000;
  const t = new Date(utc - offset);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
}
