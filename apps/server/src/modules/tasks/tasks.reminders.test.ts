import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, fixedClock, testConfig, type TestContext } from '../../../test/test-context.ts';
import { createContext } from '../../platform/context.ts';
import type { Trx } from '../../platform/context.ts';
import { startWorker, type Worker } from '../../platform/jobs/jobs.worker.ts';
import { loadWorkingCalendar } from '../calendar/calendar.usecases.ts';
import { seedReference } from '../seed/seed.ts';
import { updateSettings } from '../settings/settings.usecases.ts';
import { systemAuditContext } from '../../platform/audit/audit.ts';
import { registerTaskReminders, sendTaskReminders, slotsFor } from './tasks.reminders.ts';

/**
 * A small office of its own: a province (office VP, board BTC) and one commune (office VPĐU). The
 * province assigns tasks to BTC and to the commune. Wednesday 25/11/2026, 09:00 in Vietnam; Friday
 * 04/12/2026 is made a day off, so counting working days shows.
 */
describe('task reminders and escalations', () => {
  const clock = fixedClock('2026-11-25T02:00:00.000Z');
  let t: TestContext;
  let worker: Worker;
  const u: Record<string, number> = {};
  const task: Record<string, number> = {};
  let province = 0;
  let commune = 0;
  let vp = 0;
  let btc = 0;
  let vpdu = 0;

  const addUser = async (trx: Trx, o: { username: string; role: string; clearance: string; committeeId: number; agencyId: number | null; position?: string; disabled?: boolean }) => {
    const at = clock.now().toISOString();
    const position = o.position ? await trx.selectFrom('positions').select('id').where('name', '=', o.position).executeTakeFirstOrThrow() : null;
    const person = await trx
      .insertInto('people')
      .values({ full_name: o.username, full_name_folded: o.username, gender: null, birth_year: null, committee_id: o.committeeId, agency_id: o.agencyId, position_id: position?.id ?? null, email: null, phone: null, active: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await trx
      .insertInto('users')
      .values({ username: o.username, display_name: o.username, person_id: person.id, password_hash: 'x', clearance: o.clearance, scope_committee_id: o.committeeId, scope_agency_id: o.agencyId, disabled: o.disabled ? 1 : 0, totp_secret: null, totp_enabled: 0, must_change_password: 0, password_changed_at: at, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const role = await trx.selectFrom('roles').select('id').where('code', '=', o.role).executeTakeFirstOrThrow();
    await trx.insertInto('user_roles').values({ user_id: r.id, role_id: role.id }).execute();
    u[o.username] = r.id;
  };

  /** A task as createTask writes it (rows straight in: the reminder job only reads them). */
  const addTask = async (trx: Trx, key: string, o: { lead: [number, number | null]; dueOn: string; secrecy?: string; state?: string; completedOn?: string; content?: string }) => {
    const at = clock.now().toISOString();
    const leadKey = o.lead[1] === null ? `c${o.lead[0]}` : `c${o.lead[0]}-a${o.lead[1]}`;
    const content = o.content ?? `Nhiệm vụ ${key}`;
    const r = await trx
      .insertInto('tasks')
      .values({
        parent_id: null, root_id: null, depth: 0, content, content_folded: content.toLowerCase(), source_kind: 'ad_hoc', source_outgoing_id: null, source_incoming_id: null,
        source_reference: '', source_paragraph: '', assigner_committee_id: province, assigner_agency_id: null, assigner_key: `c${province}`, root_assigner_key: `c${province}`,
        lead_committee_id: o.lead[0], lead_agency_id: o.lead[1], lead_key: leadKey, assigned_on: '2026-11-02', deadline: o.dueOn, cadence: null, due_on: o.dueOn,
        expected_products: '', secrecy: o.secrecy ?? 'none', state: o.state ?? 'open', progress: 0, last_progress_on: null, completed_on: o.completedOn ?? null, evaluation: null,
        evaluation_comment: '', evaluated_by: null, evaluated_at: null, created_by: u.vpSpecialist!, created_at: at, updated_at: at, version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('tasks').set({ root_id: r.id }).where('id', '=', r.id).execute();
    await trx.insertInto('task_bodies').values({ task_id: r.id, body_key: leadKey, committee_id: o.lead[0], agency_id: o.lead[1], role: 'lead' }).execute();
    task[key] = r.id;
  };

  beforeAll(async () => {
    t = await createTestContext({ clock });
    await seedReference(t.ctx);
    const at = clock.now().toISOString();
    await t.ctx.db.transaction().execute(async (trx) => {
      const committee = async (name: string, parentId: number | null, level: string) =>
        (await trx.insertInto('committees').values({ parent_id: parentId, level_code: level, name, superior_line: 'ĐẢNG BỘ TỈNH THỬ NGHIỆM', place_name: 'Thử nghiệm', abbreviation: 'TU', numbering_rule: 'party_term', active: 1, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
      const agency = async (committeeId: number, name: string, abbreviation: string, kind: string) =>
        (await trx.insertInto('agencies').values({ committee_id: committeeId, name, abbreviation, kind, active: 1 }).returning('id').executeTakeFirstOrThrow()).id;
      province = await committee('Tỉnh ủy Thử nghiệm', null, 'province');
      commune = await committee('Đảng ủy xã Thử nghiệm', province, 'commune');
      vp = await agency(province, 'Văn phòng Tỉnh ủy', 'VPTU', 'office');
      btc = await agency(province, 'Ban Tổ chức Tỉnh ủy', 'BTCTU', 'board');
      vpdu = await agency(commune, 'Văn phòng Đảng ủy', 'VPĐU', 'office');
      await addUser(trx, { username: 'vpSpecialist', role: 'specialist', clearance: 'confidential', committeeId: province, agencyId: vp, position: 'Chuyên viên' });
      await addUser(trx, { username: 'vpChief', role: 'office_leader', clearance: 'top_secret', committeeId: province, agencyId: vp, position: 'Chánh Văn phòng' });
      await addUser(trx, { username: 'secretary', role: 'committee_leader', clearance: 'top_secret', committeeId: province, agencyId: null, position: 'Bí thư Tỉnh ủy' });
      await addUser(trx, { username: 'vpClerk', role: 'clerk', clearance: 'secret', committeeId: province, agencyId: vp, position: 'Văn thư' });
      await addUser(trx, { username: 'btcSpecialist', role: 'specialist', clearance: 'confidential', committeeId: province, agencyId: btc, position: 'Chuyên viên' });
      await addUser(trx, { username: 'btcHead', role: 'specialist', clearance: 'secret', committeeId: province, agencyId: btc, position: 'Trưởng ban' });
      await addUser(trx, { username: 'btcUncleared', role: 'specialist', clearance: 'none', committeeId: province, agencyId: btc, position: 'Chuyên viên' });
      await addUser(trx, { username: 'btcGone', role: 'specialist', clearance: 'top_secret', committeeId: province, agencyId: btc, position: 'Phó Trưởng ban', disabled: true });
      await addUser(trx, { username: 'btcAccountant', role: 'accountant', clearance: 'top_secret', committeeId: province, agencyId: btc, position: 'Kế toán' });
      await addUser(trx, { username: 'communeOfficer', role: 'specialist', clearance: 'confidential', committeeId: commune, agencyId: vpdu, position: 'Chuyên viên' });
      await trx.insertInto('holidays').values({ date: '2026-12-04', year: 2026, name: 'Ngày nghỉ thử nghiệm', kind: 'holiday', source: 'admin' }).execute();
      // Wednesday 25/11: Monday 30/11 is 3 working days ahead (Thu, Fri, Mon).
      await addTask(trx, 'btcMonday', { lead: [province, btc], dueOn: '2026-11-30', secrecy: 'confidential', content: 'Rà soát quy hoạch cán bộ' });
      await addTask(trx, 'communeToday', { lead: [commune, null], dueOn: '2026-11-25' });
      await addTask(trx, 'btcSecretToday', { lead: [province, btc], dueOn: '2026-11-25', secrecy: 'secret', content: 'Nội dung mật không được chép vào thông báo' });
      await addTask(trx, 'reportedDone', { lead: [province, btc], dueOn: '2026-11-24', state: 'reported_done', completedOn: '2026-11-20' });
      await addTask(trx, 'farAway', { lead: [province, btc], dueOn: '2026-12-31' });
    });
    registerTaskReminders();
    worker = startWorker(t.ctx, { autoStart: false });
  });
  afterAll(async () => {
    await worker.stop();
    await t.cleanup();
  });

  const name = (id: number) => Object.keys(u).find((k) => u[k] === id);
  const notificationsOf = async (key: string) =>
    (await t.ctx.db.selectFrom('notifications').selectAll().where('entity_type', '=', 'task').where('entity_id', '=', String(task[key])).orderBy('id').execute()).map((n) => ({ ...n, who: name(n.user_id) }));
  const slotsOf = async (key: string) => (await t.ctx.db.selectFrom('task_reminders').select(['slot', 'recipients']).where('task_id', '=', task[key]!).orderBy('slot').execute());
  const eventsOf = async (key: string) => t.ctx.db.selectFrom('task_events').select(['action', 'details', 'actor_id']).where('task_id', '=', task[key]!).orderBy('id').execute();
  const pass = () => t.ctx.db.transaction().execute((trx) => sendTaskReminders(trx, clock));

  it('slots on the working calendar: the nearest "before" day only, due, overdue, escalations after X and Y working days', async () => {
    const cal = await loadWorkingCalendar(t.ctx.db, { from: '2026-11-01', to: '2026-12-31' });
    const s = { daysBefore: [3, 1], headAfter: 3, assignerAfter: 7 };
    const names = (today: string) => slotsFor('2026-11-30', today, cal, s).map((x) => x.name);
    expect(names('2026-11-24')).toEqual([]);
    expect(names('2026-11-25')).toEqual(['before:3:2026-11-30']);
    expect(names('2026-11-26')).toEqual(['before:3:2026-11-30']);
    expect(names('2026-11-27')).toEqual(['before:1:2026-11-30']);
    expect(names('2026-11-30')).toEqual(['due:2026-11-30']);
    expect(names('2026-12-01')).toEqual(['overdue:2026-11-30']);
    expect(names('2026-12-03')).toEqual(['overdue:2026-11-30', 'escalate:head:2026-11-30']);
    // Friday 04/12 is a day off: the seventh working day late is Thursday 10/12, not Wednesday 09/12.
    expect(names('2026-12-09')).toEqual(['overdue:2026-11-30', 'escalate:head:2026-11-30']);
    expect(names('2026-12-10')).toEqual(['overdue:2026-11-30', 'escalate:head:2026-11-30', 'escalate:assigner:2026-11-30']);
  });

  it('the hourly job reminds the lead body\'s people cleared for the task, with the due date and a link, and writes the history', async () => {
    await worker.tick();
    const job = await t.ctx.db.selectFrom('jobs').selectAll().where('name', '=', 'tasks.reminders').executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
    const sent = await notificationsOf('btcMonday');
    // Not the uncleared, the disabled one, the accountant (no tasks.view), nor the office (not the lead).
    expect(sent.map((n) => n.who).sort()).toEqual(['btcHead', 'btcSpecialist']);
    // A Mật task's content stays on its page, not in the notice.
    expect(sent[0]).toMatchObject({ kind: 'tasks.deadline_soon', title: 'Nhiệm vụ sắp đến hạn (30/11/2026, còn 3 ngày làm việc)', body: 'Nhiệm vụ có độ mật — xem chi tiết trong hệ thống', url: `/tasks/${task.btcMonday}` });
    expect(await slotsOf('btcMonday')).toEqual([{ slot: 'before:3:2026-11-30', recipients: 2 }]);
    const [ev] = await eventsOf('btcMonday');
    expect(ev).toMatchObject({ action: 'reminded', actor_id: null });
    expect(JSON.parse(ev!.details)).toEqual({ slot: 'before:3:2026-11-30', kind: 'before', dueOn: '2026-11-30', to: 'lead', recipients: ['btcSpecialist', 'btcHead'] });
  });

  it('a commune as the lead: its office people; a secret task: only those cleared, without its content in the notice', async () => {
    const commune = await notificationsOf('communeToday');
    expect(commune.map((n) => [n.who, n.kind, n.title, n.body])).toEqual([['communeOfficer', 'tasks.deadline_today', 'Nhiệm vụ đến hạn hôm nay (25/11/2026)', 'Nhiệm vụ communeToday']]);
    const secret = await notificationsOf('btcSecretToday');
    expect(secret.map((n) => n.who)).toEqual(['btcHead']);
    expect(secret[0]!.body).toBe('Nhiệm vụ có độ mật — xem chi tiết trong hệ thống');
  });

  it('reported-done and far-off tasks remind nobody', async () => {
    expect(await notificationsOf('reportedDone')).toEqual([]);
    expect(await notificationsOf('farAway')).toEqual([]);
    expect(await slotsOf('farAway')).toEqual([]);
  });

  it('running again — the next hourly slot, or directly — sends nothing twice', async () => {
    const before = await t.ctx.db.selectFrom('notifications').select('id').execute();
    clock.advance(60 * 60_000);
    await worker.tick();
    expect(await pass()).toEqual({ slots: 0, notifications: 0 });
    expect((await t.ctx.db.selectFrom('notifications').select('id').execute()).length).toBe(before.length);
    const runs = await t.ctx.db.selectFrom('jobs').select('status').where('name', '=', 'tasks.reminders').execute();
    expect(runs.map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('day by day: before:1, due, overdue, the head of the lead unit after 3 working days, the assigner after 7 — each once', async () => {
    const day = async (iso: string) => {
      clock.set(`${iso}T02:00:00.000Z`);
      await pass();
      await pass();
    };
    await day('2026-11-26');
    expect((await slotsOf('btcMonday')).map((s) => s.slot)).toEqual(['before:3:2026-11-30']);
    await day('2026-11-27');
    await day('2026-11-28'); // Saturday: nothing runs.
    await day('2026-11-30');
    await day('2026-12-01');
    await day('2026-12-02');
    await day('2026-12-03');
    await day('2026-12-04'); // The day off.
    await day('2026-12-07');
    await day('2026-12-09');
    expect((await slotsOf('btcMonday')).map((s) => s.slot)).toEqual([
      'before:1:2026-11-30',
      'before:3:2026-11-30',
      'due:2026-11-30',
      'escalate:head:2026-11-30',
      'overdue:2026-11-30',
    ]);
    await day('2026-12-10');
    await day('2026-12-11');
    const sent = await notificationsOf('btcMonday');
    const byKind = (kind: string) => sent.filter((n) => n.kind === kind).map((n) => `${n.created_at.slice(0, 10)} ${n.who}`).sort();
    expect(byKind('tasks.deadline_soon')).toEqual(['2026-11-25 btcHead', '2026-11-25 btcSpecialist', '2026-11-27 btcHead', '2026-11-27 btcSpecialist']);
    expect(byKind('tasks.deadline_today')).toEqual(['2026-11-30 btcHead', '2026-11-30 btcSpecialist']);
    expect(byKind('tasks.overdue')).toEqual(['2026-12-01 btcHead', '2026-12-01 btcSpecialist']);
    // The head: the BTC user whose person is Trưởng ban; the assigner (the province): its office and its leaders, cleared.
    expect(byKind('tasks.escalated')).toEqual(['2026-12-03 btcHead', '2026-12-10 secretary', '2026-12-10 vpChief', '2026-12-10 vpSpecialist']);
    const head = sent.find((n) => n.kind === 'tasks.escalated' && n.who === 'btcHead');
    expect(head!.title).toBe('Nhiệm vụ do Ban Tổ chức Tỉnh ủy chủ trì quá hạn 3 ngày làm việc (hạn 30/11/2026)');
    const events = await eventsOf('btcMonday');
    expect(events.map((e) => e.action)).toEqual(['reminded', 'reminded', 'reminded', 'reminded', 'escalated', 'escalated']);
  });

  it('a granted extension (a new due date) gets fresh reminders; the days before are settings an administrator edits', async () => {
    await updateSettings(t.ctx, { actor: null, audit: systemAuditContext('test') }, { taskReminderDaysBefore: [2], taskEscalateHeadAfterDays: 2 });
    // The extension moves the deadline to Tuesday 15/12 (as decideExtension writes it).
    await t.ctx.db.updateTable('tasks').set({ deadline: '2026-12-15', due_on: '2026-12-15' }).where('id', '=', task.btcMonday!).execute();
    clock.set('2026-12-11T02:00:00.000Z'); // Friday: Mon 14, Tue 15 → 2 working days left.
    expect(await pass()).toMatchObject({ slots: 1 });
    clock.set('2026-12-17T02:00:00.000Z'); // Thursday: 2 working days late → overdue and the head at once.
    expect(await pass()).toMatchObject({ slots: 2 });
    const slots = (await slotsOf('btcMonday')).map((s) => s.slot).filter((s) => s.endsWith('2026-12-15'));
    expect(slots).toEqual(['before:2:2026-12-15', 'escalate:head:2026-12-15', 'overdue:2026-12-15']);
  });

  it('two passes at once (two transactions; on PostgreSQL two connections) take each slot once', async () => {
    clock.set('2026-12-18T02:00:00.000Z');
    await t.ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 30; i++) {
        await addTask(trx, `burst${i}`, { lead: [i % 2 ? commune : province, i % 2 ? null : btc], dueOn: i % 3 === 0 ? '2026-12-18' : i % 3 === 1 ? '2026-12-21' : '2026-12-10' });
      }
    });
    const results = await Promise.all([pass(), pass(), pass()]);
    const ids = Array.from({ length: 30 }, (_, i) => task[`burst${i}`]!);
    const rows = await t.ctx.db.selectFrom('task_reminders').select(['task_id', 'slot']).where('task_id', 'in', ids).execute();
    const events = await t.ctx.db.selectFrom('task_events').select(['task_id', 'details']).where('task_id', 'in', ids).execute();
    expect(results.reduce((n, r) => n + r.slots, 0)).toBe(rows.length);
    expect(events.length).toBe(rows.length);
    // 10 due today, 10 due Monday (1 working day: before:2), 10 six working days late (overdue + head at 2).
    expect(rows.length).toBe(10 + 10 + 20);
  });

  it('two worker processes on the same database, started together, take each slot once', async () => {
    clock.set('2026-12-21T02:00:00.000Z');
    await t.ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 40; i++) {
        await addTask(trx, `procs${i}`, { lead: [i % 2 ? commune : province, i % 2 ? null : btc], dueOn: i % 2 ? '2026-12-21' : '2026-12-14' });
      }
    });
    const config = testConfig(t.db);
    const script = path.join(import.meta.dirname, 'tasks.reminders.test-process.ts');
    const start = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', script], {
        env: { ...process.env, DATA_DIR: config.dataDir, DATABASE_URL: t.db.url, FAKE_NOW: clock.now().toISOString(), PASSES: '4' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      const ready = new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          out += d;
          if (out.includes('ready\n')) {
            resolve();
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code} before ready: ${err}`)));
      });
      const done = new Promise<{ slots: number; notifications: number; errors: number }>((resolve, reject) => {
        child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')) : reject(new Error(`exit ${code}: ${err}`))));
      });
      return { child, ready, done };
    };
    const a = start();
    const b = start();
    await Promise.all([a.ready, b.ready]);
    a.child.stdin.end('go\n');
    b.child.stdin.end('go\n');
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.errors, rb.errors]).toEqual([0, 0]);
    const ids = Array.from({ length: 40 }, (_, i) => task[`procs${i}`]!);
    const rows = await t.ctx.db.selectFrom('task_reminders').select(['task_id', 'slot']).where('task_id', 'in', ids).execute();
    const events = await t.ctx.db.selectFrom('task_events').select('task_id').where('task_id', 'in', ids).execute();
    // 20 due today; 20 five working days late (overdue + head at 2 working days).
    expect(rows.length).toBe(20 + 40);
    expect(events.length).toBe(rows.length);
    const notes = await t.ctx.db.selectFrom('notifications').select(['dedupe_key']).where('entity_type', '=', 'task').where('entity_id', 'in', ids.map(String)).execute();
    expect(new Set(notes.map((n) => n.dedupe_key)).size).toBe(notes.length);
    const jobs = await t.ctx.db.selectFrom('jobs').select(['status', 'attempts']).where('name', '=', 'tasks.reminders').where('run_at', '>=', '2026-12-21').execute();
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => j.status === 'done')).toBe(true);
  }, 120_000);

  it('a second app instance (its own connections) on the same PostgreSQL database: concurrent passes take each slot once', async () => {
    if (t.ctx.dbKind !== 'postgres') {
      // One process cannot hold two SQLite writers (better-sqlite3 waits synchronously); the processes test covers SQLite.
      return;
    }
    const other = await createContext({ config: testConfig(t.db), clock });
    try {
      clock.set('2026-12-22T02:00:00.000Z');
      await t.ctx.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 20; i++) {
          await addTask(trx, `inst${i}`, { lead: [province, btc], dueOn: '2026-12-22' });
        }
      });
      const countAll = async () => (await t.ctx.db.selectFrom('task_reminders').select('slot').execute()).length;
      const before = await countAll();
      const runs = await Promise.all([
        t.ctx.db.transaction().execute((trx) => sendTaskReminders(trx, clock)),
        other.db.transaction().execute((trx) => sendTaskReminders(trx, clock)),
        other.db.transaction().execute((trx) => sendTaskReminders(trx, clock)),
      ]);
      const ids = Array.from({ length: 20 }, (_, i) => task[`inst${i}`]!);
      const rows = await t.ctx.db.selectFrom('task_reminders').select('slot').where('task_id', 'in', ids).execute();
      expect(rows.length).toBe(20);
      // What the three passes say they took is what was written, for these tasks and the earlier ones.
      expect(runs.reduce((n, r) => n + r.slots, 0)).toBe((await countAll()) - before);
      const notes = await t.ctx.db.selectFrom('notifications').select('id').where('entity_type', '=', 'task').where('entity_id', 'in', ids.map(String)).execute();
      // btcSpecialist, btcHead and btcUncleared (the task is not secret), once each per task.
      expect(notes.length).toBe(60);
    } finally {
      await other.close();
    }
  });
});
