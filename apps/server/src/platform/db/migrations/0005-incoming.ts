import { sql } from 'kysely';
import type { MigrationDef } from './registry.ts';

/**
 * Incoming documents (issue 3): the issuer directory, registers with their counters, documents, the
 * handling trail, recipients, attachments, deadline rules; in-app notifications; file encryption at
 * rest (isolated-LAN profile); the quick-search index (syllables + syllable bigrams, spec
 * search-at-scale): an FTS5 contentless table on SQLite, a tsvector column with GIN on PostgreSQL.
 */
export const m0005Incoming: MigrationDef = {
  name: '0005-incoming',
  async up(db, d) {
    await db.schema.alterTable('files').addColumn('encryption', 'text').execute();

    await d
      .addId(db.schema.createTable('organizations'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_folded', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('organizations_name_folded', ['name_folded'])
      .execute();

    await d
      .addId(db.schema.createTable('incoming_registers'))
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      // "c{committee}" or "c{committee}-a{agency}": NULL agency ids would not collide in a unique index.
      .addColumn('scope_key', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('last_number', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('incoming_registers_scope_year_kind', ['scope_key', 'year', 'kind'])
      .execute();

    await d
      .addId(db.schema.createTable('incoming_documents'))
      .addColumn('register_id', 'integer', (c) => c.notNull().references('incoming_registers.id'))
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('arrival_number', 'integer', (c) => c.notNull())
      .addColumn('arrived_at', 'text', (c) => c.notNull())
      .addColumn('arrival_date', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('issuer_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('issuer_name', 'text', (c) => c.notNull())
      .addColumn('notation', 'text', (c) => c.notNull())
      .addColumn('notation_folded', 'text', (c) => c.notNull())
      .addColumn('document_number', 'integer')
      .addColumn('document_date', 'text', (c) => c.notNull())
      .addColumn('document_type_id', 'integer', (c) => c.references('document_types.id'))
      .addColumn('summary', 'text')
      .addColumn('signer', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('page_count', 'integer')
      .addColumn('copies', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('urgency', 'text', (c) => c.notNull())
      .addColumn('urgency_rank', 'integer', (c) => c.notNull())
      .addColumn('deliver_by', 'text')
      .addColumn('secrecy', 'text', (c) => c.notNull())
      .addColumn('secrecy_rank', 'integer', (c) => c.notNull())
      .addColumn('stub', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('deadline', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('paper_location', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('presented_to', 'integer', (c) => c.references('users.id'))
      .addColumn('direction', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('lead_agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('lead_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('directed_at', 'text')
      .addColumn('result_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('reply_outgoing_id', 'integer')
      .addColumn('cancel_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('completed_at', 'text')
      .addColumn('completed_on', 'text')
      .addColumn('attachment_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('incoming_documents_register_number', ['register_id', 'arrival_number'])
      .execute();
    // Newest first inside the caller's committees, walking ids downwards (ids follow registration order).
    await db.schema.createIndex('incoming_committee_id').on('incoming_documents').columns(['committee_id', 'id']).execute();
    await db.schema.createIndex('incoming_notation').on('incoming_documents').columns(['notation_folded', 'document_date']).execute();
    await db.schema.createIndex('incoming_open_deadline').on('incoming_documents').columns(['status', 'deadline']).execute();
    await db.schema.createIndex('incoming_lead_agency').on('incoming_documents').columns(['lead_agency_id', 'id']).execute();
    await db.schema.createIndex('incoming_lead_user').on('incoming_documents').columns(['lead_user_id', 'id']).execute();
    await db.schema.createIndex('incoming_presented_to').on('incoming_documents').columns(['presented_to', 'id']).execute();
    await db.schema.createIndex('incoming_arrival_date').on('incoming_documents').columns(['register_id', 'arrival_date']).execute();

    await d
      .addId(db.schema.createTable('incoming_recipients'))
      .addColumn('document_id', 'integer', (c) => c.notNull().references('incoming_documents.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('incoming_recipients_document').on('incoming_recipients').column('document_id').execute();
    await db.schema.createIndex('incoming_recipients_user').on('incoming_recipients').columns(['user_id', 'document_id']).execute();
    await db.schema.createIndex('incoming_recipients_agency').on('incoming_recipients').columns(['agency_id', 'document_id']).execute();

    await db.schema
      .createTable('incoming_attachments')
      .addColumn('document_id', 'integer', (c) => c.notNull().references('incoming_documents.id'))
      .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
      .addColumn('is_main', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('incoming_attachments_pk', ['document_id', 'file_id'])
      .execute();

    await d
      .addId(db.schema.createTable('incoming_trail'))
      .addColumn('document_id', 'integer', (c) => c.notNull().references('incoming_documents.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema.createIndex('incoming_trail_document').on('incoming_trail').columns(['document_id', 'id']).execute();
    await db.schema.createIndex('incoming_trail_actor').on('incoming_trail').columns(['actor_id', 'document_id']).execute();

    await d
      .addId(db.schema.createTable('incoming_deadline_rules'))
      // "t{typeId|*}-u{urgency|*}": one rule per combination, NULLs included.
      .addColumn('rule_key', 'text', (c) => c.notNull().unique())
      .addColumn('document_type_id', 'integer', (c) => c.references('document_types.id'))
      .addColumn('urgency', 'text')
      .addColumn('working_days', 'integer', (c) => c.notNull())
      .execute();

    await d
      .addId(db.schema.createTable('notifications'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
      // Reminders are idempotent: the same (user, kind, entity, day) is notified once.
      .addColumn('dedupe_key', 'text', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();

    if (d.kind === 'sqlite') {
      // Contentless: the index holds only postings; display columns come from incoming_documents by rowid.
      await sql`create virtual table incoming_fts using fts5(tokens, content='', contentless_delete=1, detail=none, tokenize="unicode61 remove_diacritics 0 tokenchars '_'")`.execute(
        db,
      );
    } else {
      await sql`alter table incoming_documents add column search_vector tsvector`.execute(db);
      await sql`create index incoming_search on incoming_documents using gin (search_vector)`.execute(db);
    }
  },
};
