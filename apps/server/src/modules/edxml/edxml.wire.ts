/**
 * Wire-level helpers shared by the document and status packets: text normalisation, the date and
 * instant formats of the packet, and the conversions between them and the server's own formats.
 */

/** NFC, CRLF → LF (what an XML parser does to line ends anyway), trimmed. */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasInvalidXmlChars(s: string): boolean {
  return INVALID_XML_CHARS.test(s);
}

/** Characters as a clerk counts them (code points of the NFC form). */
export function charCount(s: string): number {
  return [...s].length;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) {
    return false;
  }
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A server date (YYYY-MM-DD) that names a real day. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m != null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** YYYY-MM-DD → dd/MM/yyyy (spec §10). */
export function isoDateToWire(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A packet date → YYYY-MM-DD, or null. dd/MM/yyyy is the format of spec §10; yyyy/MM/dd and
 * yyyy-MM-dd are accepted too because SDKs in use write them, and a trailing time is ignored.
 */
export function wireDateToIso(s: string): string | null {
  const t = s.trim();
  let y: number;
  let mo: number;
  let d: number;
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T][\d:.]+)?$/.exec(t);
  const ymd = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (dmy) {
    [d, mo, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  } else if (ymd) {
    [y, mo, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  } else {
    return null;
  }
  return isRealDate(y, mo, d) ? `${y}-${pad2(mo)}-${pad2(d)}` : null;
}

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VN_OFFSET_MS = 7 * 3600 * 1000;

function vnWall(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const t = new Date(ms + VN_OFFSET_MS);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds() };
}

function canonicalInstant(ms: number): string {
  const w = vnWall(ms);
  return `${w.y}-${pad2(w.mo)}-${pad2(w.d)}T${pad2(w.h)}:${pad2(w.mi)}:${pad2(w.s)}+07:00`;
}

function wallToMs(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || s > 59) {
    return null;
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) - VN_OFFSET_MS;
}

/**
 * Any instant the packet or the server may hold → "YYYY-MM-DDTHH:mm:ss+07:00", or null.
 * Accepts ISO 8601 with an offset or Z, and the packet forms "dd/MM/yyyy HH:mm:ss" and
 * "yyyy/MM/dd HH:mm:ss" (Vietnam wall time); fractions of a second are dropped.
 */
export function toCanonicalInstant(s: string): string | null {
  const t = s.trim();
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (dmy) {
    const ms = wallToMs(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]), Number(dmy[4] ?? 0), Number(dmy[5] ?? 0), Number(dmy[6] ?? 0));
    return ms == null ? null : canonicalInstant(ms);
  }
  const ymd = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!ymd) {
    return null;
  }
  const ms = wallToMs(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), Number(ymd[4] ?? 0), Number(ymd[5] ?? 0), Number(ymd[6] ?? 0));
  if (ms == null) {
    return null;
  }
  const zone = ymd[7];
  if (zone == null) {
    return canonicalInstant(ms);
  }
  const offsetMs = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) * 60_000;
  return canonicalInstant(ms + VN_OFFSET_MS - offsetMs);
}

/** An instant → "dd/MM/yyyy HH:mm:ss", Vietnam wall time. The caller has checked it parses. */
export function instantToWire(s: string): string {
  const w = vnWall(Date.parse(toCanonicalInstant(s)!));
  return `${pad2(w.d)}/${pad2(w.mo)}/${w.y} ${pad2(w.h)}:${pad2(w.mi)}:${pad2(w.s)}`;
}

/** Strict base64 (RFC 4648 alphabet, padded); whitespace such as line wrapping is removed first. */
export function decodeBase64Strict(s: string): Buffer | null {
  const t = s.replace(/\s+/g, '');
  if (t.length === 0 || t.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(t)) {
    return null;
  }
  return Buffer.from(t, 'base64');
}

/** "type/subtype" as in RFC 2045, parameters allowed. */
export function isMediaType(s: string): boolean {
  return /^[A-Za-z0-9][\w.+-]*\/[A-Za-z0-9][\w.+-]*(\s*;.*)?$/.test(s);
}
