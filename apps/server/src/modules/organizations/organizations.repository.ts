import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { syllables } from '../../platform/text/tokens.ts';
import type { Organization, OrganizationKind } from './organizations.models.ts';

type Db = Kysely<Database>;

interface OrganizationRow {
  id: number;
  name: string;
  name_folded: string;
  code: string;
  kind: string;
  active: number;
  created_at: string;
}

const toOrganization = (r: OrganizationRow): Organization => ({
  id: r.id,
  name: r.name,
  nameFolded: r.name_folded,
  code: r.code,
  kind: r.kind as OrganizationKind,
  active: r.active === 1,
  createdAt: r.created_at,
});

export async function findOrganization(db: Db, id: number): Promise<Organization | null> {
  const r = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toOrganization(r) : null;
}

export async function findOrganizationByNameKey(db: Db, nameFolded: string): Promise<Organization | null> {
  const r = await db.selectFrom('organizations').selectAll().where('name_folded', '=', nameFolded).executeTakeFirst();
  return r ? toOrganization(r) : null;
}

/**
 * The candidates for a query: rows whose folded name or code contains every query word somewhere
 * (a superset the models then narrow to word prefixes and rank). Query words are `[a-z0-9]+`
 * (`syllables`), so they carry no LIKE wildcard. Codes are folded in SQL for đ, the one non-ASCII letter
 * in Vietnamese abbreviations (HĐND, ĐU); the name is folded when written.
 */
export async function organizationCandidates(
  db: Db,
  { q, includeInactive }: { q: string | undefined; includeInactive: boolean },
): Promise<Organization[]> {
  let query = db.selectFrom('organizations').selectAll();
  if (!includeInactive) {
    query = query.where('active', '=', 1);
  }
  const codeFolded = sql<string>`lower(replace(replace(code, 'Đ', 'd'), 'đ', 'd'))`;
  for (const word of syllables(foldVietnamese(q ?? ''))) {
    query = query.where((eb) => eb.or([eb('name_folded', 'like', `%${word}%`), eb(codeFolded, 'like', `%${word}%`)]));
  }
  return (await query.execute()).map(toOrganization);
}

export async function insertOrganization(
  db: Db,
  o: { name: string; code: string; kind: OrganizationKind; active: boolean; at: string },
): Promise<number> {
  const r = await db
    .insertInto('organizations')
    .values({
      name: o.name,
      name_folded: foldVietnamese(o.name),
      code: o.code,
      kind: o.kind,
      active: o.active ? 1 : 0,
      created_at: o.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function writeOrganization(
  db: Db,
  id: number,
  o: { name: string; code: string; kind: OrganizationKind; active: boolean },
): Promise<void> {
  await db
    .updateTable('organizations')
    .set({ name: o.name, name_folded: foldVietnamese(o.name), code: o.code, kind: o.kind, active: o.active ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}
