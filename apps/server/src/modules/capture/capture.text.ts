/**
 * The text model of a first page for the capture parser: lines cut into column segments, a folded view
 * of each segment that keeps every character at its index (so a match found in folded text can be cut
 * out of the printed text), OCR repairs, and the restoration of tones that OCR drops from capitals.
 *
 * Both `pdftotext -layout` and tesseract (with preserved spaces) print the two header columns on one
 * line, separated by a run of spaces; tesseract's automatic layout sometimes joins them with a single
 * space. Segments follow runs of three or more spaces; the field readers find the joined case by
 * content (the national heading, the date line and the notation are cut out by pattern).
 */

export interface Segment {
  /** As printed, trimmed. */
  text: string;
  /** `fold1(text)`: same length, lower case, tones and marks removed, đ → d. */
  folded: string;
  /** Column where the segment starts in its line (0 when OCR did not keep columns). */
  col: number;
  line: number;
}

export interface Line {
  index: number;
  raw: string;
  segments: Segment[];
}

export interface Page {
  lines: Line[];
  /** Width of the widest line: a segment starting past ~40 % of it sits in the right column. */
  width: number;
}

const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * Lower case without tones and marks, đ → d, **one output unit per input unit** (unlike
 * `foldVietnamese`, which also collapses spaces): indexes found in the folded text are valid in the
 * original. Input is NFC.
 */
export function fold1(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === 'đ' || ch === 'Đ') {
      out += 'd';
      continue;
    }
    const base = ch.normalize('NFD')[0] ?? ch;
    const lower = base.toLowerCase();
    out += lower.length === 1 ? lower : base;
  }
  return out;
}

/** Folds and removes everything but letters, digits and single spaces: for whole-segment comparisons. */
export const bare = (s: string): string =>
  fold1(s.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function toPage(text: string): Page {
  const rawLines = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .replace(/\t/g, '    ')
    .replace(DASHES, '-')
    // OCR reads "Đ" as the look-alike Icelandic eth (U+00D0 "Ð"), which Vietnamese never uses.
    .replace(/Ð/g, 'Đ')
    .replace(/ð/g, 'đ')
    .replace(/[\u00a0\u2000-\u200b]/g, ' ')
    .split('\n');
  const lines = rawLines.map((raw, index) => ({
    index,
    raw: raw.replace(/\s+$/, ''),
    segments: segmentsOf(raw, index),
  }));
  return { lines, width: Math.max(1, ...lines.map((l) => l.raw.length)) };
}

function segmentsOf(raw: string, line: number): Segment[] {
  const out: Segment[] = [];
  const re = /\S(?:.*?\S)?(?=\s{3,}|\s*$)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw)) !== null) {
    out.push({ text: m[0], folded: fold1(m[0]), col: m.index, line });
  }
  return out;
}

/** Share of the letters that are capitals (0 when there are fewer than `min` letters). */
export function capsRatio(s: string, min = 2): number {
  const letters = [...s].filter((c) => c.toLowerCase() !== c.toUpperCase());
  if (letters.length < min) {
    return 0;
  }
  return letters.filter((c) => c === c.toUpperCase()).length / letters.length;
}

/** True when the text carries Vietnamese tones or marks (or đ): OCR of capitals often drops them all. */
export const hasMarks = (s: string): boolean => fold1(s) !== s.toLowerCase();

/** Digits as OCR misreads them in numbers: O/o/Q/D → 0, l/I/|/i/! → 1, S/s → 5, B → 8, Z → 2. */
export function ocrDigits(s: string): { value: string; fixes: number } {
  let fixes = 0;
  const map: Record<string, string> = {
    O: '0',
    o: '0',
    Q: '0',
    D: '0',
    l: '1',
    I: '1',
    '|': '1',
    i: '1',
    '!': '1',
    S: '5',
    s: '5',
    B: '8',
    Z: '2',
  };
  const value = [...s]
    .map((c) => {
      if (/[0-9]/.test(c)) {
        return c;
      }
      fixes += 1;
      return map[c] ?? c;
    })
    .join('');
  return { value, fixes };
}

export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Restores tones in capitals read without them ("DANG BO TINH HONG LAM" → "ĐẢNG BỘ TỈNH HỒNG LAM") and
 * words OCR ran together ("TỈNHỦY" → "TỈNH ỦY") from known phrases: at each word, the known phrase
 * (any word-suffix of one) whose letters equal those of the most words read is taken, so "CO QUAN" and
 * "QUAN SU" each find their own "QUAN". Words with no known phrase stay as read.
 */
export class Restorer {
  private readonly byPrefix = new Map<string, string[][]>();

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) {
      const words = phrase
        .normalize('NFC')
        .toLocaleUpperCase('vi')
        .split(/\s+/)
        .filter((w) => squash(w) !== '');
      for (let i = 0; i < words.length; i++) {
        const key = squash(words[i]!).slice(0, 2);
        const list = this.byPrefix.get(key) ?? [];
        list.push(words.slice(i));
        this.byPrefix.set(key, list);
      }
    }
  }

  /** Returns the restored text and how many of the words read were found in the vocabulary. */
  restore(text: string): { text: string; known: number; words: number } {
    const words = collapse(text)
      .split(' ')
      .filter((w) => squash(w) !== '');
    const read = words.map(squash);
    const out: string[] = [];
    let known = 0;
    for (let i = 0; i < words.length;) {
      let best: { readCount: number; phrase: string[] } | null = null;
      for (const tail of this.byPrefix.get(read[i]!.slice(0, 2)) ?? []) {
        let target = '';
        for (let j = 0; j < tail.length; j++) {
          target += squash(tail[j]!);
          const readCount = wordsSpelling(read, i, target);
          if (
            readCount > 0 &&
            (!best ||
              readCount > best.readCount ||
              (readCount === best.readCount && j + 1 > best.phrase.length))
          ) {
            best = { readCount, phrase: tail.slice(0, j + 1) };
          }
        }
      }
      best ??= this.fuzzy(read, i);
      if (best) {
        const restored = best.phrase.join(' ');
        out.push(keepPunctuation(words[i]!, words[i + best.readCount - 1]!, restored));
        known += best.readCount;
        i += best.readCount;
      } else {
        out.push(words[i]!);
        i += 1;
      }
    }
    return { text: out.join(' '), known, words: words.length };
  }

  /**
   * Word for word, each word of four letters or more within one letter ("ĐẢẲNG BỘ" → "ĐẢNG BỘ"): at
   * least two words, one of them exact, so a lone misread word is never "corrected" into another.
   */
  private fuzzy(read: string[], i: number): { readCount: number; phrase: string[] } | null {
    let best: { readCount: number; phrase: string[] } | null = null;
    for (const tail of this.byPrefix.get(read[i]!.slice(0, 2)) ?? []) {
      let n = 0;
      let exact = 0;
      while (n < tail.length && i + n < read.length) {
        const [r, k] = [read[i + n]!, squash(tail[n]!)];
        if (r !== k && !(k.length >= 4 && r.length >= 4 && editDistance(r, k) <= 1)) {
          break;
        }
        exact += r === k ? 1 : 0;
        n += 1;
      }
      if (n >= 2 && exact >= 1 && (!best || n > best.readCount)) {
        best = { readCount: n, phrase: tail.slice(0, n) };
      }
    }
    return best;
  }
}

/** Letters and digits only, folded: "TỈNHỦY," → "tinhuy". */
const squash = (w: string) => bare(w).replace(/ /g, '');

/** How many words read from `i` spell exactly `target` (0 if none). */
function wordsSpelling(read: string[], i: number, target: string): number {
  let s = '';
  for (let k = i; k < read.length; k++) {
    s += read[k];
    if (s === target) {
      return k - i + 1;
    }
    if (s.length >= target.length || !target.startsWith(s)) {
      return 0;
    }
  }
  return 0;
}

/** Keeps the punctuation OCR read around the words ("LAM," stays "LAM," once restored). */
function keepPunctuation(first: string, last: string, known: string): string {
  const lead = /^[^\p{L}\p{N}]*/u.exec(first)?.[0] ?? '';
  const trail = /[^\p{L}\p{N}]*$/u.exec(last)?.[0] ?? '';
  return `${lead}${known.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')}${trail}`;
}

/** Levenshtein distance (short strings: names, codes, marks). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
