import type { ParsedNotation } from '@vanphong/contracts';
import { clamp, none, type Context, type Field } from './capture.models.ts';
import { bare, capsRatio, collapse, editDistance, fold1, hasMarks, type Segment } from './capture.text.ts';
import { isMark } from './capture.marks.ts';
import { HEADINGS, startsBody, typeOfCode } from './capture.vocabulary.ts';

/** The readers of the header's bodies and of the type and trích yếu (confidence model: capture.fields.ts). */

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
      const isTitle = cx.vocab.typeNames.some((t) => t.folded === bare(text));
      const numberLike =
        /^s[o0-9]?\s*[:;.,]?\s*$/.test(fold1(text.split(/[-/]/)[0] ?? '')) || /[/]/.test(text);
      if (
        capsRatio(text) >= 0.7 &&
        bare(text).replace(/ /g, '').length >= 2 &&
        !/\d/.test(text) &&
        !numberLike &&
        !isTitle &&
        !isMark(text)
      ) {
        out.push({ ...seg, text });
      }
    }
  }
  return out;
}

/**
 * Header lines without what OCR adds around them: marks and single letters (specks, the "*"), and
 * trailing words a caps line cannot end with (lower case, or two letters the vocabulary does not know).
 */
function withoutSpecks(cx: Context, text: string): string {
  const words = collapse(text)
    .split(' ')
    .filter((w) => bare(w).replace(/ /g, '').length >= 2 || /^\p{Lu}$/u.test(w.replace(/[^\p{L}]/gu, '')));
  const unknown = (w: string) => cx.vocab.restorer.restore(w).known === 0;
  while (words.length > 1) {
    const last = words[words.length - 1]!;
    if (/\p{Ll}/u.test(last) || (bare(last).length <= 2 && unknown(last))) {
      words.pop();
    } else {
      break;
    }
  }
  return words.join(' ').replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

export function readBodies(cx: Context): { superiorBody: Field<string>; issuerName: Field<string> } {
  const lines = headerCapsLines(cx);
  if (lines.length === 0) {
    return { superiorBody: none(), issuerName: none() };
  }
  // A line starting with a body's first words opens a new body; any other continues the one above.
  const bodies: Segment[][] = [];
  for (const seg of lines) {
    // Restored first: OCR runs words together ("SỞTÀI CHÍNH") and the body's first words go unseen.
    if (bodies.length === 0 || startsBody(cx.vocab.restorer.restore(seg.text).text)) {
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
    const read = withoutSpecks(cx, segs.map((x) => x.text).join(' '));
    const restored = cx.vocab.restorer.restore(read);
    // Tones put back or words split by the vocabulary, or words it does not know, lower the confidence.
    const unknown = 1 - restored.known / Math.max(1, restored.words);
    const penalty = (restored.text === read ? 0 : hasMarks(read) ? 0.03 : 0.05) + 0.2 * unknown;
    return {
      value: restored.text,
      confidence: clamp((s - penalty) * cx.quality),
      source: segs.map((x) => x.text).join(' / '),
    };
  };
  return { superiorBody: superior ? field(superior, strength) : none(), issuerName: field(issuer, strength) };
}

// --- type and trích yếu ----------------------------------------------------------------------------

/** "V/v" and OCR's "V/V", "VA", "V4", "V⁄", "Vív": V, at most two marks or v-like letters, then the lower-case text. */
const VV = /^V\s*(?:[^\s\p{L}\p{N}]{1,2}|[lIi1íìj4])?\s*[vVyYAwW4]?\s*[:.]?\s+(?=\p{Ll})/u;
const VE_VIEC = /^ve viec\s+/;
const SEPARATOR = /^[-_=–—.·*\s]{3,}$/u;
const isKinhGui = (s: Segment) => /^k[a-z]nh\s*g[a-z]i/.test(s.folded);
/** "Hồng Lam, ngày 05 tháng …": a DOCX's cells come one after the other, the date line after the V/v. */
const isDateLine = (s: Segment) => /,\s*ng[a-z]{1,2}[\s:.,]*[0-9oqdli|!]{1,2}[\s:.,]*th/.test(s.folded);

export function readTypeAndSummary(
  cx: Context,
  parsed: ParsedNotation | null,
): { documentTypeName: Field<string>; summary: Field<string>; lastHeaderLine: number } {
  const from = (cx.numberLine ?? cx.dateLine ?? 0) + 1;
  const to = Math.min(cx.page.lines.length, from + 16);
  const codeType = typeOfCode(cx.vocab, parsed?.typeCode ?? null, parsed?.form ?? 'unknown');
  const stateLetter = parsed?.form === 'state' && parsed.typeCode !== null && !codeType;
  const title = findTitle(cx, from, to, codeType);
  // A công văn: "V/v …" under the number (before any type name: a State title's trích yếu may start "Về việc").
  for (const line of cx.page.lines.slice(from, Math.min(to, from + 4, title?.line ?? to))) {
    const seg = line.segments[0];
    const lead = seg ? seg.text.replace(/^[^\p{L}]+/u, '') : '';
    if (!seg || !(VV.test(lead) || VE_VIEC.test(bare(lead)))) {
      continue;
    }
    const first = tidyLine(lead.replace(VV, '').replace(/^v[eề] vi[eệ]c\s+/iu, ''));
    const { text, last } = continuation(cx, line.index, first, seg.col);
    const agrees = codeType === 'Công văn' || stateLetter || parsed?.typeCode === 'CV';
    const typeStrength = agrees ? 0.97 : codeType ? 0.6 : 0.9;
    return {
      documentTypeName: { value: 'Công văn', confidence: clamp(typeStrength * cx.quality), source: seg.text },
      summary: {
        value: text,
        confidence: clamp((seg.text.startsWith('V/v') ? 0.9 : 0.82) * cx.quality),
        source: text,
      },
      lastHeaderLine: last,
    };
  }
  // Other types: the type's name in capitals on its own line, the trích yếu under it.
  if (title) {
    const { seg, type } = title;
    const exact = seg.text === type.name.toLocaleUpperCase('vi');
    const base = title.fuzzy ? 0.7 : exact ? 0.95 : 0.88;
    const agrees = codeType === null ? null : bare(codeType) === type.folded;
    const typeStrength = base + (agrees === true ? 0.04 : agrees === false ? -0.2 : 0);
    const next = cx.page.lines.slice(title.line + 1, title.line + 4).find((l) => l.segments.length > 0);
    const summary = next ? titledSummary(cx, next.index) : null;
    return {
      documentTypeName: { value: type.name, confidence: clamp(typeStrength * cx.quality), source: seg.text },
      summary: summary
        ? { value: summary.text, confidence: clamp(0.88 * cx.quality), source: summary.text }
        : none(),
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

/** The words of a segment in capitals (OCR specks around a title dropped: "sn - KẾT LUẬN" → "KẾT LUẬN"). */
const capitalsOf = (text: string) =>
  text
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w) && capsRatio(w, 1) === 1)
    .join(' ');

interface Title {
  line: number;
  seg: Segment;
  type: { folded: string; name: string };
  /** Read within a few letters ("HƯỚNG BẦ:" for "HƯỚNG DẪN"). */
  fuzzy: boolean;
}

/**
 * The type's name in capitals, alone on its line ("THÔNG BÁO", OCR's "THONG BAO"); failing that, a
 * short capitals line within 30 % of a type's letters, the notation's type first.
 */
function findTitle(cx: Context, from: number, to: number, codeType: string | null): Title | null {
  const lines = cx.page.lines.slice(from, to);
  for (const line of lines) {
    for (const seg of line.segments) {
      const b = bare(capitalsOf(seg.text));
      const type = cx.vocab.typeNames.find((t) => t.folded === b);
      if (type && capsRatio(seg.text) >= 0.6) {
        return { line: line.index, seg, type, fuzzy: false };
      }
    }
  }
  const preferred = [...cx.vocab.typeNames].sort(
    (a, b) => Number(b.name === codeType) - Number(a.name === codeType),
  );
  for (const line of lines) {
    const seg = line.segments.length === 1 ? line.segments[0]! : null;
    const b = seg ? bare(seg.text) : '';
    if (!seg || capsRatio(seg.text) < 0.7 || b.length < 4 || b.length > 25) {
      continue;
    }
    const type = preferred.find(
      (t) => editDistance(b, t.folded) <= Math.max(1, Math.floor(t.folded.length * 0.3)),
    );
    if (type) {
      return { line: line.index, seg, type, fuzzy: true };
    }
  }
  return null;
}

/** A line of trích yếu without the specks OCR adds at its ends ("_", ":", a stray letter). */
const tidyLine = (text: string) =>
  collapse(text)
    // OCR without columns may join the "Kính gửi:" line to the last line of the trích yếu.
    .replace(/\s*K[ií]nh\s*g[uửữ]i\s*:.*$/iu, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/(?:\s+(?:\p{Ll}|[^\p{L}\p{N}\s]+))+$/u, '')
    .replace(/[\s_|~`'"]+$/u, '');

/** The "V/v" text and its wrapped lines under it, in the left column, up to "Kính gửi" or a mark. */
function continuation(
  cx: Context,
  start: number,
  first: string,
  col: number,
): { text: string; last: number } {
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
    const text = tidyLine(seg.text);
    // OCR leaves blank lines inside the block: after one, a capital continues only an unfinished line.
    if (
      !text ||
      isKinhGui(seg) ||
      isDateLine(seg) ||
      isMark(seg.text) ||
      seg.col > Math.max(col + 20, cx.page.width * 0.45) ||
      text.length > 60 ||
      (blanks > 0 && !/^\p{Ll}/u.test(text) && (/[.:;]$/.test(prev) || text.length > 45)) ||
      (/[.:]$/.test(prev) && /^\p{Lu}/u.test(text))
    ) {
      break;
    }
    parts.push(text);
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
    const text = tidyLine(line.segments.map((s) => s.text).join(' '));
    if (!text) {
      if (parts.length > 0) {
        break;
      }
      continue;
    }
    if (SEPARATOR.test(text) || isKinhGui(line.segments[0]!) || isDateLine(line.segments[0]!)) {
      break;
    }
    // Under the name the trích yếu wraps mid-sentence (next line in lower case); the body starts with
    // a capital, a long justified line or a heading ("I. MỤC ĐÍCH", "1. …").
    // A capital continues the name only after a line that wrapped (long, no final stop) and is not
    // itself as long as a justified body line.
    // No trích yếu under the name (OCR lost it): the body's first line is not one. A Party trích yếu
    // starts in lower case (36-HD/VPTW: "về …", "kết luận …"), a State one may start "Về việc".
    const bodyLike = cx.layout === 'party' ? /^\p{Lu}/u.test(text) : text.length > 68;
    if (parts.length === 0 && (/^([IVX]+|\d+)[.)]\s/.test(text) || (bodyLike && !/^Về\s/u.test(text)))) {
      break;
    }
    const prev = parts[parts.length - 1];
    const prevWrapped = prev !== undefined && prev.length >= 50 && !/[.:;]$/.test(prev);
    if (
      prev !== undefined &&
      (/^([IVX]+|\d+)[.)]\s/.test(text) || (/^\p{Lu}/u.test(text) && !(prevWrapped && text.length <= 68)))
    ) {
      break;
    }
    parts.push(text);
    last = line.index;
  }
  return parts.length ? { text: collapse(parts.join(' ')), last } : null;
}
