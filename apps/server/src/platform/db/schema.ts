import type { ColumnType, Generated } from 'kysely';
import type {
  DelegationsTable,
  OutgoingCommentsTable,
  OutgoingDocumentsTable,
  OutgoingNumbersTable,
  OutgoingReceiptsTable,
  OutgoingRecipientsTable,
  OutgoingReviewStepsTable,
  OutgoingSeriesTable,
  OutgoingVersionsTable,
  ReviewCircuitsTable,
  SigningIdentitiesTable,
  TrustedCertificatesTable,
} from './schema.outgoing.ts';

import type { FileTextsTable, SearchEntriesTable } from './schema.search.ts';
import type { ImportRowsTable } from './schema.import.ts';
import type { IcalTokensTable, MeetingAgendaTable, MeetingInviteesTable, MeetingPaperReadersTable, MeetingPapersTable, MeetingsTable, MeetingTasksTable, ProgrammeItemEventsTable, ProgrammeItemsTable, ProgrammesTable, ResourcesTable, ScheduleEventLeadersTable, ScheduleEventResourcesTable, ScheduleEventsTable, ScheduleWeeksTable } from './schema.schedule.ts';
import type { TaskBodiesTable, TaskEventsTable, TaskExtensionsTable, TaskProgressFilesTable, TaskProgressTable, TaskRemindersTable, TasksTable, TaskStatusLabelsTable } from './schema.tasks.ts';

export type * from './schema.outgoing.ts';
export type * from './schema.search.ts';
export type * from './schema.import.ts';
export type * from './schema.tasks.ts';
export type * from './schema.schedule.ts';

/**
 * Table types (what the database stores). Domain types live in the modules; repositories map between them:
 * integers 0/1 become booleans there, JSON text becomes objects, ISO text stays a string.
 */
export interface AuditEventsTable {
  id: Generated<number>;
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface JobsTable {
  id: string;
  name: string;
  payload: string;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_at: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface FilesTable {
  id: Generated<number>;
  sha256: string;
  size: number;
  content_type: string;
  original_name: string;
  created_at: string;
  created_by: number | null;
  /** 'aes-256-gcm' when the blob is encrypted at rest (isolated-LAN profile), else null. */
  encryption: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: number | null;
}

export interface CommitteeLevelsTable {
  code: string;
  name: string;
  rank: number;
  historic: number;
}

export interface CommitteesTable {
  id: Generated<number>;
  parent_id: number | null;
  level_code: string;
  name: string;
  superior_line: string;
  place_name: string;
  abbreviation: string;
  numbering_rule: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface TermsTable {
  id: Generated<number>;
  committee_id: number;
  ordinal: number;
  label: string;
  congress_closed_on: string | null;
  first_plenum_during_congress_on: string | null;
  starts_on: string;
  ends_on: string | null;
}

export interface AgenciesTable {
  id: Generated<number>;
  committee_id: number;
  name: string;
  abbreviation: string;
  kind: string;
  active: number;
}

export interface PositionsTable {
  id: Generated<number>;
  name: string;
  signature_title: string;
  is_leader: number;
  rank: number;
}

export interface PeopleTable {
  id: Generated<number>;
  full_name: string;
  full_name_folded: string;
  gender: string | null;
  birth_year: number | null;
  committee_id: number | null;
  agency_id: number | null;
  position_id: number | null;
  email: string | null;
  phone: string | null;
  active: number;
}

export interface RolesTable {
  id: Generated<number>;
  code: string;
  name: string;
  permissions: string;
  builtin: number;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  person_id: number | null;
  password_hash: string;
  clearance: string;
  scope_committee_id: number | null;
  scope_agency_id: number | null;
  disabled: number;
  totp_secret: string | null;
  totp_enabled: number;
  must_change_password: number;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  user_id: number;
  role_id: number;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  second_factor: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  key: string;
  at: string;
}

export interface DocumentTypesTable {
  id: Generated<number>;
  name: string;
  abbreviation: string;
  family: string;
  active: number;
}

export interface HolidaysTable {
  id: Generated<number>;
  date: string;
  year: number;
  name: string;
  kind: string;
  source: string;
}

export interface CalendarYearsTable {
  year: number;
  confirmed_at: string | null;
  confirmed_by: number | null;
}

export interface OrganizationsTable {
  id: Generated<number>;
  name: string;
  name_folded: string;
  code: string;
  kind: string;
  active: number;
  created_at: string;
}

export interface IncomingRegistersTable {
  id: Generated<number>;
  committee_id: number;
  agency_id: number | null;
  scope_key: string;
  year: number;
  kind: string;
  name: string;
  last_number: number;
  created_at: string;
}

export interface IncomingDocumentsTable {
  id: Generated<number>;
  register_id: number;
  committee_id: number;
  arrival_number: number;
  arrived_at: string;
  arrival_date: string;
  channel: string;
  issuer_id: number | null;
  issuer_name: string;
  notation: string;
  notation_folded: string;
  document_number: number | null;
  document_date: string;
  document_type_id: number | null;
  summary: string | null;
  signer: string;
  page_count: number | null;
  copies: number;
  urgency: string;
  urgency_rank: number;
  deliver_by: string | null;
  secrecy: string;
  secrecy_rank: number;
  stub: number;
  deadline: string | null;
  status: string;
  paper_location: string;
  note: string;
  presented_to: number | null;
  direction: string;
  lead_agency_id: number | null;
  lead_user_id: number | null;
  directed_at: string | null;
  result_note: string;
  reply_outgoing_id: number | null;
  cancel_reason: string;
  completed_at: string | null;
  completed_on: string | null;
  attachment_count: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: number;
  /** Set when the document arrived by liên thông from an outgoing document of this installation. */
  source_recipient_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface IncomingRecipientsTable {
  id: Generated<number>;
  document_id: number;
  role: string;
  agency_id: number | null;
  user_id: number | null;
  active: number;
  created_at: string;
}

export interface IncomingAttachmentsTable {
  document_id: number;
  file_id: number;
  is_main: number;
  position: number;
}

export interface IncomingTrailTable {
  id: Generated<number>;
  document_id: number;
  action: string;
  actor_id: number | null;
  actor_name: string;
  at: string;
  from_status: string | null;
  to_status: string | null;
  note: string;
  details: string;
}

export interface IncomingDeadlineRulesTable {
  id: Generated<number>;
  rule_key: string;
  document_type_id: number | null;
  urgency: string | null;
  working_days: number;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  entity_type: string;
  entity_id: string;
  title: string;
  body: string;
  url: string;
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
}

export interface Database {
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  jobs: JobsTable;
  files: FilesTable;
  settings: SettingsTable;
  committee_levels: CommitteeLevelsTable;
  committees: CommitteesTable;
  terms: TermsTable;
  agencies: AgenciesTable;
  positions: PositionsTable;
  people: PeopleTable;
  roles: RolesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  document_types: DocumentTypesTable;
  holidays: HolidaysTable;
  calendar_years: CalendarYearsTable;
  organizations: OrganizationsTable;
  incoming_registers: IncomingRegistersTable;
  incoming_documents: IncomingDocumentsTable;
  incoming_recipients: IncomingRecipientsTable;
  incoming_attachments: IncomingAttachmentsTable;
  incoming_trail: IncomingTrailTable;
  incoming_deadline_rules: IncomingDeadlineRulesTable;
  notifications: NotificationsTable;
  outgoing_documents: OutgoingDocumentsTable;
  outgoing_versions: OutgoingVersionsTable;
  outgoing_comments: OutgoingCommentsTable;
  review_circuits: ReviewCircuitsTable;
  outgoing_review_steps: OutgoingReviewStepsTable;
  delegations: DelegationsTable;
  outgoing_series: OutgoingSeriesTable;
  outgoing_numbers: OutgoingNumbersTable;
  outgoing_recipients: OutgoingRecipientsTable;
  outgoing_receipts: OutgoingReceiptsTable;
  signing_identities: SigningIdentitiesTable;
  trusted_certificates: TrustedCertificatesTable;
  search_entries: SearchEntriesTable;
  file_texts: FileTextsTable;
  import_rows: ImportRowsTable;
  tasks: TasksTable;
  task_bodies: TaskBodiesTable;
  task_progress: TaskProgressTable;
  task_progress_files: TaskProgressFilesTable;
  task_extensions: TaskExtensionsTable;
  task_events: TaskEventsTable;
  task_reminders: TaskRemindersTable;
  task_status_labels: TaskStatusLabelsTable;
  programmes: ProgrammesTable;
  programme_items: ProgrammeItemsTable;
  programme_item_events: ProgrammeItemEventsTable;
  schedule_weeks: ScheduleWeeksTable;
  resources: ResourcesTable;
  schedule_events: ScheduleEventsTable;
  schedule_event_leaders: ScheduleEventLeadersTable;
  schedule_event_resources: ScheduleEventResourcesTable;
  ical_tokens: IcalTokensTable;
  meetings: MeetingsTable;
  meeting_agenda: MeetingAgendaTable;
  meeting_invitees: MeetingInviteesTable;
  meeting_papers: MeetingPapersTable;
  meeting_paper_readers: MeetingPaperReadersTable;
  meeting_tasks: MeetingTasksTable;
}
