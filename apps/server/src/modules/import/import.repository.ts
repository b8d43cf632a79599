/** The import's ledger (import_rows) and the register numbers an imported entry keeps. */
import type { Kysely } from 'kysely';
import type { Trx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { importErrors } from './import.errors.ts';

type Db = Kysely<Database>;

/** Row keys of the batch already imported (a restart skips them). */
export async function doneKeys(db: Db, batchKey: string): Promise<Map<string, number | null>> {
  const rows = await db
    .selectFrom('import_rows')
    .select(['row_key', 'incoming_id'])
    .where('batch_key', '=', batchKey)
    .where('status', '=', 'done')
    .execute();
  return new Map(rows.map((r) => [r.row_key, r.incoming_id]));
}

/**
 * Marks the row done with its document, in the transaction that registered it. Returns false when
 * another run marked it first (two imports of one batch at once): the caller then rolls the row's
 * registration back and counts it skipped.
 */
export async function markDone(
  trx: Trx,
  v: { batchKey: string; rowKey: string; rowNumber: number; incomingId: number; createdBy: number; at: string },
): Promise<boolean> {
  const r = await trx
    .insertInto('import_rows')
    .values({
      batch_key: v.batchKey,
      row_key: v.rowKey,
      row_number: v.rowNumber,
      status: 'done',
      incoming_id: v.incomingId,
      error: null,
      created_by: v.createdBy,
      created_at: v.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['batch_key', 'row_key'])
        .doUpdateSet({
          status: 'done',
          row_number: v.rowNumber,
          incoming_id: v.incomingId,
          error: null,
          created_by: v.createdBy,
          created_at: v.at,
        })
        .where('import_rows.status', '<>', 'done'),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Records a failed attempt (never over a done row). */
export async function recordFailure(
  trx: Trx,
  v: { batchKey: string; rowKey: string; rowNumber: number; createdBy: number; at: string; error: string },
): Promise<void> {
  await trx
    .insertInto('import_rows')
    .values({
      batch_key: v.batchKey,
      row_key: v.rowKey,
      row_number: v.rowNumber,
      status: 'failed',
      incoming_id: null,
      error: v.error,
      created_by: v.createdBy,
      created_at: v.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['batch_key', 'row_key'])
        .doUpdateSet({ row_number: v.rowNumber, error: v.error, created_at: v.at })
        .where('import_rows.status', '<>', 'done'),
    )
    .execute();
}

/**
 * The arrival number the old register gave (số đến), kept when it is free in the register; the
 * register's counter moves past it, so later registrations continue after the highest number.
 */
export function keepArrivalNumber(n: number) {
  return async (trx: Trx, registerId: number): Promise<number> => {
    const taken = await trx
      .selectFrom('incoming_documents')
      .select(['id', 'arrival_date'])
      .where('register_id', '=', registerId)
      .where('arrival_number', '=', n)
      .executeTakeFirst();
    if (taken) {
      throw importErrors.numberTaken(n, taken.id);
    }
    await trx
      .updateTable('incoming_registers')
      .set({ last_number: n })
      .where('id', '=', registerId)
      .where('last_number', '<', n)
      .execute();
    return n;
  };
}
