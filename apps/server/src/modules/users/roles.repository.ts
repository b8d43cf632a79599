import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database>;

/** A role as the domain sees it: the permission list parsed, `builtin` a boolean. */
export interface Role {
  id: number;
  code: string;
  name: string;
  permissions: string[];
  builtin: boolean;
}

const toRole = (r: {
  id: number;
  code: string;
  name: string;
  permissions: string;
  builtin: number;
}): Role => ({
  id: r.id,
  code: r.code,
  name: r.name,
  permissions: JSON.parse(r.permissions) as string[],
  builtin: Boolean(r.builtin),
});

export async function listRoles(db: Db): Promise<Role[]> {
  const rows = await db.selectFrom('roles').selectAll().orderBy('builtin', 'desc').orderBy('id').execute();
  return rows.map(toRole);
}

export async function findRole(db: Db, id: number): Promise<Role | null> {
  const r = await db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRole(r) : null;
}

export async function findRoleByCode(db: Db, code: string): Promise<Role | null> {
  const r = await db.selectFrom('roles').selectAll().where('code', '=', code).executeTakeFirst();
  return r ? toRole(r) : null;
}

export async function insertRole(
  db: Db,
  r: { code: string; name: string; permissions: string[] },
): Promise<number> {
  const row = await db
    .insertInto('roles')
    .values({ code: r.code, name: r.name, permissions: JSON.stringify(r.permissions), builtin: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRoleRow(
  db: Db,
  id: number,
  r: { name: string; permissions: string[] },
): Promise<void> {
  await db
    .updateTable('roles')
    .set({ name: r.name, permissions: JSON.stringify(r.permissions) })
    .where('id', '=', id)
    .execute();
}
