/** Helpers of the task tests: accounts of other units, uploads, row counts. */
import type { Insertable } from 'kysely';
import type { TestApp, Client } from '../../../test/http.ts';
import type { TasksTable } from '../../platform/db/schema.ts';
import { multipartFile, samples } from '../../platform/files/files.fixtures.ts';
import { hashPassword } from '../auth/auth.passwords.ts';

/** The demo directory's ids, looked up by name (province 1 and its agencies; the commune Tân Phú and its office). */
export async function demoBodies(t: TestApp) {
  const db = t.ctx.db;
  const province = await db.selectFrom('committees').select('id').where('name', '=', 'Tỉnh ủy Hồng Lam').executeTakeFirstOrThrow();
  const commune = await db.selectFrom('committees').select('id').where('name', '=', 'Đảng ủy xã Tân Phú').executeTakeFirstOrThrow();
  const ward = await db.selectFrom('committees').select('id').where('name', '=', 'Đảng ủy phường Đông Thành').executeTakeFirstOrThrow();
  const agencies = await db.selectFrom('agencies').select(['id', 'committee_id', 'abbreviation']).execute();
  const agency = (committeeId: number, abbreviation: string) => agencies.find((a) => a.committee_id === committeeId && a.abbreviation === abbreviation)!.id;
  return {
    province: province.id,
    commune: commune.id,
    ward: ward.id,
    vptu: agency(province.id, 'VPTU'),
    btc: agency(province.id, 'BTCTU'),
    ubkt: agency(province.id, 'UBKTTU'),
    bnc: agency(province.id, 'BNCTU'),
    communeOffice: agency(commune.id, 'VPĐU'),
    wardOffice: agency(ward.id, 'VPĐU'),
  };
}

/** An account of another unit (role specialist by default), password vanphong-demo. */
export async function addUser(
  t: TestApp,
  u: { username: string; committeeId: number; agencyId: number | null; role?: string; clearance?: 'none' | 'confidential' | 'secret' },
): Promise<number> {
  const now = new Date().toISOString();
  const role = await t.ctx.db.selectFrom('roles').select('id').where('code', '=', u.role ?? 'specialist').executeTakeFirstOrThrow();
  const r = await t.ctx.db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: `Người dùng ${u.username}`,
      person_id: null,
      password_hash: await hashPassword('vanphong-demo'),
      clearance: u.clearance ?? 'confidential',
      scope_committee_id: u.committeeId,
      scope_agency_id: u.agencyId,
      disabled: 0,
      totp_secret: null,
      totp_enabled: 0,
      must_change_password: 0,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.ctx.db.insertInto('user_roles').values({ user_id: r.id, role_id: role.id }).execute();
  return r.id;
}

export async function uploadPdf(t: TestApp, c: Client, filename = 'bao-cao.pdf'): Promise<number> {
  const f = multipartFile({ field: 'file', filename, bytes: samples.pdf(), contentType: 'application/pdf' });
  const r = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': f.contentType }, payload: f.payload });
  if (r.statusCode !== 201) {
    throw new Error(`upload failed: ${r.statusCode} ${r.body}`);
  }
  return r.json().file.id as number;
}

/** Rows in the tables a task change writes. */
export async function rowCounts(t: TestApp) {
  const n = async (table: 'tasks' | 'task_events' | 'audit_events' | 'task_bodies' | 'task_extensions' | 'task_progress') =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    tasks: await n('tasks'),
    events: await n('task_events'),
    audit: await n('audit_events'),
    bodies: await n('task_bodies'),
    extensions: await n('task_extensions'),
    progress: await n('task_progress'),
  };
}

/** A tasks row written straight to the database (another province's task, a grid of dates). */
export function rawTask(committeeId: number, over: Partial<Insertable<TasksTable>> = {}): Insertable<TasksTable> {
  const now = new Date('2026-11-20T00:00:00Z').toISOString();
  return {
    parent_id: null,
    root_id: null,
    depth: 0,
    content: 'Nhiệm vụ ghi thẳng vào cơ sở dữ liệu',
    content_folded: 'nhiem vu ghi thang vao co so du lieu',
    source_kind: 'ad_hoc',
    source_outgoing_id: null,
    source_incoming_id: null,
    source_reference: '',
    source_paragraph: '',
    assigner_committee_id: committeeId,
    assigner_agency_id: null,
    assigner_key: `c${committeeId}`,
    root_assigner_key: `c${committeeId}`,
    lead_committee_id: committeeId,
    lead_agency_id: null,
    lead_key: `c${committeeId}`,
    assigned_on: '2026-11-20',
    deadline: '2026-12-31',
    cadence: null,
    due_on: '2026-12-31',
    expected_products: '',
    secrecy: 'none',
    state: 'open',
    progress: 0,
    last_progress_on: null,
    completed_on: null,
    evaluation: null,
    evaluation_comment: '',
    evaluated_by: null,
    evaluated_at: null,
    created_by: null,
    created_at: now,
    updated_at: now,
    version: 1,
    ...over,
  };
}
