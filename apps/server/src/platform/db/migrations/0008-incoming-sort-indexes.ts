import { sql } from 'kysely';
import type { MigrationDef } from './registry.ts';

/**
 * The two other orders of the register list, for a walk from the top instead of a sort of every
 * visible row (incoming.repository.ts `walksSortIndex`): most urgent first — (urgency_rank, id), which
 * PostgreSQL has from 0006 — and nearest deadline first, documents without a deadline last — an
 * expression index on the deadline with NULL read as the end of time, on both engines.
 */
export const m0008IncomingSortIndexes: MigrationDef = {
  name: '0008-incoming-sort-indexes',
  async up(db, d) {
    if (d.kind === 'sqlite') {
      await db.schema.createIndex('incoming_urgency_walk').on('incoming_documents').columns(['urgency_rank', 'id']).execute();
    }
    await db.schema
      .createIndex('incoming_deadline_walk')
      .on('incoming_documents')
      .expression(sql`coalesce(deadline, '9999-12-31'), id`)
      .execute();
  },
};
