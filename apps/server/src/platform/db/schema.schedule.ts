import type { Generated } from 'kysely';

/** Table types of the work programme, weekly schedule and meetings (migration 0014-schedule; issue 6). */

export interface ProgrammesTable {
  id: Generated<number>;
  committee_id: number;
  /** bch | btv | thuong_truc */
  body: string;
  /** term | year | half | quarter | month */
  period: string;
  year: number;
  /** 0 for term and year; 1–2 half, 1–4 quarter, 1–12 month. */
  period_index: number;
  term_id: number | null;
  title: string;
  starts_on: string;
  ends_on: string;
  created_by: number | null;
  created_at: string;
}

export interface ProgrammeItemsTable {
  id: Generated<number>;
  programme_id: number;
  content: string;
  planned_month: string | null;
  planned_on: string | null;
  lead_key: string | null;
  lead_committee_id: number | null;
  lead_agency_id: number | null;
  presenter: string;
  expected_document: string;
  /** planned | prepared | presented | postponed | dropped */
  status: string;
  status_reason: string;
  from_item_id: number | null;
  carried_from_item_id: number | null;
  meeting_id: number | null;
  sort: number;
  version: number;
  updated_at: string;
}

export interface ProgrammeItemEventsTable {
  id: Generated<number>;
  item_id: number;
  at: string;
  actor_id: number | null;
  action: string;
  details: string;
}

export interface ScheduleWeeksTable {
  id: Generated<number>;
  committee_id: number;
  iso_week: string;
  /** draft | published */
  status: string;
  revision: number;
  published_at: string | null;
  published_by: number | null;
}

export interface ResourcesTable {
  id: Generated<number>;
  committee_id: number;
  /** room | car */
  kind: string;
  name: string;
  note: string;
  active: number;
}

export interface ScheduleEventsTable {
  id: Generated<number>;
  committee_id: number;
  iso_week: string;
  starts_at: string;
  ends_at: string;
  content: string;
  place: string;
  preparing_key: string | null;
  participants: string;
  notes: string;
  meeting_id: number | null;
  cancelled: number;
  changed_after_publish: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ScheduleEventLeadersTable {
  event_id: number;
  person_id: number;
}

export interface ScheduleEventResourcesTable {
  event_id: number;
  resource_id: number;
}

export interface IcalTokensTable {
  id: Generated<number>;
  user_id: number;
  token_sha256: string;
  person_id: number | null;
  body_key: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface MeetingsTable {
  id: Generated<number>;
  committee_id: number;
  /** bch | btv | thuong_truc | giao_ban */
  kind: string;
  title: string;
  starts_at: string;
  ends_at: string;
  place: string;
  chair_person_id: number;
  event_id: number | null;
  /** planned | held | closed */
  status: string;
  minutes: string;
  conclusions: string;
  conclusion_outgoing_id: number | null;
  created_by: number | null;
  created_at: string;
  version: number;
}

export interface MeetingAgendaTable {
  id: Generated<number>;
  meeting_id: number;
  ordinal: number;
  content: string;
  programme_item_id: number | null;
  presenter: string;
}

export interface MeetingInviteesTable {
  meeting_id: number;
  user_id: number;
  attended: number | null;
  absence_reason: string;
}

export interface MeetingPapersTable {
  id: Generated<number>;
  meeting_id: number;
  file_id: number;
  title: string;
  secrecy: string;
  restricted: number;
  created_by: number | null;
  created_at: string;
}

export interface MeetingPaperReadersTable {
  paper_id: number;
  user_id: number;
}

export interface MeetingTasksTable {
  meeting_id: number;
  task_id: number;
}
