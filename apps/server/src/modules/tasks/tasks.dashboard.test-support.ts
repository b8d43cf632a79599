import { sql, type Kysely } from 'kysely';
import type { Client, TestApp } from '../../../test/http.ts';
import type { Database } from '../../platform/db/schema.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { loadWorkingCalendar } from '../calendar/calendar.usecases.ts';
import { bodyKeyOf, effectiveDeadline, parseBodyKey } from './tasks.models.ts';

type Db = Kysely<Database>;

/**
 * Tasks written straight into the tables for the dashboard and output tests (a known mix of statuses,
 * deadlines on weekends and holidays), consistent with migration 0012: `due_on` is the deadline moved to
 * the next working day on the calendar, a task_bodies row for the lead and each co-body, root_id /
 * root_assigner_key inherited by sub-tasks.
 */
export interface SeedTask {
  content: string;
  assigner: string;
  lead: string;
  co?: string[];
  assignedOn: string;
  deadline: string;
  completedOn?: string | null;
  lastProgressOn?: string | null;
  progress?: number;
  parentId?: number | null;
  secrecy?: 'none' | 'confidential' | 'secret';
  sourceReference?: string;
  createdBy?: number | null;
}

export async function insertSeedTask(db: Db, t: SeedTask): Promise<number> {
  const cal = await loadWorkingCalendar(db, { from: t.deadline, to: `${Number(t.deadline.slice(0, 4)) + 1}-12-31` });
  const assigner = parseBodyKey(t.assigner)!;
  const lead = parseBodyKey(t.lead)!;
  const parent = t.parentId ? await db.selectFrom('tasks').select(['id', 'root_id', 'root_assigner_key', 'depth']).where('id', '=', t.parentId).executeTakeFirstOrThrow() : null;
  const now = `${t.assignedOn}T02:00:00.000Z`;
  const done = t.completedOn ?? null;
  const r = await db
    .insertInto('tasks')
    .values({
      parent_id: parent?.id ?? null,
      root_id: parent?.root_id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      content: t.content,
      content_folded: foldVietnamese(t.content),
      source_kind: t.sourceReference ? 'meeting' : 'ad_hoc',
      source_outgoing_id: null,
      source_incoming_id: null,
      source_reference: t.sourceReference ?? '',
      source_paragraph: '',
      assigner_committee_id: assigner.committeeId,
      assigner_agency_id: assigner.agencyId,
      assigner_key: t.assigner,
      root_assigner_key: parent?.root_assigner_key ?? t.assigner,
      lead_committee_id: lead.committeeId,
      lead_agency_id: lead.agencyId,
      lead_key: t.lead,
      assigned_on: t.assignedOn,
      deadline: t.deadline,
      cadence: null,
      due_on: effectiveDeadline(t.deadline, cal),
      expected_products: '',
      secrecy: t.secrecy ?? 'none',
      state: done ? 'reported_done' : 'open',
      progress: done ? 100 : (t.progress ?? (t.lastProgressOn ? 40 : 0)),
      last_progress_on: done ?? t.lastProgressOn ?? null,
      completed_on: done,
      evaluation: null,
      evaluation_comment: '',
      evaluated_by: null,
      evaluated_at: null,
      created_by: t.createdBy ?? null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!parent) {
    await db.updateTable('tasks').set({ root_id: r.id }).where('id', '=', r.id).execute();
  }
  const bodies = [t.lead, ...(t.co ?? [])].map((key, i) => {
    const b = parseBodyKey(key)!;
    return { task_id: r.id, body_key: key, committee_id: b.committeeId, agency_id: b.agencyId, role: i === 0 ? 'lead' : 'co' };
  });
  await db.insertInto('task_bodies').values(bodies).execute();
  return r.id;
}

/** A new agency of a committee, so that a test's counts are the only tasks it leads. */
export async function insertAgency(db: Db, committeeId: number, name: string, abbreviation: string): Promise<string> {
  const r = await db.insertInto('agencies').values({ committee_id: committeeId, name, abbreviation, kind: 'board', active: 1 }).returning('id').executeTakeFirstOrThrow();
  return bodyKeyOf(committeeId, r.id);
}

export async function agencyKey(db: Db, abbreviation: string): Promise<string> {
  const a = await db.selectFrom('agencies').select(['id', 'committee_id']).where('abbreviation', '=', abbreviation).orderBy('id').executeTakeFirstOrThrow();
  return bodyKeyOf(a.committee_id, a.id);
}

/** An account acting for one agency (a unit user), logged in. */
export async function loginUnitUser(t: TestApp, { username, agencyKey: key, role = 'specialist', clearance = 'none' }: { username: string; agencyKey: string; role?: string; clearance?: string }): Promise<Client> {
  const b = parseBodyKey(key)!;
  const admin = await t.login('admin');
  const password = 'Mat-khau-don-vi-2026';
  const r = await admin.post('/api/users', {
    username,
    password,
    displayName: `Cán bộ ${username}`,
    personId: null,
    roleCodes: [role],
    clearance,
    scopeCommitteeId: b.committeeId,
    scopeAgencyId: b.agencyId,
  });
  if (r.statusCode !== 201) {
    throw new Error(`creating ${username} failed: ${r.statusCode} ${r.body}`);
  }
  await t.ctx.db.updateTable('users').set({ must_change_password: 0 }).where('username', '=', username).execute();
  return t.login(username, password);
}

export const userId = async (db: Db, username: string): Promise<number> =>
  (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

/** `SELECT COUNT(*) …` written by hand: the figure the dashboard must equal. */
export async function countSql(db: Db, where: ReturnType<typeof sql>): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from tasks where ${where}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
