import { parseNotation, type CapturedFields, type ParsedNotation } from '@vanphong/contracts';
import { readBodies, readTypeAndSummary } from './capture.header.ts';
import { readMarks, readSigner } from './capture.marks.ts';
import { bare, collapse, editDistance, fold1, ocrDigits, toPage, type Segment } from './capture.text.ts';
import {
  codeKey,
  PARTY_HEADING,
  STATE_HEADING,
  STATE_MOTTO,
  vocabularyOf,
  type CaptureHints,
  type Vocabulary,
} from './capture.vocabulary.ts';
import { clamp, none, type Context, type Field, type Layout } from './capture.models.ts';

/**
 * Reads the fields of a Vietnamese administrative first page (spec §1–§2): Party layout (36-HD/VPTW:
 * superior body, issuing body, "*", "Số 12-CV/TU" on the left; "ĐẢNG CỘNG SẢN VIỆT NAM" and the date
 * line on the right) and State layout (ND30: bodies, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập -
 * Tự do - Hạnh phúc", "Số: 45/QĐ-UBND"). Pure: text in, fields out; the use case matches the directory.
 *
 * Confidence of a field = strength of the cue × quality of the text, adjusted by agreement:
 * - strength: the exact printed pattern scores ~0.95; each OCR repair it needed (a digit read as a
 *   letter, "Sô" for "Số", tones restored from the vocabulary, a missing comma) takes 0.05–0.1 off; a
 *   fallback cue (a notation without "Số", a type read only from the notation's code) scores 0.5–0.7;
 * - quality: 1 for a text layer, 0.9 for OCR (`ocr: true`); names of bodies lose up to 0.2 more for
 *   words the vocabulary (directory, header phrases) does not know — OCR noise or an unknown body;
 * - agreement: the notation's type code and the printed type name, or the notation's year and the date,
 *   confirming each other add up to 0.05; contradicting each other take 0.2 off the weaker one.
 * An absent urgency or secrecy mark reads as "normal" / "none" with the page's quality × 0.8.
 */

export type { Field, Layout } from './capture.models.ts';

export interface ParsedFirstPage {
  layout: Layout | null;
  fields: CapturedFields;
  /** The notation as parsed (codes for the directory match), when one was read. */
  notation: ParsedNotation | null;
}

export interface ReadOptions {
  hints?: CaptureHints;
  /** The text comes from OCR: lowers the quality factor. */
  ocr?: boolean;
}

export function readFirstPage(text: string, options: ReadOptions = {}): ParsedFirstPage {
  const page = toPage(text);
  const vocab = vocabularyOf(options.hints);
  const cx: Context = {
    page,
    vocab,
    quality: options.ocr ? 0.9 : 1,
    layout: null,
    numberLine: null,
    numberSegment: null,
    numberEnd: 0,
    dateLine: null,
  };
  readHeading(cx);
  const notation = readNotation(cx);
  const date = readDate(cx);
  const bodies = readBodies(cx);
  const typed = readTypeAndSummary(cx, notation.parsed);
  const marks = readMarks(cx, typed.lastHeaderLine);
  const signer = readSigner(cx);
  agree(date.documentDate, notation.parsed);
  const fields: CapturedFields = {
    superiorBody: bodies.superiorBody,
    issuerName: bodies.issuerName,
    issuerId: none(),
    notation: notation.field,
    number: notation.number,
    place: date.place,
    documentDate: date.documentDate,
    documentTypeName: typed.documentTypeName,
    documentTypeId: none(),
    summary: typed.summary,
    urgency: marks.urgency,
    secrecy: marks.secrecy,
    signer,
  };
  return { layout: cx.layout, fields, notation: notation.parsed };
}

function readHeading(cx: Context): void {
  for (const line of cx.page.lines.slice(0, 12)) {
    const folded = line.segments.map((s) => s.folded).join('   ');
    if (PARTY_HEADING.test(folded)) {
      cx.layout ??= 'party';
    } else if (STATE_HEADING.test(folded) || STATE_MOTTO.test(folded)) {
      cx.layout ??= 'state';
    }
  }
}

// --- number and notation ---------------------------------------------------------------------------

/** "Số", "Số:", and OCR's "Sô", "S6", "So." at the start of a segment (or after a stray mark). */
const NUMBER_PREFIX = /(?<=^|[^a-z0-9])[s§$][a-z0-9]?\s*[:;.,]?\s*/g;
const NUMBER_HEAD = /^([0-9OoQDlI|i!SsBZ]{1,6})([-/].*)$/;

interface NotationRead {
  field: Field<string>;
  number: Field<number>;
  parsed: ParsedNotation | null;
}

function readNotation(cx: Context): NotationRead {
  const limit = Math.min(cx.page.lines.length, 25);
  let best: Candidate | null = null;
  for (const line of cx.page.lines.slice(0, limit)) {
    for (const seg of line.segments) {
      for (const m of seg.folded.matchAll(NUMBER_PREFIX)) {
        if (m.index > 8) {
          break;
        }
        const prefix = seg.text.slice(m.index, m.index + m[0].length).trim();
        const tried = notationAt(cx.vocab, seg.text.slice(m.index + m[0].length));
        if (!tried) {
          continue;
        }
        const exactPrefix = /^Số\s*:?$/u.test(prefix);
        const strength = 0.97 - (exactPrefix ? 0 : 0.05) - 0.07 * tried.fixes;
        if (!best || strength > best.strength) {
          best = { parsed: tried.parsed, strength, source: seg, end: m.index + m[0].length + tried.length };
        }
      }
    }
    if (best) {
      break;
    }
  }
  best ??= withoutPrefix(cx, limit);
  if (!best) {
    return { field: none(), number: none(), parsed: null };
  }
  cx.numberLine = best.source.line;
  cx.numberSegment = best.source;
  cx.numberEnd = best.end;
  const confidence = clamp(best.strength * cx.quality);
  const source = best.source.text;
  return {
    field: { value: best.parsed.normalized, confidence, source },
    number: best.parsed.number === null ? none() : { value: best.parsed.number, confidence, source },
    parsed: best.parsed,
  };
}

type Candidate = { parsed: ParsedNotation; strength: number; source: Segment; end: number };

/**
 * No "Số" read ("§ð 67-NQ/HU"): a notation among the first words of a header segment, with a code the
 * vocabulary knows (a body's "Quy định số 693-QĐ/VPTW" is further down and deeper in its line).
 */
function withoutPrefix(cx: Context, limit: number): Candidate | null {
  for (const line of cx.page.lines.slice(0, Math.min(limit, 10))) {
    for (const seg of line.segments) {
      for (const [i, word] of seg.text.split(/\s+/).slice(0, 3).entries()) {
        const at = seg.text.indexOf(word) + (/^[^0-9OolI|]*/.exec(word)?.[0].length ?? 0);
        const tried = notationAt(cx.vocab, seg.text.slice(at));
        const code = tried?.parsed.typeCode ?? tried?.parsed.issuerCode;
        if (tried && code && cx.vocab.codes.has(codeKey(code))) {
          return {
            parsed: tried.parsed,
            strength: 0.6 - 0.05 * i - 0.07 * tried.fixes,
            source: seg,
            end: at + tried.length,
          };
        }
      }
    }
  }
  return null;
}

/**
 * The notation at the start of `rest`: spaces around separators removed, the number's misread digits
 * and the codes' lost "Đ" repaired, then checked by the project's own notation parser.
 */
export function notationAt(
  vocab: Vocabulary,
  rest: string,
): { parsed: ParsedNotation; fixes: number; length: number; whole: boolean } | null {
  const compact = rest.replace(/\s*([-/])\s*/g, '$1');
  const whole = /^\S+/.exec(compact.trimStart())?.[0] ?? '';
  // A stray dash OCR read between the number and the date line joins them ("29/BC-CP-Hà", "175-KL/BTCTW_-.."):
  // the longest prefix ending at a separator that parses wins, specks at its end dropped.
  for (let token = trimJunk(whole); token; token = trimJunk(token.replace(/[-/][^-/]*$/, ''))) {
    const found = notationToken(vocab, rest, token);
    if (found) {
      return found;
    }
    if (!/[-/]/.test(token)) {
      break;
    }
  }
  return null;
}

function notationToken(
  vocab: Vocabulary,
  rest: string,
  token: string,
): { parsed: ParsedNotation; fixes: number; length: number; whole: boolean } | null {
  const head = splitHead(token);
  if (!head) {
    return null;
  }
  const digits = ocrDigits(head.number);
  if (!/^\d+$/.test(digits.value)) {
    return null;
  }
  let fixes = digits.fixes + head.fixes;
  const tail = head.tail.replace(/[^-/]+/g, (code) => {
    const repaired = repairCode(vocab, code);
    fixes += repaired === code ? 0 : 1;
    return repaired;
  });
  const parsed = parseNotation(`${digits.value}${tail}`);
  if (parsed.form === 'unknown') {
    return null;
  }
  // Length in the original text: the token plus the spaces the compaction removed around separators.
  const spaced = new RegExp(
    `^\\s*${[...token]
      .map((c) => `${escapeRe(c)}${/[-/]/.test(c) ? '\\s*' : ''}`)
      .join('')
      .replace(/([-/])/g, '\\s*$1')}`,
    'u',
  );
  const length = spaced.exec(rest)?.[0].length ?? token.length;
  return { parsed, fixes, length, whole: collapse(rest.slice(length)) === '' };
}

const trimJunk = (token: string) => token.replace(/[^\p{L}\p{N}]+$/u, '');

/**
 * The number and the rest ("-CV/TU", "/QĐ-UBND") of a token; "153KH-CAT", whose separator after the
 * number OCR lost, reads as State form when a dash follows the code, else Party (one repair).
 */
function splitHead(token: string): { number: string; tail: string; fixes: number } | null {
  const m = NUMBER_HEAD.exec(token);
  if (m) {
    return { number: m[1]!, tail: m[2]!, fixes: 0 };
  }
  const lost = /^(\d{1,6})([A-ZĐ][\p{L}\d]*)([-/].*)$/u.exec(token);
  if (!lost) {
    return null;
  }
  return { number: lost[1]!, tail: `${lost[3]!.startsWith('-') ? '/' : '-'}${lost[2]}${lost[3]}`, fixes: 1 };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Letters OCR takes for one another in capitals and digits (read → printed). */
const CONFUSABLE: Record<string, string> = {
  I: 'T1L',
  T: 'I',
  L: 'I',
  '1': 'IT',
  O: '0Q',
  '0': 'O',
  Q: 'O',
  U: 'V',
  V: 'U',
  S: '5',
  '5': 'S',
  B: '8',
  '8': 'B',
  G: 'C',
  C: 'G',
  E: 'F',
  F: 'E',
};

/**
 * A code read without its "Đ" or in the wrong case ("QD" → "QĐ", "HDND" → "HĐND"), with a stray
 * stroke after it ("CT1/" for "CT/"), or with one letter misread ("BTCIW" → "BTCTW"), when exactly one
 * known code fits. Codes of three letters or more only for a misread letter: "TB" and "TT" both exist.
 */
function repairCode(vocab: Vocabulary, code: string): string {
  const known = vocab.codes.get(codeKey(code));
  if (known) {
    return known.has(code) || known.size > 1 ? code : [...known][0]!;
  }
  const trimmed = code.replace(/[1lI|]+$/, '');
  if (trimmed && trimmed !== code && vocab.codes.has(codeKey(trimmed))) {
    return repairCode(vocab, trimmed);
  }
  // A letter read twice ("QĐĐ", "HĐĐĐND": OCR sees "Đ" and its look-alike both).
  const single = code.replace(/(\p{L})\1+/gu, '$1');
  if (single !== code && vocab.codes.has(codeKey(single))) {
    return repairCode(vocab, single);
  }
  const key = codeKey(code);
  if (key.length < 3) {
    return code;
  }
  const near = [...vocab.codes.entries()].filter(
    ([k]) =>
      k.length === key.length &&
      [...k].filter((c, i) => c !== key[i] && !(CONFUSABLE[key[i]!] ?? '').includes(c)).length === 0 &&
      k !== key,
  );
  return near.length === 1 && near[0]![1].size === 1 ? [...near[0]![1]][0]! : code;
}

// --- place and date --------------------------------------------------------------------------------

const D = '[0-9oqdli|!]';
const SEP = '[\\s:.,]*';
const DATE = new RegExp(
  `([,.;:]{0,2})\\s*ng[a-z]{1,2}${SEP}(${D}{1,2})${SEP}th[a-z]{2,4}${SEP}(${D}{1,2})${SEP}n[a-z]{1,3}${SEP}(${D}{4})`,
  'g',
);
const EXACT_DATE = /ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})/u;

interface DateRead {
  place: Field<string>;
  documentDate: Field<string>;
}

function readDate(cx: Context): DateRead {
  // OCR without columns may print the date line after a long "V/v" block.
  const limit = Math.min(cx.page.lines.length, (cx.numberLine ?? 12) + 14);
  let best: { iso: string; strength: number; seg: Segment; place: string; placeStrength: number } | null =
    null;
  for (const line of cx.page.lines.slice(0, limit)) {
    for (const seg of withWrappedYear(cx, line.segments)) {
      for (const m of seg.folded.matchAll(DATE)) {
        const parts = [m[2]!, m[3]!, m[4]!].map(ocrDigits);
        const [day, month, year] = parts.map((p) => Number(p.value));
        const iso = isoOf(year!, month!, day!);
        if (!iso) {
          continue;
        }
        const fixes = parts.reduce((n, p) => n + p.fixes, 0);
        const comma = m[1]!.includes(',');
        const nearNumber = cx.numberLine !== null && Math.abs(line.index - cx.numberLine) <= 2;
        if (!comma && !nearNumber) {
          continue;
        }
        const printed = seg.text.slice(m.index + m[1]!.length).trim();
        const exact = EXACT_DATE.exec(printed);
        // 36-HD/VPTW and ND30: days two digits, months 1–2 padded, 3–12 not.
        const paddingOk =
          parts[0]!.value.length === 2 && parts[1]!.value === (month! <= 2 ? `0${month}` : String(month));
        const strength = (exact ? 0.97 : 0.92) - 0.07 * fixes - (comma ? 0 : 0.05) - (paddingOk ? 0 : 0.03);
        const place = placeBefore(cx, seg, m.index);
        if (!best || strength > best.strength) {
          best = { iso, strength, seg, ...place };
        }
      }
    }
  }
  if (!best) {
    return { place: placeWithoutDate(cx), documentDate: none() };
  }
  cx.dateLine = best.seg.line;
  return {
    documentDate: { value: best.iso, confidence: clamp(best.strength * cx.quality), source: best.seg.text },
    place: best.place
      ? { value: best.place, confidence: clamp(best.placeStrength * cx.quality), source: best.seg.text }
      : none(),
  };
}

/** The place of a date line whose date OCR garbled ("Hà Nội, ngày Ù+ tháng 4 …"): weaker, on the number's line or next. */
function placeWithoutDate(cx: Context): Field<string> {
  if (cx.numberLine === null) {
    return none();
  }
  for (const line of cx.page.lines.slice(cx.numberLine, cx.numberLine + 3)) {
    for (const seg of line.segments) {
      const m = /,\s*ng[a-z]{1,2}\b/.exec(seg.folded);
      const place = m ? placeBefore(cx, seg, m.index) : null;
      if (place?.place) {
        return {
          value: place.place,
          confidence: clamp(place.placeStrength * 0.7 * cx.quality),
          source: seg.text,
        };
      }
    }
  }
  return none();
}

/** A date line whose year wrapped to the next line ("…, ngày 26 tháng 02 năm" / "2025") is read joined. */
function withWrappedYear(cx: Context, segments: Segment[]): Segment[] {
  return segments.map((seg) => {
    if (!/\bn[a-z]{1,3}\s*$/.test(seg.folded) || !/ng[a-z]{1,2}\s*\S{1,2}\s*th/.test(seg.folded)) {
      return seg;
    }
    const year = cx.page.lines
      .slice(seg.line + 1, seg.line + 3)
      .flatMap((l) => l.segments)
      .find((s) => /^[^a-z0-9]*[0-9oqdli|!]{4}[^a-z0-9]*$/.test(s.folded));
    if (!year) {
      return seg;
    }
    const text = `${seg.text} ${year.text}`;
    return { ...seg, text, folded: fold1(text) };
  });
}

const sameSegment = (a: Segment | null, b: Segment) => a !== null && a.line === b.line && a.col === b.col;

/** The place is what precedes ", ngày" in the date segment, after a notation OCR may have joined to it. */
function placeBefore(cx: Context, seg: Segment, at: number): { place: string; placeStrength: number } {
  const start = sameSegment(cx.numberSegment, seg) && cx.numberEnd <= at ? cx.numberEnd : 0;
  const raw = collapse(
    seg.text
      .slice(start, at)
      .replace(/[,.;:\s]+$/, '')
      .replace(/^[^\p{Lu}\p{Ll}]+/u, ''),
  );
  if (!raw || raw.length > 40 || /\d/.test(raw)) {
    return { place: '', placeStrength: 0 };
  }
  const known = cx.vocab.places.find((p) => bare(p) === bare(raw));
  if (known) {
    return { place: known, placeStrength: known === raw ? 0.95 : 0.88 };
  }
  // A place OCR misread ("tờ lam" for "Hồng Lam"): the known place within 40 % of its letters.
  const near = cx.vocab.places
    .map((p) => ({ p, d: editDistance(bare(p), bare(raw)) / Math.max(3, bare(p).length) }))
    .filter((x) => x.d <= 0.4)
    .sort((a, b) => a.d - b.d);
  if (near.length > 0 && (near.length === 1 || near[0]!.d < near[1]!.d)) {
    return { place: near[0]!.p, placeStrength: 0.7 };
  }
  const restored = cx.vocab.restorer.restore(raw);
  const title = restored.known === restored.words ? titleCase(restored.text) : raw;
  return { place: title, placeStrength: title === raw ? 0.85 : 0.75 };
}

const titleCase = (s: string) =>
  s
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1945 || year > 2100 || month < 1 || month > 12 || day < 1) {
    return null;
  }
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) {
    return null;
  }
  return d.toISOString().slice(0, 10);
}

/** A State notation with a year ("30/2020/NĐ-CP") and the date line confirm or contradict each other. */
function agree(date: Field<string>, parsed: ParsedNotation | null): void {
  if (!date.value || !parsed?.year) {
    return;
  }
  date.confidence = clamp(
    Number(date.value.slice(0, 4)) === parsed.year ? date.confidence + 0.03 : date.confidence - 0.2,
  );
}
