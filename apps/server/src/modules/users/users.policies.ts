import type { Actor } from '../auth/auth.models.ts';

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

export function abilitiesForUser(actor: Actor, user: UserRecordForPolicy, scopeIds: number[] | null) {
  const manage = actor.permissions.has('users.manage') && canViewUser(actor, user, scopeIds);
  return {
    view: canViewUser(actor, user, scopeIds),
    update: manage,
    resetPassword: manage,
    disable: manage && actor.userId !== user.id,
  };
}
