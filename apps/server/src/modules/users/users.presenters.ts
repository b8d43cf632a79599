import type { Actor } from '../auth/auth.models.ts';
import { abilitiesForUser } from './users.policies.ts';
import type { Clearance } from '@vanphong/contracts';
import { permissionsOfRoles, type UserRow } from './users.repository.ts';

/** The API shape of an account: fields listed explicitly (never the hash or the TOTP secret) plus abilities. */
export function presentUser(row: UserRow, actor: Actor, scopeIds: number[] | null, rolePermissions: Map<string, string[]>) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    personId: row.person_id,
    roles: row.roles,
    clearance: row.clearance,
    scopeCommitteeId: row.scope_committee_id,
    scopeAgencyId: row.scope_agency_id,
    disabled: Boolean(row.disabled),
    totpEnabled: Boolean(row.totp_enabled),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: abilitiesForUser(
      actor,
      { id: row.id, scopeCommitteeId: row.scope_committee_id, permissions: permissionsOfRoles(rolePermissions, row.roles), clearance: row.clearance as Clearance, totpEnabled: Boolean(row.totp_enabled) },
      scopeIds,
    ),
  };
}
