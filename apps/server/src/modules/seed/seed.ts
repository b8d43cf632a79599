import { recordAudit, systemAuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { hashPassword } from '../auth/auth.passwords.ts';
import { ensureCalendarYears } from '../calendar/calendar.usecases.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { termStartDate } from '../org/org.models.ts';
import { ensureDefaultDeadlineRules } from '../incoming/incoming.deadlines.ts';
import { ensureStatusLabels } from '../tasks/tasks.repository.ts';
import { COMMITTEE_LEVELS, DEADLINE_RULES, DOCUMENT_TYPES, POSITIONS, ROLES } from './seed.reference-data.ts';
import { seedDemoOrganizations } from './seed.organizations.ts';
import { seedDemoIncoming } from './seed.incoming.ts';
import { seedDemoOutgoing } from './seed.outgoing.ts';
import { seedDemoTasks } from './seed.tasks.ts';
import { seedDemoScheduleEvents } from './seed.schedule-events.ts';
import { seedProgrammes } from './seed.schedule.ts';
import { seedDemoMeetings } from '../meetings/meetings.seed.ts';
import { seedDemoNotifications } from '../notifications/notifications.demo.ts';
import { rebuildSearchIndex } from '../search/search.rebuild.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';
import { DEMO_PEOPLE, DEMO_PROVINCE, DEMO_PROVINCE_AGENCIES, DEMO_SUBCOMMITTEES, DEMO_TERMS, DEMO_USERS } from './seed.demo-data.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

export const DEMO_PASSWORD = 'vanphong-demo';

/** Reference data every installation needs (levels, roles, document types, positions). Idempotent. */
export async function seedReference(ctx: Ctx): Promise<{ seeded: boolean }> {
  // Its own check: databases seeded before incoming documents existed get the default rules too.
  await ensureDefaultDeadlineRules(ctx, DEADLINE_RULES);
  // The shown names of task statuses (issue 5): reference data, added where missing on every start.
  await ensureStatusLabels(ctx.db);
  const existing = await ctx.db.selectFrom('roles').select('id').limit(1).executeTakeFirst();
  if (existing) {
    return { seeded: false };
  }
  return inTransaction(ctx, async (trx) => {
    // Two processes starting together on an empty database: the second waits here, then finds the data.
    await ctx.dialect.lockKey(trx, 'seed.reference');
    if (await trx.selectFrom('roles').select('id').limit(1).executeTakeFirst()) {
      return { seeded: false };
    }
    await trx.insertInto('committee_levels').values(COMMITTEE_LEVELS).execute();
    await trx
      .insertInto('roles')
      .values(ROLES.map((r) => ({ code: r.code, name: r.name, permissions: JSON.stringify(r.permissions), builtin: 1 })))
      .execute();
    await trx.insertInto('document_types').values(DOCUMENT_TYPES.map((t) => ({ ...t, active: 1 }))).execute();
    await trx
      .insertInto('positions')
      .values(POSITIONS.map((p) => ({ name: p.name, signature_title: p.signatureTitle, is_leader: p.isLeader, rank: p.rank })))
      .execute();
    await recordAudit(
      { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: systemAuditContext('seed') },
      { action: 'seed.reference', entityType: 'system', details: { roles: ROLES.length, documentTypes: DOCUMENT_TYPES.length } },
    );
    return { seeded: true };
  });
}

export async function isDatabaseEmptyOfOrganisation(ctx: Ctx): Promise<boolean> {
  const row = await ctx.db.selectFrom('committees').select('id').limit(1).executeTakeFirst();
  return !row;
}

/**
 * The demo organisation (issue 2 §13): a fictional province with agencies, communes, two terms,
 * ~40 people and one account per role, all with the password "vanphong-demo". Refused in production.
 */
export async function seedDemo(ctx: Ctx, { nodeEnv }: { nodeEnv: string }): Promise<{ users: string[]; password: string }> {
  if (nodeEnv === 'production') {
    throw new Error('seed --demo is refused when NODE_ENV=production');
  }
  await seedReference(ctx);
  if (!(await isDatabaseEmptyOfOrganisation(ctx))) {
    throw new Error('the database already holds an organisation; demo data is only added to an empty one');
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    const positions = new Map((await trx.selectFrom('positions').select(['id', 'name']).execute()).map((p) => [p.name, p.id]));
    const province = await insertCommittee(trx, { parentId: null, level: 'province', name: DEMO_PROVINCE.name, superiorLine: DEMO_PROVINCE.superiorLine, placeName: DEMO_PROVINCE.placeName, abbreviation: DEMO_PROVINCE.abbreviation, active: true, now });
    const units = new Map<string, { committeeId: number; agencyId: number | null }>([['TU', { committeeId: province, agencyId: null }]]);
    for (const t of DEMO_TERMS) {
      await trx
        .insertInto('terms')
        .values({ committee_id: province, ordinal: t.ordinal, label: t.label, congress_closed_on: t.congressClosedOn, first_plenum_during_congress_on: null, starts_on: termStartDate({ congressClosedOn: t.congressClosedOn, firstPlenumDuringCongressOn: null }), ends_on: t.endsOn })
        .execute();
    }
    for (const a of DEMO_PROVINCE_AGENCIES) {
      const r = await trx.insertInto('agencies').values({ committee_id: province, name: a.name, abbreviation: a.abbreviation, kind: a.kind, active: 1 }).returning('id').executeTakeFirstOrThrow();
      units.set(a.abbreviation, { committeeId: province, agencyId: r.id });
    }
    for (const c of DEMO_SUBCOMMITTEES) {
      const id = await insertCommittee(trx, { parentId: province, level: c.level, name: c.name, superiorLine: DEMO_PROVINCE.superiorLine, placeName: c.placeName, abbreviation: c.abbreviation, active: !c.historic, now });
      units.set(c.name, { committeeId: id, agencyId: null });
      if (!c.historic) {
        await trx.insertInto('terms').values({ committee_id: id, ordinal: 1, label: 'Nhiệm kỳ 2025–2030', congress_closed_on: '2025-08-20', first_plenum_during_congress_on: null, starts_on: '2025-08-21', ends_on: null }).execute();
        const office = await trx.insertInto('agencies').values({ committee_id: id, name: 'Văn phòng Đảng ủy', abbreviation: 'VPĐU', kind: 'office', active: 1 }).returning('id').executeTakeFirstOrThrow();
        units.set(`${c.name}/VPĐU`, { committeeId: id, agencyId: office.id });
      }
    }
    const addPerson = async (fullName: string, gender: string | null, birthYear: number | null, position: string, unit: string) => {
      const u = units.get(unit);
      const r = await trx
        .insertInto('people')
        .values({ full_name: fullName, full_name_folded: foldVietnamese(fullName), gender, birth_year: birthYear, committee_id: u?.committeeId ?? province, agency_id: u?.agencyId ?? null, position_id: positions.get(position) ?? null, email: null, phone: null, active: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    };
    const roles = new Map((await trx.selectFrom('roles').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
    for (const u of DEMO_USERS) {
      const female = / Thị /.test(u.person);
      const personId = await addPerson(u.person, female ? 'female' : 'male', 1980, u.position, u.agency ?? 'TU');
      const unit = units.get(u.agency ?? 'TU');
      const r = await trx
        .insertInto('users')
        .values({ username: u.username, display_name: u.person, person_id: personId, password_hash: passwordHash, clearance: u.clearance, scope_committee_id: unit?.committeeId ?? province, scope_agency_id: unit?.agencyId ?? null, disabled: 0, totp_secret: null, totp_enabled: 0, must_change_password: 0, password_changed_at: now, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('user_roles').values({ user_id: r.id, role_id: roles.get(u.role) as number }).execute();
    }
    for (const [name, gender, year, position, unit] of DEMO_PEOPLE) {
      await addPerson(name, gender, year, position, unit);
    }
    await seedDemoOrganizations(trx, now);
    await seedDemoNotifications(trx, ctx.clock);
    await recordAudit(
      { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: systemAuditContext('seed') },
      { action: 'seed.demo', entityType: 'system', details: { users: DEMO_USERS.length, people: DEMO_USERS.length + DEMO_PEOPLE.length } },
    );
  });
  // Spec §9: deadlines count working days, so the demo starts with this year's and next year's holidays (Vietnam date).
  const thisYear = Number(toVietnamDate(ctx.clock.now()).slice(0, 4));
  await ensureCalendarYears(ctx, [thisYear, thisYear + 1]);
  const store = 'config' in ctx ? fileStoreOf(ctx as AppContext) : null;
  await seedDemoIncoming(ctx, store);
  await seedDemoOutgoing(ctx, store);
  // Tasks come from the demo's conclusions (outgoing and incoming), so after them; the index rebuild stays last.
  await seedDemoTasks(ctx, store);
  await seedDemoScheduleEvents(ctx);
  await seedProgrammes(ctx);
  await seedDemoMeetings(ctx, store);
  // The demo documents are written partly straight into their tables (statuses, numbers): index them once, whole.
  await rebuildSearchIndex(ctx, systemAuditContext('seed'));
  return { users: DEMO_USERS.map((u) => u.username), password: DEMO_PASSWORD };
}

async function insertCommittee(
  trx: Trx,
  c: { parentId: number | null; level: string; name: string; superiorLine: string; placeName: string; abbreviation: string; active: boolean; now: string },
): Promise<number> {
  const r = await trx
    .insertInto('committees')
    .values({ parent_id: c.parentId, level_code: c.level, name: c.name, superior_line: c.superiorLine, place_name: c.placeName, abbreviation: c.abbreviation, numbering_rule: 'party_term', active: c.active ? 1 : 0, created_at: c.now, updated_at: c.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
