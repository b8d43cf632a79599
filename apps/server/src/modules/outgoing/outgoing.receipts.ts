import type { ReceiptCode } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import type { AnyDb } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';

/**
 * Status receipts (spec §10): what a recipient did with an outgoing document — received, registered,
 * assigned, in progress, done, refused, and the answers to a recall. Written in the recipient's
 * transaction, so a receipt exists exactly when the step it reports does.
 */
export const RECEIPT_LABELS: Record<ReceiptCode, string> = {
  '01': 'Đã nhận',
  '02': 'Từ chối',
  '03': 'Đã vào sổ',
  '04': 'Đã phân công',
  '05': 'Đang xử lý',
  '06': 'Hoàn thành',
  '13': 'Đề nghị thu hồi',
  '15': 'Đồng ý thu hồi',
  '16': 'Từ chối thu hồi',
};

export async function recordReceipt(
  trx: AnyDb,
  v: { recipientId: number; code: ReceiptCode; at: string; actorName: string; note?: string },
): Promise<void> {
  const db = trx as Kysely<Database>;
  const r = await db.selectFrom('outgoing_recipients').select(['document_id']).where('id', '=', v.recipientId).executeTakeFirst();
  if (!r) {
    return;
  }
  await db
    .insertInto('outgoing_receipts')
    .values({ document_id: r.document_id, recipient_id: v.recipientId, code: v.code, at: v.at, actor_name: v.actorName, note: v.note ?? '' })
    .execute();
  await db.updateTable('outgoing_recipients').set({ status_code: v.code, status_at: v.at }).where('id', '=', v.recipientId).execute();
}

/** The receipt an incoming handling step sends back to the sender (none for the steps a sender need not know). */
export const RECEIPT_OF_STEP: Partial<Record<string, ReceiptCode>> = {
  direct: '04',
  redirect: '04',
  start: '05',
  complete: '06',
  file: '06',
  cancel: '02',
};
