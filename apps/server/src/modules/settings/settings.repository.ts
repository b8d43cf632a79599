import { vietnameseCollator } from '../../platform/text/fold.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { DEFAULT_SETTINGS, SETTING_KEYS, type Settings } from './settings.models.ts';

const CACHE_MS = 5_000;
let cache: { at: number; db: object; value: Settings } | null = null;

/**
 * Settings with a short in-process cache: several processes may share one database, so a change made
 * in one is seen by the others within seconds (and at once in the process that made it).
 */
export async function getSettings(db: Kysely<Database>, { fresh = false } = {}): Promise<Settings> {
  if (!fresh && cache && cache.db === db && Date.now() - cache.at < CACHE_MS) {
    return cache.value;
  }
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const value: Settings = { ...DEFAULT_SETTINGS };
  for (const r of rows) {
    if ((SETTING_KEYS as string[]).includes(r.key)) {
      (value as unknown as Record<string, unknown>)[r.key] = JSON.parse(r.value);
    }
  }
  cache = { at: Date.now(), db, value };
  return value;
}

export function invalidateSettingsCache(): void {
  cache = null;
}

export async function writeSetting(
  db: Kysely<Database>,
  { key, value, at, by }: { key: string; value: unknown; at: string; by: number | null },
): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at, updated_by: by }))
    .execute();
  invalidateSettingsCache();
}

export interface DocumentTypeRow {
  id: number;
  name: string;
  abbreviation: string;
  family: string;
  active: number;
}

/**
 * The document-type table. `family` party/state also returns the types shared by both worlds
 * (a Party office registers incoming state documents too, spec §1).
 */
export async function listDocumentTypes(
  db: Kysely<Database>,
  {
    family,
    active,
    limit,
    offset,
  }: { family?: 'party' | 'state' | 'both'; active?: boolean; limit: number; offset: number },
): Promise<{ items: DocumentTypeRow[]; total: number }> {
  let base = db.selectFrom('document_types');
  if (family) {
    base = base.where('family', 'in', family === 'both' ? ['both'] : [family, 'both']);
  }
  if (active !== undefined) {
    base = base.where('active', '=', active ? 1 : 0);
  }
  // A reference table of a few dozen rows: sorted in memory in Vietnamese alphabetical order (Đ after D,
  // not after Z as a byte-wise ORDER BY would put it, on either engine), then paged.
  const FAMILY_ORDER: Record<string, number> = { party: 0, state: 1, both: 2 };
  const all = (await base.selectAll().execute()).sort(
    (a, b) => (FAMILY_ORDER[a.family] ?? 9) - (FAMILY_ORDER[b.family] ?? 9) || vietnameseCollator.compare(a.name, b.name) || a.id - b.id,
  );
  return { items: all.slice(offset, offset + limit), total: all.length };
}

export async function findDocumentType(db: Kysely<Database>, id: number): Promise<DocumentTypeRow | null> {
  return (await db.selectFrom('document_types').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The row holding (name, family) other than `exceptId` — the table's unique key. */
export async function findDocumentTypeByKey(
  db: Kysely<Database>,
  { name, family, exceptId }: { name: string; family: string; exceptId?: number },
): Promise<DocumentTypeRow | null> {
  let q = db.selectFrom('document_types').selectAll().where('name', '=', name).where('family', '=', family);
  if (exceptId !== undefined) {
    q = q.where('id', '!=', exceptId);
  }
  return (await q.executeTakeFirst()) ?? null;
}
