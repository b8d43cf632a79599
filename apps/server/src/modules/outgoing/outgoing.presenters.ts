import type { DraftContent, OutgoingListItem, ReceiptCode } from '@vanphong/contracts';
import type { AnyDb } from '../../platform/db/dialect.ts';
import type { Actor } from '../auth/auth.models.ts';
import { isDraftStatus, isEditable } from './outgoing.models.ts';
import { RECEIPT_LABELS } from './outgoing.receipts.ts';
import * as repo from './outgoing.repository.ts';
import type { FormatViolation } from '@vanphong/contracts';
import { actsFor, type OutgoingViewer } from './outgoing.visibility.ts';

/** What the actor may do with the document now (the web shows exactly these buttons). */
export function abilitiesOf(actor: Actor, viewer: OutgoingViewer, doc: repo.DocRow, steps: repo.StepRow[]) {
  const round = steps.reduce((m, s) => Math.max(m, s.round), 0);
  const pending = steps.find((s) => s.round === round && s.status === 'pending');
  const mine = pending !== undefined && (pending.kind === 'sign' ? pending.assignee_id === actor.userId : actsFor(viewer, pending.assignee_id));
  const drafter = doc.drafter_id === actor.userId && actor.permissions.has('outgoing.draft');
  const clerk = actor.permissions.has('outgoing.issue') && (viewer.committeeIds === null || viewer.committeeIds.includes(doc.committee_id));
  return {
    edit: drafter && isEditable(doc.status),
    submit: drafter && isEditable(doc.status),
    approve: mine && pending?.kind === 'review' && doc.status === 'in_review',
    return: mine && (doc.status === 'in_review' || doc.status === 'awaiting_signature'),
    sign: mine && pending?.kind === 'sign' && doc.status === 'awaiting_signature' && actor.permissions.has('outgoing.approve'),
    issue: clerk && (doc.status === 'signed' || doc.status === 'issuing'),
    recall: clerk && doc.status === 'issued',
    comment: isDraftStatus(doc.status),
    downloadPdf: doc.pdf_file_id !== null,
  };
}

export function presentListItem(r: ListRow): OutgoingListItem {
  return {
    id: r.id,
    status: r.status as OutgoingListItem['status'],
    issuerName: r.issuer_name,
    issuerKey: r.issuer_key,
    documentType: { id: r.document_type_id, name: r.type_name, abbreviation: r.type_abbreviation },
    summary: r.summary,
    number: r.number,
    notation: r.notation,
    issuedOn: r.issued_on,
    secrecy: r.secrecy as OutgoingListItem['secrecy'],
    urgency: r.urgency as OutgoingListItem['urgency'],
    stub: r.stub === 1,
    drafter: { id: r.drafter_id, name: r.drafter_name },
    signerName: r.signer_name,
    currentStep: r.current_step,
    updatedAt: r.updated_at,
  };
}

export interface ListRow {
  id: number;
  status: string;
  issuer_key: string;
  issuer_name: string;
  document_type_id: number;
  type_name: string;
  type_abbreviation: string;
  summary: string;
  number: number | null;
  notation: string | null;
  issued_on: string | null;
  secrecy: string;
  urgency: string;
  stub: number;
  drafter_id: number;
  drafter_name: string;
  signer_name: string | null;
  current_step: string | null;
  updated_at: string;
}

export async function presentDetail(
  db: AnyDb,
  v: { actor: Actor; viewer: OutgoingViewer; doc: repo.DocRow; violations: FormatViolation[] },
) {
  const { doc } = v;
  const [issuer, type, versions, comments, steps, recipients, receipts, drafter] = await Promise.all([
    repo.issuerOf(db, doc.committee_id, doc.agency_id),
    repo.documentType(db, doc.document_type_id),
    repo.listVersions(db, doc.id),
    repo.listComments(db, doc.id),
    repo.listSteps(db, doc.id),
    repo.listRecipients(db, doc.id),
    repo.listReceipts(db, doc.id),
    repo.userName(db, doc.drafter_id),
  ]);
  const content = JSON.parse(doc.content) as DraftContent;
  const label = (code: string | null) => (code ? RECEIPT_LABELS[code as ReceiptCode] : null);
  return {
    id: doc.id,
    status: doc.status,
    layout: doc.layout,
    issuerKey: doc.issuer_key,
    issuer: { committeeId: doc.committee_id, agencyId: doc.agency_id, name: issuer?.name ?? '', abbreviation: issuer?.abbreviation ?? '' },
    documentType: { id: doc.document_type_id, name: type?.name ?? '', abbreviation: type?.abbreviation ?? '' },
    congress: doc.congress === 1,
    draftingAgencyId: doc.drafting_agency_id,
    drafter: { id: doc.drafter_id, name: drafter ?? '' },
    summary: doc.summary,
    content,
    secrecy: doc.secrecy,
    urgency: doc.urgency,
    copies: doc.copies,
    stub: doc.stub === 1,
    paperLocation: doc.paper_location,
    authority: { form: doc.authority_form, line: doc.authority_line, signerTitle: doc.signer_title },
    signer: doc.signer_id === null ? null : { id: doc.signer_id, name: doc.signer_name ?? '', signedAt: doc.signed_at },
    number: doc.number,
    notation: doc.notation,
    issuedOn: doc.issued_on,
    issuedAt: doc.issued_at,
    pdfFileId: doc.pdf_file_id,
    docxFileId: doc.docx_file_id,
    recallReason: doc.recall_reason,
    version: doc.version,
    currentVersionId: doc.current_version_id,
    versions: versions.map((x) => ({
      id: x.id,
      ordinal: x.ordinal,
      kind: x.kind,
      fileId: x.file_id,
      fileName: x.file_name,
      fileType: x.file_type,
      note: x.note,
      author: x.author,
      createdAt: x.created_at,
    })),
    comments: comments.map((c) => ({ id: c.id, body: c.body, author: c.author, versionOrdinal: c.version_ordinal, createdAt: c.created_at })),
    steps: steps.map((s) => ({
      id: s.id,
      round: s.round,
      ordinal: s.ordinal,
      kind: s.kind,
      label: s.label,
      assigneeId: s.assignee_id,
      assignee: s.assignee,
      status: s.status,
      actedBy: s.acted_by_name,
      actedAt: s.acted_at,
      comment: s.comment,
    })),
    recipients: recipients.map((r) => ({
      id: r.id,
      name: r.name,
      delivery: r.delivery,
      committeeId: r.committee_id,
      agencyId: r.agency_id,
      organizationId: r.organization_id,
      incomingDocumentId: r.incoming_document_id,
      statusCode: r.status_code,
      statusLabel: label(r.status_code),
      statusAt: r.status_at,
    })),
    receipts: receipts.map((r) => ({ id: r.id, recipientId: r.recipient_id, code: r.code, label: label(r.code), at: r.at, actor: r.actor_name, note: r.note })),
    violations: v.violations,
    abilities: abilitiesOf(v.actor, v.viewer, doc, steps),
    createdAt: doc.created_at,
    updatedAt: doc.updated_at,
  };
}
