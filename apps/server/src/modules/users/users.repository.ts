import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';

type Db = Kysely<Database>;

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  person_id: number | null;
  clearance: string;
  scope_committee_id: number | null;
  scope_agency_id: number | null;
  disabled: number;
  totp_enabled: number;
  created_at: string;
  updated_at: string;
  roles: string[];
}

const USER_COLUMNS = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.person_id',
  'users.clearance',
  'users.scope_committee_id',
  'users.scope_agency_id',
  'users.disabled',
  'users.totp_enabled',
  'users.created_at',
  'users.updated_at',
] as const;

async function attachRoles(db: Db, rows: Omit<UserRow, 'roles'>[]): Promise<UserRow[]> {
  if (rows.length === 0) {
    return [];
  }
  const links = await db
    .selectFrom('user_roles')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select(['user_roles.user_id', 'roles.code'])
    .where(
      'user_roles.user_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('roles.code')
    .execute();
  return rows.map((r) => ({ ...r, roles: links.filter((l) => l.user_id === r.id).map((l) => l.code) }));
}

/** Lists accounts visible in a scope (`null` = all), with a diacritic-insensitive search over name and username. */
export async function listUsers(
  db: Db,
  { scopeIds, q, limit, offset }: { scopeIds: number[] | null; q?: string; limit: number; offset: number },
): Promise<{ items: UserRow[]; total: number }> {
  let base = db.selectFrom('users');
  if (scopeIds !== null) {
    base = base.where('users.scope_committee_id', 'in', scopeIds.length ? scopeIds : [-1]);
  }
  if (q) {
    const folded = `%${foldVietnamese(q)}%`;
    base = base
      .leftJoin('people', 'people.id', 'users.person_id')
      .where((eb) => eb.or([eb('users.username', 'like', folded), eb('people.full_name_folded', 'like', folded)]));
  }
  const [rows, count] = await Promise.all([
    base.select(USER_COLUMNS).orderBy('users.username').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await attachRoles(db, rows), total: Number(count.n) };
}

export async function findUser(db: Db, id: number): Promise<UserRow | null> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('users.id', '=', id).executeTakeFirst();
  return row ? ((await attachRoles(db, [row]))[0] ?? null) : null;
}

export async function roleIdsByCode(db: Db, codes: string[]): Promise<Map<string, number>> {
  const rows = await db.selectFrom('roles').select(['id', 'code']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function replaceRoles(db: Db, userId: number, roleIds: number[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  await db.insertInto('user_roles').values(roleIds.map((role_id) => ({ user_id: userId, role_id }))).execute();
}

/** role code → permissions, for the privilege rules and for abilities. */
export async function rolePermissionMap(db: Db): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('roles').select(['code', 'permissions']).execute();
  return new Map(rows.map((r) => [r.code, JSON.parse(r.permissions) as string[]]));
}

export const permissionsOfRoles = (map: Map<string, string[]>, codes: string[]): Set<string> =>
  new Set(codes.flatMap((c) => map.get(c) ?? []));
