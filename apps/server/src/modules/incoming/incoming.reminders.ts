/**
 * Deadline reminders (issue 3 §5): every half hour a job looks at the open incoming documents due soon
 * or overdue and notifies the people the document waits for — once per document, person and phase
 * (due soon, due today, overdue), so an office with thousands of late documents is not flooded every
 * day; the overdue lists on screen carry the rest. Recipients pass the same visibility filter as
 * every read: nobody is told about a document they cannot open.
 */
import { OPEN_INCOMING_STATUSES, type Clearance } from '@vanphong/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Trx } from '../../platform/context.ts';
import { registerCron } from '../../platform/jobs/jobs.registry.ts';
import { clearanceRank } from '../auth/auth.models.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { notifyUsers } from '../notifications/notifications.usecases.ts';
import { addCalendarDays } from '../calendar/calendar.workdays.ts';
import { committeeSubtreeIds } from '../org/org.scope.ts';
import { deadlineWindow } from './incoming.deadlines.ts';
import { visibleTo, WIDE_PERMISSIONS, type IncomingViewer } from './incoming.visibility.ts';

/** Overdue documents older than this were reminded already (the overdue phase is sent once). */
const OVERDUE_LOOKBACK_DAYS = 7;

export const REMINDERS_CRON = { name: 'incoming.reminders', everyMinutes: 30 } as const;

/** Bound lists inside `IN (…)` well below both engines' parameter limits. */
const CHUNK = 500;

const chunks = <T>(xs: T[]): T[][] =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/** dd/mm/yyyy, as the office writes dates. */
const vnDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

interface DueDocument {
  id: number;
  arrival_number: number;
  deadline: string | null;
  status: string;
  secrecy: string;
  secrecy_rank: number;
  issuer_name: string;
  notation: string;
  summary: string | null;
  lead_user_id: number | null;
  lead_agency_id: number | null;
  presented_to: number | null;
  created_by: number | null;
}

interface Recipient {
  id: number;
  agencyId: number | null;
  committeeId: number | null;
  clearanceRank: number;
  permissions: Set<string>;
}

/** Active accounts with their merged permissions: all of them, or those of the given ids / agencies. */
async function loadRecipients(trx: Trx, filter: { userIds?: number[]; agencyIds?: number[] }): Promise<Recipient[]> {
  const out = new Map<number, Recipient>();
  const batches = filter.userIds
    ? chunks(filter.userIds).map((ids) => ({ column: 'users.id' as const, ids }))
    : chunks(filter.agencyIds ?? []).map((ids) => ({ column: 'users.scope_agency_id' as const, ids }));
  for (const { column, ids } of batches) {
    const rows = await trx
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .innerJoin('roles', 'roles.id', 'user_roles.role_id')
      .select(['users.id', 'users.scope_agency_id', 'users.scope_committee_id', 'users.clearance', 'roles.permissions'])
      .where('users.disabled', '=', 0)
      .where(column, 'in', ids)
      .execute();
    for (const r of rows) {
      const u = out.get(r.id) ?? {
        id: r.id,
        agencyId: r.scope_agency_id,
        committeeId: r.scope_committee_id,
        clearanceRank: clearanceRank(r.clearance as Clearance),
        permissions: new Set<string>(),
      };
      for (const p of JSON.parse(r.permissions) as string[]) {
        u.permissions.add(p);
      }
      out.set(r.id, u);
    }
  }
  return [...out.values()];
}

/** document id → the leaders who directed or redirected it (trail actors). */
async function directorsOf(trx: Trx, documentIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const ids of chunks(documentIds)) {
    const rows = await trx
      .selectFrom('incoming_trail')
      .select(['document_id', 'actor_id'])
      .where('document_id', 'in', ids)
      .where('action', 'in', ['directed', 'redirected'])
      .where('actor_id', 'is not', null)
      .execute();
    for (const r of rows) {
      out.set(r.document_id, [...(out.get(r.document_id) ?? []), r.actor_id as number]);
    }
  }
  return out;
}

/**
 * Whom a document waits for: registered → the clerk who entered it; presented → the leader it was
 * presented to; directed / in handling → the lead person, or, with a lead unit only, that unit's people
 * holding incoming.handle. When overdue, also the leaders who directed it and the one it was presented to.
 */
function concernedUserIds(d: DueDocument, overdue: boolean, directors: number[], handlersOf: Map<number, number[]>): number[] {
  const ids: (number | null)[] = [];
  if (d.status === 'registered') {
    ids.push(d.created_by);
  } else if (d.status === 'presented') {
    ids.push(d.presented_to);
  } else if (d.lead_user_id !== null) {
    ids.push(d.lead_user_id);
  } else if (d.lead_agency_id !== null) {
    ids.push(...(handlersOf.get(d.lead_agency_id) ?? []));
  }
  if (overdue) {
    ids.push(...directors, d.presented_to);
  }
  return [...new Set(ids.filter((id): id is number => id !== null))];
}

function message(d: DueDocument, today: string): { kind: string; title: string; body: string } {
  const deadline = d.deadline as string;
  const title =
    deadline < today
      ? `Văn bản đến số ${d.arrival_number} đã quá hạn xử lý (${vnDate(deadline)})`
      : deadline === today
        ? `Văn bản đến số ${d.arrival_number} đến hạn xử lý hôm nay (${vnDate(deadline)})`
        : `Văn bản đến số ${d.arrival_number} sắp đến hạn xử lý (${vnDate(deadline)})`;
  // The trích yếu of a secret document stays on its page (read under the clearance rules), not in a notice.
  const about = d.secrecy === 'none' && d.summary ? `: ${d.summary.slice(0, 200)}` : '';
  return {
    kind: deadline < today ? 'incoming.overdue' : 'incoming.deadline_soon',
    title,
    body: `${d.notation} — ${d.issuer_name}${about}`,
  };
}

/**
 * One pass of the reminder job, inside the job's transaction. The dedupe key (document, person, Vietnam
 * day) makes every later pass of the same day a no-op, on any number of worker processes. Answers how
 * many documents were due and how many notifications were created (not those already sent today).
 */
export async function sendDeadlineReminders(trx: Trx, clock: Clock): Promise<{ documents: number; notifications: number }> {
  const today = toVietnamDate(clock.now());
  const { soonLimit } = await deadlineWindow(trx, today);
  const docs: DueDocument[] = await trx
    .selectFrom('incoming_documents')
    .select([
      'id',
      'arrival_number',
      'deadline',
      'status',
      'secrecy',
      'secrecy_rank',
      'issuer_name',
      'notation',
      'summary',
      'lead_user_id',
      'lead_agency_id',
      'presented_to',
      'created_by',
    ])
    .where('status', 'in', [...OPEN_INCOMING_STATUSES])
    .where('deadline', 'is not', null)
    .where('deadline', '<=', soonLimit)
    .where('deadline', '>=', addCalendarDays(today, -OVERDUE_LOOKBACK_DAYS))
    .orderBy('id')
    .execute();
  if (docs.length === 0) {
    return { documents: 0, notifications: 0 };
  }
  const overdueIds = docs.filter((d) => (d.deadline as string) < today).map((d) => d.id);
  const directors = await directorsOf(trx, overdueIds);
  const leadAgencies = [
    ...new Set(docs.filter((d) => d.lead_user_id === null && d.lead_agency_id !== null).map((d) => d.lead_agency_id as number)),
  ];
  const handlersOf = new Map<number, number[]>();
  for (const u of await loadRecipients(trx, { agencyIds: leadAgencies })) {
    if (u.agencyId !== null && u.permissions.has('incoming.handle')) {
      handlersOf.set(u.agencyId, [...(handlersOf.get(u.agencyId) ?? []), u.id]);
    }
  }
  const wanted = docs.map((d) => ({
    d,
    userIds: concernedUserIds(d, (d.deadline as string) < today, directors.get(d.id) ?? [], handlersOf),
  }));
  const users = new Map(
    (await loadRecipients(trx, { userIds: [...new Set(wanted.flatMap((w) => w.userIds))] })).map((u) => [u.id, u]),
  );
  const canOpen = await visibleFor(trx, users, wanted);
  const items = wanted.flatMap(({ d, userIds }) => {
    const m = message(d, today);
    const phase = (d.deadline as string) < today ? 'overdue' : d.deadline === today ? 'today' : 'soon';
    // Only people who may open the document (the visibility filter, per person).
    return userIds
      .map((id) => users.get(id))
      .filter((u): u is Recipient => !!u && canOpen.has(`${u.id}:${d.id}`))
      .map((u) => ({
        userId: u.id,
        kind: m.kind,
        entityType: 'incoming_document',
        entityId: String(d.id),
        title: m.title,
        body: m.body,
        url: `/incoming/${d.id}`,
        dedupeKey: `incoming.due:${d.id}:${u.id}:${phase}:${d.deadline}`,
      }));
  });
  const { ids } = await notifyUsers(trx, clock, items);
  return { documents: docs.length, notifications: ids.length };
}

/** "user:document" pairs where the user may open the document, by the visibility filter of every read. */
async function visibleFor(trx: Trx, users: Map<number, Recipient>, wanted: { d: DueDocument; userIds: number[] }[]): Promise<Set<string>> {
  const docsOf = new Map<number, number[]>();
  for (const { d, userIds } of wanted) {
    for (const u of userIds) {
      docsOf.set(u, [...(docsOf.get(u) ?? []), d.id]);
    }
  }
  const subtrees = new Map<number, number[]>();
  const out = new Set<string>();
  for (const [userId, docIds] of docsOf) {
    const u = users.get(userId);
    if (!u || !u.permissions.has('incoming.view')) {
      continue;
    }
    if (u.committeeId !== null && !subtrees.has(u.committeeId)) {
      subtrees.set(u.committeeId, await committeeSubtreeIds(trx, u.committeeId));
    }
    const viewer: IncomingViewer = {
      userId,
      agencyId: u.agencyId,
      committeeIds: u.committeeId === null ? null : subtrees.get(u.committeeId)!,
      wide: WIDE_PERMISSIONS.some((p) => u.permissions.has(p)),
      clearanceRank: u.clearanceRank,
    };
    for (const ids of chunks(docIds)) {
      const rows = await trx.selectFrom('incoming_documents').select('incoming_documents.id').where('incoming_documents.id', 'in', ids).where(visibleTo(viewer)).execute();
      for (const r of rows) {
        out.add(`${userId}:${r.id}`);
      }
    }
  }
  return out;
}

/** Registers the cron (the worker enqueues one job per 30-minute slot; `cron:<name>:<slot>` runs once). */
export function registerIncomingReminders(): void {
  registerCron(REMINDERS_CRON, async ({ trx, ctx }) => {
    await sendDeadlineReminders(trx, ctx.clock);
  });
}
