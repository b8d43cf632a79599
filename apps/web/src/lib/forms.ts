/** Only the fields whose value changed (for PATCH bodies). */
export function changedFields<T extends object>(initial: Partial<T>, values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    if (JSON.stringify(initial[key] ?? null) !== JSON.stringify(values[key] ?? null)) {
      out[key] = values[key];
    }
  }
  return out;
}

/** '' or whitespace → null; other strings trimmed. */
export const blankToNull = (v: string | null | undefined): string | null => {
  const s = (v ?? '').trim();
  return s === '' ? null : s;
};

/** Trims a string, '' stays ''. */
export const trimmed = (v: string | null | undefined): string => (v ?? '').trim();

/** Folds Vietnamese for local filtering of short lists already on screen ("Hòa" matches "hoa"). */
export const foldText = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
