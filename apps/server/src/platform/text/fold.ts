/**
 * Vietnamese folding for search and sorting keys: lower case, tones and marks removed, đ→d, NFC.
 * "đ" has no decomposition in Unicode, so engines' own accent folding misses it — we do it ourselves
 * and apply the same function to the index and to the query.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Vietnamese alphabetical order (a ă â b c d đ e ê …), for short reference lists sorted in memory. */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });
