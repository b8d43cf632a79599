import { type IncomingListQuery, type Secrecy, type registerInput } from '@vanphong/contracts';
import type { z } from 'zod';
import type { Kysely } from 'kysely';
import type { AppContext, Trx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { type Actor } from '../auth/auth.models.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { committeeLineageIds } from '../org/org.scope.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { incomingErrors as E } from './incoming.errors.ts';
import { deadlineWindow } from './incoming.deadlines.ts';
import { incomingAbilities, type DocFacts } from './incoming.policies.ts';
import * as repo from './incoming.repository.ts';
import { listIncoming } from './incoming.list.repository.ts';
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

export const audited = (ctx: Ctx, trx: Trx, by: By) => ({
  trx,
  dialect: ctx.dialect,
  clock: ctx.clock,
  ctx: by.audit,
});

export async function viewerOrDeny(db: Db, actor: Actor): Promise<IncomingViewer> {
  const v = await incomingViewer(db, actor);
  if (!v) {
    throw E.notFound();
  }
  return v;
}

// Today and the due-soon limit change once a day (or when an admin edits the holidays): kept for a minute.
const windows = new WeakMap<
  object,
  { today: string; at: number; value: { today: string; soonLimit: string } }
>();

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

export async function createRegister(
  ctx: Ctx,
  by: By,
  input: z.infer<typeof registerInput>,
): Promise<repo.RegisterRow> {
  const viewer = await viewerOrDeny(ctx.db, by.actor);
  if (viewer.committeeIds !== null && !viewer.committeeIds.includes(input.committeeId)) {
    throw E.field('unknown_committee', 'committeeId', 'No such committee in your scope');
  }
  if (input.agencyId !== null) {
    const a = await ctx.db
      .selectFrom('agencies')
      .select(['id', 'committee_id'])
      .where('id', '=', input.agencyId)
      .executeTakeFirst();
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

/* ------------------------------ reads ------------------------------ */

export async function listForActor(ctx: Ctx, actor: Actor, q: IncomingListQuery) {
  const viewer = await viewerOrDeny(ctx.db, actor);
  const w = await dueWindow(ctx);
  const r = await listIncoming(ctx.db, ctx.dialect, viewer, q, {
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
export async function loadDocument(
  ctx: Ctx,
  actor: Actor,
  id: number,
  db: Db = ctx.db,
): Promise<LoadedDocument> {
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
export async function auditSecretRead(
  ctx: Ctx,
  by: By,
  doc: repo.DocumentRow,
  action: string,
  details = {},
): Promise<void> {
  if (doc.secrecy === 'none') {
    return;
  }
  await inTransaction(ctx, (trx) =>
    recordAudit(audited(ctx, trx, by), {
      action,
      entityType: 'incoming',
      entityId: doc.id,
      details: { secrecy: doc.secrecy, ...details },
    }),
  );
}

/**
 * The active users who can open documents of a committee: `incoming.view` and the committee in their
 * scope (their own or one above it). `handles`: may be the lead person (handle or direct).
 */
export async function readersOf(db: Db | Trx, committeeId: number) {
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
export async function leadersOf(db: Db | Trx, committeeId: number) {
  const readers = new Set((await readersOf(db, committeeId)).map((u) => u.id));
  return (await repo.usersWithPermission(db, 'incoming.direct', [committeeId])).filter((u) =>
    readers.has(u.id),
  );
}
