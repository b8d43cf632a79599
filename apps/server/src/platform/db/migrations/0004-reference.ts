import type { MigrationDef } from './registry.ts';

/** Reference data admins edit: document types (spec §1), the working calendar (spec §9). */
export const m0004Reference: MigrationDef = {
  name: '0004-reference',
  async up(db, d) {
    await d
      .addId(db.schema.createTable('document_types'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('abbreviation', 'text', (c) => c.notNull())
      .addColumn('family', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('document_types_name_family', ['name', 'family'])
      .execute();

    await d
      .addId(db.schema.createTable('holidays'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addUniqueConstraint('holidays_date', ['date'])
      .execute();
    await db.schema.createIndex('holidays_year').on('holidays').column('year').execute();

    await db.schema
      .createTable('calendar_years')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('confirmed_at', 'text')
      .addColumn('confirmed_by', 'integer')
      .execute();
  },
};
