import type { MigrationDef } from './registry.ts';

/**
 * Outgoing documents (issue 4): drafts and their versions and comments, review circuits and steps,
 * delegations, numbering series and every number they gave (issued, reserved, void, consumed),
 * recipients with their delivery and status receipts, the issuing bodies' signing identities and the
 * trusted certificate list. Incoming documents learn which outgoing document (and recipient) they
 * came from, so that their handling sends status receipts back (liên thông).
 */
export const m0009Outgoing: MigrationDef = {
  name: '0009-outgoing',
  async up(db, d) {
    await d
      .addId(db.schema.createTable('outgoing_documents'))
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      // "c{committee}" or "c{committee}-a{agency}", as for incoming registers.
      .addColumn('issuer_key', 'text', (c) => c.notNull())
      .addColumn('layout', 'text', (c) => c.notNull())
      .addColumn('document_type_id', 'integer', (c) => c.notNull().references('document_types.id'))
      .addColumn('congress', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('drafting_agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('drafter_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('summary_folded', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('secrecy', 'text', (c) => c.notNull())
      .addColumn('secrecy_rank', 'integer', (c) => c.notNull())
      .addColumn('urgency', 'text', (c) => c.notNull())
      .addColumn('copies', 'integer', (c) => c.notNull())
      .addColumn('stub', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('paper_location', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('circuit_id', 'integer')
      .addColumn('authority_form', 'text')
      .addColumn('authority_line', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('signer_title', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('signer_id', 'integer', (c) => c.references('users.id'))
      .addColumn('signer_name', 'text')
      .addColumn('signed_at', 'text')
      .addColumn('series_id', 'integer')
      .addColumn('number', 'integer')
      .addColumn('notation', 'text')
      .addColumn('notation_folded', 'text')
      .addColumn('issued_on', 'text')
      .addColumn('issued_at', 'text')
      .addColumn('issued_by', 'integer', (c) => c.references('users.id'))
      .addColumn('current_version_id', 'integer')
      .addColumn('docx_file_id', 'integer', (c) => c.references('files.id'))
      .addColumn('pdf_file_id', 'integer', (c) => c.references('files.id'))
      .addColumn('recall_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('outgoing_committee_id').on('outgoing_documents').columns(['committee_id', 'id']).execute();
    await db.schema.createIndex('outgoing_drafter').on('outgoing_documents').columns(['drafter_id', 'id']).execute();
    await db.schema.createIndex('outgoing_status').on('outgoing_documents').columns(['status', 'id']).execute();
    await db.schema.createIndex('outgoing_issued_on').on('outgoing_documents').columns(['issuer_key', 'issued_on']).execute();
    await db.schema.createIndex('outgoing_notation').on('outgoing_documents').column('notation_folded').execute();
    // One document per number of a series: the database itself refuses a duplicate.
    await db.schema.createIndex('outgoing_series_number').on('outgoing_documents').columns(['series_id', 'number']).unique().execute();

    await d
      .addId(db.schema.createTable('outgoing_versions'))
      .addColumn('document_id', 'integer', (c) => c.notNull().references('outgoing_documents.id'))
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('file_id', 'integer', (c) => c.references('files.id'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('outgoing_versions_document_ordinal', ['document_id', 'ordinal'])
      .execute();

    await d
      .addId(db.schema.createTable('outgoing_comments'))
      .addColumn('document_id', 'integer', (c) => c.notNull().references('outgoing_documents.id'))
      .addColumn('version_id', 'integer', (c) => c.references('outgoing_versions.id'))
      .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('outgoing_comments_document').on('outgoing_comments').columns(['document_id', 'id']).execute();

    await d
      .addId(db.schema.createTable('review_circuits'))
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('issuer_key', 'text', (c) => c.notNull())
      .addColumn('document_type_id', 'integer', (c) => c.references('document_types.id'))
      // "{issuerKey}|t{typeId|*}": one circuit per issuer and type (or its default).
      .addColumn('circuit_key', 'text', (c) => c.notNull().unique())
      .addColumn('authority_form', 'text', (c) => c.notNull())
      .addColumn('authority_line', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('signer_title', 'text', (c) => c.notNull())
      .addColumn('steps', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await d
      .addId(db.schema.createTable('outgoing_review_steps'))
      .addColumn('document_id', 'integer', (c) => c.notNull().references('outgoing_documents.id'))
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('assignee_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('acted_by', 'integer', (c) => c.references('users.id'))
      .addColumn('acted_at', 'text')
      .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.createIndex('outgoing_steps_document').on('outgoing_review_steps').columns(['document_id', 'round', 'ordinal']).execute();
    await db.schema.createIndex('outgoing_steps_assignee').on('outgoing_review_steps').columns(['assignee_id', 'status']).execute();

    await d
      .addId(db.schema.createTable('delegations'))
      .addColumn('from_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('to_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('delegations_to').on('delegations').columns(['to_user_id', 'ends_on']).execute();

    await d
      .addId(db.schema.createTable('outgoing_series'))
      .addColumn('series_key', 'text', (c) => c.notNull().unique())
      .addColumn('issuer_key', 'text', (c) => c.notNull())
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('term_id', 'integer', (c) => c.references('terms.id'))
      .addColumn('year', 'integer')
      .addColumn('document_type_id', 'integer', (c) => c.references('document_types.id'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('last_number', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await d
      .addId(db.schema.createTable('outgoing_numbers'))
      .addColumn('series_id', 'integer', (c) => c.notNull().references('outgoing_series.id'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('notation', 'text', (c) => c.notNull())
      .addColumn('document_id', 'integer', (c) => c.references('outgoing_documents.id'))
      .addColumn('document_type_id', 'integer', (c) => c.references('document_types.id'))
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('outgoing_numbers_series_number', ['series_id', 'number'])
      .execute();

    await d
      .addId(db.schema.createTable('outgoing_recipients'))
      .addColumn('document_id', 'integer', (c) => c.notNull().references('outgoing_documents.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('committee_id', 'integer', (c) => c.references('committees.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('delivery', 'text', (c) => c.notNull())
      .addColumn('incoming_document_id', 'integer', (c) => c.references('incoming_documents.id'))
      .addColumn('status_code', 'text')
      .addColumn('status_at', 'text')
      .execute();
    await db.schema.createIndex('outgoing_recipients_document').on('outgoing_recipients').columns(['document_id', 'position']).execute();
    await db.schema.createIndex('outgoing_recipients_incoming').on('outgoing_recipients').column('incoming_document_id').execute();

    await d
      .addId(db.schema.createTable('outgoing_receipts'))
      .addColumn('document_id', 'integer', (c) => c.notNull().references('outgoing_documents.id'))
      .addColumn('recipient_id', 'integer', (c) => c.notNull().references('outgoing_recipients.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.createIndex('outgoing_receipts_document').on('outgoing_receipts').columns(['document_id', 'id']).execute();

    await db.schema.alterTable('incoming_documents').addColumn('source_recipient_id', 'integer').execute();

    // Signing identities: one PKCS#12 per issuing body (the private key encrypted with the file key).
    await d
      .addId(db.schema.createTable('signing_identities'))
      .addColumn('issuer_key', 'text', (c) => c.notNull().unique())
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('certificate_pem', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('p12', 'text', (c) => c.notNull())
      .addColumn('p12_encryption', 'text', (c) => c.notNull())
      .addColumn('not_after', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await d
      .addId(db.schema.createTable('trusted_certificates'))
      .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('certificate_pem', 'text', (c) => c.notNull())
      .addColumn('not_after', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
