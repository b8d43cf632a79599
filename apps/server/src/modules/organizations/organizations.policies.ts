import type { Actor } from '../auth/auth.models.ts';

/**
 * The issuer directory serves the registration form (clerks), the readers of incoming documents (the
 * issuer filter) and the people who maintain the directory (`org.manage`).
 */
export const canListOrganizations = (actor: Actor): boolean =>
  ['incoming.view', 'incoming.register', 'org.manage'].some((p) => actor.permissions.has(p));

/** A clerk promotes a free-text issuer to the directory while registering (issue 3 §2). */
export const canCreateOrganization = (actor: Actor): boolean =>
  actor.permissions.has('incoming.register') || actor.permissions.has('org.manage');

export const canUpdateOrganization = (actor: Actor): boolean => actor.permissions.has('org.manage');
