import type { MigrationDef } from './registry.ts';

/**
 * A file belongs to one incoming document (security review: re-attaching a secret file to an ordinary
 * document served it under the wrong rules), enforced by the database as well as by registration; and
 * a clerk's previous entry (form defaults) found without scanning the register.
 */
export const m0007IncomingIntegrity: MigrationDef = {
  name: '0007-incoming-integrity',
  async up(db) {
    await db.schema.createIndex('incoming_attachments_file').on('incoming_attachments').column('file_id').unique().execute();
    await db.schema.createIndex('incoming_created_by').on('incoming_documents').columns(['created_by', 'id']).execute();
  },
};
