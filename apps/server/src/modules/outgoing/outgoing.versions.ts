import { indexRecords } from '../search/search.index.ts';
import { PDFDocument } from 'pdf-lib';
import { inTransaction } from '../../platform/context.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';
import { findSignatureRanges } from '../signatures/signatures.pdf-scan.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { isStubOn } from './outgoing.drafts.ts';
import { outgoingErrors as E } from './outgoing.errors.ts';
import { isEditable } from './outgoing.models.ts';
import * as repo from './outgoing.repository.ts';
import { audited, loadVisible, type By, type Ctx } from './outgoing.usecases.ts';

/** A PDF version is sealed at issue: it must open, have a page, and carry no signature yet (sealing rewrites the file). */
async function checkPdf(ctx: Ctx, fileId: number): Promise<void> {
  const { bytes } = await fileStoreOf(ctx).read(fileId);
  let pages = 0;
  try {
    pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  } catch {
    pages = 0;
  }
  if (pages === 0) {
    throw E.field('unreadable_pdf', 'fileId', 'This PDF cannot be read (or has no page)');
  }
  if (findSignatureRanges(bytes).length > 0) {
    throw E.field('pdf_already_signed', 'fileId', 'This PDF already carries a digital signature; upload the unsigned PDF: the issuing body seals it at issue');
  }
}

const VERSION_TYPES = new Set(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);

/**
 * A version from a file (issue 4 §1): the drafter uploads a DOCX or a PDF (with POST /api/files) and
 * adds it as the new current version; a PDF version is what gets sealed at issue (a document signed on
 * paper and scanned, or laid out elsewhere). Every version is kept.
 */
export async function addVersionFile(ctx: Ctx, by: By, id: number, input: { fileId: number; note: string }): Promise<void> {
  const { actor } = by;
  const { doc } = await loadVisible(ctx, actor, id);
  if (doc.drafter_id !== actor.userId || !actor.permissions.has('outgoing.draft')) {
    throw E.forbidden('Only the drafter adds versions');
  }
  if (!isEditable(doc.status)) {
    throw E.invalidTransition('add a version', doc.status, 'The draft is in the review circuit: it can be changed once returned');
  }
  const settings = await getSettings(ctx.db);
  if (isStubOn(settings.deploymentProfile, doc.secrecy as 'none')) {
    throw E.field('secret_content_refused', 'fileId', 'On a networked deployment a secret document is recorded as a stub: its text stays on paper');
  }
  const file = await ctx.db.selectFrom('files').select(['id', 'created_by', 'content_type']).where('id', '=', input.fileId).executeTakeFirst();
  if (!file || file.created_by !== actor.userId) {
    throw E.field('unknown_file', 'fileId', 'No such file of yours: upload it first');
  }
  if (!VERSION_TYPES.has(file.content_type)) {
    throw E.field('version_file_type', 'fileId', 'A version is a DOCX or a PDF file');
  }
  if (file.content_type === 'application/pdf') {
    await checkPdf(ctx, file.id);
  }
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    const versionId = await repo.insertVersion(trx, { documentId: id, kind: 'upload', content: doc.content, fileId: file.id, note: input.note, createdBy: actor.userId, now });
    if (!(await repo.updateDocument(trx, id, doc.version, { current_version_id: versionId, updated_at: now }))) {
      throw E.versionConflict();
    }
    await indexRecords(trx, ctx.dialect, 'outgoing', [id], ctx.clock.now());
    await recordAudit(audited(ctx, trx, by), { action: 'outgoing.version_added', entityType: 'outgoing', entityId: id, details: { versionId, fileId: file.id, contentType: file.content_type } });
  });
}
