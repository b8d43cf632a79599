import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { ErrorList } from './edxml.errors.ts';
import { EDXML_LIMITS, type EdxmlError } from './edxml.models.ts';
import { cleanText, toCanonicalInstant, wireDateToIso } from './edxml.wire.ts';

/**
 * Reading and writing the XML itself, safely: a size bound, no DOCTYPE or entity declarations
 * (fast-xml-parser resolves no external entities, but a packet from outside has no business
 * declaring any, and internal ones can still blow up), UTF-8 only, well-formedness checked before
 * parsing. Namespace prefixes are dropped on import, so "edXML:Subject", "Subject" and
 * "x:Subject" read alike.
 */

export type XmlNode = { [name: string]: XmlValue };
type XmlValue = string | XmlNode | XmlValue[];

const ROOT_ELEMENT = 'edXML';

const XML_NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Our own entity decoder: the five XML entities and numeric character references in one pass
 * (the library's default leaves "&#7871;" undecoded and caps expansions per document, which a long
 * Vietnamese body full of "&amp;" could reach). Declared entities are never added.
 */
const entityDecoder = {
  setExternalEntities: (): void => {},
  addInputEntities: (): void => {},
  reset: (): void => {},
  setXmlVersion: (): void => {},
  decode: (text: string): string =>
    text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
      if (ref.startsWith('#')) {
        const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        const ok = cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
        return ok ? String.fromCodePoint(cp) : whole;
      }
      return XML_NAMED[ref] ?? whole;
    }),
};

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  entityDecoder,
  // Base64 bodies are read raw, by a search for the closing tag: the parser's character-by-character
  // text reading takes ~13 s on a 40 MB attachment, this ~0.2 s.
  stopNodes: ['*.ContentTransferEncoded', '*.Value'],
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: false,
  processEntities: true,
});

function rootError(message: string): EdxmlError[] {
  return [{ element: ROOT_ELEMENT, message: `${ROOT_ELEMENT}: ${message}` }];
}

function countTags(text: string): number {
  let n = 0;
  for (let i = text.indexOf('<'); i !== -1 && n <= EDXML_LIMITS.maxTags; i = text.indexOf('<', i + 1)) {
    n++;
  }
  return n;
}

function decodeInput(input: string | Buffer): string | null {
  if (typeof input === 'string') {
    return input.replace(/^\uFEFF/, '');
  }
  if (input[0] === 0xff && input[1] === 0xfe) {
    return new TextDecoder('utf-16le', { fatal: true }).decode(input.subarray(2));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    return null;
  }
}

/**
 * The packet's root element parsed, or the refusal naming the root. `rootNames` lists the root
 * elements accepted (their local names).
 */
export function readXml(input: string | Buffer, rootNames: string[]): { ok: true; name: string; root: XmlNode } | { ok: false; errors: EdxmlError[] } {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
  if (size > EDXML_LIMITS.maxPackageBytes) {
    return { ok: false, errors: rootError(`gói tin ${size} byte, vượt giới hạn ${EDXML_LIMITS.maxPackageBytes} byte`) };
  }
  let text: string | null;
  try {
    text = decodeInput(input);
  } catch {
    text = null;
  }
  if (text == null) {
    return { ok: false, errors: rootError('không đọc được nội dung theo mã hóa UTF-8') };
  }
  if (/<!DOCTYPE/i.test(text)) {
    return { ok: false, errors: [{ element: '!DOCTYPE', message: '!DOCTYPE: gói tin không được chứa khai báo DOCTYPE' }] };
  }
  if (/<!ENTITY/i.test(text)) {
    return { ok: false, errors: [{ element: '!ENTITY', message: '!ENTITY: gói tin không được khai báo thực thể (ENTITY)' }] };
  }
  const tags = countTags(text);
  if (tags > EDXML_LIMITS.maxTags) {
    return { ok: false, errors: rootError(`gói tin có hơn ${EDXML_LIMITS.maxTags} thẻ XML, vượt giới hạn`) };
  }
  if (text.trim() === '') {
    return { ok: false, errors: rootError('gói tin rỗng, không phải XML') };
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const where = valid.err.line != null ? ` (dòng ${valid.err.line}${valid.err.col != null ? `, cột ${valid.err.col}` : ''})` : '';
    return { ok: false, errors: rootError(`không phải XML hợp lệ${where}: ${valid.err.msg}`) };
  }
  let parsed: XmlNode;
  try {
    parsed = parser.parse(text) as XmlNode;
  } catch (e) {
    const msg = (e as Error).message;
    return { ok: false, errors: rootError(/nested/i.test(msg) ? 'các phần tử lồng nhau quá sâu (tối đa 100 cấp)' : `không đọc được XML: ${msg}`) };
  }
  const names = Object.keys(parsed).filter((k) => k !== '#text' && !k.startsWith('?'));
  const name = names[0];
  if (names.length !== 1 || name == null) {
    return { ok: false, errors: rootError('phải có đúng một phần tử gốc') };
  }
  if (!rootNames.includes(name)) {
    return { ok: false, errors: rootError(`phần tử gốc phải là ${rootNames.join(' hoặc ')}, gặp <${name}>`) };
  }
  const root = parsed[name];
  return { ok: true, name, root: isNode(root) ? root : {} };
}

/** "a/b" + "c" → "a/b/c"; the root's children have no prefix. */
export function childPath(path: string, name: string): string {
  return path === '' ? name : `${path}/${name}`;
}

function isNode(v: XmlValue | undefined): v is XmlNode {
  return typeof v === 'object' && v != null && !Array.isArray(v);
}

/** Walks the parsed tree, converting text and collecting errors by element path (see ErrorList). */
export class ElementReader {
  private readonly list = new ErrorList();

  get errors(): EdxmlError[] {
    return this.list.errors;
  }

  report(path: string, message: string): void {
    this.list.add(path, message);
  }

  /** Merges errors found later (validation of the converted values) under the same rules. */
  reportAll(errors: EdxmlError[]): void {
    errors.forEach((e) => this.list.push(e));
  }

  /** The single child element with children; undefined when absent or empty. */
  node(parent: XmlNode | undefined, name: string, path: string, required = false): XmlNode | undefined {
    const v = parent?.[name];
    if (Array.isArray(v)) {
      this.report(childPath(path, name), 'chỉ được xuất hiện một lần');
      return undefined;
    }
    if (v == null || (typeof v === 'string' && v.trim() === '')) {
      if (required) {
        this.report(childPath(path, name), 'bắt buộc');
      }
      return undefined;
    }
    if (typeof v === 'string') {
      this.report(childPath(path, name), 'phải chứa các phần tử con, không phải văn bản');
      return undefined;
    }
    return v;
  }

  /** Every child element of that name that has children, in order (empty ones are skipped). */
  nodes(parent: XmlNode | undefined, name: string): XmlNode[] {
    const v = parent?.[name];
    const list = v == null ? [] : Array.isArray(v) ? v : [v];
    return list.filter(isNode);
  }

  /** The text of a single child element, cleaned (NFC, trimmed); undefined when absent or blank. */
  text(parent: XmlNode | undefined, name: string, path: string): string | undefined {
    const v = parent?.[name];
    if (Array.isArray(v)) {
      this.report(childPath(path, name), 'chỉ được xuất hiện một lần');
      return undefined;
    }
    const raw = textOf(v);
    if (raw === null) {
      this.report(childPath(path, name), 'phải là văn bản, không chứa phần tử con');
      return undefined;
    }
    const t = raw === undefined ? '' : cleanText(raw);
    return t === '' ? undefined : t;
  }

  /** The raw text of an element read as a stop node (base64): CDATA markers removed, not normalised. */
  raw(parent: XmlNode | undefined, name: string, path: string): string | undefined {
    const v = parent?.[name];
    if (Array.isArray(v)) {
      this.report(childPath(path, name), 'chỉ được xuất hiện một lần');
      return undefined;
    }
    const t = typeof v === 'string' ? v.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1').trim() : '';
    return t === '' ? undefined : t;
  }

  /** The texts of every child element of that name, blanks skipped. */
  texts(parent: XmlNode | undefined, name: string): string[] {
    const v = parent?.[name];
    const list = v == null ? [] : Array.isArray(v) ? v : [v];
    return list
      .map((x) => textOf(x))
      .filter((t): t is string => typeof t === 'string')
      .map(cleanText)
      .filter((t) => t !== '');
  }

  /** A whole number; NaN when absent (the validation reports it if required), reported when malformed. */
  int(parent: XmlNode | undefined, name: string, path: string): number {
    const t = this.text(parent, name, path);
    if (t === undefined) {
      return NaN;
    }
    if (!/^[+-]?\d+$/.test(t)) {
      this.report(childPath(path, name), `phải là số nguyên, gặp "${t}"`);
      return NaN;
    }
    return Number(t);
  }

  /** An optional whole number: undefined when absent. */
  optInt(parent: XmlNode | undefined, name: string, path: string): number | undefined {
    const n = this.int(parent, name, path);
    return Number.isNaN(n) ? undefined : n;
  }

  /** A packet date (dd/MM/yyyy) as YYYY-MM-DD; undefined when absent, reported when malformed. */
  date(parent: XmlNode | undefined, name: string, path: string): string | undefined {
    const t = this.text(parent, name, path);
    if (t === undefined) {
      return undefined;
    }
    const iso = wireDateToIso(t);
    if (iso == null) {
      this.report(childPath(path, name), `sai định dạng dd/MM/yyyy, gặp "${t}"`);
      return undefined;
    }
    return iso;
  }

  /** A packet instant (dd/MM/yyyy HH:mm:ss, Vietnam time) as ISO 8601; reported when malformed. */
  instant(parent: XmlNode | undefined, name: string, path: string): string | undefined {
    const t = this.text(parent, name, path);
    if (t === undefined) {
      return undefined;
    }
    const iso = toCanonicalInstant(t);
    if (iso == null) {
      this.report(childPath(path, name), `sai định dạng dd/MM/yyyy HH:mm:ss, gặp "${t}"`);
      return undefined;
    }
    return iso;
  }
}

/** Text of a leaf (an element with attributes only keeps its #text); null if it has child elements. */
function textOf(v: XmlValue | undefined): string | undefined | null {
  if (v == null || typeof v === 'string') {
    return v;
  }
  if (Array.isArray(v)) {
    return null;
  }
  const keys = Object.keys(v).filter((k) => k !== '#text');
  if (keys.length > 0) {
    return null;
  }
  const t = v['#text'];
  return typeof t === 'string' ? t : undefined;
}

/** The tree as UTF-8 XML with its declaration. */
export function writeXml(tree: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(tree) as string}`;
}

/** Drops undefined properties (so a parsed object deep-equals one written without them). */
export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) {
    if (o[k] === undefined) {
      delete o[k];
    }
  }
  return o;
}
