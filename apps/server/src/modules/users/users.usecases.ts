import type { z } from 'zod';
import type { Clearance, userInput, userPatch } from '@vanphong/contracts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import type { Actor } from '../auth/auth.models.ts';
import { hashPassword } from '../auth/auth.passwords.ts';
import { revokeSessionsOfUser } from '../auth/auth.repository.ts';
import { assertPasswordAcceptable } from '../auth/auth.usecases.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';
import { userErrors } from './users.errors.ts';
import { canGrant, canViewUser } from './users.policies.ts';
import { findUser, permissionsOfRoles, replaceRoles, roleIdsByCode, rolePermissionMap, type UserRow } from './users.repository.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

/** Who is acting: a logged-in actor (scope and permission apply) or the CLI operator (`actor: null`). */
export interface By {
  actor: Actor | null;
  audit: AuditContext;
}

const audited = (ctx: Ctx, trx: Trx, by: By) => ({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit });

/**
 * Referenced records must exist and lie in the actor's scope: the person linked to the account, the
 * scope committee, and an agency that belongs to the committee that will actually apply.
 */
async function assertReferences(
  trx: Trx,
  by: By,
  input: { personId?: number | null; scopeCommitteeId?: number | null; scopeAgencyId?: number | null },
  effectiveCommitteeId: number | null,
) {
  const scopeIds = by.actor ? await scopeCommitteeIds(trx, by.actor) : null;
  const inScope = (committeeId: number | null) => scopeIds === null || (committeeId !== null && scopeIds.includes(committeeId));
  if (input.personId) {
    const p = await trx.selectFrom('people').select(['id', 'committee_id']).where('id', '=', input.personId).executeTakeFirst();
    if (!p || !inScope(p.committee_id)) {
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
    if (!a || a.committee_id !== effectiveCommitteeId) {
      throw userErrors.unknownReference('scopeAgencyId');
    }
  }
}

/** Nobody hands out more than they hold (see `canGrant`). */
async function assertGrantable(trx: Trx, by: By, { roleCodes, clearance }: { roleCodes?: string[]; clearance?: Clearance }) {
  if (!by.actor) {
    return;
  }
  const map = await rolePermissionMap(trx);
  if (roleCodes && !canGrant(by.actor, { permissions: permissionsOfRoles(map, roleCodes), clearance: 'none' })) {
    throw userErrors.grantAboveActor('roleCodes');
  }
  if (clearance && !canGrant(by.actor, { permissions: [], clearance })) {
    throw userErrors.grantAboveActor('clearance');
  }
}

/** An actor may only act on accounts that hold no more than the actor could grant. */
async function assertTargetManageable(trx: Trx, by: By, user: UserRow) {
  if (!by.actor) {
    return;
  }
  const map = await rolePermissionMap(trx);
  if (!canGrant(by.actor, { permissions: permissionsOfRoles(map, user.roles), clearance: user.clearance as Clearance })) {
    throw userErrors.targetAboveActor();
  }
}

async function rolesFor(trx: Trx, requested: string[]): Promise<number[]> {
  const codes = [...new Set(requested)];
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
  const scopeCommitteeId = input.scopeCommitteeId ?? by.actor?.scopeCommitteeId ?? null;
  const id = await inTransaction(ctx, async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) {
      throw userErrors.usernameTaken();
    }
    await assertReferences(trx, by, input, scopeCommitteeId);
    const roleIds = await rolesFor(trx, input.roleCodes);
    await assertGrantable(trx, by, { roleCodes: input.roleCodes, clearance: input.clearance });
    const now = ctx.clock.now().toISOString();
    const r = await trx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        person_id: input.personId,
        password_hash: passwordHash,
        clearance: input.clearance,
        scope_committee_id: scopeCommitteeId,
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
      details: { username: input.username, roles: [...new Set(input.roleCodes)], clearance: input.clearance, scopeCommitteeId, scopeAgencyId: input.scopeAgencyId },
    });
    return r.id;
  }).catch((err: unknown) => {
    // Two administrators creating the same username at once: the unique index decides, the loser gets a 409.
    if (ctx.dialect.isUniqueViolation(err)) {
      throw userErrors.usernameTaken();
    }
    throw err;
  });
  return (await findUser(ctx.db, id)) as UserRow;
}

export async function updateUser(ctx: Ctx, by: By, id: number, patch: z.infer<typeof userPatch>): Promise<UserRow> {
  const { user } = await loadVisibleUser(ctx, by, id);
  if (patch.scopeCommitteeId !== undefined) {
    await assertInActorScope(ctx, by, patch.scopeCommitteeId);
  }
  const changesOwnRights = [patch.roleCodes, patch.clearance, patch.scopeCommitteeId, patch.scopeAgencyId, patch.disabled].some((v) => v !== undefined);
  if (by.actor?.userId === id && changesOwnRights) {
    throw userErrors.selfChange();
  }
  await inTransaction(ctx, async (trx) => {
    await assertTargetManageable(trx, by, user);
    await assertGrantable(trx, by, { roleCodes: patch.roleCodes, clearance: patch.clearance });
    const effectiveCommittee = patch.scopeCommitteeId !== undefined ? patch.scopeCommitteeId : user.scope_committee_id;
    await assertReferences(trx, by, patch, effectiveCommittee);
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
  if (by.actor?.userId === id) {
    // One's own password is changed with the current one (POST /api/auth/password), not reset.
    throw userErrors.selfChange();
  }
  await assertPasswordAcceptable(ctx, { password, username: user.username });
  const hash = await hashPassword(password);
  await inTransaction(ctx, async (trx) => {
    await assertTargetManageable(trx, by, user);
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

/** Turns off a user's second factor (lost phone); the user enrols again at next login if required. */
export async function resetTotp(ctx: Ctx, by: By, id: number): Promise<void> {
  const { user } = await loadVisibleUser(ctx, by, id);
  if (by.actor?.userId === id) {
    throw userErrors.selfChange();
  }
  await inTransaction(ctx, async (trx) => {
    await assertTargetManageable(trx, by, user);
    const now = ctx.clock.now().toISOString();
    await trx.updateTable('users').set({ totp_enabled: 0, totp_secret: null, updated_at: now }).where('id', '=', id).execute();
    await revokeSessionsOfUser(trx, id, now);
    await recordAudit(audited(ctx, trx, by), { action: 'users.totp_reset', entityType: 'user', entityId: id });
  });
}
