import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskDetail, taskList } from '@vanphong/contracts';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { addUser, demoBodies, rowCounts, uploadPdf } from './tasks.test-support.ts';

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
  let xa: Client;
  let bnc: Client;
  let ids: Awaited<ReturnType<typeof demoBodies>>;

  beforeAll(async () => {
    // Wednesday 25/11/2026, 10:00 in Hà Nội.
    t = await createTestApp({ clock: fixedClock(new Date('2026-11-25T03:00:00Z')) });
    ids = await demoBodies(t);
    // The office of the commune Tân Phú (acts for the commune committee), and a board not involved.
    await addUser(t, { username: 'cvxa', committeeId: ids.commune, agencyId: ids.communeOffice });
    await addUser(t, { username: 'cvbnc', committeeId: ids.province, agencyId: ids.bnc });
    chuyenvien = await t.login('chuyenvien');
    xa = await t.login('cvxa');
    bnc = await t.login('cvbnc');
  });
  afterAll(async () => t.cleanup());

  const auditOf = (action: string, id: number) =>
    t.ctx.db.selectFrom('audit_events').select(['action', 'entity_id', 'details']).where('action', '=', action).where('entity_id', '=', String(id)).execute();

  it('assigns a task, lists it and shows it as the contract says', async () => {
    const r = await chuyenvien.post('/api/tasks', task({ content: 'Rà soát quy hoạch cán bộ nhiệm kỳ 2025–2030 ở Quỳnh Nhai' }));
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

    const q = taskList.parse((await chuyenvien.get(`/api/tasks?q=${encodeURIComponent('QUYNH nhai')}`)).json());
    expect(q.items.map((i) => i.id)).toEqual([d.id]);
    const none = taskList.parse((await chuyenvien.get('/api/tasks?status=overdue')).json());
    expect(none.items.map((i) => i.id)).not.toContain(d.id);
  });

  it('moves a deadline on a Sunday to the Monday', async () => {
    const r = await chuyenvien.post('/api/tasks', task({ deadline: '2026-12-06' }));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ deadline: '2026-12-06', dueOn: '2026-12-07' });
  });

  /** Runs a change and checks it wrote history and its audit event (with the task id) together. */
  async function changes<T>(taskId: number, action: string, run: () => Promise<T>): Promise<T> {
    const before = await rowCounts(t);
    const auditBefore = (await auditOf(action, taskId)).length;
    const out = await run();
    const after = await rowCounts(t);
    expect(after.events).toBeGreaterThan(before.events);
    expect(after.audit).toBe(before.audit + 1);
    expect((await auditOf(action, taskId)).length).toBe(auditBefore + 1);
    return out;
  }

  it('follows a task through sub-task, progress with a file, extensions and evaluation', async () => {
    const parent = (await chuyenvien.post('/api/tasks', task({ lead: { committeeId: ids.commune }, co: [{ committeeId: ids.province, agencyId: ids.btc }] }))).json();
    expect(parent.lead.key).toBe(`c${ids.commune}`);

    // The commune (lead body) splits it into a sub-task for its own office.
    const before = await rowCounts(t);
    const created = await xa.post('/api/tasks', { parentId: parent.id, content: 'Xây dựng kế hoạch của xã', lead: { committeeId: ids.commune, agencyId: ids.communeOffice }, deadline: '2026-12-20' });
    expect(created.statusCode, created.body).toBe(201);
    const subtask = taskDetail.parse(created.json());
    // Its own history row and the parent's, one audit event.
    expect(await rowCounts(t)).toMatchObject({ tasks: before.tasks + 1, events: before.events + 2, audit: before.audit + 1 });
    expect(subtask).toMatchObject({ parentId: parent.id, assigner: { key: `c${ids.commune}` }, deadline: '2026-12-20', dueOn: '2026-12-21' });
    expect(await auditOf('tasks.created', subtask.id)).toHaveLength(1);
    // The root assigner follows the tree; the roll-up counts the sub-task.
    const p1 = taskDetail.parse((await chuyenvien.get(`/api/tasks/${parent.id}`)).json());
    expect(p1.subtasks.map((s) => s.id)).toEqual([subtask.id]);
    expect(p1.subtaskCount).toBe(1);
    expect(p1.rollup).toEqual({ counts: { not_due: 1, in_progress: 0, done_on_time: 0, done_late: 0, overdue: 0 }, progress: 0 });
    expect(p1.history.map((h) => h.action)).toEqual(['created', 'subtask_created']);
    expect(p1.abilities).toMatchObject({ edit: true, reportProgress: false });
    expect((await xa.get(`/api/tasks/${parent.id}`)).json().abilities).toMatchObject({ edit: false, reportProgress: true, createSubtask: true, requestExtension: true });

    // Progress with a file, by the sub-task's lead (the commune's office, which the commune user acts for).
    const fileId = await uploadPdf(t, xa);
    const withFile = await changes(subtask.id, 'tasks.progress_reported', async () => {
      const r = await xa.post(`/api/tasks/${subtask.id}/progress`, { percent: 40, note: 'Đã xây dựng dự thảo kế hoạch.', fileIds: [fileId] });
      expect(r.statusCode, r.body).toBe(200);
      return taskDetail.parse(r.json());
    });
    expect(withFile).toMatchObject({ progress: 40, status: 'in_progress', statusLabel: 'Đang thực hiện' });
    const report = withFile.progressReports[0]!;
    expect(report).toMatchObject({ percent: 40, done: false, reportedBy: 'Người dùng cvxa' });
    expect(report.files).toEqual([{ id: fileId, name: 'bao-cao.pdf', size: expect.any(Number), url: `/api/tasks/${subtask.id}/files/${fileId}` }]);
    expect(withFile.history.at(-1)!.summary).toBe('Báo cáo tiến độ 40%');
    const file = await chuyenvien.get(report.files[0]!.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((await bnc.get(report.files[0]!.url)).statusCode).toBe(404);
    expect((await chuyenvien.get(`/api/tasks/${parent.id}/files/${fileId}`)).statusCode).toBe(404);
    // The same file cannot be attached again.
    const again = await xa.post(`/api/tasks/${subtask.id}/progress`, { percent: 50, note: 'Lần nữa.', fileIds: [fileId] });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0].path).toBe('fileIds.0');
    const rolled = taskDetail.parse((await chuyenvien.get(`/api/tasks/${parent.id}`)).json());
    expect(rolled.rollup).toEqual({ counts: { not_due: 0, in_progress: 1, done_on_time: 0, done_late: 0, overdue: 0 }, progress: 40 });

    // Extension: asked by the lead, refused by the assigner; asked again and granted.
    const asked = await changes(parent.id, 'tasks.extension_requested', async () => {
      const r = await xa.post(`/api/tasks/${parent.id}/extensions`, { requestedDeadline: '2027-01-15', reason: 'Chờ ý kiến các chi bộ.' });
      expect(r.statusCode, r.body).toBe(201);
      return taskDetail.parse(r.json());
    });
    const ext1 = asked.extensions[0]!;
    expect(ext1).toMatchObject({ status: 'pending', requestedDeadline: '2027-01-15', reason: 'Chờ ý kiến các chi bộ.', decidedBy: null });
    expect((await xa.post(`/api/tasks/${parent.id}/extensions`, { requestedDeadline: '2027-01-16', reason: 'Lần hai.' })).statusCode).toBe(409);
    expect((await xa.post(`/api/tasks/${parent.id}/extensions/${ext1.id}/decision`, { granted: true })).statusCode).toBe(403);
    const refused = await changes(parent.id, 'tasks.extension_decided', async () => {
      const r = await chuyenvien.post(`/api/tasks/${parent.id}/extensions/${ext1.id}/decision`, { granted: false, comment: 'Đề nghị hoàn thành đúng hạn.' });
      expect(r.statusCode, r.body).toBe(200);
      return taskDetail.parse(r.json());
    });
    expect(refused).toMatchObject({ deadline: '2026-12-31', dueOn: '2026-12-31' });
    expect(refused.extensions[0]).toMatchObject({ status: 'refused', comment: 'Đề nghị hoàn thành đúng hạn.' });
    expect(refused.history.at(-1)!.summary).toBe('Không đồng ý gia hạn đến 15/01/2027');
    expect((await chuyenvien.post(`/api/tasks/${parent.id}/extensions/${ext1.id}/decision`, { granted: true })).statusCode).toBe(409);
    const ext2 = (await xa.post(`/api/tasks/${parent.id}/extensions`, { requestedDeadline: '2027-01-20', reason: 'Chờ ý kiến các chi bộ.' })).json().extensions[1];
    const granted = taskDetail.parse((await chuyenvien.post(`/api/tasks/${parent.id}/extensions/${ext2.id}/decision`, { granted: true, comment: 'Đồng ý.' })).json());
    expect(granted).toMatchObject({ deadline: '2027-01-20', dueOn: '2027-01-20', version: 2 });
    expect(granted.history.at(-1)!.summary).toBe('Đồng ý gia hạn đến 20/01/2027');

    // Completion reported by the lead (its sub-task first); the assigner evaluates: not met gives it back.
    expect((await chuyenvien.post(`/api/tasks/${parent.id}/evaluation`, { result: 'met' })).statusCode).toBe(409);
    expect((await xa.post(`/api/tasks/${subtask.id}/progress`, { percent: 100, note: 'Đã ban hành kế hoạch.', done: true })).statusCode).toBe(200);
    const done = taskDetail.parse((await xa.post(`/api/tasks/${parent.id}/progress`, { percent: 90, note: 'Đã hoàn thành.', done: true })).json());
    expect(done).toMatchObject({ state: 'reported_done', completedOn: '2026-11-25', progress: 100, status: 'done_on_time', statusLabel: 'Hoàn thành đúng hạn' });
    expect(done.abilities).toMatchObject({ reportProgress: false });
    expect((await xa.post(`/api/tasks/${parent.id}/evaluation`, { result: 'met' })).statusCode).toBe(403);
    const reopened = await changes(parent.id, 'tasks.evaluated', async () => {
      const r = await chuyenvien.post(`/api/tasks/${parent.id}/evaluation`, { result: 'not_met', comment: 'Chưa đủ sản phẩm.' });
      expect(r.statusCode, r.body).toBe(200);
      return taskDetail.parse(r.json());
    });
    expect(reopened).toMatchObject({ state: 'open', completedOn: null, status: 'in_progress', evaluation: 'not_met', evaluationComment: 'Chưa đủ sản phẩm.' });
    expect(reopened.history.at(-1)!.summary).toBe('Đánh giá: Chưa đạt, giao thực hiện tiếp — Chưa đủ sản phẩm.');
    expect((await chuyenvien.post(`/api/tasks/${parent.id}/evaluation`, { result: 'met' })).statusCode).toBe(409);
    expect((await xa.get(`/api/tasks/${parent.id}`)).json().abilities).toMatchObject({ reportProgress: true });

    // Every history row of the task is matched by an audit event of the same change.
    const events = await t.ctx.db.selectFrom('task_events').select(['action']).where('task_id', '=', parent.id).orderBy('id').execute();
    const audits = await t.ctx.db.selectFrom('audit_events').select(['action']).where('entity_type', '=', 'task').where('entity_id', '=', String(parent.id)).orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual([
      'created',
      'subtask_created',
      'extension_requested',
      'extension_decided',
      'extension_requested',
      'extension_decided',
      'progress_reported',
      'evaluated',
    ]);
    expect(audits.map((a) => a.action)).toEqual([
      'tasks.created',
      'tasks.extension_requested',
      'tasks.extension_decided',
      'tasks.extension_requested',
      'tasks.extension_decided',
      'tasks.progress_reported',
      'tasks.evaluated',
    ]);
  });

  it('edits with a version check and recomputes the due date', async () => {
    const d = (await chuyenvien.post('/api/tasks', task())).json();
    const r = await chuyenvien.patch(`/api/tasks/${d.id}`, { version: 1, deadline: '2027-01-01', co: [] });
    expect(r.statusCode, r.body).toBe(200);
    // 1/1/2027 is New Year's Day (a Friday): due the Monday after.
    expect(r.json()).toMatchObject({ version: 2, deadline: '2027-01-01', dueOn: '2027-01-04', co: [] });
    expect(r.json().history.at(-1).summary).toBe('Sửa đơn vị phối hợp, thời hạn (hạn mới 01/01/2027)');
    const stale = await chuyenvien.patch(`/api/tasks/${d.id}`, { version: 1, content: 'Nội dung khác' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('tasks.version_conflict');
    expect((await chuyenvien.get(`/api/tasks/${d.id}`)).json().content).toBe(d.content);
    // Only the assigner edits.
    expect((await xa.patch(`/api/tasks/${d.id}`, { version: 2, content: 'X' })).statusCode).toBe(404);
  });

  it('closes a reporting period of a standing task and moves the due date to the next one', async () => {
    const r = await chuyenvien.post('/api/tasks', task({ deadline: null, cadence: 'quarterly', lead: { committeeId: ids.province, agencyId: ids.vptu }, co: [] }));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ cadence: 'quarterly', deadline: null, dueOn: '2026-12-31' });
    const p = await chuyenvien.post(`/api/tasks/${r.json().id}/progress`, { percent: 25, note: 'Báo cáo quý IV/2026.' });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json()).toMatchObject({ dueOn: '2027-03-31', status: 'in_progress', state: 'open' });
    expect(p.json().history.at(-1).summary).toBe('Báo cáo tiến độ 25% (kỳ đến 31/12/2026)');
  });

  it('confirms a batch all or nothing', async () => {
    const before = await rowCounts(t);
    const bad = await chuyenvien.post('/api/tasks/batch', { items: [task(), task({ lead: { committeeId: ids.province, agencyId: ids.btc }, co: [{ committeeId: ids.province, agencyId: ids.btc }] })] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'tasks.lead_also_co', details: [{ path: 'items.1.co.0' }] });
    expect(await rowCounts(t)).toEqual(before);
    const ok = await chuyenvien.post('/api/tasks/batch', { items: [task(), task({ content: 'Nhiệm vụ thứ hai' })] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().ids).toHaveLength(2);
    expect((await rowCounts(t)).tasks).toBe(before.tasks + 2);
  });

  it('shows the status names kept as reference data (seeded at start, editable)', async () => {
    const labels = await t.ctx.db.selectFrom('task_status_labels').select(['code', 'label_vi', 'label_en', 'sort']).orderBy('sort').execute();
    expect(labels.map((l) => [l.code, l.label_vi])).toEqual([
      ['not_due', 'Chưa đến hạn'],
      ['in_progress', 'Đang thực hiện'],
      ['done_on_time', 'Hoàn thành đúng hạn'],
      ['done_late', 'Hoàn thành quá hạn'],
      ['overdue', 'Quá hạn chưa hoàn thành'],
    ]);
    await t.ctx.db.updateTable('task_status_labels').set({ label_vi: 'Chưa tới hạn' }).where('code', '=', 'not_due').execute();
    try {
      const r = (await chuyenvien.get('/api/tasks?status=not_due&limit=1')).json();
      expect(r.items[0].statusLabel).toBe('Chưa tới hạn');
    } finally {
      await t.ctx.db.updateTable('task_status_labels').set({ label_vi: 'Chưa đến hạn' }).where('code', '=', 'not_due').execute();
    }
  });

  it('keeps files of a secret task on the isolated LAN only, encrypted, and audits reading them', async () => {
    const admin = await t.login('admin');
    const chanhvp = await t.login('chanhvp');
    expect((await admin.patch('/api/settings', { deploymentProfile: 'isolated-lan' })).statusCode).toBe(200);
    try {
      const secret = await chanhvp.post('/api/tasks', task({ secrecy: 'secret', lead: { committeeId: ids.province, agencyId: ids.vptu }, co: [] }));
      expect(secret.statusCode, secret.body).toBe(201);
      const id = secret.json().id as number;
      const fileId = await uploadPdf(t, chanhvp, 'mat.pdf');
      expect((await t.ctx.db.selectFrom('files').select('encryption').where('id', '=', fileId).executeTakeFirstOrThrow()).encryption).not.toBeNull();
      const r = await chanhvp.post(`/api/tasks/${id}/progress`, { percent: 30, note: 'Báo cáo mật.', fileIds: [fileId] });
      expect(r.statusCode, r.body).toBe(200);
      const url = r.json().progressReports[0].files[0].url as string;
      const read = await chanhvp.get(url);
      expect(read.statusCode).toBe(200);
      expect(read.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(await auditOf('tasks.file_read', id)).toHaveLength(1);
      expect((await chanhvp.get(`/api/tasks/${id}`)).statusCode).toBe(200);
      expect(await auditOf('tasks.viewed', id)).toHaveLength(1);
      // Below the task's secrecy (Mật clearance for a Tối mật task): the task and its file do not exist.
      expect((await chuyenvien.get(url)).statusCode).toBe(404);
      expect((await chuyenvien.get(`/api/tasks/${id}`)).statusCode).toBe(404);
    } finally {
      expect((await admin.patch('/api/settings', { deploymentProfile: 'party-wan' })).statusCode).toBe(200);
    }
  });

  it('lets one of two concurrent edits or decisions through and answers 409 to the other', async () => {
    const d = (await chuyenvien.post('/api/tasks', task({ lead: { committeeId: ids.commune }, co: [] }))).json();
    const edits = await Promise.all([
      chuyenvien.patch(`/api/tasks/${d.id}`, { version: 1, content: 'Bản sửa thứ nhất' }),
      chuyenvien.patch(`/api/tasks/${d.id}`, { version: 1, content: 'Bản sửa thứ hai' }),
    ]);
    expect(edits.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const ext = (await xa.post(`/api/tasks/${d.id}/extensions`, { requestedDeadline: '2027-01-29', reason: 'Chờ số liệu.' })).json().extensions[0];
    const before = await rowCounts(t);
    const decisions = await Promise.all([
      chuyenvien.post(`/api/tasks/${d.id}/extensions/${ext.id}/decision`, { granted: true }),
      chuyenvien.post(`/api/tasks/${d.id}/extensions/${ext.id}/decision`, { granted: false }),
    ]);
    expect(decisions.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await rowCounts(t)).toMatchObject({ events: before.events + 1, audit: before.audit + 1 });
    const page = (await chuyenvien.get(`/api/tasks/${d.id}`)).json();
    expect(page.extensions).toHaveLength(1);
    expect(page.history.filter((h: { action: string }) => h.action === 'extension_decided')).toHaveLength(1);
  });
});
