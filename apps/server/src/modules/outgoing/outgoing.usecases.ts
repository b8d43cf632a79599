import type { DraftContent, Secrecy, Urgency, AuthorityForm } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import type { AnyDb } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/auth.models.ts';
import { outgoingErrors as E } from './outgoing.errors.ts';
import { formatViolations } from './outgoing.format.ts';
import { defaultRetainLine, headerLines, layoutOf } from './outgoing.models.ts';
import * as repo from './outgoing.repository.ts';
import { outgoingViewer, type OutgoingViewer } from './outgoing.visibility.ts';
import type { DocumentLayout } from './layout/layout.models.ts';

export type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock' | 'config'>;
type Db = Kysely<Database>;

/** Who acts, and the audit context of the request. */
export interface By {
  actor: Actor;
  audit: AuditContext;
}

export const audited = (ctx: Ctx, trx: Trx, by: By) => ({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit });

export async function viewerOrDeny(ctx: Ctx, actor: Actor): Promise<OutgoingViewer> {
  const v = await outgoingViewer(ctx.db, actor, ctx.clock.now());
  if (!v) {
    throw E.notFound();
  }
  return v;
}

/** The document if the actor may see it; 404 otherwise (never a hint that it exists). */
export async function loadVisible(ctx: Ctx, actor: Actor, id: number, via?: AnyDb): Promise<{ doc: repo.DocRow; viewer: OutgoingViewer }> {
  const viewer = await viewerOrDeny(ctx, actor);
  const doc = await repo.findVisible(via ?? ctx.db, viewer, id);
  if (!doc) {
    throw E.notFound();
  }
  return { doc, viewer };
}

export const contentOf = (doc: Pick<repo.DocRow, 'content'>): DraftContent => JSON.parse(doc.content) as DraftContent;

/** The layout of a document as it stands (a draft: no number, an empty date line; issued: its number and date). */
export async function layoutOfDocument(db: AnyDb, doc: repo.DocRow, year: number): Promise<DocumentLayout> {
  const issuer = await repo.issuerOf(db, doc.committee_id, doc.agency_id);
  const type = await repo.documentType(db, doc.document_type_id);
  if (!issuer || !type) {
    throw E.notFound();
  }
  const content = contentOf(doc);
  const recipients = await repo.listRecipients(db, doc.id);
  const lines = headerLines({ committee: issuer.committee, agency: issuer.agency });
  const retain = content.retainLine?.trim() || defaultRetainLine(issuer);
  return {
    layout: layoutOf(issuer.committee.numbering_rule),
    superiorLine: lines.superiorLine,
    issuerLine: lines.issuerLine,
    issuerAbbreviation: issuer.abbreviation,
    typeName: type.name,
    typeAbbreviation: type.abbreviation,
    number: doc.number,
    notation: doc.notation,
    place: issuer.committee.place_name,
    date: doc.issued_on,
    draftYear: year,
    summary: doc.summary,
    body: content.body,
    addressees: content.addressees,
    authorityForm: (doc.authority_form as AuthorityForm | null) ?? null,
    authorityLine: doc.authority_line,
    signerTitle: doc.signer_title,
    signerName: doc.signer_name ?? (await pendingSignerName(db, doc)) ?? '',
    recipientLines: [...content.extraRecipientLines, ...recipients.map((r) => r.name), retain],
    secrecy: doc.secrecy as Secrecy,
    urgency: doc.urgency as Urgency,
  };
}

/**
 * The future signer a draft prints: the person of the signing step of the current round, or — before
 * the draft is submitted — the signer of its circuit.
 */
async function pendingSignerName(db: AnyDb, doc: Pick<repo.DocRow, 'id' | 'circuit_id'>): Promise<string | null> {
  const step = await (db as Db)
    .selectFrom('outgoing_review_steps')
    .select(['assignee_id'])
    .where('document_id', '=', doc.id)
    .where('kind', '=', 'sign')
    .orderBy('round', 'desc')
    .executeTakeFirst();
  if (step) {
    return repo.userName(db, step.assignee_id);
  }
  if (doc.circuit_id === null) {
    return null;
  }
  const circuit = await (db as Db).selectFrom('review_circuits').select('steps').where('id', '=', doc.circuit_id).executeTakeFirst();
  const signer = circuit ? (JSON.parse(circuit.steps) as { kind: string; userId: number }[]).find((s) => s.kind === 'sign') : undefined;
  return signer ? repo.userName(db, signer.userId) : null;
}

export async function checkFormat(db: AnyDb, doc: repo.DocRow, year: number) {
  const layout = await layoutOfDocument(db, doc, year);
  const catalogue = (await repo.typeCatalogue(db)).filter((t) => t.family === layout.layout);
  return formatViolations(layout, catalogue);
}

/** Every view and download of a secret document is logged (spec §3), in its own transaction. */
export async function auditSecretRead(ctx: Ctx, by: By, doc: Pick<repo.DocRow, 'id' | 'secrecy'>, action: string, details: Record<string, unknown> = {}): Promise<void> {
  if (doc.secrecy === 'none') {
    return;
  }
  await inTransaction(ctx, (trx) => recordAudit(audited(ctx, trx, by), { action, entityType: 'outgoing', entityId: doc.id, details: { secrecy: doc.secrecy, ...details } }));
}

/** Users who hold a permission and whose scope covers the committee (for notifications). */
export async function usersWithPermission(db: AnyDb, permission: string, committeeId: number): Promise<number[]> {
  const rows = await (db as Db)
    .selectFrom('users as u')
    .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
    .innerJoin('roles as r', 'r.id', 'ur.role_id')
    .select(['u.id', 'u.scope_committee_id', 'r.permissions'])
    .where('u.disabled', '=', 0)
    .execute();
  return [
    ...new Set(
      rows
        .filter((r) => (JSON.parse(r.permissions) as string[]).includes(permission))
        .filter((r) => r.scope_committee_id === null || r.scope_committee_id === committeeId)
        .map((r) => r.id),
    ),
  ];
}
