import type { Actor } from '../auth/auth.models.ts';
import type { Organization } from './organizations.models.ts';

/** The directory is maintained with `org.manage`; clerks only add (promote) issuers. */
export const canManageOrganizations = (actor: Actor): boolean => actor.permissions.has('org.manage');

export function presentOrganization(o: Organization, actor: Actor) {
  return {
    id: o.id,
    name: o.name,
    code: o.code,
    kind: o.kind,
    active: o.active,
    abilities: { update: canManageOrganizations(actor) },
  };
}
