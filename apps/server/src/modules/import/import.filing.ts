/**
 * Filing an imported historic document (lưu) in the transaction that registers it, so an entry of an
 * old register does not stand open in the clerk's queue and the overdue lists.
 *
 * The incoming flow's own step (`fileIncoming` in incoming.flow.ts) cannot be used here: it opens its
 * own transaction (the row's registration and its `import_rows` mark must commit with the filing) and
 * it is a leader's decision (`incoming.direct`), which the clerk the rows are registered for does not
 * hold. The import therefore writes the same transition with the incoming repository's functions: the
 * status registered → filed under the version check, the trail row "filed", the audit event
 * "incoming.filed". The completion date stays empty: when the document was actually dealt with is not
 * known, and today's date would count every old deadline as missed in the handling report.
 */
import type { Trx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { findDocument, insertTrail, updateDocument } from '../incoming/incoming.repository.ts';
import { audited, type By, type Ctx } from '../incoming/incoming.usecases.ts';

export type ImportStatus = 'filed' | 'registered';

/** The status an imported row ends in: `chosen` (--status), else filed when it arrived long ago. */
export const statusFor = (chosen: ImportStatus | undefined, old: boolean): ImportStatus => chosen ?? (old ? 'filed' : 'registered');

export async function fileImported(ctx: Ctx, trx: Trx, by: By, id: number, batch: string): Promise<void> {
  const doc = await findDocument(trx, id);
  if (doc === null || doc.status !== 'registered') {
    throw new Error(`imported document ${id} is not registered (${doc?.status ?? 'missing'})`);
  }
  const now = ctx.clock.now().toISOString();
  if (!(await updateDocument(trx, id, doc.version, { status: 'filed', updated_at: now }))) {
    throw new Error(`imported document ${id} changed while it was filed`);
  }
  const note = `Nhập từ sổ cũ (lô «${batch}»): đã xử lý, lưu.`;
  await insertTrail(trx, {
    documentId: id,
    actorId: by.actor.userId,
    actorName: by.actor.displayName,
    at: now,
    action: 'filed',
    fromStatus: 'registered',
    toStatus: 'filed',
    note,
    details: { import: batch },
  });
  await recordAudit(audited(ctx, trx, by), {
    action: 'incoming.filed',
    entityType: 'incoming',
    entityId: id,
    details: { from: 'registered', to: 'filed', import: batch },
  });
}
