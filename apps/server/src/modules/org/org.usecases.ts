import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { agencyInput, agencyPatch, committeeInput, committeePatch } from '@vanphong/contracts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/auth.models.ts';
import { orgErrors } from './org.errors.ts';
import { createsCycle, levelFitsUnder } from './org.models.ts';
import { canManageCommittee, canViewCommittee } from './org.policies.ts';
import * as repo from './org.repository.ts';
import { committeeLineageIds, lockCommitteeTree, type OrgScope } from './org.scope.ts';

export type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;
export type Db = Kysely<Database>;

/** Who acts: the actor, what their scope covers (loaded once per request) and the audit context. */
export interface By {
  actor: Actor;
  scope: OrgScope;
  audit: AuditContext;
}

export const audited = (ctx: Ctx, trx: Trx, by: By) => ({
  trx,
  dialect: ctx.dialect,
  clock: ctx.clock,
  ctx: by.audit,
});

/** Committees the actor sees: the scope subtree and the ancestors above it; `null` = all. */
export function visibleCommitteeIds(scope: OrgScope): number[] | null {
  return scope.subtree === null ? null : [...scope.subtree, ...scope.ancestors];
}

/** Runs `write`, turning the table's one unique constraint into the module's 409. */
export async function unique<T>(ctx: Ctx, write: () => Promise<T>, onTaken: () => Error): Promise<T> {
  try {
    return await write();
  } catch (err) {
    throw ctx.dialect.isUniqueViolation(err) ? onTaken() : err;
  }
}

export async function loadVisibleCommittee(db: Db, by: By, id: number): Promise<repo.Committee> {
  const c = await repo.findCommittee(db, id);
  if (!c || !canViewCommittee(by.scope, c.id)) {
    throw orgErrors.committeeNotFound();
  }
  return c;
}

/** The target of a change: 404 when unseen, 403 when seen read-only (an ancestor of the scope). */
export async function loadManageableCommittee(db: Db, by: By, id: number): Promise<repo.Committee> {
  const c = await loadVisibleCommittee(db, by, id);
  if (!canManageCommittee(by.actor, by.scope, c.id)) {
    throw orgErrors.outOfScope('id');
  }
  return c;
}

/** A committee named in the body (`path`): unknown when unseen, out of scope when not manageable. */
export async function referencedCommittee(db: Db, by: By, id: number, path: string): Promise<repo.Committee> {
  const c = await repo.findCommittee(db, id);
  if (!c || !canViewCommittee(by.scope, c.id)) {
    throw orgErrors.unknownReference(path);
  }
  if (!canManageCommittee(by.actor, by.scope, c.id)) {
    throw orgErrors.outOfScope(path);
  }
  return c;
}

async function levelOf(db: Db, code: string): Promise<repo.Level> {
  const level = await repo.findLevel(db, code);
  if (!level) {
    throw orgErrors.unknownReference('levelCode');
  }
  return level;
}

export async function getCommittee(ctx: Ctx, by: By, id: number) {
  const committee = await loadVisibleCommittee(ctx.db, by, id);
  const [terms, agencies] = await Promise.all([
    repo.listTerms(ctx.db, id),
    repo.listAgencies(ctx.db, { ids: null, committeeId: id, limit: 1000, offset: 0 }),
  ]);
  return { committee, terms, agencies: agencies.items };
}

/** Creates a committee under a parent in the actor's subtree; only a whole-installation scope creates a root. */
export async function createCommittee(
  ctx: Ctx,
  by: By,
  input: z.infer<typeof committeeInput>,
): Promise<repo.Committee> {
  return inTransaction(ctx, async (trx) => {
    const level = await levelOf(trx, input.levelCode);
    if (input.parentId === null) {
      if (by.scope.subtree !== null) {
        throw orgErrors.outOfScope('parentId');
      }
    } else {
      const parent = await referencedCommittee(trx, by, input.parentId, 'parentId');
      if (!levelFitsUnder({ parentRank: parent.levelRank, childRank: level.rank })) {
        throw orgErrors.levelOrder('levelCode');
      }
    }
    const now = ctx.clock.now().toISOString();
    const id = await repo.insertCommittee(trx, {
      parent_id: input.parentId,
      level_code: input.levelCode,
      name: input.name,
      superior_line: input.superiorLine,
      place_name: input.placeName,
      abbreviation: input.abbreviation,
      numbering_rule: input.numberingRule,
      active: input.active ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(audited(ctx, trx, by), {
      action: 'org.committee_created',
      entityType: 'committee',
      entityId: id,
      details: { ...input },
    });
    return (await repo.findCommittee(trx, id)) as repo.Committee;
  });
}

/**
 * Edits a committee. Moving it (new `parentId`) must keep the tree a tree — a committee cannot be its
 * own ancestor — and keep it inside the actor's subtree; a level change must still sit below the parent
 * and above every child.
 */
export async function updateCommittee(
  ctx: Ctx,
  by: By,
  id: number,
  patch: z.infer<typeof committeePatch>,
): Promise<repo.Committee> {
  return inTransaction(ctx, async (trx) => {
    const current = await loadManageableCommittee(trx, by, id);
    const moving = patch.parentId !== undefined && patch.parentId !== current.parentId;
    let parentRank: number | null =
      current.parentId === null
        ? null
        : ((await repo.findCommittee(trx, current.parentId))?.levelRank ?? null);
    if (moving && patch.parentId === null && by.scope.subtree !== null) {
      throw orgErrors.outOfScope('parentId');
    }
    if (moving && patch.parentId) {
      // Lock first, then read the lineage: a concurrent move that commits before we get the lock is
      // seen by the check (PostgreSQL read committed takes a new snapshot per statement).
      await lockCommitteeTree(trx, ctx.dialect);
      const parent = await referencedCommittee(trx, by, patch.parentId, 'parentId');
      if (createsCycle({ committeeId: id, newParentLineage: await committeeLineageIds(trx, parent.id) })) {
        throw orgErrors.cycle();
      }
      parentRank = parent.levelRank;
    } else if (moving) {
      parentRank = null;
    }
    const rank =
      patch.levelCode === undefined ? current.levelRank : (await levelOf(trx, patch.levelCode)).rank;
    if (parentRank !== null && !levelFitsUnder({ parentRank, childRank: rank })) {
      throw orgErrors.levelOrder(moving ? 'parentId' : 'levelCode');
    }
    if (
      patch.levelCode !== undefined &&
      (await repo.childLevelRanks(trx, id)).some(
        (childRank) => !levelFitsUnder({ parentRank: rank, childRank }),
      )
    ) {
      throw orgErrors.levelOrder('levelCode');
    }
    await repo.updateCommittee(trx, id, {
      parent_id: patch.parentId,
      level_code: patch.levelCode,
      name: patch.name,
      superior_line: patch.superiorLine,
      place_name: patch.placeName,
      abbreviation: patch.abbreviation,
      numbering_rule: patch.numberingRule,
      active: patch.active === undefined ? undefined : patch.active ? 1 : 0,
      updated_at: ctx.clock.now().toISOString(),
    });
    await recordAudit(audited(ctx, trx, by), {
      action: 'org.committee_updated',
      entityType: 'committee',
      entityId: id,
      details: { changes: patch },
    });
    return (await repo.findCommittee(trx, id)) as repo.Committee;
  });
}

async function loadVisibleAgency(db: Db, by: By, id: number): Promise<repo.Agency> {
  const a = await repo.findAgency(db, id);
  if (!a || !canViewCommittee(by.scope, a.committeeId)) {
    throw orgErrors.agencyNotFound();
  }
  return a;
}

/** Adds an agency (ban, văn phòng…) to a committee; its abbreviation signs its documents, so it is unique there. */
export async function createAgency(
  ctx: Ctx,
  by: By,
  input: z.infer<typeof agencyInput>,
): Promise<repo.Agency> {
  return inTransaction(ctx, async (trx) => {
    await referencedCommittee(trx, by, input.committeeId, 'committeeId');
    const values = {
      committee_id: input.committeeId,
      name: input.name,
      abbreviation: input.abbreviation,
      kind: input.kind,
      active: input.active ? 1 : 0,
    };
    const id = await unique(ctx, () => repo.insertAgency(trx, values), orgErrors.abbreviationTaken);
    await recordAudit(audited(ctx, trx, by), {
      action: 'org.agency_created',
      entityType: 'agency',
      entityId: id,
      details: { ...input },
    });
    return (await repo.findAgency(trx, id)) as repo.Agency;
  });
}

/** Edits an agency. Moving one that has people would leave them in the old committee's records, so it is refused. */
export async function updateAgency(
  ctx: Ctx,
  by: By,
  id: number,
  patch: z.infer<typeof agencyPatch>,
): Promise<repo.Agency> {
  return inTransaction(ctx, async (trx) => {
    const current = await loadVisibleAgency(trx, by, id);
    await loadManageableCommittee(trx, by, current.committeeId);
    if (patch.committeeId !== undefined && patch.committeeId !== current.committeeId) {
      await referencedCommittee(trx, by, patch.committeeId, 'committeeId');
      if ((await repo.countPeopleOfAgency(trx, id)) > 0) {
        throw orgErrors.agencyHasPeople();
      }
    }
    const set = {
      committee_id: patch.committeeId,
      name: patch.name,
      abbreviation: patch.abbreviation,
      kind: patch.kind,
      active: patch.active === undefined ? undefined : patch.active ? 1 : 0,
    };
    await unique(ctx, () => repo.updateAgency(trx, id, set), orgErrors.abbreviationTaken);
    await recordAudit(audited(ctx, trx, by), {
      action: 'org.agency_updated',
      entityType: 'agency',
      entityId: id,
      details: { changes: patch },
    });
    return (await repo.findAgency(trx, id)) as repo.Agency;
  });
}
