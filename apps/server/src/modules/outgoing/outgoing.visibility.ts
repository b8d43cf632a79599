import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { clearanceRank, type Actor } from '../auth/auth.models.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';
import { DRAFT_STATUSES } from './outgoing.models.ts';

/**
 * Who may see an outgoing document — the one filter lists, counts, registers, exports and files go
 * through (deny unless allowed; invisible answers 404):
 *
 * - a reader needs `outgoing.view` and a clearance at least the document's secrecy;
 * - a draft (draft, in review, returned, awaiting signature) is seen by its drafter and by the people
 *   of its review circuit (and whoever stands in for them under an active delegation);
 * - once signed, the office's registry people — `outgoing.issue` (văn thư), `outgoing.approve`
 *   (leaders), `archive.view` (lưu trữ) — see it in the committees of their scope, and the people who
 *   worked on it keep seeing it.
 */
export interface OutgoingViewer {
  userId: number;
  committeeIds: number[] | null;
  wide: boolean;
  clearanceRank: number;
  /** Users who delegated their review steps to this viewer today. */
  standsInFor: number[];
}

export const WIDE_PERMISSIONS = ['outgoing.issue', 'outgoing.approve', 'archive.view'] as const;

const perRequest = new WeakMap<Actor, OutgoingViewer>();

export async function activeDelegators(db: Kysely<Database>, userId: number, today: string): Promise<number[]> {
  const rows = await db
    .selectFrom('delegations')
    .select('from_user_id')
    .where('to_user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('starts_on', '<=', today)
    .where('ends_on', '>=', today)
    .execute();
  return [...new Set(rows.map((r) => r.from_user_id))];
}

/** null when the actor may not read outgoing documents at all. */
export async function outgoingViewer(db: Kysely<Database>, actor: Actor, now: Date): Promise<OutgoingViewer | null> {
  if (!actor.permissions.has('outgoing.view')) {
    return null;
  }
  const known = perRequest.get(actor);
  if (known) {
    return known;
  }
  const viewer: OutgoingViewer = {
    userId: actor.userId,
    committeeIds: await scopeCommitteeIds(db, actor),
    wide: WIDE_PERMISSIONS.some((p) => actor.permissions.has(p)),
    clearanceRank: clearanceRank(actor.clearance),
    standsInFor: await activeDelegators(db, actor.userId, toVietnamDate(now)),
  };
  perRequest.set(actor, viewer);
  return viewer;
}

type DocEb = ExpressionBuilder<Database, 'outgoing_documents'>;

/** The SQL filter: true for the documents `v` may see. */
export function visibleTo(v: OutgoingViewer): (eb: DocEb) => Expression<SqlBool> {
  return (eb) => {
    const worked = eb.or([
      eb('outgoing_documents.drafter_id', '=', v.userId),
      eb.exists(
        eb
          .selectFrom('outgoing_review_steps as s')
          .select(sql.lit(1).as('one'))
          .whereRef('s.document_id', '=', 'outgoing_documents.id')
          .where((w) => w.or([w('s.assignee_id', '=', v.userId), w('s.acted_by', '=', v.userId)])),
      ),
      // Standing in for someone shows only the documents waiting on that person now, not their history.
      ...(v.standsInFor.length === 0
        ? []
        : [
            eb.exists(
              eb
                .selectFrom('outgoing_review_steps as s')
                .select(sql.lit(1).as('one'))
                .whereRef('s.document_id', '=', 'outgoing_documents.id')
                .where('s.assignee_id', 'in', v.standsInFor)
                .where('s.status', 'in', ['pending', 'waiting']),
            ),
          ]),
    ]);
    const registry = v.wide
      ? eb.and([
          eb('outgoing_documents.status', 'not in', [...DRAFT_STATUSES]),
          ...(v.committeeIds === null
            ? []
            : [v.committeeIds.length === 0 ? sql<SqlBool>`1 = 0` : eb('outgoing_documents.committee_id', 'in', v.committeeIds)]),
        ])
      : null;
    return eb.and([
      eb('outgoing_documents.secrecy_rank', '<=', v.clearanceRank),
      registry ? eb.or([worked, registry]) : worked,
    ]);
  };
}

/** Whether `v` may act on a review step assigned to `assigneeId` (in person or standing in). */
export const actsFor = (v: OutgoingViewer, assigneeId: number): boolean =>
  v.userId === assigneeId || v.standsInFor.includes(assigneeId);
