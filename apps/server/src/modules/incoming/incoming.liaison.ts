import type { Secrecy, Urgency } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import { inTransaction, type Trx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { recordReceipt } from '../outgoing/outgoing.receipts.ts';
import { incomingErrors as E } from './incoming.errors.ts';
import { audited, loadDocument, type By, type Ctx } from './incoming.usecases.ts';
import type { Dialect } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { notationKey } from '../../platform/text/tokens.ts';
import { clearanceRank } from '../auth/auth.models.ts';
import type { Clock } from '../../platform/clock.ts';
import { notifyUsers } from '../notifications/notifications.usecases.ts';
import { parseNotation } from '@vanphong/contracts';
import { defaultDeadline } from './incoming.deadlines.ts';
import { REGISTER_NAMES, registerKindFor, urgencyRank } from './incoming.models.ts';
import * as repo from './incoming.repository.ts';
import { indexIncoming } from './incoming.search.ts';

type Db = Kysely<Database>;

/**
 * Liên thông (issue 4 §6): an outgoing document issued on this installation lands at once in the
 * incoming register of each recipient body on it — its committee's register, or the agency's own
 * register when the recipient is an agency — with the sender's number and date, registered with the
 * next arrival number in the issuing transaction. Its later handling sends status receipts back
 * (incoming.flow.ts → outgoing.receipts.ts).
 */
export interface Arrival {
  recipientId: number;
  committeeId: number;
  agencyId: number | null;
  senderName: string;
  notation: string;
  documentDate: string;
  documentTypeId: number;
  summary: string;
  signer: string;
  copies: number;
  urgency: Urgency;
  secrecy: Secrecy;
  /** The file row made for this recipient (a file belongs to one document). */
  fileId: number | null;
  at: Date;
  arrivalDate: string;
}

export async function receiveFromOutgoing(trx: Trx, v: { dialect: Dialect; clock: Clock }, a: Arrival): Promise<{ id: number; arrivalNumber: number }> {
  const db = trx as unknown as Db;
  const nowIso = a.at.toISOString();
  const kind = registerKindFor(a.secrecy, 'ordinary');
  const register = await repo.ensureRegister(trx, {
    committeeId: a.committeeId,
    agencyId: a.agencyId,
    year: Number(a.arrivalDate.slice(0, 4)),
    kind,
    name: a.agencyId === null ? REGISTER_NAMES[kind] : `${REGISTER_NAMES[kind]} — ${await agencyName(db, a.agencyId)}`,
    now: nowIso,
  });
  const arrivalNumber = await repo.takeArrivalNumber(trx, register.id);
  const parsed = parseNotation(a.notation);
  const issuer = await db.selectFrom('organizations').select('id').where('name_folded', '=', foldVietnamese(a.senderName)).executeTakeFirst();
  const deadline = await defaultDeadline(db, { arrivalDate: a.arrivalDate, documentTypeId: a.documentTypeId, urgency: a.urgency });
  const id = await repo.insertDocument(trx, {
    register_id: register.id,
    committee_id: register.committee_id,
    arrival_number: arrivalNumber,
    arrived_at: nowIso,
    arrival_date: a.arrivalDate,
    channel: 'edxml',
    issuer_id: issuer?.id ?? null,
    issuer_name: a.senderName,
    notation: parsed.normalized,
    notation_folded: notationKey(parsed.normalized),
    document_number: parsed.number,
    document_date: a.documentDate,
    document_type_id: a.documentTypeId,
    summary: a.summary,
    signer: a.signer,
    page_count: null,
    copies: a.copies,
    urgency: a.urgency,
    urgency_rank: urgencyRank(a.urgency),
    deliver_by: null,
    secrecy: a.secrecy,
    secrecy_rank: clearanceRank(a.secrecy),
    stub: 0,
    deadline,
    status: 'registered',
    paper_location: '',
    note: 'Nhận liên thông',
    presented_to: null,
    direction: '',
    lead_agency_id: null,
    lead_user_id: null,
    directed_at: null,
    result_note: '',
    reply_outgoing_id: null,
    cancel_reason: '',
    completed_at: null,
    completed_on: null,
    attachment_count: a.fileId === null ? 0 : 1,
    created_by: null,
    created_at: nowIso,
    updated_at: nowIso,
    version: 1,
    source_recipient_id: a.recipientId,
  });
  if (a.fileId !== null) {
    await repo.insertAttachments(trx, id, [{ fileId: a.fileId, main: true }]);
  }
  if (a.agencyId !== null) {
    // The agency's people see what was sent to their agency.
    await db.insertInto('incoming_recipients').values({ document_id: id, role: 'info', agency_id: a.agencyId, user_id: null, active: 1, created_at: nowIso }).execute();
  }
  await indexIncoming(trx, v.dialect, { id, summary: a.summary, notation: parsed.normalized, issuerName: a.senderName });
  await repo.insertTrail(trx, {
    documentId: id,
    actorId: null,
    actorName: 'Liên thông',
    at: nowIso,
    action: 'registered',
    fromStatus: null,
    toStatus: 'registered',
    note: `Nhận liên thông từ ${a.senderName}`,
    details: { sourceRecipientId: a.recipientId },
  });
  const clerks = await clerksOf(db, register.committee_id);
  await notifyUsers(
    trx,
    v.clock,
    clerks.map((userId) => ({
      userId,
      kind: 'incoming.received',
      entityType: 'incoming',
      entityId: id,
      title: `Văn bản liên thông đến: ${a.notation} — ${a.summary}`,
      url: `/incoming/${id}`,
    })),
  );
  return { id, arrivalNumber };
}

async function agencyName(db: Db, id: number): Promise<string> {
  return (await db.selectFrom('agencies').select('name').where('id', '=', id).executeTakeFirst())?.name ?? '';
}

/** The registry clerks (incoming.register) whose scope is the receiving committee. */
async function clerksOf(db: Db, committeeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
    .innerJoin('roles as r', 'r.id', 'ur.role_id')
    .select(['u.id', 'r.permissions'])
    .where('u.disabled', '=', 0)
    .where('u.scope_committee_id', '=', committeeId)
    .execute();
  return [...new Set(rows.filter((r) => (JSON.parse(r.permissions) as string[]).includes('incoming.register')).map((r) => r.id))];
}

/**
 * The receiving clerk answers a recall request (edXML 13) of a document that came by liên thông:
 * agreeing cancels the entry (it keeps its arrival number, spec §2) and answers 15; refusing answers 16.
 */
export async function answerRecall(ctx: Ctx, by: By, id: number, input: { agree: boolean; note: string }): Promise<void> {
  if (!by.actor.permissions.has('incoming.register')) {
    throw E.forbidden('Only the clerk (văn thư) answers a recall request');
  }
  const l = await loadDocument(ctx, by.actor, id);
  const recipientId = l.doc.source_recipient_id;
  if (recipientId === null) {
    throw E.invalidTransition('answer recall', l.doc.status);
  }
  await inTransaction(ctx, async (trx) => {
    // A recall request (13) not answered yet (15/16), whatever the handling receipts since: checked in
    // the transaction, so two clerks cannot both answer.
    const receipts = await (trx as unknown as Db).selectFrom('outgoing_receipts').select(['code']).where('recipient_id', '=', recipientId).orderBy('id').execute();
    const lastRecall = receipts.map((r) => r.code).filter((c) => c === '13' || c === '15' || c === '16').at(-1);
    if (lastRecall !== '13') {
      throw E.invalidTransition('answer recall', l.doc.status);
    }
    const now = ctx.clock.now().toISOString();
    if (input.agree) {
      const reason = `Thu hồi theo đề nghị của nơi gửi${input.note ? `: ${input.note}` : ''}`;
      if (!(await repo.updateDocument(trx, id, l.doc.version, { status: 'cancelled', cancel_reason: reason, updated_at: now }))) {
        throw E.versionConflict();
      }
      await repo.insertTrail(trx, { documentId: id, actorId: by.actor.userId, actorName: by.actor.displayName, at: now, action: 'cancelled', fromStatus: l.doc.status, toStatus: 'cancelled', note: reason });
    }
    await recordReceipt(trx, { recipientId, code: input.agree ? '15' : '16', at: now, actorName: by.actor.displayName, note: input.note });
    await recordAudit(audited(ctx, trx, by), { action: 'incoming.recall_answered', entityType: 'incoming', entityId: id, details: { agree: input.agree, note: input.note } });
  });
}
