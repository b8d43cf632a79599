import type { Actor } from '../auth/auth.models.ts';
import { isCurrentTerm } from './org.models.ts';
import { abilitiesForCommittee, abilitiesForPosition, canManageCommittee } from './org.policies.ts';
import type { Person, Position } from './org.people.repository.ts';
import type { Agency, Committee, Level, Term } from './org.repository.ts';
import type { OrgScope } from './org.scope.ts';

/** Who looks, with what scope, on which Vietnamese calendar day (for `current` terms). */
export interface Viewer {
  actor: Actor;
  scope: OrgScope;
  today: string;
}

/** API shapes of docs/API.md, fields listed explicitly, each record with the actions the viewer may take. */
export const presentLevel = (l: Level) => ({
  code: l.code,
  name: l.name,
  rank: l.rank,
  historic: l.historic,
});

export const presentCommittee = (c: Committee, v: Viewer) => ({
  id: c.id,
  parentId: c.parentId,
  levelCode: c.levelCode,
  levelName: c.levelName,
  name: c.name,
  superiorLine: c.superiorLine,
  placeName: c.placeName,
  abbreviation: c.abbreviation,
  numberingRule: c.numberingRule,
  active: c.active,
  abilities: abilitiesForCommittee(v.actor, v.scope, c.id),
});

export const presentTerm = (t: Term, v: Viewer) => ({
  id: t.id,
  committeeId: t.committeeId,
  ordinal: t.ordinal,
  label: t.label,
  congressClosedOn: t.congressClosedOn,
  firstPlenumDuringCongressOn: t.firstPlenumDuringCongressOn,
  startsOn: t.startsOn,
  endsOn: t.endsOn,
  current: isCurrentTerm(t, v.today),
  abilities: { update: canManageCommittee(v.actor, v.scope, t.committeeId) },
});

export const presentAgency = (a: Agency, v: Viewer) => ({
  id: a.id,
  committeeId: a.committeeId,
  name: a.name,
  abbreviation: a.abbreviation,
  kind: a.kind,
  active: a.active,
  abilities: { update: canManageCommittee(v.actor, v.scope, a.committeeId) },
});

export const presentPosition = (p: Position, v: Viewer) => ({
  id: p.id,
  name: p.name,
  signatureTitle: p.signatureTitle,
  isLeader: p.isLeader,
  rank: p.rank,
  abilities: abilitiesForPosition(v.actor, v.scope),
});

export const presentPerson = (p: Person, v: Viewer) => ({
  id: p.id,
  fullName: p.fullName,
  gender: p.gender,
  birthYear: p.birthYear,
  committeeId: p.committeeId,
  agencyId: p.agencyId,
  positionId: p.positionId,
  positionName: p.positionName,
  email: p.email,
  phone: p.phone,
  active: p.active,
  abilities: { update: canManageCommittee(v.actor, v.scope, p.committeeId) },
});
