import { syllables } from '../../platform/text/tokens.ts';

/**
 * Scoring and snippets, in the application over a bounded set of candidates (docs search-at-scale:
 * ranking every match in the engine costs 0.9–2.4 s at a million documents; re-ranking the newest
 * visible matches costs milliseconds).
 */

/** Lower case and NFC, keeping the marks: the "exact diacritics" form. */
const exactForm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Folds one UTF-16 unit at a time (lower case, marks removed, đ→d), so that an offset in the folded text
 * is the same offset in the original — the highlights can then be cut from the original text. A unit
 * whose folding is not one unit long (rare outside Vietnamese) is kept lower-cased as it is.
 */
const foldedUnits = new Map<string, string>();

/** One unit folded; memoised (a few hundred distinct letters), since re-ranking folds every character it reads. */
function foldUnit(ch: string): string {
  let f = foldedUnits.get(ch);
  if (f === undefined) {
    const x = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    f = x.length === 1 ? x : ch;
    if (foldedUnits.size < 10_000) {
      foldedUnits.set(ch, f);
    }
  }
  return f;
}

export function foldAligned(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    out += ch.length === 1 ? foldUnit(ch) : ch;
  }
  return out;
}

/** Whether `text` holds the query: the whole phrase, or every syllable as a word of its own. */
export function holdsQuery(text: string, q: QueryForms): boolean {
  if (q.syllables.length === 0) {
    return false;
  }
  const words = wordsOnly(foldAligned(text)).text;
  return occurrences(words, q.folded).length > 0 || q.syllables.every((s) => occurrences(words, s).length > 0);
}

const isWordChar = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);

/** Whole-word occurrences of `needle` (folded, single spaces) in folded `hay`: [start, length]. */
function occurrences(hay: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (needle.length === 0) {
    return out;
  }
  let from = 0;
  for (;;) {
    const at = hay.indexOf(needle, from);
    if (at < 0) {
      return out;
    }
    if (!isWordChar(hay[at - 1]) && !isWordChar(hay[at + needle.length])) {
      out.push([at, needle.length]);
    }
    from = at + 1;
  }
}

export interface QueryForms {
  exact: string;
  folded: string;
  syllables: string[];
}

export function queryForms(q: string): QueryForms {
  const s = syllables(q);
  return { exact: exactForm(q), folded: s.join(' '), syllables: s };
}

/** Folded text with runs of non-word characters made single spaces, and the map back to offsets. */
function wordsOnly(folded: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  let space = false;
  for (let i = 0; i < folded.length; i += 1) {
    const c = folded[i]!;
    if (isWordChar(c)) {
      text += c;
      at.push(i);
      space = false;
    } else if (!space && text.length > 0) {
      text += ' ';
      at.push(i);
      space = true;
    }
  }
  return { text, at };
}

/**
 * The spans of `text` to highlight: every occurrence of the whole phrase, else of each syllable, as
 * whole words, ignoring diacritics and punctuation between words.
 */
export function highlightSpans(text: string, q: QueryForms): [number, number][] {
  if (q.syllables.length === 0) {
    return [];
  }
  const { text: words, at } = wordsOnly(foldAligned(text));
  const toOriginal = ([s, n]: [number, number]): [number, number] => [at[s]!, at[s + n - 1]! - at[s]! + 1];
  const phrase = occurrences(words, q.folded);
  if (phrase.length > 0) {
    return phrase.map(toOriginal);
  }
  const spans = q.syllables.flatMap((s) => occurrences(words, s)).map(toOriginal);
  return spans.sort((a, b) => a[0] - b[0]).filter((s, i, all) => i === 0 || s[0] >= all[i - 1]![0] + all[i - 1]![1]);
}

/**
 * The score of one candidate's own fields (title first): the exact phrase with its diacritics, then the
 * phrase ignoring them, then every syllable present; a match only in the text of its files scores 0.
 * Ties keep date order (the caller's stable sort).
 */
export function scoreFields(title: string, others: (string | null)[], q: QueryForms): number {
  if (q.syllables.length === 0) {
    return 0;
  }
  const exactTitle = exactForm(title);
  const foldedTitle = wordsOnly(foldAligned(title)).text;
  let score = 0;
  if (q.exact.length > 0 && exactTitle.includes(q.exact)) {
    score += 8;
  }
  if (occurrences(foldedTitle, q.folded).length > 0) {
    score += 4;
  } else if (q.syllables.every((s) => occurrences(foldedTitle, s).length > 0)) {
    score += 2;
  }
  for (const o of others) {
    if (!o) {
      continue;
    }
    if (exactForm(o).includes(q.exact)) {
      score += 1.5;
    } else if (occurrences(wordsOnly(foldAligned(o)).text, q.folded).length > 0) {
      score += 1;
    }
  }
  return score;
}

const SNIPPET = 220;

/**
 * A window of `text` around its first highlighted span (whole words, "…" where cut), and the spans
 * inside it, relative to the window.
 */
export function snippetOf(text: string, q: QueryForms, max = SNIPPET): { snippet: string; highlights: [number, number][] } | null {
  const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const spans = highlightSpans(clean, q);
  if (spans.length === 0) {
    return null;
  }
  if (clean.length <= max) {
    return { snippet: clean, highlights: spans };
  }
  let start = Math.max(0, spans[0]![0] - Math.floor(max / 3));
  if (start > 0) {
    const space = clean.indexOf(' ', start);
    start = space >= 0 && space < spans[0]![0] ? space + 1 : start;
  }
  let end = Math.min(clean.length, start + max);
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end);
    end = space > start ? space : end;
  }
  const prefix = start > 0 ? '…' : '';
  const snippet = `${prefix}${clean.slice(start, end)}${end < clean.length ? '…' : ''}`;
  const highlights = spans
    .filter(([s, n]) => s >= start && s + n <= end)
    .map(([s, n]): [number, number] => [s - start + prefix.length, n]);
  return { snippet, highlights };
}
