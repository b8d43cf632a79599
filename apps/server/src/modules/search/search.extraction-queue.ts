import type { AnyDb } from '../../platform/db/dialect.ts';

/**
 * Files waiting for text extraction: a `file_texts` row in status `queued`, written in the transaction
 * that attached the file (so a rolled-back registration queues nothing). The runner
 * (search.extraction.ts) claims them one at a time.
 */
export async function queueFileTexts(trx: AnyDb, fileIds: number[], now: Date): Promise<void> {
  if (fileIds.length === 0) {
    return;
  }
  const known = await trx.selectFrom('file_texts').select('file_id').where('file_id', 'in', fileIds).execute();
  const seen = new Set(known.map((r) => r.file_id));
  const fresh = fileIds.filter((f) => !seen.has(f));
  if (fresh.length === 0) {
    return;
  }
  await trx
    .insertInto('file_texts')
    .values(fresh.map((file_id) => ({ file_id, status: 'queued', method: 'none', text: '', updated_at: now.toISOString() })))
    .onConflict((oc) => oc.column('file_id').doNothing())
    .execute();
}
