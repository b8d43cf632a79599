import type { ExpressionBuilder, Kysely, SqlBool, Expression } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { clearanceRank, type Actor } from '../auth/auth.models.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';
import { bodyKeyOf } from './tasks.models.ts';

/**
 * Who may see a task — the one filter every list, count, dashboard, export, report and attachment goes
 * through (deny unless allowed; invisible answers 404):
 *
 * - a reader needs `tasks.view` and a clearance at least the task's secrecy;
 * - a **unit** sees the tasks it leads or co-handles and those it assigned; the assigner of a top-level
 *   task also follows its whole tree of sub-tasks; the person who entered a task sees it;
 * - a user acts for their agency ("c1-a2"); a user of the committee's office (agency kind `office`) and a
 *   user of the committee without an agency (its leaders) also act for the committee itself ("c1"): the
 *   office follows every task its committee assigns or is given;
 * - the inspection role (`tasks.inspect`, 08-QC/TW) sees every task assigned by or to a committee in its
 *   scope, read-only (it holds no `tasks.manage`).
 */
export interface TaskViewer {
  userId: number;
  /** Body keys the viewer acts for. */
  units: string[];
  /** Committees of the viewer's scope (null: every committee). */
  committeeIds: number[] | null;
  inspector: boolean;
  clearanceRank: number;
}

const perRequest = new WeakMap<Actor, TaskViewer>();

/** null when the actor may not read tasks at all. */
export async function taskViewer(db: Kysely<Database>, actor: Actor): Promise<TaskViewer | null> {
  if (!actor.permissions.has('tasks.view')) {
    return null;
  }
  const known = perRequest.get(actor);
  if (known) {
    return known;
  }
  const units: string[] = [];
  if (actor.scopeAgencyId !== null) {
    const agency = await db.selectFrom('agencies').select(['committee_id', 'kind']).where('id', '=', actor.scopeAgencyId).executeTakeFirst();
    if (agency) {
      units.push(bodyKeyOf(agency.committee_id, actor.scopeAgencyId));
      if (agency.kind === 'office') {
        units.push(bodyKeyOf(agency.committee_id, null));
      }
    }
  } else if (actor.scopeCommitteeId !== null) {
    units.push(bodyKeyOf(actor.scopeCommitteeId, null));
  }
  const viewer: TaskViewer = {
    userId: actor.userId,
    units,
    committeeIds: await scopeCommitteeIds(db, actor),
    inspector: actor.permissions.has('tasks.inspect'),
    clearanceRank: clearanceRank(actor.clearance),
  };
  perRequest.set(actor, viewer);
  return viewer;
}

/** Secrecy levels a viewer may read (clearance scale order). */
export function readableSecrecy(v: TaskViewer): string[] {
  return ['none', 'confidential', 'secret', 'top_secret'].slice(0, v.clearanceRank + 1);
}

type TaskEb = ExpressionBuilder<Database, 'tasks'>;

/** The SQL form of the rule above, for `where` on a query over `tasks`. */
export function visibleTo(eb: TaskEb, v: TaskViewer): Expression<SqlBool> {
  const ors: Expression<SqlBool>[] = [eb('tasks.created_by', '=', v.userId)];
  if (v.units.length > 0) {
    ors.push(
      eb('tasks.assigner_key', 'in', v.units),
      eb('tasks.root_assigner_key', 'in', v.units),
      eb('tasks.id', 'in', eb.selectFrom('task_bodies').select('task_bodies.task_id').where('task_bodies.body_key', 'in', v.units)),
    );
  }
  if (v.inspector) {
    if (v.committeeIds === null) {
      ors.push(eb.lit(true) as unknown as Expression<SqlBool>);
    } else if (v.committeeIds.length > 0) {
      ors.push(eb('tasks.assigner_committee_id', 'in', v.committeeIds), eb('tasks.lead_committee_id', 'in', v.committeeIds));
    }
  }
  return eb.and([eb('tasks.secrecy', 'in', readableSecrecy(v)), eb.or(ors)]);
}

/** The same rule for one loaded task (policies, notifications). */
export function canSee(
  v: TaskViewer,
  t: { secrecy: string; created_by: number | null; assigner_key: string; root_assigner_key: string; assigner_committee_id: number; lead_committee_id: number },
  bodyKeys: string[],
): boolean {
  if (!readableSecrecy(v).includes(t.secrecy)) {
    return false;
  }
  if (t.created_by === v.userId) {
    return true;
  }
  if (v.units.includes(t.assigner_key) || v.units.includes(t.root_assigner_key) || bodyKeys.some((k) => v.units.includes(k))) {
    return true;
  }
  return v.inspector && (v.committeeIds === null || v.committeeIds.includes(t.assigner_committee_id) || v.committeeIds.includes(t.lead_committee_id));
}
