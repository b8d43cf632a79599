import type { ParsedNotation, Secrecy, Urgency } from '@vanphong/contracts';
import { clamp, HEADINGS, none, type Context, type Field } from './capture.fields.ts';
import { bare, capsRatio, collapse, fold1, hasMarks, type Segment } from './capture.text.ts';
import {
  AUTHORITY_PREFIX,
  SECRECY_MARKS,
  SIGNER_TITLES,
  startsBody,
  typeOfCode,
  URGENCY_MARKS,
} from './capture.vocabulary.ts';

/**
 * The readers of the header's bodies, the type and trích yếu, the urgency and secrecy marks and the
 * signer (see capture.fields.ts for the confidence model).
 */

/** Caps text of the left header column above the number, heading and date cut out. */
function headerCapsLines(cx: Context): Segment[] {
  const end = cx.numberLine ?? cx.dateLine ?? Math.min(cx.page.lines.length, 8);
  const out: Segment[] = [];
  for (const line of cx.page.lines.slice(0, end)) {
    for (const seg of line.segments) {
      let text = seg.text;
      for (const re of HEADINGS) {
        const m = re.exec(fold1(text));
        if (m) {
          text = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;
        }
      }
      text = collapse(text.replace(/[*_=~]+/g, ' '));
      const numberLike = /^s[o0-9]?\s*[:;.,]?\s*$/.test(fold1(text.split(/[-/]/)[0] ?? '')) || /[/]/.test(text);
      if (capsRatio(text) >= 0.7 && bare(text).replace(/ /g, '').length >= 2 && !/\d/.test(text) && !numberLike) {
        out.push({ ...seg, text });
      }
    }
  }
  return out;
}

export function readBodies(cx: Context): { superiorBody: Field<string>; issuerName: Field<string> } {
  const lines = headerCapsLines(cx);
  if (lines.length === 0) {
    return { superiorBody: none(), issuerName: none() };
  }
  // A line starting with a body's first words opens a new body; any other continues the one above.
  const bodies: Segment[][] = [];
  for (const seg of lines) {
    if (bodies.length === 0 || startsBody(seg.folded)) {
      bodies.push([seg]);
    } else {
      bodies[bodies.length - 1]!.push(seg);
    }
  }
  let superior: Segment[] | null = null;
  let issuer: Segment[];
  let strength: number;
  if (bodies.length >= 2) {
    superior = bodies[bodies.length - 2]!;
    issuer = bodies[bodies.length - 1]!;
    strength = 0.92;
  } else if (cx.layout === 'party' && lines.length >= 2) {
    // 36-HD/VPTW always prints the superior body first: the first line is it.
    superior = [lines[0]!];
    issuer = lines.slice(1);
    strength = 0.75;
  } else {
    issuer = bodies[0]!;
    strength = 0.85;
  }
  const field = (segs: Segment[], s: number): Field<string> => {
    const read = collapse(segs.map((x) => x.text).join(' ').replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
    const restored = cx.vocab.restorer.restore(read);
    // Tones put back or words split by the vocabulary, or words it does not know, lower the confidence.
    const unknown = 1 - restored.known / Math.max(1, restored.words);
    const penalty = (restored.text === read ? 0 : hasMarks(read) ? 0.03 : 0.05) + 0.2 * unknown;
    return { value: restored.text, confidence: clamp((s - penalty) * cx.quality), source: segs.map((x) => x.text).join(' / ') };
  };
  return { superiorBody: superior ? field(superior, strength) : none(), issuerName: field(issuer, strength) };
}

// --- type and trích yếu ----------------------------------------------------------------------------

const VV = /^V\s*(?:[^\s\p{L}\p{N}]|[lIi1íìj])?\s*[vVyYAwW]\s*[:.]?\s+(?=\S)/u;
const VE_VIEC = /^ve viec\s+/;
const SEPARATOR = /^[-_=–—.·*\s]{3,}$/u;
const isKinhGui = (s: Segment) => /^k[a-z]nh\s*g[a-z]i/.test(s.folded);

export function readTypeAndSummary(
  cx: Context,
  parsed: ParsedNotation | null,
): { documentTypeName: Field<string>; summary: Field<string>; lastHeaderLine: number } {
  const from = (cx.numberLine ?? cx.dateLine ?? 0) + 1;
  const to = Math.min(cx.page.lines.length, from + 16);
  const codeType = typeOfCode(cx.vocab, parsed?.typeCode ?? null, parsed?.form ?? 'unknown');
  const stateLetter = parsed?.form === 'state' && parsed.typeCode !== null && !codeType;
  const title = findTitle(cx, from, to);
  // A công văn: "V/v …" under the number (before any type name: a State title's trích yếu may start "Về việc").
  for (const line of cx.page.lines.slice(from, Math.min(to, from + 4, title?.line ?? to))) {
    const seg = line.segments[0];
    if (!seg || !(VV.test(seg.text) || VE_VIEC.test(seg.folded))) {
      continue;
    }
    const first = seg.text.replace(VV, '').replace(/^v[eề] vi[eệ]c\s+/iu, '');
    const { text, last } = continuation(cx, line.index, first, seg.col);
    const agrees = codeType === 'Công văn' || stateLetter || parsed?.typeCode === 'CV';
    const typeStrength = agrees ? 0.97 : codeType ? 0.6 : 0.9;
    return {
      documentTypeName: { value: 'Công văn', confidence: clamp(typeStrength * cx.quality), source: seg.text },
      summary: { value: text, confidence: clamp((seg.text.startsWith('V/v') ? 0.9 : 0.82) * cx.quality), source: text },
      lastHeaderLine: last,
    };
  }
  // Other types: the type's name in capitals on its own line, the trích yếu under it.
  if (title) {
    const { seg, type } = title;
    const exact = seg.text === type.name.toLocaleUpperCase('vi');
    const agrees = codeType === null ? null : bare(codeType) === type.folded;
    const typeStrength = (exact ? 0.95 : 0.88) + (agrees === true ? 0.04 : agrees === false ? -0.2 : 0);
    const next = cx.page.lines.slice(title.line + 1, title.line + 4).find((l) => l.segments.length > 0);
    const summary = next ? titledSummary(cx, next.index) : null;
    return {
      documentTypeName: { value: type.name, confidence: clamp(typeStrength * cx.quality), source: seg.text },
      summary: summary ? { value: summary.text, confidence: clamp(0.88 * cx.quality), source: summary.text } : none(),
      lastHeaderLine: title.line,
    };
  }
  if (codeType) {
    return {
      documentTypeName: { value: codeType, confidence: clamp(0.65 * cx.quality), source: parsed!.normalized },
      summary: none(),
      lastHeaderLine: Math.min(to, from + 4),
    };
  }
  return { documentTypeName: none(), summary: none(), lastHeaderLine: Math.min(to, from + 4) };
}

/** The type's name in capitals, alone on its line ("THÔNG BÁO", OCR's "THONG BAO"). */
function findTitle(cx: Context, from: number, to: number): { line: number; seg: Segment; type: { folded: string; name: string } } | null {
  for (const line of cx.page.lines.slice(from, to)) {
    for (const seg of line.segments) {
      const b = bare(seg.text);
      const type = cx.vocab.typeNames.find((t) => t.folded === b);
      if (type && capsRatio(seg.text) >= 0.8) {
        return { line: line.index, seg, type };
      }
    }
  }
  return null;
}

/** The "V/v" text and its wrapped lines under it, in the left column, up to "Kính gửi" or a mark. */
function continuation(cx: Context, start: number, first: string, col: number): { text: string; last: number } {
  const parts = [first];
  let last = start;
  let blanks = 0;
  for (const line of cx.page.lines.slice(start + 1, start + 6)) {
    const seg = line.segments[0];
    if (!seg) {
      blanks += 1;
      if (blanks > 1) {
        break;
      }
      continue;
    }
    const prev = parts[parts.length - 1]!;
    if (
      isKinhGui(seg) ||
      isMark(seg.text) ||
      seg.col > Math.max(col + 20, cx.page.width * 0.45) ||
      seg.text.length > 60 ||
      (blanks > 0 && !/^\p{Ll}/u.test(seg.text)) ||
      (/[.:]$/.test(prev) && /^\p{Lu}/u.test(seg.text))
    ) {
      break;
    }
    parts.push(seg.text);
    last = line.index;
    blanks = 0;
  }
  return { text: collapse(parts.join(' ')), last };
}

/** The trích yếu under a type name: lines up to the "-----" (Party) or the first blank line. */
function titledSummary(cx: Context, start: number): { text: string; last: number } | null {
  const parts: string[] = [];
  let last = start;
  for (const line of cx.page.lines.slice(start, start + 5)) {
    const text = collapse(line.segments.map((s) => s.text).join(' '));
    if (!text) {
      if (parts.length > 0) {
        break;
      }
      continue;
    }
    if (SEPARATOR.test(text) || isKinhGui(line.segments[0]!)) {
      break;
    }
    // Under the name the trích yếu wraps mid-sentence (next line in lower case); the body starts with
    // a capital, a long justified line or a heading ("I. MỤC ĐÍCH", "1. …").
    // A capital continues the name only after a line that wrapped (long, no final stop) and is not
    // itself as long as a justified body line.
    const prev = parts[parts.length - 1];
    const prevWrapped = prev !== undefined && prev.length >= 50 && !/[.:;]$/.test(prev);
    if (prev !== undefined && (/^([IVX]+|\d+)[.)]\s/.test(text) || (/^\p{Lu}/u.test(text) && !(prevWrapped && text.length <= 68)))) {
      break;
    }
    parts.push(text);
    last = line.index;
  }
  return parts.length ? { text: collapse(parts.join(' ')), last } : null;
}

// --- marks -----------------------------------------------------------------------------------------

/** The marks a segment consists of ("MẬT", "| KHẨN |", "TỐI MẬT HỎA TỐC"), or null if it has other words. */
function marksOf(text: string): { printed: string; value: Secrecy | Urgency; kind: 'secrecy' | 'urgency' }[] | null {
  let rest = ` ${bare(text).replace(/^(?:[li] )+|(?: [li])+$/g, '')} `;
  const found: { printed: string; value: Secrecy | Urgency; kind: 'secrecy' | 'urgency' }[] = [];
  while (rest.trim()) {
    const s = SECRECY_MARKS.find((m) => rest.startsWith(` ${m.folded} `));
    const u = URGENCY_MARKS.find((m) => rest.startsWith(` ${m.folded} `));
    const hit = s && (!u || s.folded.length >= u.folded.length) ? { ...s, kind: 'secrecy' as const } : u ? { ...u, kind: 'urgency' as const } : null;
    if (!hit) {
      return null;
    }
    found.push(hit);
    rest = rest.slice(hit.folded.length + 1);
  }
  return found.length ? found : null;
}
const isMark = (text: string) => capsRatio(text) >= 0.6 && marksOf(text) !== null;

export function readMarks(cx: Context, lastHeaderLine: number): { urgency: Field<Urgency>; secrecy: Field<Secrecy> } {
  const from = Math.max(0, (cx.numberLine ?? 0) - 1);
  const to = Math.min(cx.page.lines.length, Math.max(lastHeaderLine, (cx.numberLine ?? 0) + 3) + 6);
  let urgency: Field<Urgency> = { value: 'normal', confidence: clamp(0.8 * cx.quality), source: null };
  let secrecy: Field<Secrecy> = { value: 'none', confidence: clamp(0.8 * cx.quality), source: null };
  for (const line of cx.page.lines.slice(from, to)) {
    for (const seg of line.segments) {
      if (capsRatio(seg.text) < 0.6) {
        continue;
      }
      for (const mark of marksOf(seg.text) ?? []) {
        const exact = seg.text.includes(mark.printed);
        const field = { confidence: clamp((exact ? 0.95 : 0.85) * cx.quality), source: seg.text };
        if (mark.kind === 'secrecy' && secrecy.source === null) {
          secrecy = { value: mark.value as Secrecy, ...field };
        } else if (mark.kind === 'urgency' && urgency.source === null) {
          urgency = { value: mark.value as Urgency, ...field };
        }
      }
    }
  }
  return { urgency, secrecy };
}

// --- signer ----------------------------------------------------------------------------------------

const AUTHORITY = new RegExp(`(?:^|\\s|:)${AUTHORITY_PREFIX.source.slice(1)}`);
const NAME_WORD = /^\p{Lu}\p{Ll}*$/u;

/**
 * A person's name (2–5 capitalised words) making up the segment, or ending it after a recipient line
 * that OCR joined to it ("- Lưu Văn phòng. Phạm Đức Tuấn": three words or more then).
 */
function personAtEnd(text: string): { text: string; whole: boolean } | null {
  const words = text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').split(/\s+/);
  let k = words.length;
  while (k > 0 && NAME_WORD.test(words[k - 1]!) && words.length - k < 5) {
    k -= 1;
  }
  const name = words.slice(k);
  const whole = k === 0;
  if (name.length < 2 || (!whole && name.length < 3) || /^(Nơi|Lưu|Kính|Như)$/u.test(name[0]!)) {
    return null;
  }
  return { text: name.join(' '), whole };
}

/** The name under the signature block: after the authority and title lines, on the right. */
export function readSigner(cx: Context): Field<string> {
  const lines = cx.page.lines;
  const start = (cx.numberLine ?? 0) + 2;
  let anchor: number | null = null;
  for (const line of lines.slice(start)) {
    for (const seg of line.segments) {
      // OCR without columns joins "Nơi nhận:" or a recipient line to the authority and title lines.
      const authority = AUTHORITY.test(seg.folded);
      const words = seg.text.split(/\s+/);
      const title = SIGNER_TITLES.some((t) => {
        const n = t.split(' ').length;
        const tail = words.slice(-n).join(' ');
        return words.length >= n && bare(tail) === t && capsRatio(tail) >= 0.8;
      });
      if (authority || title) {
        anchor = line.index;
      }
    }
    if (anchor !== null && line.index > anchor + 1) {
      break;
    }
  }
  if (anchor === null) {
    return none();
  }
  for (const line of lines.slice(anchor + 1, anchor + 14)) {
    for (const seg of [...line.segments].reverse()) {
      const name = personAtEnd(seg.text);
      if (name) {
        return { value: name.text, confidence: clamp((name.whole ? 0.9 : 0.75) * cx.quality), source: seg.text };
      }
    }
  }
  return none();
}
