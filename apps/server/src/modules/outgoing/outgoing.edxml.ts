import type { DraftContent, Secrecy, Urgency } from '@vanphong/contracts';
import { inTransaction } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';
import { buildDocumentPackage, composeDocumentId, EdxmlInvalidError, priorityOfUrgency, splitNotation, type EdxmlOrgan } from '../edxml/edxml.ts';
import { outgoingErrors as E } from './outgoing.errors.ts';
import { neverPackaged } from './outgoing.models.ts';
import * as repo from './outgoing.repository.ts';
import { audited, loadVisible, type By, type Ctx } from './outgoing.usecases.ts';
import { badRequest } from '../../platform/errors.ts';

/**
 * edXML export (issue 4 §6–7, QCVN 102:2016): the package of an issued document for the recipients
 * outside this installation — its header fields, and the sealed PDF as the attachment. Secret stubs
 * have no content to send, and Tối mật / Tuyệt mật never leave as packages on any profile (spec §3).
 */
export async function exportPackage(ctx: Ctx, by: By, id: number): Promise<{ xml: string; fileName: string }> {
  if (!by.actor.permissions.has('outgoing.issue')) {
    throw E.forbidden('Only the clerk (văn thư) sends packages');
  }
  const { doc, viewer } = await loadVisible(ctx, by.actor, id);
  if (viewer.committeeIds !== null && !viewer.committeeIds.includes(doc.committee_id)) {
    throw E.forbidden('This document belongs to another committee');
  }
  if (doc.status !== 'issued') {
    throw E.invalidTransition('export', doc.status, 'Only an issued document is sent as a package');
  }
  if (doc.stub === 1 || neverPackaged(doc.secrecy as Secrecy)) {
    throw E.field('secret_package', 'secrecy', 'A secret document is never sent as an edXML package from this system');
  }
  const issuer = await repo.issuerOf(ctx.db, doc.committee_id, doc.agency_id);
  const type = await repo.documentType(ctx.db, doc.document_type_id);
  const recipients = await repo.listRecipients(ctx.db, id);
  const orgCodes = new Map(
    (await ctx.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.id, o.code]),
  );
  const outside = recipients.filter((r) => r.delivery === 'edxml');
  const to: EdxmlOrgan[] = (outside.length > 0 ? outside : recipients).map((r) => ({
    organId: (r.organization_id !== null ? orgCodes.get(r.organization_id) : null) || `R${r.id}`,
    organName: r.name,
  }));
  const content = JSON.parse(doc.content) as DraftContent;
  const notation = doc.notation as string;
  const from: EdxmlOrgan = { organId: issuer?.abbreviation ?? doc.issuer_key, organName: issuer?.name ?? '' };
  const pdf = doc.pdf_file_id === null ? null : await fileStoreOf(ctx).read(doc.pdf_file_id);
  const issuedOn = doc.issued_on as string;
  let xml: string;
  try {
    xml = buildDocumentPackage(
      {
        messageHeader: {
          from,
          to,
          code: splitNotation(notation),
          promulgationInfo: { place: issuer?.committee.place_name ?? '', promulgationDate: issuedOn },
          documentType: { type: 1, typeName: type?.name ?? '' },
          subject: doc.summary,
          ...(content.body ? { content: content.body.slice(0, 10_000) } : {}),
          signerInfo: { ...(doc.authority_line ? { competence: doc.authority_line } : {}), position: doc.signer_title, fullName: doc.signer_name ?? '' },
          toPlaces: recipients.map((r) => r.name),
          otherInfo: { priority: priorityOfUrgency(doc.urgency as Urgency), promulgationAmount: doc.copies, pageAmount: 1 },
          documentId: composeDocumentId({ organId: from.organId, promulgationDate: issuedOn, notation }),
        },
        traceHeaders: [{ organId: from.organId, timestamp: ctx.clock.now().toISOString() }],
      },
      pdf ? [{ name: pdf.record.originalName, contentType: 'application/pdf', bytes: pdf.bytes, description: notation }] : [],
    );
  } catch (err) {
    if (err instanceof EdxmlInvalidError) {
      throw badRequest('outgoing.edxml_invalid', err.message, err.errors.map((e) => ({ path: e.element, message: e.message })));
    }
    throw err;
  }
  await inTransaction(ctx, async (trx) => {
    await recordAudit(audited(ctx, trx, by), { action: 'outgoing.edxml_exported', entityType: 'outgoing', entityId: id, details: { notation, to: to.map((o) => o.organId) } });
  });
  return { xml, fileName: `${notation.replace(/[/\\]+/g, '-')}.edxml` };
}
