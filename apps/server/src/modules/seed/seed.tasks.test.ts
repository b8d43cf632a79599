import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { statusOf } from '../tasks/tasks.models.ts';
import { sendTaskReminders } from '../tasks/tasks.reminders.ts';

/**
 * The demo tasks (seed.tasks.ts), seeded on Wednesday 25/11/2026 and through the task use cases: a mix
 * of statuses, the ids the OpenAPI examples use, history and audit for every step, sub-tasks at Tân Phú,
 * and a first reminder pass over them.
 */
describe('demo tasks', () => {
  const clock = fixedClock('2026-11-25T02:00:00.000Z');
  let t: TestApp;
  const today = '2026-11-25';

  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(async () => t.cleanup());

  const tasks = () => t.ctx.db.selectFrom('tasks').selectAll().orderBy('id').execute();
  const bodyId = async (abbreviation: string) => (await t.ctx.db.selectFrom('agencies').select('id').where('abbreviation', '=', abbreviation).orderBy('id').executeTakeFirstOrThrow()).id;

  it('about 25 tasks with every computed status, from outgoing, incoming, a meeting, a commune plan; standing and secret ones', async () => {
    const rows = await tasks();
    expect(rows.length).toBe(25);
    const statuses = new Map<string, number>();
    for (const r of rows) {
      const s = statusOf({ dueOn: r.due_on, completedOn: r.completed_on, lastProgressOn: r.last_progress_on }, today);
      statuses.set(s, (statuses.get(s) ?? 0) + 1);
    }
    for (const s of ['not_due', 'in_progress', 'done_on_time', 'done_late', 'overdue']) {
      expect(statuses.get(s), s).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(rows.map((r) => r.source_kind))).toEqual(new Set(['outgoing', 'incoming', 'meeting', 'ad_hoc']));
    expect(rows.filter((r) => r.cadence !== null).map((r) => r.cadence).sort()).toEqual(['monthly', 'quarterly']);
    expect(rows.filter((r) => r.secrecy !== 'none').map((r) => r.secrecy)).toEqual(['secret']);
    expect(rows.filter((r) => r.state === 'closed').every((r) => r.evaluation !== null)).toBe(true);
    expect(rows.some((r) => r.evaluation === 'not_met')).toBe(true);
  });

  it('the ids the OpenAPI examples use: 1 VPTU untouched, 2 VPTU in progress, 3 done with a file, 5 overdue with pending extension 1', async () => {
    const [t1, t2, t3, , t5] = await tasks();
    const vptu = await bodyId('VPTU');
    expect(t1).toMatchObject({ lead_agency_id: vptu, state: 'open', version: 1, last_progress_on: null });
    expect(t2).toMatchObject({ lead_agency_id: vptu, state: 'open', deadline: expect.any(String) });
    expect(t2!.last_progress_on).not.toBeNull();
    expect(t3).toMatchObject({ lead_agency_id: vptu, state: 'closed', evaluation: 'met' });
    const files = await t.ctx.db.selectFrom('task_progress_files as f').innerJoin('task_progress as p', 'p.id', 'f.progress_id').select('f.file_id').where('p.task_id', '=', t3!.id).execute();
    expect(files).toHaveLength(1);
    const ext = await t.ctx.db.selectFrom('task_extensions').selectAll().execute();
    expect(ext).toEqual([expect.objectContaining({ id: 1, task_id: t5!.id, status: 'pending' })]);
    expect(t5!.lead_agency_id).toBe(await bodyId('BTCTU'));
  });

  it('Ban Tổ chức has overdue tasks (the urging letter), and chuyenvien sees the province\'s tasks but not the secret one', async () => {
    const btc = await bodyId('BTCTU');
    const overdue = (await tasks()).filter((r) => r.lead_agency_id === btc && statusOf({ dueOn: r.due_on, completedOn: r.completed_on, lastProgressOn: r.last_progress_on }, today) === 'overdue');
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    const chuyenvien = await t.login('chuyenvien');
    const list = (await chuyenvien.get('/api/tasks?limit=100')).json();
    expect(list.total).toBe(24);
    const chanhvp = await t.login('chanhvp');
    expect((await chanhvp.get('/api/tasks?limit=100')).json().total).toBe(25);
  });

  it('Tân Phú split its task into two sub-tasks and reported; the commune account sees its tasks only', async () => {
    const rows = await tasks();
    const subs = rows.filter((r) => r.parent_id !== null);
    expect(subs).toHaveLength(2);
    const parent = rows.find((r) => r.id === subs[0]!.parent_id)!;
    expect(parent.lead_key).toBe(`c${parent.lead_committee_id}`);
    expect(subs.every((s) => s.assigner_key === parent.lead_key && s.root_id === parent.id && s.depth === 1 && s.due_on <= parent.due_on)).toBe(true);
    const xa = await t.login('xatanphu');
    const mine = (await xa.get('/api/tasks?limit=100')).json();
    expect(mine.items.every((i: { lead: { committeeId: number }; assigner: { committeeId: number } }) => i.lead.committeeId === parent.lead_committee_id || i.assigner.committeeId === parent.lead_committee_id)).toBe(true);
    expect(mine.total).toBe(4);
  });

  it('a standing quarterly task reported each quarter moved its due date to the current quarter', async () => {
    const q = (await tasks()).find((r) => r.cadence === 'quarterly')!;
    const reports = await t.ctx.db.selectFrom('task_progress').select(['period_end', 'reported_on']).where('task_id', '=', q.id).orderBy('id').execute();
    expect(reports.map((r) => r.period_end)).toEqual(['2026-09-30']);
    expect(q.due_on).toBe('2026-12-31');
  });

  it('every step has its history row and audit event, dated the day it happened; the audit chain verifies', async () => {
    const events = await t.ctx.db.selectFrom('task_events').select(['task_id', 'action', 'at']).orderBy('id').execute();
    const created = events.filter((e) => e.action === 'created');
    expect(created).toHaveLength(25);
    expect(events.filter((e) => e.at > '2026-11-25T03:00:00.000Z')).toEqual([]);
    const audits = await t.ctx.db.selectFrom('audit_events').select('action').where('action', 'like', 'tasks.%').execute();
    expect(audits.filter((a) => a.action === 'tasks.created')).toHaveLength(25);
    expect(audits.length).toBe(events.filter((e) => e.action !== 'subtask_created').length);
    expect((await verifyAuditChain(t.ctx.db)).firstBroken).toBeNull();
  });

  it('the reminder job over the demo: each overdue task reminds and escalates once, never again the same day', async () => {
    const first = await t.ctx.db.transaction().execute((trx) => sendTaskReminders(trx, clock));
    expect(first.slots).toBeGreaterThan(0);
    const again = await t.ctx.db.transaction().execute((trx) => sendTaskReminders(trx, clock));
    expect(again).toEqual({ slots: 0, notifications: 0 });
    const escalated = await t.ctx.db.selectFrom('task_events').select('task_id').where('action', '=', 'escalated').execute();
    expect(escalated.length).toBeGreaterThan(0);
  });
});
