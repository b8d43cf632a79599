import type { Kysely } from 'kysely';
import type { Dialect } from '../../platform/db/dialect.ts';
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

// Recursive walks use UNION, not UNION ALL: UNION drops rows already produced, so even a cycle in
// parent_id (which updateCommittee prevents, but a damaged database might hold) ends the recursion
// instead of looping forever (security review, fix 3).
export async function committeeSubtreeIds(db: Kysely<Database>, rootId: number): Promise<number[]> {
  const rows = await db
    .withRecursive('tree(id)', (qb) =>
      qb
        .selectFrom('committees')
        .select('id')
        .where('id', '=', rootId)
        .union((qb2) =>
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

/**
 * A committee and its ancestors up to the root, nearest first. The database collects the (id,
 * parent_id) pairs above the committee — without a depth column, which would make every row distinct
 * and defeat UNION on a cycle — and the order is rebuilt here by following parent_id, stopping at a
 * committee already seen.
 */
export async function committeeLineageIds(db: Kysely<Database>, committeeId: number): Promise<number[]> {
  const rows = await db
    .withRecursive('lineage(id, parent_id)', (qb) =>
      qb
        .selectFrom('committees')
        .select(['id', 'parent_id'])
        .where('id', '=', committeeId)
        .union((qb2) =>
          qb2
            .selectFrom('committees')
            .innerJoin('lineage', 'lineage.parent_id', 'committees.id')
            .select(['committees.id', 'committees.parent_id']),
        ),
    )
    .selectFrom('lineage')
    .select(['id', 'parent_id'])
    .execute();
  const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
  const out: number[] = [];
  let id: number | null | undefined = committeeId;
  while (typeof id === 'number' && parentOf.has(id) && !out.includes(id)) {
    out.push(id);
    id = parentOf.get(id);
  }
  return out;
}

/**
 * Serialises changes of the committee tree's shape (a new parent) until the transaction ends, so two
 * concurrent moves cannot each pass the cycle check against the tree as it was before the other one
 * (A under B and B under A). The lock is the platform's `lockKey` (an advisory lock on PostgreSQL; on
 * SQLite every transaction already holds the one write lock).
 */
export async function lockCommitteeTree(trx: Kysely<Database>, dialect: Pick<Dialect, 'lockKey'>): Promise<void> {
  await dialect.lockKey(trx, 'org.committee-tree');
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
