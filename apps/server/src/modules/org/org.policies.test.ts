import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/auth.models.ts';
import {
  abilitiesForCommittee,
  canManageCommittee,
  canManagePositions,
  canViewCommittee,
  canViewPerson,
} from './org.policies.ts';
import type { OrgScope } from './org.scope.ts';

const actor = (permissions: string[]): Actor => ({
  userId: 1,
  username: 'x',
  displayName: 'X',
  roles: [],
  permissions: new Set(permissions),
  clearance: 'none',
  scopeCommitteeId: 3,
  scopeAgencyId: null,
  sessionId: null,
});
const commune: OrgScope = { subtree: new Set([3, 30, 31]), ancestors: new Set([1]), top: false };
const everything: OrgScope = { subtree: null, ancestors: new Set(), top: true };

describe('who sees and changes what in the organisation', () => {
  it('a commune office sees its own subtree and the province above it, but not a sibling commune', () => {
    expect(canViewCommittee(commune, 30)).toBe(true);
    expect(canViewCommittee(commune, 1)).toBe(true);
    expect(canViewCommittee(commune, 4)).toBe(false);
  });

  it('the province above is read-only: org.manage applies inside the subtree only', () => {
    const manager = actor(['org.view', 'org.manage']);
    expect(abilitiesForCommittee(manager, commune, 3)).toEqual({
      update: true,
      createChild: true,
      createTerm: true,
      createAgency: true,
    });
    expect(abilitiesForCommittee(manager, commune, 1).update).toBe(false);
    expect(canManageCommittee(actor(['org.view']), commune, 3)).toBe(false);
  });

  it('people of the province are not shown to a commune, and people without a committee only to a whole-installation scope', () => {
    expect(canViewPerson(commune, { committeeId: 31 })).toBe(true);
    expect(canViewPerson(commune, { committeeId: 1 })).toBe(false);
    expect(canViewPerson(commune, { committeeId: null })).toBe(false);
    expect(canViewPerson(everything, { committeeId: null })).toBe(true);
  });

  it('positions, shared by every committee, are changed only from a whole-tree scope', () => {
    expect(canManagePositions(actor(['org.manage']), commune)).toBe(false);
    expect(canManagePositions(actor(['org.manage']), everything)).toBe(true);
    expect(canManagePositions(actor(['org.view']), everything)).toBe(false);
  });
});
