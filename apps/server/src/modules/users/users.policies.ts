import type { Clearance } from '@vanphong/contracts';
import { clearanceRank, type Actor } from '../auth/auth.models.ts';

export interface UserRecordForPolicy {
  id: number;
  scopeCommitteeId: number | null;
}

/** Pure rules: who may see and change an account. `scopeIds` null means the actor's scope is everything. */
export function canViewUser(actor: Actor, user: UserRecordForPolicy, scopeIds: number[] | null): boolean {
  if (actor.userId === user.id) {
    return true;
  }
  if (!actor.permissions.has('users.view') && !actor.permissions.has('users.manage')) {
    return false;
  }
  return scopeIds === null || (user.scopeCommitteeId !== null && scopeIds.includes(user.scopeCommitteeId));
}

/**
 * Whether the actor may hand out (or act on an account holding) these permissions and this clearance.
 * Nobody grants more than they hold: without `roles.manage` an actor grants only roles whose
 * permissions they have themselves and clearances up to their own. `roles.manage` (the system
 * administrator, who can edit role bundles anyway) is trusted to grant any bundle and level.
 */
export function canGrant(actor: Actor, { permissions, clearance }: { permissions: Iterable<string>; clearance: Clearance }): boolean {
  if (actor.permissions.has('roles.manage')) {
    return true;
  }
  return [...permissions].every((p) => actor.permissions.has(p)) && clearanceRank(clearance) <= clearanceRank(actor.clearance);
}

export function abilitiesForUser(
  actor: Actor,
  user: UserRecordForPolicy & { permissions: Iterable<string>; clearance: Clearance; totpEnabled?: boolean },
  scopeIds: number[] | null,
) {
  const self = actor.userId === user.id;
  const manage = actor.permissions.has('users.manage') && canViewUser(actor, user, scopeIds) && canGrant(actor, user);
  return {
    view: canViewUser(actor, user, scopeIds),
    update: manage,
    resetPassword: manage && !self,
    disable: manage && !self,
    resetTotp: manage && !self && Boolean(user.totpEnabled),
  };
}
