import { isUtf8 } from 'node:buffer';
import { unzipSync } from 'fflate';

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

const safeCodePoint = (n: number, fallback: string) =>
  Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;

const DOCX_TOKENS =
  /<(\/?)(w:p|w:t|w:tab|w:br|w:cr|w:lastRenderedPageBreak|mc:Fallback|w:delText|w:instrText)\b([^>]*?)(\/?)>|<[^>]*>|([^<]+)/g;

/**
 * The body text of a DOCX, one line per paragraph (table cells are paragraphs too), split into pages
 * where Word marked them: explicit page breaks and the page breaks Word recorded when it last laid the
 * document out. Throws when the file is not a DOCX (the caller reports it as unreadable).
 */
export function docxPages(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  const part = files['word/document.xml'];
  if (!part) {
    throw new Error('word/document.xml not found');
  }
  const xml = Buffer.from(part).toString('utf8');
  const pages: string[] = [];
  let text = '';
  let inText = false;
  /** Depth inside parts whose text must not be read twice or at all (fallbacks, deleted text, field codes). */
  let skip = 0;
  for (const m of xml.matchAll(DOCX_TOKENS)) {
    const [, closing, name, attrs, selfClosing, chars] = m;
    if (chars !== undefined) {
      if (inText && skip === 0) {
        text += decodeXmlEntities(chars);
      }
      continue;
    }
    if (name === undefined) {
      continue;
    }
    const opening = closing !== '/';
    if (name === 'mc:Fallback' || name === 'w:delText' || name === 'w:instrText') {
      if (selfClosing !== '/') {
        skip += opening ? 1 : -1;
      }
      continue;
    }
    if (skip > 0) {
      continue;
    }
    if (name === 'w:t') {
      inText = opening && selfClosing !== '/';
    } else if (name === 'w:p' && (!opening || selfClosing === '/')) {
      text += '\n';
    } else if (name === 'w:tab' && opening) {
      text += '\t';
    } else if ((name === 'w:br' || name === 'w:cr') && opening) {
      if (/w:type="page"/.test(attrs ?? '')) {
        pages.push(text);
        text = '';
      } else {
        text += '\n';
      }
    } else if (name === 'w:lastRenderedPageBreak' && text.trim() !== '') {
      pages.push(text);
      text = '';
    }
  }
  pages.push(text);
  return pages.map((p) => p.replace(/\n+$/, '').replace(/^\n+/, ''));
}

/**
 * Bytes of a text file as a string: UTF-8 (a BOM dropped), UTF-16 with a BOM, else Windows-1252 —
 * the 8-bit code page that legacy TCVN3/VNI files are read in before their conversion.
 */
export function decodeTextBytes(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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

/** The character data of an XML document, one line per run of text between tags. */
export function xmlText(xml: string): string {
  return xml
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[|\]\]>/g, (m) =>
      m === '<![CDATA[' || m === ']]>' ? '' : ' ',
    )
    .split(/<[^>]*>/)
    .map((t) => decodeXmlEntities(t).replace(/\s+/g, ' ').trim())
    .filter((t) => t !== '')
    .join('\n');
}
