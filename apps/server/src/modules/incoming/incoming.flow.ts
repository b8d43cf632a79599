/** The handling flow after registration: present, direct, redirect, start, complete, file, return, cancel. */
import type { DirectInput, Secrecy, Urgency } from '@vanphong/contracts';
import type { Trx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { clearanceRank } from '../auth/auth.models.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { notifyUsers } from '../notifications/notifications.usecases.ts';
import { RECEIPT_OF_STEP, recordReceipt } from '../outgoing/outgoing.receipts.ts';
import { incomingErrors as E } from './incoming.errors.ts';
import { isUrgent } from './incoming.models.ts';
import { incomingAbilities } from './incoming.policies.ts';
import * as repo from './incoming.repository.ts';
import {
  audited,
  leadersOf,
  loadDocument,
  readersOf,
  type By,
  type Ctx,
  type LoadedDocument,
} from './incoming.usecases.ts';

/* ------------------------------ changes ------------------------------ */

type Step =
  'present' | 'direct' | 'redirect' | 'start' | 'complete' | 'file' | 'return' | 'cancel' | 'update';

/**
 * One step of the flow: load under the write lock, check the ability, apply, write the trail and the
 * audit event — all in one transaction. The version check makes a stale concurrent step fail cleanly.
 */
export async function step(
  ctx: Ctx,
  by: By,
  id: number,
  name: Step,
  apply: (
    trx: Trx,
    l: LoadedDocument,
    now: string,
  ) => Promise<{
    values: Partial<repo.DocumentValues>;
    trail: { action: string; note?: string; details?: Record<string, unknown> } | null;
    after?: (docStatus: string) => Promise<void>;
  }>,
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const l = await loadDocument(ctx, by.actor, id, trx);
    if (!incomingAbilities(by.actor, l.facts)[name]) {
      throw E.invalidTransitionOrForbidden(name, l.doc.status, by.actor);
    }
    const now = ctx.clock.now().toISOString();
    const { values, trail, after } = await apply(trx, l, now);
    const ok = await repo.updateDocument(trx, id, l.doc.version, { ...values, updated_at: now });
    if (!ok) {
      throw E.versionConflict();
    }
    const toStatus = values.status ?? l.doc.status;
    if (trail) {
      await repo.insertTrail(trx, {
        documentId: id,
        actorId: by.actor.userId,
        actorName: by.actor.displayName,
        at: now,
        action: trail.action,
        fromStatus: l.doc.status,
        toStatus,
        note: trail.note,
        details: trail.details,
      });
    }
    await after?.(toStatus);
    // Liên thông: the sender learns what happened to its document (edXML status codes, spec §10).
    const receipt = RECEIPT_OF_STEP[name];
    if (receipt && l.doc.source_recipient_id !== null) {
      await recordReceipt(trx, { recipientId: l.doc.source_recipient_id, code: receipt, at: now, actorName: by.actor.displayName, note: trail?.note ?? '' });
    }
    await recordAudit(audited(ctx, trx, by), {
      action: `incoming.${name === 'file' ? 'filed' : name}`,
      entityType: 'incoming',
      entityId: id,
      details: { from: l.doc.status, to: toStatus, ...(trail?.details ?? {}) },
    });
  });
}

export async function presentIncoming(
  ctx: Ctx,
  by: By,
  id: number,
  input: { toUserId: number; note: string },
): Promise<void> {
  await step(ctx, by, id, 'present', async (trx, l) => {
    const leaders = await leadersOf(trx, l.doc.committee_id);
    const leader = leaders.find((u) => u.id === input.toUserId);
    if (!leader) {
      throw E.field(
        'unknown_leader',
        'toUserId',
        'This person does not direct incoming documents of the committee',
      );
    }
    if (clearanceRank(leader.clearance as Secrecy) < l.doc.secrecy_rank) {
      throw E.field(
        'leader_clearance',
        'toUserId',
        'This leader does not hold the clearance for this document',
      );
    }
    return {
      values: { status: 'presented', presented_to: leader.id },
      trail: {
        action: 'presented',
        note: input.note,
        details: { toUserId: leader.id, toName: leader.display_name },
      },
      after: async () => {
        await notifyUsers(trx, ctx.clock, [
          {
            userId: leader.id,
            kind: isUrgent(l.doc.urgency as Urgency) ? 'incoming.urgent' : 'incoming.presented',
            entityType: 'incoming',
            entityId: String(id),
            title: `Văn bản đến số ${l.doc.arrival_number} chờ ý kiến chỉ đạo`,
            url: `/incoming/${id}`,
          },
        ]);
      },
    };
  });
}

/** Checks the people and units of a direction and turns them into recipient rows. */
async function directionRecipients(trx: Trx, doc: repo.DocumentRow, input: DirectInput) {
  if ((input.leadAgencyId === null) === (input.leadUserId === null)) {
    throw E.field('lead_required', 'leadAgencyId', 'Name either a lead unit or a lead person (chủ trì)');
  }
  const agencyIds = [
    ...new Set([
      ...(input.leadAgencyId ? [input.leadAgencyId] : []),
      ...input.coAgencyIds,
      ...input.infoAgencyIds,
    ]),
  ];
  if (agencyIds.length > 0) {
    // Units of the document's own committee only: nobody elsewhere can open it (visibility rule).
    const found = await trx
      .selectFrom('agencies')
      .select('id')
      .where('id', 'in', agencyIds)
      .where('active', '=', 1)
      .where('committee_id', '=', doc.committee_id)
      .execute();
    const ok = new Set(found.map((a) => a.id));
    const bad = agencyIds.find((a) => !ok.has(a));
    if (bad !== undefined) {
      const path =
        bad === input.leadAgencyId
          ? 'leadAgencyId'
          : input.coAgencyIds.includes(bad)
            ? 'coAgencyIds'
            : 'infoAgencyIds';
      throw E.field('unknown_agency', path, 'No such unit');
    }
  }
  if (input.leadAgencyId !== null && input.coAgencyIds.includes(input.leadAgencyId)) {
    throw E.field('lead_also_co', 'coAgencyIds', 'The lead unit cannot also be a co-unit');
  }
  const userIds = [...new Set([...(input.leadUserId ? [input.leadUserId] : []), ...input.infoUserIds])];
  if (userIds.length > 0) {
    // People who will be able to open the document: incoming.view, the committee in their scope, and
    // for the lead person the right to handle or direct.
    const readers = new Map((await readersOf(trx, doc.committee_id)).map((u) => [u.id, u]));
    for (const u of userIds) {
      const row = readers.get(u);
      const path = u === input.leadUserId ? 'leadUserId' : 'infoUserIds';
      if (!row || (u === input.leadUserId && !row.handles)) {
        throw E.field('unknown_user', path, 'This person cannot handle documents of this committee');
      }
      if (clearanceRank(row.clearance as Secrecy) < doc.secrecy_rank) {
        throw E.field('user_clearance', path, 'This person does not hold the clearance for this document');
      }
    }
  }
  if (input.deadline !== null && input.deadline < doc.arrival_date) {
    throw E.field('deadline_before_arrival', 'deadline', 'The handling deadline is before the arrival date');
  }
  return [
    ...(input.leadAgencyId ? [{ role: 'lead', agencyId: input.leadAgencyId, userId: null }] : []),
    ...(input.leadUserId ? [{ role: 'lead', agencyId: null, userId: input.leadUserId }] : []),
    ...input.coAgencyIds.map((a) => ({ role: 'co', agencyId: a, userId: null })),
    ...input.infoAgencyIds.map((a) => ({ role: 'info', agencyId: a, userId: null })),
    ...input.infoUserIds.map((u) => ({ role: 'info', agencyId: null, userId: u })),
  ];
}

async function recipientNames(trx: Trx, input: DirectInput) {
  const agencyIds = [
    ...(input.leadAgencyId ? [input.leadAgencyId] : []),
    ...input.coAgencyIds,
    ...input.infoAgencyIds,
  ];
  const userIds = [...(input.leadUserId ? [input.leadUserId] : []), ...input.infoUserIds];
  const agencies = new Map(
    agencyIds.length
      ? (await trx.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).execute()).map(
          (a) => [a.id, a.name],
        )
      : [],
  );
  const users = new Map(
    userIds.length
      ? (
          await trx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()
        ).map((u) => [u.id, u.display_name])
      : [],
  );
  return {
    leadName: input.leadAgencyId
      ? agencies.get(input.leadAgencyId)
      : input.leadUserId
        ? users.get(input.leadUserId)
        : undefined,
    coNames: input.coAgencyIds.map((a) => agencies.get(a)),
    infoNames: [
      ...input.infoAgencyIds.map((a) => agencies.get(a)),
      ...input.infoUserIds.map((u) => users.get(u)),
    ],
  };
}

/** The people a direction reaches: the lead person, or the handlers of the lead and co-units, and info people. */
async function peopleReached(
  trx: Trx,
  doc: repo.DocumentRow,
  rows: { role: string; agencyId: number | null; userId: number | null }[],
) {
  const direct = rows.filter((r) => r.userId !== null).map((r) => r.userId!);
  const agencies = rows.filter((r) => r.agencyId !== null && r.role !== 'info').map((r) => r.agencyId!);
  const handlers = agencies.length
    ? (await readersOf(trx, doc.committee_id)).filter(
        (u) =>
          u.handles &&
          u.scope_agency_id !== null &&
          agencies.includes(u.scope_agency_id) &&
          clearanceRank(u.clearance as Secrecy) >= doc.secrecy_rank,
      )
    : [];
  return [...new Set([...direct, ...handlers.map((h) => h.id)])];
}

async function directLike(
  ctx: Ctx,
  by: By,
  id: number,
  input: DirectInput,
  name: 'direct' | 'redirect',
): Promise<void> {
  await step(ctx, by, id, name, async (trx, l, now) => {
    const rows = await directionRecipients(trx, l.doc, input);
    await repo.replaceRecipients(trx, id, rows, now);
    const deadline = input.deadline ?? l.doc.deadline;
    return {
      values: {
        status: 'directed',
        direction: input.direction,
        lead_agency_id: input.leadAgencyId,
        lead_user_id: input.leadUserId,
        deadline,
        directed_at: now,
      },
      trail: {
        action: name === 'direct' ? 'directed' : 'redirected',
        note: input.direction,
        details: {
          // Names as they were that day: a unit renamed or a person moved later does not rewrite the trail.
          ...(await recipientNames(trx, input)),
          leadAgencyId: input.leadAgencyId,
          leadUserId: input.leadUserId,
          coAgencyIds: input.coAgencyIds,
          infoAgencyIds: input.infoAgencyIds,
          infoUserIds: input.infoUserIds,
          deadline,
        },
      },
      after: async () => {
        const people = (await peopleReached(trx, l.doc, rows)).filter((u) => u !== by.actor.userId);
        await notifyUsers(
          trx,
          ctx.clock,
          people.map((userId) => ({
            userId,
            kind: 'incoming.directed',
            entityType: 'incoming',
            entityId: String(id),
            title: `Văn bản đến số ${l.doc.arrival_number} được chuyển xử lý${deadline ? ` (hạn ${deadline.split('-').reverse().join('/')})` : ''}`,
            body: input.direction,
            url: `/incoming/${id}`,
          })),
        );
      },
    };
  });
}

export const directIncoming = (ctx: Ctx, by: By, id: number, input: DirectInput) =>
  directLike(ctx, by, id, input, 'direct');
export const redirectIncoming = (ctx: Ctx, by: By, id: number, input: DirectInput) =>
  directLike(ctx, by, id, input, 'redirect');

export async function startIncoming(ctx: Ctx, by: By, id: number, note: string): Promise<void> {
  await step(ctx, by, id, 'start', async () => ({
    values: { status: 'in_progress' },
    trail: { action: 'started', note },
  }));
}

export async function completeIncoming(
  ctx: Ctx,
  by: By,
  id: number,
  input: { resultNote: string; replyOutgoingId: number | null },
): Promise<void> {
  await step(ctx, by, id, 'complete', async (_trx, _l, now) => ({
    values: {
      status: 'done',
      result_note: input.resultNote,
      reply_outgoing_id: input.replyOutgoingId,
      completed_at: now,
      completed_on: toVietnamDate(new Date(now)),
    },
    trail: {
      action: 'completed',
      note: input.resultNote,
      details: { replyOutgoingId: input.replyOutgoingId },
    },
  }));
}

export async function fileIncoming(ctx: Ctx, by: By, id: number, note: string): Promise<void> {
  await step(ctx, by, id, 'file', async (_trx, _l, now) => ({
    values: { status: 'filed', completed_at: now, completed_on: toVietnamDate(new Date(now)) },
    trail: { action: 'filed', note },
  }));
}

/** A leader returns a presented document to the office; a handler returns a directed one to the leader. */
export async function returnIncoming(ctx: Ctx, by: By, id: number, reason: string): Promise<void> {
  await step(ctx, by, id, 'return', async (trx, l) => {
    if (l.doc.status === 'presented') {
      return {
        values: { status: 'registered', presented_to: null },
        trail: { action: 'returned', note: reason },
      };
    }
    const director = await trx
      .selectFrom('incoming_trail')
      .select('actor_id')
      .where('document_id', '=', id)
      .where('action', 'in', ['directed', 'redirected'])
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return {
      values: { status: 'presented', presented_to: director?.actor_id ?? l.doc.presented_to },
      trail: { action: 'returned', note: reason },
      after: async () => {
        const to = director?.actor_id ?? l.doc.presented_to;
        if (to !== null && to !== undefined) {
          await notifyUsers(trx, ctx.clock, [
            {
              userId: to,
              kind: 'incoming.returned',
              entityType: 'incoming',
              entityId: String(id),
              title: `Văn bản đến số ${l.doc.arrival_number} bị trả lại`,
              body: reason,
              url: `/incoming/${id}`,
            },
          ]);
        }
      },
    };
  });
}

/** Thu hồi: the entry stays in the register with its number and the reason. */
export async function cancelIncoming(ctx: Ctx, by: By, id: number, reason: string): Promise<void> {
  await step(ctx, by, id, 'cancel', async () => ({
    values: { status: 'cancelled', cancel_reason: reason },
    trail: { action: 'cancelled', note: reason },
  }));
}
