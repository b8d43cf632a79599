import type { MigrationDef } from './registry.ts';

/**
 * The bulk import's ledger (issue 7 §5): one row per imported register row, written in the same
 * transaction as the document's registration, so an interrupted import resumes without duplicates.
 */
export const m0011Import: MigrationDef = {
  name: '0011-import',
  async up(db, d) {
    await d
      .addId(db.schema.createTable('import_rows'))
      .addColumn('batch_key', 'text', (c) => c.notNull())
      .addColumn('row_key', 'text', (c) => c.notNull())
      .addColumn('row_number', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('incoming_id', 'integer', (c) => c.references('incoming_documents.id'))
      .addColumn('error', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('import_rows_batch_row', ['batch_key', 'row_key'])
      .execute();
  },
};
