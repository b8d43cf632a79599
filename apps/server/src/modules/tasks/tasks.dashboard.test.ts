import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboard as dashboardSchema, TASK_STATUSES, type Dashboard, type TaskStatus } from '@vanphong/contracts';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';
import { agencyKey, countSql, insertAgency, insertSeedTask, loginUnitUser, userId } from './tasks.dashboard.test-support.ts';

/**
 * Issue 5 acceptance: every dashboard figure equals a direct SQL count. A known mix of tasks (deadlines on
 * a Saturday, a Sunday and a public holiday moved to the next working day; done on time, done late,
 * overdue, in progress, not yet due; a secret one; one invisible to the office; a sub-task; one of last
 * year) is written into the tables, and each unit's counts, the totals and the trend are compared with
 * COUNT queries written here by hand — for the office leader, the inspection role and a unit user.
 */

const TODAY = '2026-11-26';

/** The status rule written again by hand, as plain SQL over `tasks`. */
const STATUS: Record<TaskStatus, string> = {
  done_on_time: 'completed_on is not null and completed_on <= due_on',
  done_late: 'completed_on is not null and completed_on > due_on',
  overdue: `completed_on is null and due_on < '${TODAY}'`,
  in_progress: `completed_on is null and due_on >= '${TODAY}' and last_progress_on is not null`,
  not_due: `completed_on is null and due_on >= '${TODAY}' and last_progress_on is null`,
};

const list = (xs: (string | number)[]) => xs.map((x) => (typeof x === 'number' ? String(x) : `'${x}'`)).join(', ');

describe('the task dashboard equals direct SQL counts', () => {
  let t: TestApp;
  let chanhvp: Client;
  let kiemtra: Client;
  let unit: Client;
  let X: string;
  let BTC: string;
  let UBKT: string;
  const ids: Record<string, number> = {};
  /** The visibility of each viewer, written by hand. */
  const seen: Record<string, string> = {};

  beforeAll(async () => {
    // Thursday 26/11/2026, 09:00 in Hà Nội.
    t = await createTestApp({ clock: fixedClock(new Date('2026-11-26T02:00:00Z')) });
    const db = t.ctx.db;
    X = await insertAgency(db, 1, 'Ban Thử nghiệm Tỉnh ủy', 'BTNTU');
    BTC = await agencyKey(db, 'BTCTU');
    UBKT = await agencyKey(db, 'UBKTTU');
    const cv = await userId(db, 'chuyenvien');
    const add = async (name: string, task: Parameters<typeof insertSeedTask>[1]) => {
      ids[name] = await insertSeedTask(db, { createdBy: cv, ...task });
    };
    const c1 = { assigner: 'c1', assignedOn: '2026-08-03' };
    // Ban Thử nghiệm (only these tasks): 2 on time, 1 late, 3 overdue (one secret), 1 in progress, 2 not due.
    await add('saturday', { ...c1, content: 'Hạn thứ Bảy, xong thứ Hai', lead: X, deadline: '2026-11-21', completedOn: '2026-11-23' });
    await add('holiday', { ...c1, content: 'Hạn đúng Quốc khánh', lead: X, deadline: '2026-09-02', completedOn: '2026-09-03' });
    await add('late', { ...c1, content: 'Xong muộn', lead: X, deadline: '2026-10-15', completedOn: '2026-10-20', co: [BTC] });
    await add('overdue', { ...c1, content: 'Quá hạn', lead: X, deadline: '2026-11-20' });
    await add('sunday', { ...c1, content: 'Hạn Chủ nhật, chưa xong', lead: X, deadline: '2026-11-22', lastProgressOn: '2026-11-10' });
    await add('running', { ...c1, content: 'Đang làm', lead: X, deadline: '2026-12-15', lastProgressOn: '2026-11-20' });
    await add('notDue', { ...c1, content: 'Chưa đến hạn', lead: X, deadline: '2026-12-31', assignedOn: '2026-11-20' });
    await add('saturdayAhead', { ...c1, content: 'Hạn thứ Bảy sắp tới', lead: X, deadline: '2026-11-28' });
    await add('secret', { ...c1, content: 'Nhiệm vụ mật quá hạn', lead: X, deadline: '2026-11-10', secrecy: 'confidential' });
    // Other bodies.
    await add('btc1', { ...c1, content: 'BTC đúng hạn', lead: BTC, deadline: '2026-06-30', completedOn: '2026-06-29' });
    await add('btc2', { ...c1, content: 'BTC quá hạn', lead: BTC, deadline: '2026-07-31', co: ['c3'] });
    await add('commune', { ...c1, content: 'Xã Tân Phú thực hiện', lead: 'c3', deadline: '2026-10-30', lastProgressOn: '2026-10-01' });
    await add('sub', { assigner: 'c3', assignedOn: '2026-08-10', content: 'Nhiệm vụ con của xã', lead: 'c3-a8', deadline: '2026-10-20', completedOn: '2026-10-21', parentId: ids.commune });
    await add('byBtc', { assigner: BTC, assignedOn: '2026-09-01', content: 'BTC giao Ban Thử nghiệm', lead: X, deadline: '2026-10-01', createdBy: null });
    await add('lastYear', { ...c1, assignedOn: '2025-06-01', content: 'Năm ngoái', lead: 'c4', deadline: '2025-10-01', completedOn: '2025-10-10' });

    chanhvp = await t.login('chanhvp');
    kiemtra = await t.login('kiemtra');
    unit = await loginUnitUser(t, { username: 'banto_chuc', agencyKey: BTC });

    const chanhvpId = await userId(db, 'chanhvp');
    const office = await agencyKey(db, 'VPTU');
    seen.chanhvp = `(created_by = ${chanhvpId} or assigner_key in ('c1', '${office}') or root_assigner_key in ('c1', '${office}') or id in (select task_id from task_bodies where body_key in ('c1', '${office}')))`;
    const kt = await db.selectFrom('users').select(['id', 'scope_committee_id', 'scope_agency_id']).where('username', '=', 'kiemtra').executeTakeFirstOrThrow();
    const scope = await scopeCommitteeIds(db, { scopeCommitteeId: kt.scope_committee_id, scopeAgencyId: kt.scope_agency_id } as never);
    const inScope = scope === null ? 'true' : `(assigner_committee_id in (${list(scope)}) or lead_committee_id in (${list(scope)}))`;
    seen.kiemtra = `secrecy in ('none', 'confidential', 'secret') and (created_by = ${kt.id} or assigner_key = '${UBKT}' or root_assigner_key = '${UBKT}' or id in (select task_id from task_bodies where body_key = '${UBKT}') or ${inScope})`;
    const u = await userId(db, 'banto_chuc');
    seen.unit = `secrecy = 'none' and (created_by = ${u} or assigner_key = '${BTC}' or root_assigner_key = '${BTC}' or id in (select task_id from task_bodies where body_key = '${BTC}'))`;
  });
  afterAll(async () => t.cleanup());

  const count = (...conds: string[]) => countSql(t.ctx.db, sql.raw(conds.join(' and ')) as RawBuilder<unknown>);

  /** Compares every figure of a dashboard with COUNT queries under `base`. */
  async function expectEqualsSql(d: Dashboard, base: string) {
    const keys = await t.ctx.db.selectFrom('tasks').select('lead_key').distinct().where(sql.raw<boolean>(base)).execute();
    expect(d.units.map((u) => u.key).sort()).toEqual(keys.map((k) => k.lead_key).sort());
    for (const u of d.units) {
      const b = `${base} and lead_key = '${u.key}'`;
      for (const s of TASK_STATUSES) {
        expect(u.counts[s], `${u.key} ${s}`).toBe(await count(b, `(${STATUS[s]})`));
      }
      expect(u.total).toBe(await count(b));
      const [onTime, late, over] = [await count(b, STATUS.done_on_time), await count(b, STATUS.done_late), await count(b, STATUS.overdue)];
      expect(u.onTimeRate).toBe(onTime + late + over === 0 ? null : Math.round((onTime / (onTime + late + over)) * 1000) / 1000);
      const agencyId = u.key.includes('-a') ? Number(u.key.split('-a')[1]) : null;
      expect([u.committeeId, u.agencyId]).toEqual([Number(u.key.slice(1).split('-')[0]), agencyId]);
    }
    for (const s of TASK_STATUSES) {
      expect(d.totals[s], `total ${s}`).toBe(await count(base, `(${STATUS[s]})`));
    }
    expect(d.trend.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    for (const m of d.trend) {
      const b = `${base} and substr(due_on, 1, 7) = '${m.month}'`;
      expect([m.done_on_time, m.done_late, m.overdue], m.month).toEqual([await count(b, STATUS.done_on_time), await count(b, STATUS.done_late), await count(b, STATUS.overdue)]);
    }
  }

  const top = 'assigner_committee_id = 1 and parent_id is null';

  it('moved the deadlines on days off to the next working day (Saturday and Sunday → Monday, Quốc khánh → after the holiday)', async () => {
    const due = async (name: string) => (await t.ctx.db.selectFrom('tasks').select('due_on').where('id', '=', ids[name]!).executeTakeFirstOrThrow()).due_on;
    expect(await due('saturday')).toBe('2026-11-23');
    expect(await due('sunday')).toBe('2026-11-23');
    expect(await due('saturdayAhead')).toBe('2026-11-30');
    expect(await due('holiday')).toBe('2026-09-03');
  });

  it('as the office leader: each unit, the totals and the trend equal COUNT queries', async () => {
    const r = await chanhvp.get('/api/tasks/dashboard');
    expect(r.statusCode, r.body).toBe(200);
    const d = dashboardSchema.parse(r.json());
    expect(d).toMatchObject({ asOf: TODAY, committeeId: 1 });
    await expectEqualsSql(d, `${top} and ${seen.chanhvp}`);
    // The known mix of the test body, by hand: the Saturday and holiday deadlines done on the next working day are on time.
    const x = d.units.find((u) => u.key === X)!;
    expect(x).toMatchObject({ name: 'Ban Thử nghiệm Tỉnh ủy', kind: 'agency', total: 9, onTimeRate: 0.333 });
    expect(x.counts).toEqual({ done_on_time: 2, done_late: 1, overdue: 3, in_progress: 1, not_due: 2 });
    // The task BTC assigned to the test body is not the office's (9, not 10); the commune's sub-task is not top-level.
    expect(d.units.map((u) => u.key)).not.toContain('c3-a8');
    expect(d.units.find((u) => u.key === 'c3')).toMatchObject({ kind: 'committee', name: 'Đảng ủy xã Tân Phú' });
    // Last year's task is counted, but not in the 12-month trend.
    expect(d.units.find((u) => u.key === 'c4')?.counts.done_late).toBeGreaterThanOrEqual(1);
    expect(d.trend.find((m) => m.month === '2026-11')!.overdue).toBeGreaterThanOrEqual(2);
  });

  it('with sub-tasks: the trees of the committee\'s tasks, whoever split them', async () => {
    const d = dashboardSchema.parse((await chanhvp.get('/api/tasks/dashboard?subtasks=true')).json());
    await expectEqualsSql(d, `(assigner_committee_id = 1 or root_assigner_key = 'c1' or root_assigner_key like 'c1-a%') and ${seen.chanhvp}`);
    expect(d.units.find((u) => u.key === 'c3-a8')?.counts.done_late).toBe(1);
  });

  it('within an assignment date range', async () => {
    const d = dashboardSchema.parse((await chanhvp.get('/api/tasks/dashboard?from=2026-11-01&to=2026-11-30')).json());
    await expectEqualsSql(d, `${top} and assigned_on >= '2026-11-01' and assigned_on <= '2026-11-30' and ${seen.chanhvp}`);
    expect(d.units.find((u) => u.key === X)?.total).toBe(1);
  });

  it('as the inspection role: everything in scope up to its clearance, the same counts as SQL', async () => {
    const d = dashboardSchema.parse((await kiemtra.get('/api/tasks/dashboard')).json());
    await expectEqualsSql(d, `${top} and ${seen.kiemtra}`);
    // It also sees the task BTC assigned to the test body.
    expect(d.units.find((u) => u.key === X)!.total).toBe(10);
  });

  it('as a unit user: only what its unit leads, co-handles or assigned', async () => {
    const d = dashboardSchema.parse((await unit.get('/api/tasks/dashboard?committeeId=1')).json());
    await expectEqualsSql(d, `${top} and ${seen.unit}`);
    expect(d.units.map((u) => u.key)).toEqual(expect.arrayContaining([BTC, X]));
    // Of the test body's tasks: the one BTC co-handles and the one BTC assigned.
    expect(d.units.find((u) => u.key === X)!.counts).toEqual({ done_on_time: 0, done_late: 1, overdue: 1, in_progress: 0, not_due: 0 });
  });

  it('refuses a reversed range with the field, and a user without tasks.view', async () => {
    const bad = await chanhvp.get('/api/tasks/dashboard?from=2026-12-01&to=2026-11-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('to');
    expect((await chanhvp.get('/api/tasks/dashboard?committeeId=999')).statusCode).toBe(404);
    const vanthu = await t.login('vanthu');
    expect((await vanthu.get('/api/tasks/dashboard')).statusCode).toBe(403);
  });
});
