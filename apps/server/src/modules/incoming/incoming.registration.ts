/** Registering an incoming document (vào sổ): checks, the arrival number, the trail, the first notifications. */
import { parseNotation, type IncomingInput, type Secrecy, type Urgency } from '@vanphong/contracts';
import type { Trx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { notationKey } from '../../platform/text/tokens.ts';
import { clearanceRank, hasClearance } from '../auth/auth.models.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { notifyUsers } from '../notifications/notifications.usecases.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { incomingErrors as E } from './incoming.errors.ts';
import { defaultDeadline } from './incoming.deadlines.ts';
import {
  ATTACHMENT_TYPES,
  isNetworked,
  isSecret,
  isUrgent,
  REGISTER_NAMES,
  registerKindFor,
  urgencyRank,
} from './incoming.models.ts';
import * as repo from './incoming.repository.ts';
import { indexIncoming } from './incoming.search.ts';
import { type IncomingViewer } from './incoming.visibility.ts';
import {
  audited,
  leadersOf,
  viewerOrDeny,
  MAX_BACKDATE_DAYS,
  type By,
  type Ctx,
  type Warning,
} from './incoming.usecases.ts';

/* ------------------------------ registration ------------------------------ */

interface Checked {
  committeeId: number;
  register: repo.RegisterRow | null;
  registerKind: 'ordinary' | 'secret' | 'complaint';
  arrivedAt: string;
  arrivalDate: string;
  issuerId: number | null;
  issuerName: string;
  stub: boolean;
  deadline: string | null;
  attachments: { fileId: number; main: boolean }[];
  presentTo: { id: number; display_name: string } | null;
  warnings: Warning[];
}

async function checkRegistration(
  ctx: Ctx,
  by: By,
  viewer: IncomingViewer,
  input: IncomingInput,
): Promise<Checked> {
  const { actor } = by;
  const settings = await getSettings(ctx.db);
  const now = ctx.clock.now();
  const arrivedAt = input.arrivedAt ? new Date(input.arrivedAt) : now;
  if (arrivedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw E.field('arrival_in_future', 'arrivedAt', 'The arrival time is in the future');
  }
  if (arrivedAt.getTime() < now.getTime() - MAX_BACKDATE_DAYS * 86_400_000) {
    throw E.field(
      'arrival_too_old',
      'arrivedAt',
      `Documents are registered when they arrive; an arrival more than ${MAX_BACKDATE_DAYS} days ago goes through the import`,
    );
  }
  if (input.deliverBy !== null && Date.parse(input.deliverBy) < arrivedAt.getTime()) {
    throw E.field('deliver_by_before_arrival', 'deliverBy', 'The delivery time is before the arrival');
  }
  const arrivalDate = toVietnamDate(arrivedAt);
  if (input.documentDate > arrivalDate) {
    throw E.field('document_after_arrival', 'documentDate', 'The document is dated after it arrived');
  }
  if (input.deadline !== null && input.deadline < arrivalDate) {
    throw E.field('deadline_before_arrival', 'deadline', 'The handling deadline is before the arrival date');
  }
  if (!hasClearance(actor, input.secrecy)) {
    throw E.field(
      'secrecy_above_clearance',
      'secrecy',
      'You may not register a document above your clearance',
    );
  }
  if (input.urgency === 'flash_timed' && input.deliverBy === null) {
    throw E.field(
      'deliver_by_required',
      'deliverBy',
      'Hỏa tốc hẹn giờ needs the time it must be delivered by',
    );
  }

  // Secrecy by deployment profile (spec §3).
  const secret = isSecret(input.secrecy);
  const stub = secret && isNetworked(settings.deploymentProfile);
  if (stub) {
    if (input.attachments.length > 0) {
      throw E.field(
        'secret_content_refused',
        'attachments',
        'On a networked deployment a secret document is registered as a record only: its content stays on paper',
      );
    }
    if (input.paperLocation === '') {
      throw E.field(
        'paper_location_required',
        'paperLocation',
        'Record where the paper original of a secret document is kept',
      );
    }
    if (input.secrecy === 'top_secret' && input.summary !== '') {
      throw E.field(
        'summary_withheld',
        'summary',
        'The summary of a Tuyệt mật document is not recorded on this system',
      );
    }
  } else if (!secret && input.summary === '') {
    throw E.field('summary_required', 'summary', 'The summary (trích yếu) is required');
  }

  // Register: the one named, or the committee's register of the right kind for the arrival year.
  const registerKind = registerKindFor(input.secrecy, input.registerKind);
  let register: repo.RegisterRow | null = null;
  let committeeId: number;
  if (input.registerId !== undefined) {
    register = await repo.findRegister(ctx.db, input.registerId);
    if (!register || (viewer.committeeIds !== null && !viewer.committeeIds.includes(register.committee_id))) {
      throw E.field('unknown_register', 'registerId', 'No such register');
    }
    if (register.kind !== registerKind) {
      throw E.field(
        'register_kind_mismatch',
        'registerId',
        `This document belongs in a ${registerKind} register`,
      );
    }
    if (register.year !== Number(arrivalDate.slice(0, 4))) {
      throw E.field(
        'register_year_mismatch',
        'registerId',
        'The register is of another year than the arrival date',
      );
    }
    committeeId = register.committee_id;
  } else {
    if (actor.scopeCommitteeId === null) {
      throw E.field('register_required', 'registerId', 'Choose the register');
    }
    committeeId = actor.scopeCommitteeId;
  }

  // Issuer: from the directory, or free text.
  let issuerId: number | null = null;
  let issuerName = input.issuerName;
  if (input.issuerId !== null) {
    const org = await ctx.db
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where('id', '=', input.issuerId)
      .executeTakeFirst();
    if (!org) {
      throw E.field('unknown_issuer', 'issuerId', 'No such organisation in the directory');
    }
    issuerId = org.id;
    issuerName = org.name;
  } else if (issuerName === '') {
    throw E.field('issuer_required', 'issuerName', 'Name the issuing body');
  }

  if (input.documentTypeId !== null) {
    const t = await ctx.db
      .selectFrom('document_types')
      .select('id')
      .where('id', '=', input.documentTypeId)
      .executeTakeFirst();
    if (!t) {
      throw E.field('unknown_document_type', 'documentTypeId', 'No such document type');
    }
  }

  // Attachments: uploaded by this clerk, of an accepted kind, one main.
  const ids = input.attachments.map((a) => a.fileId);
  if (new Set(ids).size !== ids.length) {
    throw E.field('duplicate_attachment', 'attachments', 'The same file is attached twice');
  }
  if (input.attachments.filter((a) => a.main).length > 1) {
    throw E.field('one_main_attachment', 'attachments', 'Only one attachment can be the main one');
  }
  if (ids.length > 0) {
    const files = await ctx.db
      .selectFrom('files')
      .select(['id', 'created_by', 'content_type', 'encryption'])
      .where('id', 'in', ids)
      .execute();
    const byId = new Map(files.map((f) => [f.id, f]));
    // A file belongs to one document: re-attaching would serve (secret) content under another
    // document's rules and outside its audit.
    const taken = new Set(
      (
        await ctx.db
          .selectFrom('incoming_attachments')
          .select('file_id')
          .where('file_id', 'in', ids)
          .execute()
      ).map((r) => r.file_id),
    );
    input.attachments.forEach((a, i) => {
      if (taken.has(a.fileId)) {
        throw E.field(
          'file_already_attached',
          `attachments.${i}.fileId`,
          'This file is attached to another document; upload it again',
        );
      }
      const f = byId.get(a.fileId);
      if (!f || f.created_by !== actor.userId) {
        throw E.field('unknown_file', `attachments.${i}.fileId`, 'No such uploaded file');
      }
      if (!ATTACHMENT_TYPES.has(f.content_type)) {
        throw E.field(
          'attachment_type',
          `attachments.${i}.fileId`,
          'Attachments are PDF, Word documents or images',
        );
      }
      if (secret && f.encryption === null) {
        throw E.field(
          'attachment_not_encrypted',
          `attachments.${i}.fileId`,
          'Secret content must be stored encrypted',
        );
      }
    });
  }
  const attachments = input.attachments.map((a, i) => ({
    fileId: a.fileId,
    main: a.main || (i === 0 && !input.attachments.some((x) => x.main)),
  }));

  let presentTo: Checked['presentTo'] = null;
  if (input.presentTo !== null) {
    const leaders = await leadersOf(ctx.db, committeeId);
    const leader = leaders.find((l) => l.id === input.presentTo);
    if (!leader) {
      throw E.field(
        'unknown_leader',
        'presentTo',
        'This person does not direct incoming documents of the committee',
      );
    }
    if (clearanceRank(leader.clearance as Secrecy) < clearanceRank(input.secrecy)) {
      throw E.field(
        'leader_clearance',
        'presentTo',
        'This leader does not hold the clearance for this document',
      );
    }
    presentTo = leader;
  }

  const deadline =
    input.deadline ??
    (await defaultDeadline(ctx.db, {
      arrivalDate,
      documentTypeId: input.documentTypeId,
      urgency: input.urgency,
    }));

  const warnings: Warning[] = [];
  if (parseNotation(input.notation).form === 'unknown') {
    warnings.push({
      code: 'notation.unrecognised',
      field: 'notation',
      message:
        'The number and notation match neither the Party ("12-CV/TU") nor the State ("45/QĐ-UBND") pattern',
    });
  }
  const dups = await repo.findDuplicates(ctx.db, viewer, {
    notationKey: notationKey(input.notation),
    documentDate: input.documentDate,
    issuerId,
    issuerName,
  });
  for (const d of dups) {
    warnings.push({
      code: 'duplicate',
      field: 'notation',
      message: `Already registered: arrival number ${d.arrival_number} of ${d.arrival_date} (document ${d.id})`,
    });
  }
  return {
    committeeId,
    register,
    registerKind,
    arrivedAt: arrivedAt.toISOString(),
    arrivalDate,
    issuerId,
    issuerName,
    stub,
    deadline,
    attachments,
    presentTo,
    warnings,
  };
}

/** Registers an incoming document: the next arrival number of its register, the trail, the audit event. */
export async function registerIncoming(
  ctx: Ctx,
  by: By,
  input: IncomingInput,
): Promise<{ id: number; warnings: Warning[] }> {
  const { actor } = by;
  if (!actor.permissions.has('incoming.register')) {
    throw E.forbidden('You may not register incoming documents');
  }
  const viewer = await viewerOrDeny(ctx.db, actor);
  const c = await checkRegistration(ctx, by, viewer, input);
  const nowIso = ctx.clock.now().toISOString();
  const parsed = parseNotation(input.notation);
  const id = await inTransaction(ctx, async (trx) => {
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
    const arrivalNumber = await repo.takeArrivalNumber(trx, register.id);
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
    await notifyOnArrival(ctx, trx, {
      id: docId,
      committeeId: register.committee_id,
      arrivalNumber,
      urgency: input.urgency,
      secrecy: input.secrecy,
      presentedTo: c.presentTo?.id ?? null,
    });
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
    return docId;
  });
  return { id, warnings: c.warnings };
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
