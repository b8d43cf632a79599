import type { Secrecy, Urgency } from '@vanphong/contracts';
import { clamp, none, type Context, type Field } from './capture.models.ts';
import { bare, capsRatio, editDistance } from './capture.text.ts';
import { AUTHORITY_PREFIX, SECRECY_MARKS, SIGNER_TITLES, URGENCY_MARKS } from './capture.vocabulary.ts';

/** The readers of the urgency and secrecy marks and of the signer (confidence model: capture.fields.ts). */

interface Mark {
  printed: string;
  value: Secrecy | Urgency;
  kind: 'secrecy' | 'urgency';
  /** A word needed the one-letter tolerance ("ruyệt Mật" for "TUYỆT MẬT", a box edge read as a letter). */
  fuzzy: boolean;
}

const MARKS = [
  ...SECRECY_MARKS.map((m) => ({ ...m, kind: 'secrecy' as const, words: m.folded.split(' ') })),
  ...URGENCY_MARKS.map((m) => ({ ...m, kind: 'urgency' as const, words: m.folded.split(' ') })),
].sort((a, b) => b.words.length - a.words.length);

/** Words of four letters or more may differ by one letter (OCR of a boxed stamp), shorter ones not. */
const sameWord = (read: string, known: string) =>
  read === known || (known.length >= 4 && editDistance(read, known) <= 1);

/** The marks a segment consists of ("MẬT", "| KHẨN |", "TỐI MẬT HỎA TỐC"), or null if it has other words. */
function marksOf(text: string): Mark[] | null {
  const words = bare(text).split(' ').filter(Boolean);
  // Box edges and specks read as one-letter words around the mark.
  while (words.length > 0 && words[0]!.length === 1) {
    words.shift();
  }
  while (words.length > 0 && words[words.length - 1]!.length === 1) {
    words.pop();
  }
  const found: Mark[] = [];
  for (let i = 0; i < words.length;) {
    const hit = MARKS.find((m) =>
      m.words.every((w, k) => i + k < words.length && sameWord(words[i + k]!, w)),
    );
    if (!hit) {
      return null;
    }
    const fuzzy = hit.words.some((w, k) => words[i + k] !== w);
    found.push({ printed: hit.printed, value: hit.value, kind: hit.kind, fuzzy });
    i += hit.words.length;
  }
  return found.length ? found : null;
}
export const isMark = (text: string) => capsRatio(text) >= 0.3 && marksOf(text) !== null;

export function readMarks(
  cx: Context,
  lastHeaderLine: number,
): { urgency: Field<Urgency>; secrecy: Field<Secrecy> } {
  const from = Math.max(0, (cx.numberLine ?? 0) - 1);
  const to = Math.min(cx.page.lines.length, Math.max(lastHeaderLine, (cx.numberLine ?? 0) + 3) + 6);
  let urgency: Field<Urgency> = { value: 'normal', confidence: clamp(0.8 * cx.quality), source: null };
  let secrecy: Field<Secrecy> = { value: 'none', confidence: clamp(0.8 * cx.quality), source: null };
  for (const line of cx.page.lines.slice(from, to)) {
    for (const seg of line.segments) {
      // A segment that is nothing but marks: printed in capitals, OCR of a boxed stamp may mix the case.
      for (const mark of marksOf(seg.text) ?? []) {
        const exact = seg.text.includes(mark.printed);
        const field = {
          confidence: clamp((exact ? 0.95 : mark.fuzzy ? 0.7 : 0.85) * cx.quality),
          source: seg.text,
        };
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
        return {
          value: name.text,
          confidence: clamp((name.whole ? 0.9 : 0.75) * cx.quality),
          source: seg.text,
        };
      }
    }
  }
  return none();
}
