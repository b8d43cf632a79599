import type { Actor } from '../auth/auth.models.ts';
import type { OrgScope } from './org.scope.ts';

/**
 * Pure rules: who sees and who changes what in the organisation. A committee is visible inside the
 * actor's scope subtree and on the path above it (read-only, for header lines); terms and agencies go
 * with their committee; people are seen only inside the subtree — the staff of a superior committee is
 * not the business of a commune office. Changing needs org.manage and applies only inside the subtree.
 */
const inSubtree = (scope: OrgScope, committeeId: number | null): boolean =>
  scope.subtree === null || (committeeId !== null && scope.subtree.has(committeeId));

export function canViewCommittee(scope: OrgScope, committeeId: number): boolean {
  return inSubtree(scope, committeeId) || scope.ancestors.has(committeeId);
}

export function canManageCommittee(actor: Actor, scope: OrgScope, committeeId: number | null): boolean {
  return actor.permissions.has('org.manage') && inSubtree(scope, committeeId);
}

/** People without a committee belong to no scope: only an installation-wide actor sees them. */
export function canViewPerson(scope: OrgScope, person: { committeeId: number | null }): boolean {
  return inSubtree(scope, person.committeeId);
}

/** Positions are shared by every committee (their signature titles print on documents): only a whole-tree scope edits them. */
export function canManagePositions(actor: Actor, scope: OrgScope): boolean {
  return actor.permissions.has('org.manage') && scope.top;
}

export function abilitiesForCommittee(actor: Actor, scope: OrgScope, committeeId: number) {
  const manage = canManageCommittee(actor, scope, committeeId);
  return { update: manage, createChild: manage, createTerm: manage, createAgency: manage };
}

export const abilitiesForPosition = (actor: Actor, scope: OrgScope) => ({
  update: canManagePositions(actor, scope),
});
