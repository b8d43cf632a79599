/** Registering an incoming document (vào sổ): checks, the arrival number, the trail, the first notifications. */
import { parseNotation, type IncomingInput, type Secrecy, type Urgency } from '@vanphong/contracts';
import type { Trx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { notationKey } from '../../platform/text/tokens.ts';
import { clearanceRank } from '../auth/auth.models.ts';
import { notifyUsers } from '../notifications/notifications.usecases.ts';
import { incomingErrors as E } from './incoming.errors.ts';
import {
  isUrgent,
  REGISTER_NAMES,
  urgencyRank,
} from './incoming.models.ts';
import * as repo from './incoming.repository.ts';
import { indexIncoming } from './incoming.search.ts';
import {
  audited,
  leadersOf,
  viewerOrDeny,
  type By,
  type Ctx,
  type Warning,
} from './incoming.usecases.ts';
import { checkRegistration, type Checked } from './incoming.registration-checks.ts';

/* ------------------------------ registration ------------------------------ */

/** Registers an incoming document: the next arrival number of its register, the trail, the audit event. */
export async function registerIncoming(
  ctx: Ctx,
  by: By,
  input: IncomingInput,
): Promise<{ id: number; warnings: Warning[] }> {
  mayRegister(by);
  const viewer = await viewerOrDeny(ctx.db, by.actor);
  const c = await checkRegistration(ctx, by, viewer, input);
  const { id } = await inTransaction(ctx, (trx) => writeRegistration(ctx, trx, by, input, c, {}));
  return { id, warnings: c.warnings };
}

/** Options of a registration made inside the caller's transaction (bulk import, modules/import). */
export interface RegisterOptions {
  /** An entry of an old register: arrivals older than MAX_BACKDATE_DAYS are accepted. */
  historic?: boolean;
  /** Takes the arrival number (default: the register's next one, `takeArrivalNumber`). */
  takeNumber?: (trx: Trx, registerId: number) => Promise<number>;
  /** Tell the leaders on arrival (default true). */
  notify?: boolean;
}

/**
 * The same registration on a transaction the caller holds, so that the caller's own rows commit with
 * it (the import marks its row done in the same transaction). Every check reads through `trx`.
 */
export async function registerInTransaction(
  ctx: Ctx,
  trx: Trx,
  by: By,
  input: IncomingInput,
  opts: RegisterOptions = {},
): Promise<{ id: number; registerId: number; arrivalNumber: number; warnings: Warning[] }> {
  mayRegister(by);
  const viewer = await viewerOrDeny(trx, by.actor);
  const c = await checkRegistration({ ...ctx, db: trx }, by, viewer, input, { historic: opts.historic });
  return { ...(await writeRegistration(ctx, trx, by, input, c, opts)), warnings: c.warnings };
}

function mayRegister({ actor }: By): void {
  if (!actor.permissions.has('incoming.register')) {
    throw E.forbidden('You may not register incoming documents');
  }
}

async function writeRegistration(
  ctx: Ctx,
  trx: Trx,
  by: By,
  input: IncomingInput,
  c: Checked,
  opts: RegisterOptions,
): Promise<{ id: number; registerId: number; arrivalNumber: number }> {
  const { actor } = by;
  const nowIso = ctx.clock.now().toISOString();
  const parsed = parseNotation(input.notation);
  const register =
    c.register ??
    (await repo.ensureRegister(trx, {
      committeeId: c.committeeId,
      year: Number(c.arrivalDate.slice(0, 4)),
      kind: c.registerKind,
      name: REGISTER_NAMES[c.registerKind],
      now: nowIso,
    }));
  if ('created' in register && register.created) {
    await recordAudit(audited(ctx, trx, by), {
      action: 'incoming.register_created',
      entityType: 'incoming_register',
      entityId: register.id,
      details: {
        committeeId: register.committee_id,
        year: register.year,
        kind: register.kind,
        name: register.name,
        opened: 'on first registration',
      },
    });
  }
  const arrivalNumber = await (opts.takeNumber ?? repo.takeArrivalNumber)(trx, register.id);
  const status = c.presentTo ? 'presented' : 'registered';
  const summary = input.secrecy === 'top_secret' && c.stub ? null : input.summary;
  const docId = await repo.insertDocument(trx, {
    register_id: register.id,
    committee_id: register.committee_id,
    arrival_number: arrivalNumber,
    arrived_at: c.arrivedAt,
    arrival_date: c.arrivalDate,
    channel: input.channel,
    issuer_id: c.issuerId,
    issuer_name: c.issuerName,
    notation: parsed.normalized,
    notation_folded: notationKey(parsed.normalized),
    document_number: parsed.number,
    document_date: input.documentDate,
    document_type_id: input.documentTypeId,
    summary,
    signer: input.signer,
    page_count: input.pageCount,
    copies: input.copies,
    urgency: input.urgency,
    urgency_rank: urgencyRank(input.urgency),
    deliver_by: input.deliverBy ? new Date(input.deliverBy).toISOString() : null,
    secrecy: input.secrecy,
    secrecy_rank: clearanceRank(input.secrecy),
    stub: c.stub ? 1 : 0,
    deadline: c.deadline,
    status,
    paper_location: input.paperLocation,
    note: input.note,
    presented_to: c.presentTo?.id ?? null,
    direction: '',
    lead_agency_id: null,
    lead_user_id: null,
    directed_at: null,
    result_note: '',
    reply_outgoing_id: null,
    cancel_reason: '',
    completed_at: null,
    completed_on: null,
    attachment_count: c.attachments.length,
    created_by: actor.userId,
    created_at: nowIso,
    updated_at: nowIso,
    version: 1,
  });
  try {
    await repo.insertAttachments(trx, docId, c.attachments);
  } catch (err) {
    // Two registrations racing for the same upload: the unique file_id decides (migration 0007).
    throw ctx.dialect.isUniqueViolation(err)
      ? E.field(
          'file_already_attached',
          'attachments',
          'This file is attached to another document; upload it again',
        )
      : err;
  }
  await indexIncoming(trx, ctx.dialect, {
    id: docId,
    summary,
    notation: parsed.normalized,
    issuerName: c.issuerName,
  });
  const trail = { documentId: docId, actorId: actor.userId, actorName: actor.displayName, at: nowIso };
  await repo.insertTrail(trx, {
    ...trail,
    action: 'registered',
    fromStatus: null,
    toStatus: 'registered',
    details: { registerId: register.id, arrivalNumber },
  });
  if (c.presentTo) {
    await repo.insertTrail(trx, {
      ...trail,
      action: 'presented',
      fromStatus: 'registered',
      toStatus: 'presented',
      details: { toUserId: c.presentTo.id, toName: c.presentTo.display_name },
    });
  }
  if (opts.notify ?? true) {
    await notifyOnArrival(ctx, trx, {
      id: docId,
      committeeId: register.committee_id,
      arrivalNumber,
      urgency: input.urgency,
      secrecy: input.secrecy,
      presentedTo: c.presentTo?.id ?? null,
    });
  }
  await recordAudit(audited(ctx, trx, by), {
    action: 'incoming.registered',
    entityType: 'incoming',
    entityId: docId,
    details: {
      registerId: register.id,
      arrivalNumber,
      notation: parsed.normalized,
      secrecy: input.secrecy,
      urgency: input.urgency,
      presentedTo: c.presentTo?.id ?? null,
      attachments: c.attachments.map((a) => a.fileId),
    },
  });
  return { id: docId, registerId: register.id, arrivalNumber };
}

/** The presented leader hears at once; an urgent document nobody was named for goes to every leader who directs. */
async function notifyOnArrival(
  ctx: Ctx,
  trx: Trx,
  d: {
    id: number;
    committeeId: number;
    arrivalNumber: number;
    urgency: Urgency;
    secrecy: Secrecy;
    presentedTo: number | null;
  },
): Promise<void> {
  let userIds: number[] = [];
  if (d.presentedTo !== null) {
    userIds = [d.presentedTo];
  } else if (isUrgent(d.urgency)) {
    const leaders = await leadersOf(trx, d.committeeId);
    userIds = leaders
      .filter((l) => clearanceRank(l.clearance as Secrecy) >= clearanceRank(d.secrecy))
      .map((l) => l.id);
  }
  const urgent = isUrgent(d.urgency);
  await notifyUsers(
    trx,
    ctx.clock,
    userIds.map((userId) => ({
      userId,
      kind: urgent ? 'incoming.urgent' : 'incoming.presented',
      entityType: 'incoming',
      entityId: String(d.id),
      title: `${urgent ? `[${URGENCY_VI[d.urgency]}] ` : ''}Văn bản đến số ${d.arrivalNumber} chờ ý kiến chỉ đạo`,
      url: `/incoming/${d.id}`,
    })),
  );
}

const URGENCY_VI: Record<Urgency, string> = {
  normal: 'Thường',
  urgent: 'Khẩn',
  very_urgent: 'Thượng khẩn',
  flash: 'Hỏa tốc',
  flash_timed: 'Hỏa tốc hẹn giờ',
};
