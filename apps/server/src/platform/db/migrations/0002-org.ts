import type { MigrationDef } from './registry.ts';

/** Organisation: committee levels and tree, terms, agencies, positions, people (spec §0). */
export const m0002Org: MigrationDef = {
  name: '0002-org',
  async up(db, d) {
    await db.schema
      .createTable('committee_levels')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('rank', 'integer', (c) => c.notNull())
      .addColumn('historic', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await d
      .addId(db.schema.createTable('committees'))
      .addColumn('parent_id', 'integer', (c) => c.references('committees.id'))
      .addColumn('level_code', 'text', (c) => c.notNull().references('committee_levels.code'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('superior_line', 'text', (c) => c.notNull())
      .addColumn('place_name', 'text', (c) => c.notNull())
      .addColumn('abbreviation', 'text', (c) => c.notNull())
      .addColumn('numbering_rule', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('committees_parent').on('committees').column('parent_id').execute();

    await d
      .addId(db.schema.createTable('terms'))
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('congress_closed_on', 'text')
      .addColumn('first_plenum_during_congress_on', 'text')
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text')
      .addUniqueConstraint('terms_committee_ordinal', ['committee_id', 'ordinal'])
      .execute();

    await d
      .addId(db.schema.createTable('agencies'))
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('abbreviation', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('agencies_committee_abbreviation', ['committee_id', 'abbreviation'])
      .execute();

    await d
      .addId(db.schema.createTable('positions'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('signature_title', 'text', (c) => c.notNull())
      .addColumn('is_leader', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rank', 'integer', (c) => c.notNull().defaultTo(100))
      .execute();

    await d
      .addId(db.schema.createTable('people'))
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('full_name_folded', 'text', (c) => c.notNull())
      .addColumn('gender', 'text')
      .addColumn('birth_year', 'integer')
      .addColumn('committee_id', 'integer', (c) => c.references('committees.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('position_id', 'integer', (c) => c.references('positions.id'))
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('people_committee').on('people').column('committee_id').execute();
    await db.schema.createIndex('people_folded').on('people').column('full_name_folded').execute();
  },
};
