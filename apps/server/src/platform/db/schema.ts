import type { Generated } from 'kysely';

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
}
