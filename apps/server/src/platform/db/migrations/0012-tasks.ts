import type { MigrationDef } from './registry.ts';

/**
 * Follow-up of assigned tasks (issue 5). A task is assigned by a body (committee or agency, as a body
 * key "c1" / "c1-a2") to a lead body with co-bodies; a sub-task's assigner is its parent's lead. The
 * computed status needs only `due_on` (the deadline moved to the next working day, or the current
 * period's report date for a standing task), `completed_on`, `last_progress_on` and today, so lists,
 * counts and dashboards compute it in SQL with the same expression.
 *
 * `task_bodies` holds the lead and the co-bodies, one row each, so "tasks of my unit" is an index
 * lookup. `task_reminders` has one row per (task, slot): a unique key makes each reminder or
 * escalation fire once, whichever process gets there first.
 */
export const m0012Tasks: MigrationDef = {
  name: '0012-tasks',
  async up(db, d) {
    await d
      .addId(db.schema.createTable('tasks'))
      .addColumn('parent_id', 'integer', (c) => c.references('tasks.id'))
      .addColumn('root_id', 'integer')
      .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('content_folded', 'text', (c) => c.notNull())
      .addColumn('source_kind', 'text', (c) => c.notNull())
      .addColumn('source_outgoing_id', 'integer', (c) => c.references('outgoing_documents.id'))
      .addColumn('source_incoming_id', 'integer', (c) => c.references('incoming_documents.id'))
      .addColumn('source_reference', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('source_paragraph', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('assigner_committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('assigner_agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('assigner_key', 'text', (c) => c.notNull())
      .addColumn('root_assigner_key', 'text', (c) => c.notNull())
      .addColumn('lead_committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('lead_agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('lead_key', 'text', (c) => c.notNull())
      .addColumn('assigned_on', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text')
      .addColumn('cadence', 'text')
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('expected_products', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('secrecy', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_progress_on', 'text')
      .addColumn('completed_on', 'text')
      .addColumn('evaluation', 'text')
      .addColumn('evaluation_comment', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('evaluated_by', 'integer', (c) => c.references('users.id'))
      .addColumn('evaluated_at', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('tasks_assigner_due').on('tasks').columns(['assigner_key', 'due_on', 'id']).execute();
    await db.schema.createIndex('tasks_root_assigner_due').on('tasks').columns(['root_assigner_key', 'due_on', 'id']).execute();
    await db.schema.createIndex('tasks_lead_due').on('tasks').columns(['lead_key', 'due_on', 'id']).execute();
    await db.schema.createIndex('tasks_committee_due').on('tasks').columns(['assigner_committee_id', 'due_on', 'id']).execute();
    await db.schema.createIndex('tasks_parent').on('tasks').columns(['parent_id']).execute();
    await db.schema.createIndex('tasks_root').on('tasks').columns(['root_id']).execute();
    await db.schema.createIndex('tasks_state_due').on('tasks').columns(['state', 'due_on']).execute();
    await db.schema.createIndex('tasks_source_outgoing').on('tasks').columns(['source_outgoing_id']).execute();
    await db.schema.createIndex('tasks_source_incoming').on('tasks').columns(['source_incoming_id']).execute();

    await db.schema
      .createTable('task_bodies')
      .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
      .addColumn('body_key', 'text', (c) => c.notNull())
      .addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
      .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('task_bodies_pk', ['task_id', 'body_key'])
      .execute();
    await db.schema.createIndex('task_bodies_body').on('task_bodies').columns(['body_key', 'task_id']).execute();

    await d
      .addId(db.schema.createTable('task_progress'))
      .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('reported_on', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
      .addColumn('percent', 'integer', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
      /** For a standing task: the end of the period the report covers. */
      .addColumn('period_end', 'text')
      .execute();
    await db.schema.createIndex('task_progress_task').on('task_progress').columns(['task_id', 'id']).execute();

    await db.schema
      .createTable('task_progress_files')
      .addColumn('progress_id', 'integer', (c) => c.notNull().references('task_progress.id'))
      .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
      .addPrimaryKeyConstraint('task_progress_files_pk', ['progress_id', 'file_id'])
      .execute();
    await db.schema.createIndex('task_progress_files_file').on('task_progress_files').columns(['file_id']).execute();

    await d
      .addId(db.schema.createTable('task_extensions'))
      .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
      .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('requested_deadline', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
      .addColumn('decided_at', 'text')
      .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.createIndex('task_extensions_task').on('task_extensions').columns(['task_id', 'id']).execute();

    await d
      .addId(db.schema.createTable('task_events'))
      .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema.createIndex('task_events_task').on('task_events').columns(['task_id', 'id']).execute();

    await db.schema
      .createTable('task_reminders')
      .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
      /** "before:3", "due", "overdue", "escalate:head", "escalate:assigner" — with the due date it was for. */
      .addColumn('slot', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('task_reminders_pk', ['task_id', 'slot'])
      .execute();

    /** The shown names of the computed statuses (reference data an administrator may edit). */
    await db.schema
      .createTable('task_status_labels')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('label_vi', 'text', (c) => c.notNull())
      .addColumn('label_en', 'text', (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull())
      .execute();
  },
};
