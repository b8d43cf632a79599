import type { MigrationDef } from './registry.ts';

/**
 * The task dashboard (issue 5) counts, per lead body and due date, the tasks a committee assigned that
 * the viewer may see. This index holds every column that count reads — the committee and the top-level
 * test first, then the lead body (the GROUP BY order, so SQLite streams the groups without a sort), the
 * status facts (due date, completion, last progress) and the visibility facts (secrecy, assigner, root
 * assigner, creator, id) — so both engines answer from the index alone, never the table (measured at
 * 200,000 tasks: docs/benchmarks.md, "Tasks (issue 5)").
 *
 * `tasks_due_id` serves the first page of the task list in its default order (due date, id): without it
 * SQLite read and sorted every visible task to return 20 (263 ms → 2 ms at 200,000 tasks).
 */
export const m0013TaskDashboardIndex: MigrationDef = {
  name: '0013-task-dashboard-index',
  async up(db) {
    await db.schema
      .createIndex('tasks_dashboard')
      .on('tasks')
      .columns([
        'assigner_committee_id',
        'parent_id',
        'lead_key',
        'lead_committee_id',
        'lead_agency_id',
        'due_on',
        'completed_on',
        'last_progress_on',
        'secrecy',
        'assigner_key',
        'root_assigner_key',
        'created_by',
        'assigned_on',
        'id',
      ])
      .execute();
    await db.schema.createIndex('tasks_due_id').on('tasks').columns(['due_on', 'id']).execute();
  },
};
