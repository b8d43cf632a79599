import { sql } from 'kysely';
import type { MigrationDef } from './registry.ts';

/**
 * One search across the office (issue 7). `search_entries` holds one row per searchable record of any
 * module (kind + ref_id); its id is chosen so that id order is date order (see search.index.ts), which
 * lets a query walk newest first and stop at the page. The postings (folded syllables + syllable
 * bigrams of metadata and extracted text) are an FTS5 contentless table on SQLite, a tsvector with GIN
 * on PostgreSQL. `file_texts` keeps the text extracted from each stored file, with the job's progress.
 */
export const m0010Search: MigrationDef = {
  name: '0010-search',
  async up(db, d) {
    await db.schema
      .createTable('search_entries')
      .addColumn('id', 'bigint', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'integer', (c) => c.notNull())
      .addColumn('committee_id', 'integer')
      .addColumn('sort_date', 'text', (c) => c.notNull())
      .addColumn('notation_folded', 'text')
      .addColumn('indexed_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('search_entries_ref', ['kind', 'ref_id'])
      .execute();
    await db.schema.createIndex('search_entries_notation').on('search_entries').columns(['notation_folded', 'id']).execute();

    await db.schema
      .createTable('file_texts')
      .addColumn('file_id', 'integer', (c) => c.primaryKey().references('files.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('pages', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('pages_done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('legacy_encoding', 'text')
      .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('searchable_file_id', 'integer', (c) => c.references('files.id'))
      .addColumn('message', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_by', 'text')
      .addColumn('locked_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('file_texts_status').on('file_texts').columns(['status', 'updated_at']).execute();

    if (d.kind === 'sqlite') {
      await sql`create virtual table search_fts using fts5(tokens, content='', contentless_delete=1, detail=none, tokenize="unicode61 remove_diacritics 0 tokenchars '_'")`.execute(
        db,
      );
    } else {
      await sql`alter table search_entries add column search_vector tsvector`.execute(db);
      await sql`create index search_entries_vector on search_entries using gin (search_vector)`.execute(db);
    }
  },
};
