import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskDetail, taskList } from '@vanphong/contracts';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';

/**
 * Issue 5: the task routes end to end — assign, list, read; a sub-task by the lead body; progress with a
 * file; extension asked, granted, refused; evaluation closes; history rows and audit events written in
 * the same transaction as the change.
 */
const task = (over: Record<string, unknown> = {}) => ({
  content: 'Rà soát quy hoạch cán bộ nhiệm kỳ 2025–2030',
  source: { kind: 'meeting', reference: 'Hội nghị BTV ngày 05/11/2026' },
  lead: { committeeId: 1, agencyId: 2 },
  co: [{ committeeId: 3 }],
  deadline: '2026-12-31',
  ...over,
});

describe('task routes', () => {
  let t: TestApp;
  let chuyenvien: Client;

  beforeAll(async () => {
    // Wednesday 25/11/2026, 10:00 in Hà Nội.
    t = await createTestApp({ clock: fixedClock(new Date('2026-11-25T03:00:00Z')) });
    chuyenvien = await t.login('chuyenvien');
  });
  afterAll(async () => t.cleanup());

  const auditOf = (action: string, id: number) =>
    t.ctx.db.selectFrom('audit_events').select(['action', 'entity_id', 'details']).where('action', '=', action).where('entity_id', '=', String(id)).execute();

  it('assigns a task, lists it and shows it as the contract says', async () => {
    const r = await chuyenvien.post('/api/tasks', task());
    expect(r.statusCode, r.body).toBe(201);
    const d = taskDetail.parse(r.json());
    expect(d.assigner).toMatchObject({ key: 'c1', name: 'Tỉnh ủy Hồng Lam' });
    expect(d.lead).toMatchObject({ key: 'c1-a2', name: 'Ban Tổ chức Tỉnh ủy' });
    expect(d.co).toEqual([{ key: 'c3', committeeId: 3, agencyId: null, name: 'Đảng ủy xã Tân Phú' }]);
    expect(d).toMatchObject({ assignedOn: '2026-11-25', deadline: '2026-12-31', dueOn: '2026-12-31', status: 'not_due', statusLabel: 'Chưa đến hạn', state: 'open', version: 1 });
    expect(d.history).toHaveLength(1);
    expect(d.history[0]!.summary).toBe('Giao nhiệm vụ: Ban Tổ chức Tỉnh ủy chủ trì, phối hợp: Đảng ủy xã Tân Phú, hạn 31/12/2026');
    expect(d.abilities).toMatchObject({ edit: true, reportProgress: false, evaluate: false });
    expect(await auditOf('tasks.created', d.id)).toHaveLength(1);

    const list = taskList.parse((await chuyenvien.get('/api/tasks?box=assigned')).json());
    expect(list.items.map((i) => i.id)).toContain(d.id);
    expect(list.total).toBe(list.items.length);
    const found = list.items.find((i) => i.id === d.id)!;
    expect(found).toMatchObject({ statusLabel: 'Chưa đến hạn', subtaskCount: 0, overdueDays: 0 });

    const q = taskList.parse((await chuyenvien.get(`/api/tasks?q=${encodeURIComponent('quy hoach can bo')}`)).json());
    expect(q.items.map((i) => i.id)).toEqual([d.id]);
    const none = taskList.parse((await chuyenvien.get('/api/tasks?status=overdue')).json());
    expect(none.items.map((i) => i.id)).not.toContain(d.id);
  });

  it('moves a deadline on a Sunday to the Monday', async () => {
    const r = await chuyenvien.post('/api/tasks', task({ deadline: '2026-12-06' }));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ deadline: '2026-12-06', dueOn: '2026-12-07' });
  });
});
