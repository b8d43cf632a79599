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
