import type { CircuitInput, Secrecy } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import { inTransaction, type Trx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { notifyUsers } from '../notifications/notifications.usecases.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';
import { clearanceRank } from '../auth/auth.models.ts';
import { rolesOfUser } from '../auth/auth.repository.ts';
import { outgoingErrors as E } from './outgoing.errors.ts';
import { isEditable, issuerKeyOf } from './outgoing.models.ts';
import * as repo from './outgoing.repository.ts';
import { audited, checkFormat, loadVisible, usersWithPermission, type By, type Ctx } from './outgoing.usecases.ts';
import { actsFor } from './outgoing.visibility.ts';

type Db = Kysely<Database>;

/**
 * The review circuit (trình duyệt, issue 4 §2): the drafter submits; each step in order approves or
 * returns with a comment; the last step is the signer's. Someone away hands their steps to a
 * colleague for a period (delegation). The format checker must pass before the draft reaches the
 * signer, and again when the signer signs.
 */

interface CircuitStep {
  kind: 'review' | 'sign';
  userId: number;
  label: string;
}

const link = (id: number) => `/outgoing/${id}`;

/** A notification title: the trích yếu of a secret document is not shown (the list of who is notified does not check clearance). */
export const titleOf = (prefix: string, doc: { summary: string; secrecy: string; id: number }) =>
  doc.secrecy === 'none' ? `${prefix}: ${doc.summary}` : `${prefix}: văn bản mật (số hồ sơ ${doc.id})`;

async function currentRound(db: Db | Trx, documentId: number) {
  const steps = await repo.listSteps(db, documentId);
  const round = steps.reduce((m, s) => Math.max(m, s.round), 0);
  return { round, steps: steps.filter((s) => s.round === round) };
}

/** The drafter sends the draft into its circuit. */
export async function submit(ctx: Ctx, by: By, id: number, version: number): Promise<void> {
  const { doc } = await loadVisible(ctx, by.actor, id);
  if (doc.drafter_id !== by.actor.userId) {
    throw E.forbidden('Only the drafter submits a draft');
  }
  if (!isEditable(doc.status)) {
    throw E.invalidTransition('submit', doc.status);
  }
  if (doc.version !== version) {
    throw E.versionConflict();
  }
  const circuit = doc.circuit_id === null ? null : await ctx.db.selectFrom('review_circuits').selectAll().where('id', '=', doc.circuit_id).executeTakeFirst();
  if (!circuit) {
    throw E.noCircuit();
  }
  const recipients = await repo.listRecipients(ctx.db, id);
  if (recipients.length === 0) {
    throw E.field('no_recipients', 'recipients', 'Choose at least one recipient before submitting');
  }
  const steps = JSON.parse(circuit.steps) as CircuitStep[];
  // A secret draft goes only to people cleared for it (else it would wait on someone who cannot open it).
  const people = await ctx.db.selectFrom('users').select(['id', 'display_name', 'clearance', 'disabled']).where('id', 'in', steps.map((s) => s.userId)).execute();
  for (const [i, s] of steps.entries()) {
    const u = people.find((p) => p.id === s.userId);
    if (!u || u.disabled || clearanceRank(u.clearance as Secrecy) < clearanceRank(doc.secrecy as Secrecy)) {
      throw E.field('circuit_clearance', `circuit.steps.${i}`, `${u?.display_name ?? 'A step'} may not receive a document of this secrecy: ask the administrator to adjust the circuit`);
    }
  }
  const now = ctx.clock.now();
  await inTransaction(ctx, async (trx) => {
    const { round } = await currentRound(trx, id);
    await repo.insertSteps(trx, id, round + 1, steps);
    const first = steps[0] as CircuitStep;
    const status = first.kind === 'sign' ? 'awaiting_signature' : 'in_review';
    if (status === 'awaiting_signature') {
      const violations = await checkFormat(trx, doc, Number(toVietnamDate(now).slice(0, 4)));
      if (violations.length > 0) {
        throw E.format(violations);
      }
    }
    const ok = await repo.updateDocument(trx, id, doc.version, { status, updated_at: now.toISOString() });
    if (!ok) {
      throw E.versionConflict();
    }
    await notifyUsers(trx, ctx.clock, [
      { userId: first.userId, kind: 'outgoing.review', entityType: 'outgoing', entityId: id, title: titleOf(`Văn bản chờ ${first.kind === 'sign' ? 'ký' : 'cho ý kiến'}`, doc), url: link(id) },
    ]);
    await recordAudit(audited(ctx, trx, by), { action: 'outgoing.submitted', entityType: 'outgoing', entityId: id, details: { round: round + 1, steps: steps.length } });
  });
}

type Decision = 'approve' | 'return' | 'sign';

/** The pending step's person (or whoever stands in for them) approves, returns or signs. */
export async function decide(ctx: Ctx, by: By, id: number, decision: Decision, input: { version: number; comment: string }): Promise<void> {
  const { doc, viewer } = await loadVisible(ctx, by.actor, id);
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  if (decision === 'sign' && doc.status !== 'awaiting_signature') {
    throw E.invalidTransition('sign', doc.status, 'The document cannot be signed before every review step has approved it');
  }
  if (doc.status !== 'in_review' && doc.status !== 'awaiting_signature') {
    throw E.invalidTransition(decision, doc.status);
  }
  const permission = decision === 'sign' || decision === 'approve' ? 'outgoing.approve' : null;
  await inTransaction(ctx, async (trx) => {
    const { steps } = await currentRound(trx, id);
    const pending = steps.find((s) => s.status === 'pending');
    if (!pending || !actsFor(viewer, pending.assignee_id)) {
      throw E.forbidden('This step is not yours');
    }
    if (decision === 'approve' && pending.kind !== 'review') {
      throw E.invalidTransition('approve', doc.status, 'This is the signing step: sign or return');
    }
    if (decision === 'sign' && pending.kind !== 'sign') {
      throw E.invalidTransition('sign', doc.status, 'The document cannot be signed before every review step has approved it');
    }
    // A signature is never delegated: the block prints the signer's own title and authority (spec §2);
    // a deputy signs K/T under a circuit of his own. Delegation covers review steps.
    if (pending.kind === 'sign' && decision !== 'return' && pending.assignee_id !== by.actor.userId) {
      throw E.forbidden('A signature is not delegated: the signer signs in person');
    }
    if (permission && pending.kind === 'sign' && !by.actor.permissions.has(permission)) {
      throw E.forbidden('You may not sign outgoing documents');
    }
    if (doc.version !== input.version) {
      throw E.versionConflict();
    }
    const onBehalf = pending.assignee_id !== by.actor.userId;
    const note = input.comment + (onBehalf ? ` (thay ${pending.assignee})` : '');
    let values: Partial<repo.DocValues>;
    const notify: { userId: number; title: string }[] = [];
    if (decision === 'return') {
      if (input.comment.trim() === '') {
        throw E.field('comment_required', 'comment', 'Say why the draft is returned');
      }
      await repo.updateStep(trx, pending.id, { status: 'returned', acted_by: by.actor.userId, acted_at: nowIso, comment: note });
      for (const s of steps.filter((x) => x.status === 'waiting')) {
        await repo.updateStep(trx, s.id, { status: 'skipped' });
      }
      await repo.insertComment(trx, { documentId: id, versionId: doc.current_version_id, authorId: by.actor.userId, body: input.comment, now: nowIso });
      values = { status: 'returned' };
      notify.push({ userId: doc.drafter_id, title: titleOf('Văn bản bị trả lại', doc) });
    } else if (decision === 'approve') {
      await repo.updateStep(trx, pending.id, { status: 'approved', acted_by: by.actor.userId, acted_at: nowIso, comment: note });
      const next = steps.find((s) => s.ordinal === pending.ordinal + 1);
      if (!next) {
        throw E.invalidTransition('approve', doc.status);
      }
      await repo.updateStep(trx, next.id, { status: 'pending' });
      if (next.kind === 'sign') {
        // The format checker stands between the office and the signer (issue 4 §4).
        const violations = await checkFormat(trx, doc, Number(toVietnamDate(now).slice(0, 4)));
        if (violations.length > 0) {
          throw E.format(violations);
        }
      }
      values = { status: next.kind === 'sign' ? 'awaiting_signature' : 'in_review' };
      notify.push({ userId: next.assignee_id, title: titleOf(`Văn bản chờ ${next.kind === 'sign' ? 'ký' : 'cho ý kiến'}`, doc) });
    } else {
      const violations = await checkFormat(trx, doc, Number(toVietnamDate(now).slice(0, 4)));
      if (violations.length > 0) {
        throw E.format(violations);
      }
      await repo.updateStep(trx, pending.id, { status: 'signed', acted_by: by.actor.userId, acted_at: nowIso, comment: note });
      values = {
        status: 'signed',
        signer_id: by.actor.userId,
        signer_name: (await repo.userName(trx, by.actor.userId)) ?? by.actor.displayName,
        signed_at: nowIso,
      };
      for (const u of await usersWithPermission(trx, 'outgoing.issue', doc.committee_id)) {
        notify.push({ userId: u, title: titleOf('Văn bản đã ký, chờ phát hành', doc) });
      }
      notify.push({ userId: doc.drafter_id, title: titleOf('Văn bản đã được ký', doc) });
    }
    const ok = await repo.updateDocument(trx, id, doc.version, { ...values, updated_at: nowIso });
    if (!ok) {
      throw E.versionConflict();
    }
    await notifyUsers(
      trx,
      ctx.clock,
      notify.filter((n) => n.userId !== by.actor.userId).map((n) => ({ ...n, kind: `outgoing.${decision}`, entityType: 'outgoing', entityId: id, url: link(id) })),
    );
    await recordAudit(audited(ctx, trx, by), {
      action: decision === 'approve' ? 'outgoing.approved' : decision === 'return' ? 'outgoing.returned' : 'outgoing.signed',
      entityType: 'outgoing',
      entityId: id,
      details: { step: pending.label, onBehalfOf: onBehalf ? pending.assignee_id : undefined },
    });
  });
}

/* ------------------------------ circuits (admin) ------------------------------ */

/** Sets the circuit of an issuing body, for one document type or its default. */
export async function saveCircuit(ctx: Ctx, by: By, input: CircuitInput): Promise<{ id: number }> {
  if (!by.actor.permissions.has('settings.manage')) {
    throw E.forbidden('Only an administrator sets review circuits');
  }
  const scope = await scopeCommitteeIds(ctx.db, by.actor);
  const issuer = await repo.issuerOf(ctx.db, input.issuerCommitteeId, input.issuerAgencyId);
  if (!issuer || (scope !== null && !scope.includes(input.issuerCommitteeId))) {
    throw E.field('unknown_issuer', 'issuerCommitteeId', 'No such issuing body in your scope');
  }
  if (input.documentTypeId !== null && !(await repo.documentType(ctx.db, input.documentTypeId))) {
    throw E.field('unknown_type', 'documentTypeId', 'No such document type');
  }
  for (const [i, s] of input.steps.entries()) {
    const u = await ctx.db.selectFrom('users').select(['id', 'disabled']).where('id', '=', s.userId).executeTakeFirst();
    if (!u || u.disabled) {
      throw E.field('unknown_user', `steps.${i}.userId`, 'No such active user');
    }
  }
  const issuerKey = issuerKeyOf(input.issuerCommitteeId, input.issuerAgencyId);
  const key = `${issuerKey}|t${input.documentTypeId ?? '*'}`;
  const now = ctx.clock.now().toISOString();
  const values = {
    committee_id: input.issuerCommitteeId,
    agency_id: input.issuerAgencyId,
    issuer_key: issuerKey,
    document_type_id: input.documentTypeId,
    circuit_key: key,
    authority_form: input.authorityForm,
    authority_line: input.authorityLine,
    signer_title: input.signerTitle,
    steps: JSON.stringify(input.steps),
    updated_at: now,
  };
  return inTransaction(ctx, async (trx) => {
    await (trx as Db)
      .insertInto('review_circuits')
      .values(values)
      .onConflict((oc) => oc.column('circuit_key').doUpdateSet(values))
      .execute();
    const row = await (trx as Db).selectFrom('review_circuits').select('id').where('circuit_key', '=', key).executeTakeFirstOrThrow();
    await recordAudit(audited(ctx, trx, by), { action: 'outgoing.circuit_saved', entityType: 'review_circuit', entityId: row.id, details: { key, steps: input.steps.length } });
    return { id: row.id };
  });
}

/* ------------------------------ delegations ------------------------------ */

/** Hands one's review and signing steps to a colleague for a period (ủy quyền khi vắng mặt). */
export async function delegate(ctx: Ctx, by: By, input: { toUserId: number; startsOn: string; endsOn: string; reason: string }): Promise<{ id: number }> {
  if (!by.actor.permissions.has('outgoing.approve') && !by.actor.permissions.has('outgoing.draft')) {
    throw E.forbidden('You take no part in review circuits');
  }
  if (input.toUserId === by.actor.userId) {
    throw E.field('self_delegation', 'toUserId', 'Choose someone else');
  }
  const to = await ctx.db.selectFrom('users').select(['id', 'disabled']).where('id', '=', input.toUserId).executeTakeFirst();
  if (!to || to.disabled) {
    throw E.field('unknown_user', 'toUserId', 'No such active user');
  }
  const roles = await rolesOfUser(ctx.db, to.id);
  if (!roles.permissions.has('outgoing.view')) {
    throw E.field('delegate_cannot_read', 'toUserId', 'This person may not read outgoing documents');
  }
  const now = ctx.clock.now().toISOString();
  return inTransaction(ctx, async (trx) => {
    const r = await (trx as Db)
      .insertInto('delegations')
      .values({ from_user_id: by.actor.userId, to_user_id: input.toUserId, starts_on: input.startsOn, ends_on: input.endsOn, reason: input.reason, created_by: by.actor.userId, created_at: now, revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await notifyUsers(trx, ctx.clock, [
      { userId: input.toUserId, kind: 'outgoing.delegated', entityType: 'delegation', entityId: r.id, title: `${by.actor.displayName} ủy quyền xử lý văn bản từ ${input.startsOn} đến ${input.endsOn}`, url: '/outgoing?box=review' },
    ]);
    await recordAudit(audited(ctx, trx, by), { action: 'outgoing.delegated', entityType: 'delegation', entityId: r.id, details: input });
    return { id: r.id };
  });
}

export async function revokeDelegation(ctx: Ctx, by: By, id: number): Promise<void> {
  const d = await ctx.db.selectFrom('delegations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d || d.from_user_id !== by.actor.userId || d.revoked_at !== null) {
    throw E.field('unknown_delegation', 'id', 'No such active delegation of yours');
  }
  await inTransaction(ctx, async (trx) => {
    await (trx as Db).updateTable('delegations').set({ revoked_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
    await recordAudit(audited(ctx, trx, by), { action: 'outgoing.delegation_revoked', entityType: 'delegation', entityId: id, details: {} });
  });
}

export async function listDelegations(ctx: Ctx, by: By) {
  return ctx.db
    .selectFrom('delegations as d')
    .innerJoin('users as f', 'f.id', 'd.from_user_id')
    .innerJoin('users as t', 't.id', 'd.to_user_id')
    .select(['d.id', 'd.from_user_id', 'd.to_user_id', 'd.starts_on', 'd.ends_on', 'd.reason', 'd.revoked_at', 'f.display_name as from_name', 't.display_name as to_name'])
    .where((eb) => eb.or([eb('d.from_user_id', '=', by.actor.userId), eb('d.to_user_id', '=', by.actor.userId)]))
    .orderBy('d.id', 'desc')
    .execute();
}
