/** Shapes of the API answers (docs/API.md). Inputs are validated by the zod schemas of @vanphong/contracts. */
import type { Clearance, Me } from '@vanphong/contracts';

export type { Clearance, Me };

export type Abilities = Record<string, boolean>;

export type LoginStatus = 'ok' | 'second_factor_required' | 'second_factor_setup_required';

export interface LoginResult {
  status: LoginStatus;
  csrfToken: string;
  user: Me | null;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  personId: number | null;
  roles: string[];
  clearance: Clearance;
  scopeCommitteeId: number | null;
  scopeAgencyId: number | null;
  disabled: boolean;
  totpEnabled: boolean;
  createdAt: string;
  updatedAt: string;
  abilities: Abilities;
}

export interface Role {
  id: number;
  code: string;
  name: string;
  permissions: string[];
  builtin: boolean;
  abilities: Abilities;
}

export interface CommitteeLevel {
  code: string;
  name: string;
  rank: number;
  historic: boolean;
}

export type NumberingRule = 'party_term' | 'state_year';

export interface Committee {
  id: number;
  parentId: number | null;
  levelCode: string;
  levelName: string;
  name: string;
  superiorLine: string;
  placeName: string;
  abbreviation: string;
  numberingRule: NumberingRule;
  active: boolean;
  abilities: Abilities;
}

export interface Term {
  id: number;
  committeeId: number;
  ordinal: number;
  label: string;
  congressClosedOn: string | null;
  firstPlenumDuringCongressOn: string | null;
  startsOn: string;
  endsOn: string | null;
  current: boolean;
  abilities?: Abilities;
}

export interface Agency {
  id: number;
  committeeId: number;
  name: string;
  abbreviation: string;
  kind: string;
  active: boolean;
  abilities: Abilities;
}

export interface Position {
  id: number;
  name: string;
  signatureTitle: string;
  isLeader: boolean;
  rank: number;
  abilities?: Abilities;
}

export type Gender = 'male' | 'female' | 'other';

export interface Person {
  id: number;
  fullName: string;
  gender: Gender | null;
  birthYear: number | null;
  committeeId: number | null;
  agencyId: number | null;
  positionId: number | null;
  positionName: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  abilities: Abilities;
}

export type DeploymentProfile = 'internet' | 'party-wan' | 'isolated-lan';

export interface Settings {
  deploymentProfile: DeploymentProfile;
  requireTotpForAdmins: boolean;
  passwordMinLength: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  organisationName: string;
}

export type DocumentFamily = 'party' | 'state' | 'both';

export interface DocumentType {
  id: number;
  name: string;
  abbreviation: string;
  family: DocumentFamily;
  active: boolean;
  abilities: Abilities;
}

export type HolidayKind = 'holiday' | 'compensatory_day_off' | 'swapped_day_off' | 'swapped_workday';

export interface Holiday {
  id: number;
  date: string;
  name: string;
  kind: HolidayKind;
  source: string;
  abilities?: Abilities;
}

export interface CalendarYear {
  year: number;
  confirmed: boolean;
  confirmedAt: string | null;
  holidays: Holiday[];
  abilities: Abilities;
}

export interface AuditEvent {
  id: number;
  seq: number;
  at: string;
  actorName: string | null;
  actorUserId: number | null;
  action: string;
  entityType: string | null;
  entityId: string | number | null;
  ip: string | null;
  details: unknown;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: unknown;
}

export interface HomeSummary {
  counts: {
    committees?: number;
    agencies?: number;
    people?: number;
    users?: number;
    auditToday?: number;
    jobsQueued?: number;
    jobsFailed?: number;
  };
  workingDayToday: boolean;
  nextHoliday: { date: string; name: string } | null;
}
