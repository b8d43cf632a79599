import {
  parseNotation,
  type DirectInput,
  type IncomingInput,
  type IncomingListQuery,
  type Secrecy,
  type Urgency,
  type incomingPatch,
  type registerInput,
} from '@vanphong/contracts';
import type { z } from 'zod';
import type { Kysely } from 'kysely';
import type { AppContext, Trx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { notationKey } from '../../platform/text/tokens.ts';
import { clearanceRank, hasClearance, type Actor } from '../auth/auth.models.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { notifyUsers } from '../notifications/notifications.usecases.ts';
import { committeeLineageIds } from '../org/org.scope.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { incomingErrors as E } from './incoming.errors.ts';
import { deadlineWindow, defaultDeadline } from './incoming.deadlines.ts';
import {
  ATTACHMENT_TYPES,
  isNetworked,
  isSecret,
  isUrgent,
  REGISTER_NAMES,
  registerKindFor,
  urgencyRank,
} from './incoming.models.ts';
import { incomingAbilities, type DocFacts } from './incoming.policies.ts';
import * as repo from './incoming.repository.ts';
import { indexIncoming } from './incoming.search.ts';
import { incomingViewer, type IncomingViewer } from './incoming.visibility.ts';

export type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;
type Db = Kysely<Database>;

/** Who acts, and the audit context of the request. */
export interface By {
  actor: Actor;
  audit: AuditContext;
}

export interface Warning {
  code: string;
  field: string;
  message: string;
}

/** How far back a clerk may date an arrival at registration [?]: older documents come in through bulk import. */
export const MAX_BACKDATE_DAYS = 31;

const audited = (ctx: Ctx, trx: Trx, by: By) => ({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit });

export async function viewerOrDeny(db: Db, actor: Actor): Promise<IncomingViewer> {
  const v = await incomingViewer(db, actor);
  if (!v) {
    throw E.notFound();
  }
  return v;
}

// Today and the due-soon limit change once a day (or when an admin edits the holidays): kept for a minute.
const windows = new WeakMap<object, { today: string; at: number; value: { today: string; soonLimit: string } }>();

/** Today in Vietnam and the last day that still counts as due soon (incoming.deadlines.ts). */
export async function dueWindow(ctx: Ctx): Promise<{ today: string; soonLimit: string }> {
  const today = toVietnamDate(ctx.clock.now());
  const known = windows.get(ctx.db);
  if (known && known.today === today && Date.now() - known.at < 60_000) {
    return known.value;
  }
  const { soonLimit } = await deadlineWindow(ctx.db, today);
  const value = { today, soonLimit };
  windows.set(ctx.db, { today, at: Date.now(), value });
  return value;
}

/* ------------------------------ registers ------------------------------ */

export async function createRegister(ctx: Ctx, by: By, input: z.infer<typeof registerInput>): Promise<repo.RegisterRow> {
  const viewer = await viewerOrDeny(ctx.db, by.actor);
  if (viewer.committeeIds !== null && !viewer.committeeIds.includes(input.committeeId)) {
    throw E.field('unknown_committee', 'committeeId', 'No such committee in your scope');
  }
  if (input.agencyId !== null) {
    const a = await ctx.db.selectFrom('agencies').select(['id', 'committee_id']).where('id', '=', input.agencyId).executeTakeFirst();
    if (!a || a.committee_id !== input.committeeId) {
      throw E.field('unknown_agency', 'agencyId', 'No such agency in this committee');
    }
  }
  return inTransaction(ctx, async (trx) => {
    let id: number;
    try {
      id = await repo.insertRegister(trx, { ...input, now: ctx.clock.now().toISOString() });
    } catch (err) {
      throw ctx.dialect.isUniqueViolation(err) ? E.registerExists() : err;
    }
    await recordAudit(audited(ctx, trx, by), {
      action: 'incoming.register_created',
      entityType: 'incoming_register',
      entityId: id,
      details: { ...input },
    });
    return (await repo.findRegister(trx, id))!;
  });
}

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

async function checkRegistration(ctx: Ctx, by: By, viewer: IncomingViewer, input: IncomingInput): Promise<Checked> {
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
    throw E.field('secrecy_above_clearance', 'secrecy', 'You may not register a document above your clearance');
  }
  if (input.urgency === 'flash_timed' && input.deliverBy === null) {
    throw E.field('deliver_by_required', 'deliverBy', 'Hỏa tốc hẹn giờ needs the time it must be delivered by');
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
      throw E.field('paper_location_required', 'paperLocation', 'Record where the paper original of a secret document is kept');
    }
    if (input.secrecy === 'top_secret' && input.summary !== '') {
      throw E.field('summary_withheld', 'summary', 'The summary of a Tuyệt mật document is not recorded on this system');
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
      throw E.field('register_kind_mismatch', 'registerId', `This document belongs in a ${registerKind} register`);
    }
    if (register.year !== Number(arrivalDate.slice(0, 4))) {
      throw E.field('register_year_mismatch', 'registerId', 'The register is of another year than the arrival date');
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
    const org = await ctx.db.selectFrom('organizations').select(['id', 'name']).where('id', '=', input.issuerId).executeTakeFirst();
    if (!org) {
      throw E.field('unknown_issuer', 'issuerId', 'No such organisation in the directory');
    }
    issuerId = org.id;
    issuerName = org.name;
  } else if (issuerName === '') {
    throw E.field('issuer_required', 'issuerName', 'Name the issuing body');
  }

  if (input.documentTypeId !== null) {
    const t = await ctx.db.selectFrom('document_types').select('id').where('id', '=', input.documentTypeId).executeTakeFirst();
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
    const files = await ctx.db.selectFrom('files').select(['id', 'created_by', 'content_type', 'encryption']).where('id', 'in', ids).execute();
    const byId = new Map(files.map((f) => [f.id, f]));
    // A file belongs to one document: re-attaching would serve (secret) content under another
    // document's rules and outside its audit.
    const taken = new Set(
      (await ctx.db.selectFrom('incoming_attachments').select('file_id').where('file_id', 'in', ids).execute()).map((r) => r.file_id),
    );
    input.attachments.forEach((a, i) => {
      if (taken.has(a.fileId)) {
        throw E.field('file_already_attached', `attachments.${i}.fileId`, 'This file is attached to another document; upload it again');
      }
      const f = byId.get(a.fileId);
      if (!f || f.created_by !== actor.userId) {
        throw E.field('unknown_file', `attachments.${i}.fileId`, 'No such uploaded file');
      }
      if (!ATTACHMENT_TYPES.has(f.content_type)) {
        throw E.field('attachment_type', `attachments.${i}.fileId`, 'Attachments are PDF, Word documents or images');
      }
      if (secret && f.encryption === null) {
        throw E.field('attachment_not_encrypted', `attachments.${i}.fileId`, 'Secret content must be stored encrypted');
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
      throw E.field('unknown_leader', 'presentTo', 'This person does not direct incoming documents of the committee');
    }
    if (clearanceRank(leader.clearance as Secrecy) < clearanceRank(input.secrecy)) {
      throw E.field('leader_clearance', 'presentTo', 'This leader does not hold the clearance for this document');
    }
    presentTo = leader;
  }

  const deadline =
    input.deadline ??
    (await defaultDeadline(ctx.db, { arrivalDate, documentTypeId: input.documentTypeId, urgency: input.urgency }));

  const warnings: Warning[] = [];
  if (parseNotation(input.notation).form === 'unknown') {
    warnings.push({
      code: 'notation.unrecognised',
      field: 'notation',
      message: 'The number and notation match neither the Party ("12-CV/TU") nor the State ("45/QĐ-UBND") pattern',
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
        details: { committeeId: register.committee_id, year: register.year, kind: register.kind, name: register.name, opened: 'on first registration' },
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
      throw ctx.dialect.isUniqueViolation(err) ? E.field('file_already_attached', 'attachments', 'This file is attached to another document; upload it again') : err;
    }
    await indexIncoming(trx, ctx.dialect, { id: docId, summary, notation: parsed.normalized, issuerName: c.issuerName });
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
  d: { id: number; committeeId: number; arrivalNumber: number; urgency: Urgency; secrecy: Secrecy; presentedTo: number | null },
): Promise<void> {
  let userIds: number[] = [];
  if (d.presentedTo !== null) {
    userIds = [d.presentedTo];
  } else if (isUrgent(d.urgency)) {
    const leaders = await leadersOf(trx, d.committeeId);
    userIds = leaders.filter((l) => clearanceRank(l.clearance as Secrecy) >= clearanceRank(d.secrecy)).map((l) => l.id);
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

/* ------------------------------ reads ------------------------------ */

export async function listForActor(ctx: Ctx, actor: Actor, q: IncomingListQuery) {
  const viewer = await viewerOrDeny(ctx.db, actor);
  const w = await dueWindow(ctx);
  const r = await repo.listIncoming(ctx.db, ctx.dialect, viewer, q, {
    ...w,
    handlesForUnit: actor.permissions.has('incoming.handle'),
    registers: actor.permissions.has('incoming.register'),
  });
  return { ...r, window: w };
}

export interface LoadedDocument {
  viewer: IncomingViewer;
  doc: repo.DocumentRow;
  facts: DocFacts;
}

/** A visible document with the facts its policies need; 404 when invisible. */
export async function loadDocument(ctx: Ctx, actor: Actor, id: number, db: Db = ctx.db): Promise<LoadedDocument> {
  // Inside a transaction every read goes through it: SQLite has one connection, held by the transaction.
  const viewer = await viewerOrDeny(db, actor);
  const doc = await repo.findVisibleDocument(db, viewer, id);
  if (!doc) {
    throw E.notFound();
  }
  const [settings, named, recipients] = await Promise.all([
    getSettings(db),
    repo.isNamedOn(db, viewer, id, { handler: actor.permissions.has('incoming.handle') }),
    repo.loadRecipients(db, id),
  ]);
  return {
    viewer,
    doc,
    facts: {
      status: doc.status,
      secrecy: doc.secrecy as Secrecy,
      stub: doc.stub === 1,
      presentedTo: doc.presented_to,
      leadUserId: doc.lead_user_id,
      leadAgencyId: doc.lead_agency_id,
      coAgencyIds: recipients.filter((r) => r.role === 'co' && r.agency_id !== null).map((r) => r.agency_id!),
      named,
      deploymentProfile: settings.deploymentProfile,
    },
  };
}

export const abilitiesOf = (actor: Actor, l: LoadedDocument) => incomingAbilities(actor, l.facts);

/** Reading a secret document is itself an event (spec §3: every view is logged). */
export async function auditSecretRead(ctx: Ctx, by: By, doc: repo.DocumentRow, action: string, details = {}): Promise<void> {
  if (doc.secrecy === 'none') {
    return;
  }
  await inTransaction(ctx, (trx) =>
    recordAudit(audited(ctx, trx, by), { action, entityType: 'incoming', entityId: doc.id, details: { secrecy: doc.secrecy, ...details } }),
  );
}

/* ------------------------------ changes ------------------------------ */

type Step = 'present' | 'direct' | 'redirect' | 'start' | 'complete' | 'file' | 'return' | 'cancel' | 'update';

/**
 * One step of the flow: load under the write lock, check the ability, apply, write the trail and the
 * audit event — all in one transaction. The version check makes a stale concurrent step fail cleanly.
 */
async function step(
  ctx: Ctx,
  by: By,
  id: number,
  name: Step,
  apply: (trx: Trx, l: LoadedDocument, now: string) => Promise<{
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
    await recordAudit(audited(ctx, trx, by), {
      action: `incoming.${name === 'file' ? 'filed' : name}`,
      entityType: 'incoming',
      entityId: id,
      details: { from: l.doc.status, to: toStatus, ...(trail?.details ?? {}) },
    });
  });
}

export async function presentIncoming(ctx: Ctx, by: By, id: number, input: { toUserId: number; note: string }): Promise<void> {
  await step(ctx, by, id, 'present', async (trx, l) => {
    const leaders = await leadersOf(trx, l.doc.committee_id);
    const leader = leaders.find((u) => u.id === input.toUserId);
    if (!leader) {
      throw E.field('unknown_leader', 'toUserId', 'This person does not direct incoming documents of the committee');
    }
    if (clearanceRank(leader.clearance as Secrecy) < l.doc.secrecy_rank) {
      throw E.field('leader_clearance', 'toUserId', 'This leader does not hold the clearance for this document');
    }
    return {
      values: { status: 'presented', presented_to: leader.id },
      trail: { action: 'presented', note: input.note, details: { toUserId: leader.id, toName: leader.display_name } },
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

/**
 * The active users who can open documents of a committee: `incoming.view` and the committee in their
 * scope (their own or one above it). `handles`: may be the lead person (handle or direct).
 */
async function readersOf(db: Db | Trx, committeeId: number) {
  const lineage = await committeeLineageIds(db, committeeId);
  const [viewers, handlers, directors] = await Promise.all(
    ['incoming.view', 'incoming.handle', 'incoming.direct'].map((p) => repo.usersWithPermission(db, p, null)),
  );
  const canHandle = new Set([...handlers!, ...directors!].map((u) => u.id));
  return viewers!
    .filter((u) => u.scope_committee_id === null || lineage.includes(u.scope_committee_id))
    .map((u) => ({ ...u, handles: canHandle.has(u.id) }));
}

/** Leaders who may be presented a document of the committee: they direct, and they can open it. */
async function leadersOf(db: Db | Trx, committeeId: number) {
  const readers = new Set((await readersOf(db, committeeId)).map((u) => u.id));
  return (await repo.usersWithPermission(db, 'incoming.direct', [committeeId])).filter((u) => readers.has(u.id));
}

/** Checks the people and units of a direction and turns them into recipient rows. */
async function directionRecipients(trx: Trx, doc: repo.DocumentRow, input: DirectInput) {
  if ((input.leadAgencyId === null) === (input.leadUserId === null)) {
    throw E.field('lead_required', 'leadAgencyId', 'Name either a lead unit or a lead person (chủ trì)');
  }
  const agencyIds = [...new Set([...(input.leadAgencyId ? [input.leadAgencyId] : []), ...input.coAgencyIds, ...input.infoAgencyIds])];
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
      const path = bad === input.leadAgencyId ? 'leadAgencyId' : input.coAgencyIds.includes(bad) ? 'coAgencyIds' : 'infoAgencyIds';
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
  const agencyIds = [...(input.leadAgencyId ? [input.leadAgencyId] : []), ...input.coAgencyIds, ...input.infoAgencyIds];
  const userIds = [...(input.leadUserId ? [input.leadUserId] : []), ...input.infoUserIds];
  const agencies = new Map(
    agencyIds.length ? (await trx.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).execute()).map((a) => [a.id, a.name]) : [],
  );
  const users = new Map(
    userIds.length ? (await trx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()).map((u) => [u.id, u.display_name]) : [],
  );
  return {
    leadName: input.leadAgencyId ? agencies.get(input.leadAgencyId) : input.leadUserId ? users.get(input.leadUserId) : undefined,
    coNames: input.coAgencyIds.map((a) => agencies.get(a)),
    infoNames: [...input.infoAgencyIds.map((a) => agencies.get(a)), ...input.infoUserIds.map((u) => users.get(u))],
  };
}

/** The people a direction reaches: the lead person, or the handlers of the lead and co-units, and info people. */
async function peopleReached(trx: Trx, doc: repo.DocumentRow, rows: { role: string; agencyId: number | null; userId: number | null }[]) {
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

async function directLike(ctx: Ctx, by: By, id: number, input: DirectInput, name: 'direct' | 'redirect'): Promise<void> {
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

export const directIncoming = (ctx: Ctx, by: By, id: number, input: DirectInput) => directLike(ctx, by, id, input, 'direct');
export const redirectIncoming = (ctx: Ctx, by: By, id: number, input: DirectInput) => directLike(ctx, by, id, input, 'redirect');

export async function startIncoming(ctx: Ctx, by: By, id: number, note: string): Promise<void> {
  await step(ctx, by, id, 'start', async () => ({ values: { status: 'in_progress' }, trail: { action: 'started', note } }));
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
    trail: { action: 'completed', note: input.resultNote, details: { replyOutgoingId: input.replyOutgoingId } },
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
      return { values: { status: 'registered', presented_to: null }, trail: { action: 'returned', note: reason } };
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

export async function updateIncoming(ctx: Ctx, by: By, id: number, patch: z.infer<typeof incomingPatch>): Promise<void> {
  await step(ctx, by, id, 'update', async (trx, l) => {
    if (patch.version !== l.doc.version) {
      throw E.versionConflict();
    }
    const values: Partial<repo.DocumentValues> = {};
    const changed: string[] = [];
    const set = <K extends keyof repo.DocumentValues>(k: K, v: repo.DocumentValues[K] | undefined, name: string) => {
      if (v !== undefined && v !== l.doc[k]) {
        values[k] = v;
        changed.push(name);
      }
    };
    if (patch.issuerId !== undefined && patch.issuerId !== null) {
      const org = await trx.selectFrom('organizations').select(['id', 'name']).where('id', '=', patch.issuerId).executeTakeFirst();
      if (!org) {
        throw E.field('unknown_issuer', 'issuerId', 'No such organisation in the directory');
      }
      set('issuer_id', org.id, 'issuerId');
      set('issuer_name', org.name, 'issuerName');
    } else {
      // A typed name replaces the directory link: the two never disagree.
      if (patch.issuerId === null || patch.issuerName !== undefined) {
        set('issuer_id', null, 'issuerId');
      }
      if (patch.issuerName === '' || (patch.issuerName === undefined && patch.issuerId === null && l.doc.issuer_name === '')) {
        throw E.field('issuer_required', 'issuerName', 'Name the issuing body');
      }
      set('issuer_name', patch.issuerName, 'issuerName');
    }
    if (patch.paperLocation === '' && l.doc.stub === 1) {
      throw E.field('paper_location_required', 'paperLocation', 'Record where the paper original of a secret document is kept');
    }
    if (patch.notation !== undefined) {
      const p = parseNotation(patch.notation);
      set('notation', p.normalized, 'notation');
      set('notation_folded', notationKey(p.normalized), 'notation');
      set('document_number', p.number, 'notation');
    }
    if (patch.documentDate !== undefined && patch.documentDate > l.doc.arrival_date) {
      throw E.field('document_after_arrival', 'documentDate', 'The document is dated after it arrived');
    }
    if (patch.deadline && patch.deadline < l.doc.arrival_date) {
      throw E.field('deadline_before_arrival', 'deadline', 'The handling deadline is before the arrival date');
    }
    if (patch.documentTypeId !== undefined && patch.documentTypeId !== null) {
      const t = await trx.selectFrom('document_types').select('id').where('id', '=', patch.documentTypeId).executeTakeFirst();
      if (!t) {
        throw E.field('unknown_document_type', 'documentTypeId', 'No such document type');
      }
    }
    if (patch.summary !== undefined && l.doc.stub === 1 && l.doc.secrecy === 'top_secret' && patch.summary !== '') {
      throw E.field('summary_withheld', 'summary', 'The summary of a Tuyệt mật document is not recorded on this system');
    }
    if (patch.summary === '' && l.doc.secrecy === 'none') {
      throw E.field('summary_required', 'summary', 'The summary (trích yếu) is required');
    }
    set('document_date', patch.documentDate, 'documentDate');
    set('document_type_id', patch.documentTypeId, 'documentTypeId');
    set('summary', patch.summary, 'summary');
    set('signer', patch.signer, 'signer');
    set('page_count', patch.pageCount, 'pageCount');
    set('copies', patch.copies, 'copies');
    if (patch.urgency !== undefined) {
      set('urgency', patch.urgency, 'urgency');
      set('urgency_rank', urgencyRank(patch.urgency), 'urgency');
    }
    set('deadline', patch.deadline, 'deadline');
    set('paper_location', patch.paperLocation, 'paperLocation');
    set('note', patch.note, 'note');
    const fields = [...new Set(changed)];
    return {
      values,
      trail: fields.length ? { action: 'updated', details: { fields } } : null,
      after: async () => {
        if (fields.some((f) => ['summary', 'notation', 'issuerId', 'issuerName'].includes(f))) {
          await indexIncoming(trx, ctx.dialect, {
            id,
            summary: values.summary !== undefined ? values.summary : l.doc.summary,
            notation: values.notation ?? l.doc.notation,
            issuerName: values.issuer_name ?? l.doc.issuer_name,
          });
        }
      },
    };
  });
}
