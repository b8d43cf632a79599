import type { Kysely } from 'kysely';
import type { Clearance } from '@vanphong/contracts';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from './auth.models.ts';

type Db = Kysely<Database>;

export async function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function rolesOfUser(db: Db, userId: number): Promise<{ codes: string[]; permissions: Set<string> }> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select(['roles.code', 'roles.permissions'])
    .where('user_roles.user_id', '=', userId)
    .orderBy('roles.code')
    .execute();
  const permissions = new Set<string>();
  for (const r of rows) {
    for (const p of JSON.parse(r.permissions) as string[]) {
      permissions.add(p);
    }
  }
  return { codes: rows.map((r) => r.code), permissions };
}

export async function findSessionWithUser(db: Db, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.second_factor',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.revoked_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.clearance',
      'users.scope_committee_id',
      'users.scope_agency_id',
      'users.disabled',
      'users.totp_enabled',
      'users.must_change_password',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}
export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSessionWithUser>>>;

export async function actorFromSessionRow(db: Db, row: SessionRow): Promise<Actor> {
  const roles = await rolesOfUser(db, row.user_id);
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    roles: roles.codes,
    permissions: roles.permissions,
    clearance: row.clearance as Clearance,
    scopeCommitteeId: row.scope_committee_id,
    scopeAgencyId: row.scope_agency_id,
    sessionId: row.session_id,
  };
}

export async function insertSession(
  db: Db,
  s: { id: string; userId: number; csrfToken: string; secondFactor: string; at: string; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      second_factor: s.secondFactor,
      created_at: s.at,
      last_seen_at: s.at,
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
      revoked_at: null,
    })
    .execute();
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function revokeSessionsOfUser(db: Db, userId: number, at: string): Promise<number> {
  const r = await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function recentFailures(db: Db, key: string, since: string): Promise<string[]> {
  const rows = await db.selectFrom('login_failures').select('at').where('key', '=', key).where('at', '>', since).execute();
  return rows.map((r) => r.at);
}

export async function addFailure(db: Db, key: string, at: string): Promise<number> {
  const r = await db.insertInto('login_failures').values({ key, at }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteFailures(db: Db, ids: number[]): Promise<void> {
  if (ids.length > 0) {
    await db.deleteFrom('login_failures').where('id', 'in', ids).execute();
  }
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}
