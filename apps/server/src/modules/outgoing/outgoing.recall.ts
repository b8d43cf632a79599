import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { notifyUsers } from '../notifications/notifications.usecases.ts';
import { outgoingErrors as E } from './outgoing.errors.ts';
import { recordReceipt } from './outgoing.receipts.ts';
import * as repo from './outgoing.repository.ts';
import { audited, loadVisible, type By, type Ctx } from './outgoing.usecases.ts';

type Db = Kysely<Database>;

/**
 * Recall (thu hồi, ND30 Phụ lục VI; edXML codes 13, 15, 16): the issuing clerk asks every recipient to
 * give the document back. A body on this installation answers from its incoming document (agreeing
 * cancels it there, keeping its arrival number); for outside recipients the clerk records the answer
 * received. The document keeps its number: nothing is ever renumbered.
 */
export async function recall(ctx: Ctx, by: By, id: number, input: { version: number; reason: string }): Promise<void> {
  if (!by.actor.permissions.has('outgoing.issue')) {
    throw E.forbidden('Only the clerk (văn thư) recalls documents');
  }
  const { doc, viewer } = await loadVisible(ctx, by.actor, id);
  if (viewer.committeeIds !== null && !viewer.committeeIds.includes(doc.committee_id)) {
    throw E.forbidden('This document belongs to another committee');
  }
  if (doc.status !== 'issued') {
    throw E.invalidTransition('recall', doc.status, 'Only an issued document is recalled');
  }
  if (doc.version !== input.version) {
    throw E.versionConflict();
  }
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    const recipients = await repo.listRecipients(trx, id);
    for (const r of recipients) {
      await recordReceipt(trx, { recipientId: r.id, code: '13', at: now, actorName: by.actor.displayName, note: input.reason });
    }
    const incomingIds = recipients.map((r) => r.incoming_document_id).filter((x): x is number => x !== null);
    if (incomingIds.length > 0) {
      const clerks = await (trx as Db)
        .selectFrom('incoming_documents as d')
        .innerJoin('users as u', 'u.scope_committee_id', 'd.committee_id')
        .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
        .innerJoin('roles as r', 'r.id', 'ur.role_id')
        .select(['d.id as doc', 'u.id as user', 'r.permissions'])
        .where('d.id', 'in', incomingIds)
        .where('u.disabled', '=', 0)
        .execute();
      await notifyUsers(
        trx,
        ctx.clock,
        clerks
          .filter((c) => (JSON.parse(c.permissions) as string[]).includes('incoming.register'))
          .map((c) => ({ userId: c.user, kind: 'incoming.recall_requested', entityType: 'incoming', entityId: c.doc, title: `Đề nghị thu hồi văn bản ${doc.notation}: ${input.reason}`, url: `/incoming/${c.doc}` })),
      );
    }
    if (!(await repo.updateDocument(trx, id, doc.version, { status: 'recalled', recall_reason: input.reason, updated_at: now }))) {
      throw E.versionConflict();
    }
    await recordAudit(audited(ctx, trx, by), { action: 'outgoing.recalled', entityType: 'outgoing', entityId: id, details: { reason: input.reason, recipients: recipients.length } });
  });
}

/** The clerk records the answer of an outside recipient (by phone, paper or an edXML status). */
export async function recordRecallAnswer(ctx: Ctx, by: By, id: number, recipientId: number, input: { agree: boolean; note: string }): Promise<void> {
  if (!by.actor.permissions.has('outgoing.issue')) {
    throw E.forbidden('Only the clerk (văn thư) records recall answers');
  }
  const { doc, viewer } = await loadVisible(ctx, by.actor, id);
  if (viewer.committeeIds !== null && !viewer.committeeIds.includes(doc.committee_id)) {
    throw E.forbidden('This document belongs to another committee');
  }
  const recipient = (await repo.listRecipients(ctx.db, id)).find((r) => r.id === recipientId);
  if (!recipient) {
    throw E.notFound();
  }
  if (doc.status !== 'recalled' || recipient.status_code !== '13') {
    throw E.invalidTransition('answer recall', doc.status, 'No recall request is waiting for this recipient');
  }
  if (recipient.incoming_document_id !== null) {
    throw E.invalidTransition('answer recall', doc.status, 'This recipient answers from its own incoming document');
  }
  await inTransaction(ctx, async (trx) => {
    await recordReceipt(trx, { recipientId, code: input.agree ? '15' : '16', at: ctx.clock.now().toISOString(), actorName: by.actor.displayName, note: input.note });
    await recordAudit(audited(ctx, trx, by), { action: 'outgoing.recall_answered', entityType: 'outgoing', entityId: id, details: { recipientId, agree: input.agree } });
  });
}
