import type { MigrationDef } from './registry.ts';

/**
 * Work programme, weekly schedule and meetings (issue 6). Programmes hold items; an item taken from a
 * wider programme into a narrower one keeps a link (`from_item_id`), a postponed item carried over keeps
 * its origin (`carried_from_item_id`), and every change is in `programme_item_events`. Events carry their
 * leaders (people of the directory) and resources (rooms, cars); a resource booking is checked under a
 * lock on the resource row, so two saves at the same moment cannot both take it. A week is published as
 * a whole (`schedule_weeks`); changes after that are flagged on the event. iCalendar feeds are reached
 * through secret tokens stored as SHA-256. Meetings have an agenda, invitees with attendance, papers
 * with their readers, minutes and conclusions.
 */
export const m0014Schedule: MigrationDef = {
  name: '0014-schedule',
  async up(db, d) {
    await d
      .addId(db.schema.createTable('programmes'))
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('period_index', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('term_id', 'integer', (c) => c.references('terms.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('programmes_period', ['committee_id', 'body', 'period', 'year', 'period_index'])
      .execute();

    await d
      .addId(db.schema.createTable('programme_items'))
      .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('planned_month', 'text')
      .addColumn('planned_on', 'text')
      .addColumn('lead_key', 'text')
      .addColumn('lead_committee_id', 'integer', (c) => c.references('committees.id'))
      .addColumn('lead_agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('presenter', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('expected_document', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('from_item_id', 'integer', (c) => c.references('programme_items.id'))
      .addColumn('carried_from_item_id', 'integer', (c) => c.references('programme_items.id'))
      .addColumn('meeting_id', 'integer')
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('programme_items_programme').on('programme_items').columns(['programme_id', 'sort', 'id']).execute();
    await db.schema.createIndex('programme_items_from').on('programme_items').columns(['from_item_id']).execute();

    await d
      .addId(db.schema.createTable('programme_item_events'))
      .addColumn('item_id', 'integer', (c) => c.notNull().references('programme_items.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema.createIndex('programme_item_events_item').on('programme_item_events').columns(['item_id', 'id']).execute();

    await d
      .addId(db.schema.createTable('schedule_weeks'))
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('iso_week', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('published_at', 'text')
      .addColumn('published_by', 'integer', (c) => c.references('users.id'))
      .addUniqueConstraint('schedule_weeks_week', ['committee_id', 'iso_week'])
      .execute();

    await d
      .addId(db.schema.createTable('resources'))
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    await d
      .addId(db.schema.createTable('schedule_events'))
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('iso_week', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('preparing_key', 'text')
      .addColumn('participants', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('meeting_id', 'integer')
      .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('changed_after_publish', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('schedule_events_week').on('schedule_events').columns(['committee_id', 'iso_week', 'starts_at']).execute();
    await db.schema.createIndex('schedule_events_time').on('schedule_events').columns(['starts_at', 'ends_at']).execute();

    await db.schema
      .createTable('schedule_event_leaders')
      .addColumn('event_id', 'integer', (c) => c.notNull().references('schedule_events.id'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
      .addPrimaryKeyConstraint('schedule_event_leaders_pk', ['event_id', 'person_id'])
      .execute();
    await db.schema.createIndex('schedule_event_leaders_person').on('schedule_event_leaders').columns(['person_id', 'event_id']).execute();

    await db.schema
      .createTable('schedule_event_resources')
      .addColumn('event_id', 'integer', (c) => c.notNull().references('schedule_events.id'))
      .addColumn('resource_id', 'integer', (c) => c.notNull().references('resources.id'))
      .addPrimaryKeyConstraint('schedule_event_resources_pk', ['event_id', 'resource_id'])
      .execute();
    await db.schema.createIndex('schedule_event_resources_resource').on('schedule_event_resources').columns(['resource_id', 'event_id']).execute();

    await d
      .addId(db.schema.createTable('ical_tokens'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('token_sha256', 'text', (c) => c.notNull().unique())
      .addColumn('person_id', 'integer', (c) => c.references('people.id'))
      .addColumn('body_key', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();

    await d
      .addId(db.schema.createTable('meetings'))
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('chair_person_id', 'integer', (c) => c.notNull().references('people.id'))
      .addColumn('event_id', 'integer', (c) => c.references('schedule_events.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('conclusions', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('conclusion_outgoing_id', 'integer', (c) => c.references('outgoing_documents.id'))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('meetings_committee_start').on('meetings').columns(['committee_id', 'starts_at']).execute();

    await d
      .addId(db.schema.createTable('meeting_agenda'))
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('programme_item_id', 'integer', (c) => c.references('programme_items.id'))
      .addColumn('presenter', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.createIndex('meeting_agenda_meeting').on('meeting_agenda').columns(['meeting_id', 'ordinal']).execute();

    await db.schema
      .createTable('meeting_invitees')
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('attended', 'integer')
      .addColumn('absence_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addPrimaryKeyConstraint('meeting_invitees_pk', ['meeting_id', 'user_id'])
      .execute();
    await db.schema.createIndex('meeting_invitees_user').on('meeting_invitees').columns(['user_id', 'meeting_id']).execute();

    await d
      .addId(db.schema.createTable('meeting_papers'))
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
      .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('secrecy', 'text', (c) => c.notNull())
      /** 1: only the readers listed in meeting_paper_readers (else every invitee). */
      .addColumn('restricted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('meeting_papers_meeting').on('meeting_papers').columns(['meeting_id']).execute();

    await db.schema
      .createTable('meeting_paper_readers')
      .addColumn('paper_id', 'integer', (c) => c.notNull().references('meeting_papers.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addPrimaryKeyConstraint('meeting_paper_readers_pk', ['paper_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('meeting_tasks')
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
      .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
      .addPrimaryKeyConstraint('meeting_tasks_pk', ['meeting_id', 'task_id'])
      .execute();
  },
};
