import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/auth.models.ts';

/**
 * The committees an actor's scope covers: their scope committee and everything under it.
 * A user without a scope committee (the installation's top administrator) covers everything: `null`.
 */
export async function scopeCommitteeIds(db: Kysely<Database>, actor: Actor): Promise<number[] | null> {
  if (actor.scopeCommitteeId === null) {
    return null;
  }
  return committeeSubtreeIds(db, actor.scopeCommitteeId);
}

export async function committeeSubtreeIds(db: Kysely<Database>, rootId: number): Promise<number[]> {
  const rows = await db
    .withRecursive('tree(id)', (qb) =>
      qb
        .selectFrom('committees')
        .select('id')
        .where('id', '=', rootId)
        .unionAll((qb2) => qb2.selectFrom('committees').innerJoin('tree', 'tree.id', 'committees.parent_id').select('committees.id')),
    )
    .selectFrom('tree')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}
