import { systemAuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext } from '../../platform/context.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';
import { actorOf } from '../seed/seed.incoming.ts';
import { createDraft } from './outgoing.drafts.ts';
import { decide, submit } from './outgoing.review.ts';
import { samplePdf } from './outgoing.samples.ts';
import { addVersionFile } from './outgoing.versions.ts';

export const HD = 11; // Hướng dẫn: no demo document uses its series
const VPTW = 4;

/** n documents of `typeId` signed and ready to issue, each with an uploaded PDF as its version (no LibreOffice needed). */
export async function signedDocuments(ctx: Pick<AppContext, 'db' | 'dialect' | 'clock' | 'config'>, n: number, typeId = HD): Promise<number[]> {
  const audit = systemAuditContext('test');
  const [drafter, chief, secretary] = await Promise.all(['chuyenvien', 'chanhvp', 'bithu'].map((u) => actorOf(ctx, u)));
  const store = fileStoreOf(ctx);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const { id } = await createDraft(ctx, { actor: drafter!, audit }, {
      issuerCommitteeId: 1,
      issuerAgencyId: null,
      documentTypeId: typeId,
      draftingAgencyId: null,
      secrecy: 'none',
      urgency: 'normal',
      copies: 1,
      congress: false,
      paperLocation: '',
      recipients: [{ committeeId: null, agencyId: null, organizationId: VPTW }],
      content: { summary: `Hướng dẫn thử đồng thời số ${i + 1}`, body: 'Nội dung hướng dẫn.', addressees: [], extraRecipientLines: [] },
    });
    const bytes = await samplePdf(`Huong dan ${i + 1}`);
    const file = await inTransaction(ctx, (trx) => store.put({ bytes, name: `hd-${i}.pdf`, createdBy: drafter!.userId, trx, audit }));
    await addVersionFile(ctx, { actor: drafter!, audit }, id, { fileId: file.id, note: '' });
    await submit(ctx, { actor: drafter!, audit }, id, 2);
    await decide(ctx, { actor: chief!, audit }, id, 'approve', { version: 3, comment: '' });
    await decide(ctx, { actor: secretary!, audit }, id, 'sign', { version: 4, comment: '' });
    ids.push(id);
  }
  return ids;
}

