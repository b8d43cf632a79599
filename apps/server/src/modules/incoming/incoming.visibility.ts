import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { clearanceRank, type Actor } from '../auth/auth.models.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';

/**
 * Who may see an incoming document — the one filter every list, count, report, export, search and
 * attachment goes through (deny unless allowed; invisible answers 404):
 *
 * - a reader needs `incoming.view`, and a clearance at least the document's secrecy;
 * - the office's registry people — `incoming.register` (văn thư), `incoming.direct` (leaders) and
 *   `archive.view` (lưu trữ) — see every document of the committees in their scope;
 * - everyone else (specialists, inspectors…) sees only what concerns them: documents presented or
 *   directed to them, or to their unit (lead, co-unit or for information), or that they handled.
 */
export interface IncomingViewer {
  userId: number;
  agencyId: number | null;
  /** null: every committee (installation administrator scope). */
  committeeIds: number[] | null;
  wide: boolean;
  clearanceRank: number;
}

export const WIDE_PERMISSIONS = ['incoming.register', 'incoming.direct', 'archive.view'] as const;

/**
 * Trail steps that make a person part of a document's handling. Corrections (`updated`), cancelling
 * and reading are not: a clerk cannot make herself a reader of secret content by editing a note.
 */
export const HANDLING_ACTIONS = ['registered', 'presented', 'directed', 'redirected', 'started', 'completed', 'filed', 'returned'] as const;

// An Actor object lives for one request: its viewer is computed once per request, not per query.
const perRequest = new WeakMap<Actor, IncomingViewer>();

/** null when the actor may not read incoming documents at all. */
export async function incomingViewer(db: Kysely<Database>, actor: Actor): Promise<IncomingViewer | null> {
  if (!actor.permissions.has('incoming.view')) {
    return null;
  }
  const known = perRequest.get(actor);
  if (known) {
    return known;
  }
  const viewer: IncomingViewer = {
    userId: actor.userId,
    agencyId: actor.scopeAgencyId,
    committeeIds: await scopeCommitteeIds(db, actor),
    wide: WIDE_PERMISSIONS.some((p) => actor.permissions.has(p)),
    clearanceRank: clearanceRank(actor.clearance),
  };
  perRequest.set(actor, viewer);
  return viewer;
}

type DocEb = ExpressionBuilder<Database, 'incoming_documents'>;

/**
 * The ids of the documents that name the viewer: presented to, lead person, recipient (in person or,
 * for the roles in `unitRoles`, through their unit), or a handling step in the trail. Built from index
 * lookups on the viewer's side (a person is named on hundreds of documents, not on a million), so a
 * list walks only those ids.
 */
export function participantIds(
  eb: DocEb,
  v: Pick<IncomingViewer, 'userId' | 'agencyId'>,
  unitRoles: readonly string[] = ['lead', 'co', 'info'],
) {
  const byUnit = v.agencyId !== null && unitRoles.length > 0;
  return eb
    .selectFrom('incoming_documents as p')
    .select('p.id')
    .where('p.presented_to', '=', v.userId)
    .union(eb.selectFrom('incoming_documents as l').select('l.id').where('l.lead_user_id', '=', v.userId))
    .union(
      eb
        .selectFrom('incoming_recipients as r')
        .select('r.document_id as id')
        .where('r.active', '=', 1)
        .where((w) =>
          byUnit
            ? w.or([w('r.user_id', '=', v.userId), w.and([w('r.agency_id', '=', v.agencyId), w('r.role', 'in', [...unitRoles])])])
            : w('r.user_id', '=', v.userId),
        ),
    )
    .union(
      eb
        .selectFrom('incoming_trail as t')
        .select('t.document_id as id')
        .where('t.actor_id', '=', v.userId)
        .where('t.action', 'in', [...HANDLING_ACTIONS]),
    );
}

/**
 * The same rule for one document at a time (the document page, its attachments): correlated EXISTS
 * probes on that document's own rows. A clerk is named on a hundred thousand documents; building her
 * whole participant set to test one of them cost ~0.6 s at 1M documents (bench/incoming-register).
 */
export function isParticipant(
  eb: DocEb,
  v: Pick<IncomingViewer, 'userId' | 'agencyId'>,
  unitRoles: readonly string[] = ['lead', 'co', 'info'],
): Expression<SqlBool> {
  const byUnit = v.agencyId !== null && unitRoles.length > 0;
  const recipient = eb
    .selectFrom('incoming_recipients as r')
    .select(sql.lit(1).as('one'))
    .whereRef('r.document_id', '=', 'incoming_documents.id')
    .where('r.active', '=', 1)
    .where((w) =>
      byUnit
        ? w.or([w('r.user_id', '=', v.userId), w.and([w('r.agency_id', '=', v.agencyId), w('r.role', 'in', [...unitRoles])])])
        : w('r.user_id', '=', v.userId),
    );
  const handled = eb
    .selectFrom('incoming_trail as t')
    .select(sql.lit(1).as('one'))
    .whereRef('t.document_id', '=', 'incoming_documents.id')
    .where('t.actor_id', '=', v.userId)
    .where('t.action', 'in', [...HANDLING_ACTIONS]);
  return eb.or([
    eb('incoming_documents.presented_to', '=', v.userId),
    eb('incoming_documents.lead_user_id', '=', v.userId),
    eb.exists(recipient),
    eb.exists(handled),
  ]);
}

/**
 * The visibility predicate, for `.where(visibleTo(viewer))` on any query over `incoming_documents`.
 * `walkSortIndex` (SQLite): the committee test is written `+committee_id IN (…)`, which SQLite may not
 * answer from an index — so a list sorted on another indexed column walks that index and checks the
 * scope row by row instead of sorting every visible row (most urgent first at 1M: 230 ms → 0.2 ms).
 */
export function visibleTo(v: IncomingViewer, { walkSortIndex = false }: { walkSortIndex?: boolean } = {}) {
  return (eb: DocEb): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [eb('incoming_documents.secrecy_rank', '<=', v.clearanceRank)];
    if (v.committeeIds !== null) {
      parts.push(
        v.committeeIds.length === 0
          ? sql<SqlBool>`1 = 0`
          : walkSortIndex
            ? sql<SqlBool>`+incoming_documents.committee_id in (${sql.join(v.committeeIds)})`
            : eb('incoming_documents.committee_id', 'in', v.committeeIds),
      );
    }
    if (!v.wide) {
      // Lists: the viewer's (few) documents from index lookups, then only those rows.
      parts.push(eb('incoming_documents.id', 'in', participantIds(eb, v)));
    }
    return eb.and(parts);
  };
}
