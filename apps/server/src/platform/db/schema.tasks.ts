import type { Generated } from 'kysely';

/** Table types of task follow-up (migration 0012; issue 5). Body keys: "c1" committee, "c1-a2" agency. */

export interface TasksTable {
  id: Generated<number>;
  parent_id: number | null;
  /** The top-level task of the tree (its own id for a top-level task). */
  root_id: number | null;
  depth: number;
  content: string;
  content_folded: string;
  /** outgoing | incoming | meeting | ad_hoc */
  source_kind: string;
  source_outgoing_id: number | null;
  source_incoming_id: number | null;
  source_reference: string;
  source_paragraph: string;
  assigner_committee_id: number;
  assigner_agency_id: number | null;
  assigner_key: string;
  /** The assigner of the top-level task: it follows the whole tree. */
  root_assigner_key: string;
  lead_committee_id: number;
  lead_agency_id: number | null;
  lead_key: string;
  assigned_on: string;
  deadline: string | null;
  /** monthly | quarterly | half_year | nine_months | yearly (standing task) */
  cadence: string | null;
  /** Effective due date on the working calendar (see the migration's note). */
  due_on: string;
  expected_products: string;
  secrecy: string;
  /** open | reported_done | closed */
  state: string;
  progress: number;
  last_progress_on: string | null;
  completed_on: string | null;
  /** met | not_met */
  evaluation: string | null;
  evaluation_comment: string;
  evaluated_by: number | null;
  evaluated_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TaskBodiesTable {
  task_id: number;
  body_key: string;
  committee_id: number;
  agency_id: number | null;
  /** lead | co */
  role: string;
}

export interface TaskProgressTable {
  id: Generated<number>;
  task_id: number;
  at: string;
  reported_on: string;
  actor_id: number | null;
  percent: number;
  note: string;
  done: number;
  period_end: string | null;
}

export interface TaskProgressFilesTable {
  progress_id: number;
  file_id: number;
}

export interface TaskExtensionsTable {
  id: Generated<number>;
  task_id: number;
  requested_by: number | null;
  requested_at: string;
  requested_deadline: string;
  reason: string;
  /** pending | granted | refused */
  status: string;
  decided_by: number | null;
  decided_at: string | null;
  comment: string;
}

export interface TaskEventsTable {
  id: Generated<number>;
  task_id: number;
  at: string;
  actor_id: number | null;
  action: string;
  details: string;
}

export interface TaskRemindersTable {
  task_id: number;
  slot: string;
  sent_at: string;
  recipients: number;
}

export interface TaskStatusLabelsTable {
  code: string;
  label_vi: string;
  label_en: string;
  sort: number;
}
