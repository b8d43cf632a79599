import { isUtf8 } from 'node:buffer';
import fs from 'node:fs/promises';
import { readZipEntry } from './zip.ts';

/**
 * Text of the formats read without external tools: DOCX (the body of word/document.xml) and plain
 * text, CSV and XML. Legacy encodings and NFC are applied by the caller.
 */

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, name: string) => {
    if (name.startsWith('#x')) {
      return safeCodePoint(parseInt(name.slice(2), 16), all);
    }
    if (name.startsWith('#')) {
      return safeCodePoint(parseInt(name.slice(1), 10), all);
    }
    return XML_ENTITIES[name] ?? all;
  });
}

/** A character reference's code point, or the reference as written for NUL, a lone surrogate or past U+10FFFF. */
const safeCodePoint = (n: number, fallback: string) =>
  Number.isInteger(n) && n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff)
    ? String.fromCodePoint(n)
    : fallback;

/** Most bytes word/document.xml may inflate to (a long DOCX is a few MB). */
export const MAX_DOCX_XML_BYTES = 50 * 1024 * 1024;

/** Elements the DOCX reader acts on; every other tag only ends a run of characters. */
const DOCX_NAMES = new Set([
  'w:p',
  'w:t',
  'w:tab',
  'w:br',
  'w:cr',
  'w:lastRenderedPageBreak',
  'mc:Fallback',
  'w:delText',
  'w:instrText',
]);

interface Tag {
  closing: boolean;
  name: string;
  attrs: string;
  selfClosing: boolean;
}

/** `<…>` without its brackets, split into its parts (no regular expression: one pass). */
function parseTag(body: string): Tag {
  const closing = body.startsWith('/');
  const selfClosing = body.endsWith('/');
  const i = closing ? 1 : 0;
  let end = i;
  while (end < body.length && !/[\s/]/.test(body[end]!)) {
    end += 1;
  }
  return { closing, name: body.slice(i, end), attrs: body.slice(end), selfClosing };
}

/**
 * Markup and character data of an XML text, in one linear pass (indexOf only, so a file full of '<'
 * costs no more than its length). `onText` gets raw character data (entities not decoded), `onTag`
 * the inside of each tag, `onSpecial` comments and processing instructions, `onCdata` CDATA contents.
 * An opening '<' (or comment, CDATA section, processing instruction) that is never closed ends the
 * scan: what follows it is not well-formed, and no later '<' could be closed either. `onText` and
 * `onCdata` may return false to stop early.
 */
function scanXml(
  xml: string,
  on: {
    onText: (raw: string) => boolean | void;
    onTag: (body: string) => void;
    onSpecial?: () => void;
    onCdata?: (raw: string) => boolean | void;
  },
): void {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt !== i && on.onText(xml.slice(i, lt === -1 ? xml.length : lt)) === false) {
      return;
    }
    if (lt === -1) {
      return;
    }
    const close = (opener: string, closer: string) => {
      if (!xml.startsWith(opener, lt)) {
        return null;
      }
      const at = xml.indexOf(closer, lt + opener.length);
      return at === -1 ? -1 : at;
    };
    const comment = close('<!--', '-->');
    if (comment !== null) {
      if (comment === -1) {
        return;
      }
      on.onSpecial?.();
      i = comment + 3;
      continue;
    }
    const cdata = close('<![CDATA[', ']]>');
    if (cdata !== null) {
      if (cdata === -1) {
        return;
      }
      if (on.onCdata?.(xml.slice(lt + 9, cdata)) === false) {
        return;
      }
      i = cdata + 3;
      continue;
    }
    const pi = close('<?', '?>');
    if (pi !== null) {
      if (pi === -1) {
        return;
      }
      on.onSpecial?.();
      i = pi + 2;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt === -1) {
      return;
    }
    on.onTag(xml.slice(lt + 1, gt));
    i = gt + 1;
  }
}

/** Leading and trailing line breaks removed, by index (a `\n+$` regular expression is quadratic). */
export function trimNewlines(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 10) {
    a += 1;
  }
  while (b > a && s.charCodeAt(b - 1) === 10) {
    b -= 1;
  }
  return s.slice(a, b);
}

export interface DocxText {
  pages: string[];
  /** Reading stopped after `maxChars` characters. */
  truncated: boolean;
}

/**
 * The body text of a DOCX, one line per paragraph (table cells are paragraphs too), split into pages
 * where Word marked them: explicit page breaks and the page breaks Word recorded when it last laid the
 * document out. Reads at most `maxXmlBytes` of word/document.xml (`EntryTooLarge` beyond) and stops
 * after about `maxChars` characters of text. Throws when the file is not a DOCX (the caller reports
 * it as unreadable).
 */
export function readDocx(
  bytes: Uint8Array,
  limits: { maxXmlBytes?: number; maxChars?: number } = {},
): DocxText {
  const part = readZipEntry(bytes, 'word/document.xml', limits.maxXmlBytes ?? MAX_DOCX_XML_BYTES);
  if (!part) {
    throw new Error('word/document.xml not found');
  }
  const maxChars = limits.maxChars ?? Number.POSITIVE_INFINITY;
  const xml = Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('utf8');
  const pages: string[] = [];
  let read = 0;
  let truncated = false;
  let text = '';
  let inText = false;
  /** Depth inside parts whose text must not be read twice or at all (fallbacks, deleted text, field codes). */
  let skip = 0;
  const add = (s: string) => {
    text += s;
    read += s.length;
  };
  scanXml(xml, {
    onText: (raw) => {
      if (inText && skip === 0) {
        add(decodeXmlEntities(raw));
        if (read > maxChars) {
          truncated = true;
          return false;
        }
      }
      return true;
    },
    onTag: (body) => {
      const { closing, name, attrs, selfClosing } = parseTag(body);
      if (!DOCX_NAMES.has(name)) {
        return;
      }
      const opening = !closing;
      if (name === 'mc:Fallback' || name === 'w:delText' || name === 'w:instrText') {
        if (!selfClosing) {
          skip = Math.max(0, skip + (opening ? 1 : -1));
        }
        return;
      }
      if (skip > 0) {
        return;
      }
      if (name === 'w:t') {
        inText = opening && !selfClosing;
      } else if (name === 'w:p' && (!opening || selfClosing)) {
        add('\n');
      } else if (name === 'w:tab' && opening) {
        add('\t');
      } else if ((name === 'w:br' || name === 'w:cr') && opening) {
        if (attrs.includes('w:type="page"')) {
          pages.push(text);
          text = '';
        } else {
          add('\n');
        }
      } else if (name === 'w:lastRenderedPageBreak' && text.trim() !== '') {
        pages.push(text);
        text = '';
      }
    },
  });
  pages.push(text);
  return { pages: pages.map(trimNewlines), truncated };
}

/** The pages of a DOCX's body text with the default limits (see `readDocx`). */
export function docxPages(bytes: Uint8Array): string[] {
  return readDocx(bytes).pages;
}

/** The length of `buf` without a UTF-8 sequence cut off at its end (a file read only in part). */
function completeUtf8Length(buf: Uint8Array): number {
  for (let back = 1; back <= Math.min(4, buf.length); back += 1) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) {
      continue; // a continuation byte: its lead is further back
    }
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

/**
 * Bytes of a text file as a string: UTF-8 (a BOM dropped), UTF-16 with a BOM, else Windows-1252 —
 * the 8-bit code page that legacy TCVN3/VNI files are read in before their conversion. `partial`: the
 * bytes are the head of a longer file, so a character cut in two at the end is dropped.
 */
export function decodeTextBytes(bytes: Uint8Array, partial = false): string {
  let buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  if (partial) {
    buf = buf.subarray(0, utf16 ? buf.length - (buf.length % 2) : completeUtf8Length(buf));
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(buf.subarray(2));
  }
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(buf.subarray(2));
  }
  if (isUtf8(buf)) {
    return buf.toString('utf8').replace(/^\uFEFF/, '');
  }
  return new TextDecoder('windows-1252').decode(buf);
}

/** The character data of an XML document, one line per run of text between tags (one linear pass). */
export function xmlText(xml: string): string {
  const lines: string[] = [];
  let run = '';
  const flush = () => {
    const line = run.replace(/\s+/g, ' ').trim();
    if (line !== '') {
      lines.push(line);
    }
    run = '';
  };
  scanXml(xml, {
    onText: (raw) => {
      run += decodeXmlEntities(raw);
    },
    onCdata: (raw) => {
      run += raw;
    },
    onSpecial: () => {
      run += ' ';
    },
    onTag: flush,
  });
  flush();
  return lines.join('\n');
}

/** Trailing blanks of each line and blank lines at the ends removed; the -layout columns kept. */
export function tidyText(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd());
  // The blank lines at the ends dropped by index (a `\n+$` regular expression is quadratic).
  let first = 0;
  let end = lines.length;
  while (first < end && lines[first] === '') {
    first += 1;
  }
  while (end > first && lines[end - 1] === '') {
    end -= 1;
  }
  return lines.slice(first, end).join('\n');
}

/** The first `n` UTF-16 units of `s`, not splitting a surrogate pair. */
export function cutText(s: string, n: number): string {
  const code = s.charCodeAt(n - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/** The head of a file: at most `max` bytes, and whether there was more. */
export async function readFileHead(file: string, max: number): Promise<{ bytes: Buffer; partial: boolean }> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buf = Buffer.alloc(Math.min(size, max) + 1);
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) {
        break;
      }
      got += bytesRead;
    }
    return { bytes: buf.subarray(0, Math.min(got, max)), partial: got > max };
  } finally {
    await handle.close();
  }
}
