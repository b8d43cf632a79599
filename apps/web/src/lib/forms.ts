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

/**
 * Saves a form: creates the record, or sends only the fields that changed (nothing when nothing did).
 * One place for the create-or-patch rule the admin forms share.
 */
export async function saveRecord<T extends object>({
  id,
  initial,
  values,
  create,
  update,
}: {
  id: number | undefined;
  initial: Partial<T>;
  values: T;
  create: (values: T) => Promise<unknown>;
  update: (args: { id: number; patch: Partial<T> }) => Promise<unknown>;
}): Promise<void> {
  if (id === undefined) {
    await create(values);
    return;
  }
  const patch = changedFields(initial, values);
  if (Object.keys(patch).length > 0) {
    await update({ id, patch });
  }
}
