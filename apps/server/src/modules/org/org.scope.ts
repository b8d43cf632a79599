import { sql, type Kysely } from 'kysely';
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
        .unionAll((qb2) =>
          qb2
            .selectFrom('committees')
            .innerJoin('tree', 'tree.id', 'committees.parent_id')
            .select('committees.id'),
        ),
    )
    .selectFrom('tree')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A committee and its ancestors up to the root, nearest first (recursive walk up `parent_id`). */
export async function committeeLineageIds(db: Kysely<Database>, committeeId: number): Promise<number[]> {
  const rows = await db
    .withRecursive('lineage(id, parent_id, depth)', (qb) =>
      qb
        .selectFrom('committees')
        .select(['id', 'parent_id', sql<number>`0`.as('depth')])
        .where('id', '=', committeeId)
        .unionAll((qb2) =>
          qb2
            .selectFrom('committees')
            .innerJoin('lineage', 'lineage.parent_id', 'committees.id')
            .select(['committees.id', 'committees.parent_id', sql<number>`lineage.depth + 1`.as('depth')]),
        ),
    )
    .selectFrom('lineage')
    .select('id')
    .orderBy('depth')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * What an actor's scope means for the organisation module. `subtree` (null = everything) is where they
 * see and, with org.manage, change records; `ancestors` are the committees above their scope, visible
 * read-only because documents print the superior body in their header lines (spec §2 "Header").
 * `top` is true when the scope covers the whole tree, which shared reference data (positions) requires.
 */
export interface OrgScope {
  subtree: ReadonlySet<number> | null;
  ancestors: ReadonlySet<number>;
  top: boolean;
}

export async function loadOrgScope(db: Kysely<Database>, actor: Actor): Promise<OrgScope> {
  if (actor.scopeCommitteeId === null) {
    return { subtree: null, ancestors: new Set(), top: true };
  }
  const [subtree, lineage] = await Promise.all([
    committeeSubtreeIds(db, actor.scopeCommitteeId),
    committeeLineageIds(db, actor.scopeCommitteeId),
  ]);
  return { subtree: new Set(subtree), ancestors: new Set(lineage.slice(1)), top: lineage.length === 1 };
}
