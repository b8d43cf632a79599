import type { z } from 'zod';
import type { userInput, userPatch } from '@vanphong/contracts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import type { Actor } from '../auth/auth.models.ts';
import { hashPassword } from '../auth/auth.passwords.ts';
import { revokeSessionsOfUser } from '../auth/auth.repository.ts';
import { assertPasswordAcceptable } from '../auth/auth.usecases.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';
import { userErrors } from './users.errors.ts';
import { canViewUser } from './users.policies.ts';
import { findUser, replaceRoles, roleIdsByCode, type UserRow } from './users.repository.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

/** Who is acting: a logged-in actor (scope and permission apply) or the CLI operator (`actor: null`). */
export interface By {
  actor: Actor | null;
  audit: AuditContext;
}

const audited = (ctx: Ctx, trx: Trx, by: By) => ({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit });

async function assertReferences(trx: Trx, input: { personId?: number | null; scopeCommitteeId?: number | null; scopeAgencyId?: number | null }) {
  if (input.personId) {
    const p = await trx.selectFrom('people').select('id').where('id', '=', input.personId).executeTakeFirst();
    if (!p) {
      throw userErrors.unknownReference('personId');
    }
  }
  if (input.scopeCommitteeId) {
    const c = await trx.selectFrom('committees').select('id').where('id', '=', input.scopeCommitteeId).executeTakeFirst();
    if (!c) {
      throw userErrors.unknownReference('scopeCommitteeId');
    }
  }
  if (input.scopeAgencyId) {
    const a = await trx.selectFrom('agencies').select(['id', 'committee_id']).where('id', '=', input.scopeAgencyId).executeTakeFirst();
    if (!a || (input.scopeCommitteeId && a.committee_id !== input.scopeCommitteeId)) {
      throw userErrors.unknownReference('scopeAgencyId');
    }
  }
}

async function rolesFor(trx: Trx, codes: string[]): Promise<number[]> {
  const map = await roleIdsByCode(trx, codes);
  const missing = codes.filter((c) => !map.has(c));
  if (missing.length > 0) {
    throw userErrors.unknownRole(missing);
  }
  return codes.map((c) => map.get(c) as number);
}

/** Loads an account through the visibility rule: missing and invisible both answer `users.not_found`. */
export async function loadVisibleUser(ctx: Ctx, by: By, id: number): Promise<{ user: UserRow; scopeIds: number[] | null }> {
  const user = await findUser(ctx.db, id);
  const scopeIds = by.actor ? await scopeCommitteeIds(ctx.db, by.actor) : null;
  if (!user || (by.actor && !canViewUser(by.actor, { id: user.id, scopeCommitteeId: user.scope_committee_id }, scopeIds))) {
    throw userErrors.notFound();
  }
  return { user, scopeIds };
}

async function assertInActorScope(ctx: Ctx, by: By, scopeCommitteeId: number | null | undefined) {
  if (!by.actor) {
    return;
  }
  const scopeIds = await scopeCommitteeIds(ctx.db, by.actor);
  if (scopeIds !== null && (scopeCommitteeId == null || !scopeIds.includes(scopeCommitteeId))) {
    throw userErrors.outOfScope('scopeCommitteeId');
  }
}

/** Creates an account linked to a person, with roles, clearance and scope (issue 2 §5). */
export async function createUser(ctx: Ctx, by: By, input: z.infer<typeof userInput>): Promise<UserRow> {
  await assertPasswordAcceptable(ctx, { password: input.password, username: input.username });
  await assertInActorScope(ctx, by, input.scopeCommitteeId ?? by.actor?.scopeCommitteeId);
  const passwordHash = await hashPassword(input.password);
  const id = await inTransaction(ctx, async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) {
      throw userErrors.usernameTaken();
    }
    await assertReferences(trx, input);
    const roleIds = await rolesFor(trx, input.roleCodes);
    const now = ctx.clock.now().toISOString();
    const r = await trx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        person_id: input.personId,
        password_hash: passwordHash,
        clearance: input.clearance,
        scope_committee_id: input.scopeCommitteeId ?? by.actor?.scopeCommitteeId ?? null,
        scope_agency_id: input.scopeAgencyId,
        disabled: 0,
        totp_secret: null,
        totp_enabled: 0,
        must_change_password: 1,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceRoles(trx, r.id, roleIds);
    await recordAudit(audited(ctx, trx, by), {
      action: 'users.created',
      entityType: 'user',
      entityId: r.id,
      details: { username: input.username, roles: input.roleCodes, clearance: input.clearance, scopeCommitteeId: input.scopeCommitteeId, scopeAgencyId: input.scopeAgencyId },
    });
    return r.id;
  });
  return (await findUser(ctx.db, id)) as UserRow;
}

export async function updateUser(ctx: Ctx, by: By, id: number, patch: z.infer<typeof userPatch>): Promise<UserRow> {
  await loadVisibleUser(ctx, by, id);
  if (patch.scopeCommitteeId !== undefined) {
    await assertInActorScope(ctx, by, patch.scopeCommitteeId);
  }
  if (by.actor?.userId === id && (patch.disabled === true || (patch.roleCodes && !patch.roleCodes.includes('admin') && by.actor.roles.includes('admin')))) {
    throw userErrors.selfLockout();
  }
  await inTransaction(ctx, async (trx) => {
    await assertReferences(trx, patch);
    const set = {
      updated_at: ctx.clock.now().toISOString(),
      display_name: patch.displayName,
      person_id: patch.personId,
      clearance: patch.clearance,
      scope_committee_id: patch.scopeCommitteeId,
      scope_agency_id: patch.scopeAgencyId,
      disabled: patch.disabled === undefined ? undefined : patch.disabled ? 1 : 0,
    };
    await trx.updateTable('users').set(set).where('id', '=', id).execute();
    if (patch.roleCodes) {
      await replaceRoles(trx, id, await rolesFor(trx, patch.roleCodes));
    }
    if (patch.disabled === true) {
      await revokeSessionsOfUser(trx, id, ctx.clock.now().toISOString());
    }
    await recordAudit(audited(ctx, trx, by), { action: patch.disabled === true ? 'users.disabled' : 'users.updated', entityType: 'user', entityId: id, details: { changes: patch } });
  });
  return (await findUser(ctx.db, id)) as UserRow;
}

/** Sets a new password chosen by an admin; the user must change it at next login and is logged out everywhere. */
export async function resetPassword(ctx: Ctx, by: By, id: number, password: string): Promise<void> {
  const { user } = await loadVisibleUser(ctx, by, id);
  await assertPasswordAcceptable(ctx, { password, username: user.username });
  const hash = await hashPassword(password);
  await inTransaction(ctx, async (trx) => {
    const now = ctx.clock.now().toISOString();
    await trx.updateTable('users').set({ password_hash: hash, must_change_password: 1, password_changed_at: now, updated_at: now }).where('id', '=', id).execute();
    await revokeSessionsOfUser(trx, id, now);
    await recordAudit(audited(ctx, trx, by), { action: 'users.password_reset', entityType: 'user', entityId: id });
  });
}

export async function findUserIdByUsername(ctx: Ctx, username: string): Promise<number | null> {
  const r = await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return r?.id ?? null;
}
