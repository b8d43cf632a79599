import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Actor } from '../auth/auth.models.ts';

/**
 * The audit log is one hash chain for the whole installation: events about every committee, with
 * names and phone numbers in their details. It cannot be cut per committee (the chain is global), so
 * reading it needs an installation-wide scope: no scope committee, or a root committee (the province,
 * parent_id null). A commune-scoped inspector with `audit.view` is refused (security review, fix 2).
 */
export async function hasInstallationScope(db: Kysely<Database>, actor: Actor): Promise<boolean> {
  if (actor.scopeCommitteeId === null) {
    return true;
  }
  const c = await db
    .selectFrom('committees')
    .select('parent_id')
    .where('id', '=', actor.scopeCommitteeId)
    .executeTakeFirst();
  return c !== undefined && c.parent_id === null;
}

/** 403 `audit.scope_required` unless the actor's scope covers the whole installation. */
export async function requireInstallationScope(db: Kysely<Database>, actor: Actor): Promise<void> {
  if (!(await hasInstallationScope(db, actor))) {
    throw forbidden(
      'audit.scope_required',
      'Reading the audit log needs a scope over the whole installation',
    );
  }
}
