import { foldVietnamese } from './fold.ts';

/**
 * Search tokens (docs search-at-scale): the folded syllables of a text and the bigrams of adjacent
 * syllables ("dang_vien"), so a multi-syllable Vietnamese word is one short posting-list lookup and no
 * positional phrase check is needed. Applied to the index and to the query alike.
 */
export function syllables(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter((s) => s.length > 0);
}

/** Every syllable and every adjacent-syllable bigram of each text, deduplicated. Texts never join. */
export function indexTokens(...texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    if (!t) {
      continue;
    }
    const s = syllables(t);
    for (let i = 0; i < s.length; i += 1) {
      out.add(s[i]!);
      if (i + 1 < s.length) {
        out.add(`${s[i]}_${s[i + 1]}`);
      }
    }
  }
  return [...out];
}

/**
 * The tokens a query must all match: a single syllable stands alone; longer queries become the chain
 * of their bigrams ("ke hoach dang vien" → ke_hoach, hoach_dang, dang_vien), which covers every
 * syllable in order. Capped at 12 tokens.
 */
export function queryTokens(q: string): string[] {
  const s = syllables(q).slice(0, 13);
  if (s.length <= 1) {
    return s;
  }
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i += 1) {
    out.push(`${s[i]}_${s[i + 1]}`);
  }
  return [...new Set(out)];
}

/** A notation-shaped query ("12-CV/TU", "30/2020/NĐ-CP", "45/QĐ") goes to the notation index instead. */
export const looksLikeNotation = (q: string): boolean => /^\s*(số\s*)?\d+\s*[-/]\s*\S/iu.test(q);

/** The notation key stored and looked up: folded, no spaces ("12-cv/tu", "30/2020/nd-cp"). */
export const notationKey = (notation: string): string =>
  foldVietnamese(notation.replace(/^\s*số\s*[:.]?\s*/iu, '')).replace(/\s+/g, '');
