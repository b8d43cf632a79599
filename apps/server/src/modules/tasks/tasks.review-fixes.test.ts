import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conclusionDraft, taskDetail } from '@vanphong/contracts';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { addUser, demoBodies, rowCounts } from './tasks.test-support.ts';

/**
 * Findings of the security review of the task module (issue 5), each refused with its code and field,
 * nothing written: a sub-task less secret than its parent; a source document the caller may not see, or
 * more secret than the task; an evaluation "chưa đạt" counted as done; a completion date or an
 * assignment date moved back at will; a body assigning to itself; the parent's history and an edit's
 * error naming a sub-task the reader may not see; a task reported done over open sub-tasks.
 */
describe('task review fixes', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoBodies>>;
  let chuyenvien: Client;
  let chanhvp: Client;
  let xa: Client;
  let xaSecret: Client;
  let btc: Client;

  beforeAll(async () => {
    // Wednesday 25/11/2026, 10:00 in Hà Nội.
    t = await createTestApp({ clock: fixedClock(new Date('2026-11-25T03:00:00Z')) });
    ids = await demoBodies(t);
    await addUser(t, { username: 'cvxa', committeeId: ids.commune, agencyId: ids.communeOffice });
    await addUser(t, {
      username: 'cvxamat',
      committeeId: ids.commune,
      agencyId: ids.communeOffice,
      clearance: 'secret',
    });
    await addUser(t, { username: 'cvbtc', committeeId: ids.province, agencyId: ids.btc });
    chuyenvien = await t.login('chuyenvien');
    chanhvp = await t.login('chanhvp');
    xa = await t.login('cvxa');
    xaSecret = await t.login('cvxamat');
    btc = await t.login('cvbtc');
  });
  afterAll(async () => t.cleanup());

  /** Sends, expects the status, code and field, and checks nothing was written. */
  async function refused(
    send: () => Promise<{ statusCode: number; body: string; json(): unknown }>,
    status: number,
    code: string,
    path?: string,
  ) {
    const before = await rowCounts(t);
    const r = await send();
    expect(r.statusCode, r.body).toBe(status);
    const error = (r.json() as { error: { code: string; message: string; details: { path: string }[] } })
      .error;
    expect(error.code).toBe(code);
    if (path !== undefined) {
      expect(error.details[0]!.path).toBe(path);
    }
    expect(await rowCounts(t)).toEqual(before);
    return error;
  }

  async function created(c: Client, body: Record<string, unknown>) {
    const r = await c.post('/api/tasks', body);
    expect(r.statusCode, r.body).toBe(201);
    return taskDetail.parse(r.json());
  }

  const toCommune = (over: Record<string, unknown> = {}) => ({
    content: 'Nhiệm vụ giao xã',
    lead: { committeeId: ids.commune },
    deadline: '2026-12-31',
    ...over,
  });
  const subOf = (parentId: number, over: Record<string, unknown> = {}) => ({
    parentId,
    content: 'Nhiệm vụ con của xã',
    lead: { committeeId: ids.commune, agencyId: ids.communeOffice },
    deadline: '2026-12-20',
    ...over,
  });
  const versionOf = async (c: Client, id: number) =>
    (await c.get(`/api/tasks/${id}`)).json().version as number;

  it('keeps a sub-task at least as secret as its parent (create, lower, raise the parent)', async () => {
    const parent = await created(chuyenvien, toCommune({ secrecy: 'confidential' }));
    await refused(
      () => xa.post('/api/tasks', subOf(parent.id, { secrecy: 'none' })),
      422,
      'tasks.secrecy_below_parent',
      'secrecy',
    );
    const sub = await created(xa, subOf(parent.id, { secrecy: 'confidential' }));
    await refused(
      () => xa.patch(`/api/tasks/${sub.id}`, { version: sub.version, secrecy: 'none' }),
      422,
      'tasks.secrecy_below_parent',
      'secrecy',
    );

    // Raising a parent over a less secret sub-task is refused (its sub-tasks are raised first).
    const open = await created(chuyenvien, toCommune());
    const openSub = await created(xa, subOf(open.id));
    const e = await refused(
      () => chuyenvien.patch(`/api/tasks/${open.id}`, { version: open.version, secrecy: 'confidential' }),
      422,
      'tasks.subtasks_less_secret',
      'secrecy',
    );
    expect(e.message).toMatch(/sub-task/);
    expect(
      (await xa.patch(`/api/tasks/${openSub.id}`, { version: openSub.version, secrecy: 'confidential' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await chuyenvien.patch(`/api/tasks/${open.id}`, { version: open.version, secrecy: 'confidential' }))
        .statusCode,
    ).toBe(200);
  });

  it('answers a source document the caller may not see like a missing one', async () => {
    const outgoing = await t.ctx.db
      .selectFrom('outgoing_documents')
      .select('id')
      .where('summary', 'like', 'Kết luận của Ban Thường vụ Tỉnh ủy về công tác chuẩn bị đại hội%')
      .executeTakeFirstOrThrow();
    const cv1400 = await t.ctx.db
      .selectFrom('incoming_documents')
      .select('id')
      .where('notation', '=', '1400-CV/VPTW')
      .executeTakeFirstOrThrow();
    const toVptu = (source: Record<string, unknown>) => ({
      content: 'Nhiệm vụ theo văn bản',
      lead: { committeeId: ids.province, agencyId: ids.vptu },
      deadline: '2026-12-31',
      source,
    });
    // Ban Tổ chức's specialist sees neither the office's outgoing conclusion nor the document sent to the office.
    const hidden = await refused(
      () => btc.post('/api/tasks', toVptu({ kind: 'outgoing', outgoingId: outgoing.id })),
      400,
      'tasks.unknown_source',
      'source.outgoingId',
    );
    const missing = await refused(
      () => btc.post('/api/tasks', toVptu({ kind: 'outgoing', outgoingId: 999_999 })),
      400,
      'tasks.unknown_source',
      'source.outgoingId',
    );
    expect(hidden).toEqual(missing);
    const hiddenIn = await refused(
      () => btc.post('/api/tasks', toVptu({ kind: 'incoming', incomingId: cv1400.id })),
      400,
      'tasks.unknown_source',
      'source.incomingId',
    );
    expect(hiddenIn).toEqual(
      await refused(
        () => btc.post('/api/tasks', toVptu({ kind: 'incoming', incomingId: 999_999 })),
        400,
        'tasks.unknown_source',
        'source.incomingId',
      ),
    );
    // The office sees both: accepted.
    const ok = await created(chuyenvien, {
      ...toVptu({ kind: 'incoming', incomingId: cv1400.id }),
      lead: { committeeId: ids.province, agencyId: ids.btc },
    });
    // …and an edit naming a document the editor may not see is refused the same way.
    const mine = await created(btc, toVptu({ kind: 'ad_hoc' }));
    await refused(
      () =>
        btc.patch(`/api/tasks/${mine.id}`, {
          version: mine.version,
          source: { kind: 'incoming', incomingId: cv1400.id },
        }),
      400,
      'tasks.unknown_source',
      'source.incomingId',
    );
    expect(ok.source.incomingId).toBe(cv1400.id);
  });

  it('keeps a task at least as secret as its source document, and the conclusion draft says how secret it is', async () => {
    const mat = await t.ctx.db
      .selectFrom('incoming_documents')
      .select(['id', 'secrecy'])
      .where('notation', '=', '33-CV/BNCTW')
      .executeTakeFirstOrThrow();
    expect(mat.secrecy).toBe('confidential');
    const body = (secrecy: string) => ({
      content: 'Nhiệm vụ theo văn bản Mật',
      lead: { committeeId: ids.province, agencyId: ids.bnc },
      deadline: '2026-12-31',
      secrecy,
      source: { kind: 'incoming', incomingId: mat.id },
    });
    await refused(
      () => chanhvp.post('/api/tasks', body('none')),
      400,
      'tasks.secrecy_below_source',
      'secrecy',
    );
    const task = await created(chanhvp, body('confidential'));
    await refused(
      () => chanhvp.patch(`/api/tasks/${task.id}`, { version: task.version, secrecy: 'none' }),
      400,
      'tasks.secrecy_below_source',
      'secrecy',
    );
    // Changing the source to an open document then lowering is allowed.
    const plain = await chanhvp.patch(`/api/tasks/${task.id}`, {
      version: task.version,
      secrecy: 'none',
      source: { kind: 'ad_hoc', reference: 'Giao trực tiếp' },
    });
    expect(plain.statusCode, plain.body).toBe(200);

    // The Mật outgoing draft of the demo, given a numbered text: its draft tasks carry its secrecy.
    const doc = await t.ctx.db
      .selectFrom('outgoing_documents')
      .select(['id', 'content'])
      .where('summary', '=', 'V/v công tác bảo vệ chính trị nội bộ')
      .executeTakeFirstOrThrow();
    const content = {
      ...(JSON.parse(doc.content) as Record<string, unknown>),
      body: '1. Giao Ban Nội chính Tỉnh ủy nắm tình hình, báo cáo trước ngày 30/12/2026.',
    };
    await t.ctx.db
      .updateTable('outgoing_documents')
      .set({ content: JSON.stringify(content) })
      .where('id', '=', doc.id)
      .execute();
    const draft = await chuyenvien.post('/api/tasks/conclusion-draft', { outgoingId: doc.id });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(conclusionDraft.parse(draft.json()).source).toMatchObject({
      kind: 'outgoing',
      outgoingId: doc.id,
      secrecy: 'confidential',
    });
    await refused(
      () =>
        chuyenvien.post('/api/tasks', {
          content: 'Nắm tình hình',
          lead: { committeeId: ids.province, agencyId: ids.bnc },
          deadline: '2026-12-30',
          source: { kind: 'outgoing', outgoingId: doc.id },
        }),
      400,
      'tasks.secrecy_below_source',
      'secrecy',
    );
    const text = await chuyenvien.post('/api/tasks/conclusion-draft', {
      text: '1. Giao Ban Nội chính Tỉnh ủy nắm tình hình.',
    });
    expect(text.json().source.secrecy).toBeUndefined();
  });

  it('reopens a task evaluated "chưa đạt": its status follows the dates again', async () => {
    const task = await created(chuyenvien, {
      content: 'Báo cáo đã quá hạn',
      lead: { committeeId: ids.province, agencyId: ids.vptu },
      assignedOn: '2026-11-01',
      deadline: '2026-11-20',
    });
    const done = await chuyenvien.post(`/api/tasks/${task.id}/progress`, {
      percent: 100,
      done: true,
      completedOn: '2026-11-18',
      note: 'Đã xong.',
    });
    expect(done.json()).toMatchObject({
      state: 'reported_done',
      status: 'done_on_time',
      completedOn: '2026-11-18',
    });
    const r = await chuyenvien.post(`/api/tasks/${task.id}/evaluation`, {
      result: 'not_met',
      comment: 'Thiếu số liệu.',
    });
    expect(r.statusCode, r.body).toBe(200);
    const d = taskDetail.parse(r.json());
    expect(d).toMatchObject({ state: 'open', completedOn: null, status: 'overdue', evaluation: 'not_met' });
    expect(d.history.at(-1)!.summary).toBe('Đánh giá: Chưa đạt, giao thực hiện tiếp — Thiếu số liệu.');
    expect(d.abilities).toMatchObject({ reportProgress: true, evaluate: false });
    // Reported again (from the last report on) and evaluated met: closed.
    expect(
      (
        await chuyenvien.post(`/api/tasks/${task.id}/progress`, {
          percent: 100,
          done: true,
          note: 'Đã bổ sung.',
        })
      ).json(),
    ).toMatchObject({ status: 'done_late', completedOn: '2026-11-25' });
    expect(
      (await chuyenvien.post(`/api/tasks/${task.id}/evaluation`, { result: 'met', comment: '' })).json(),
    ).toMatchObject({ state: 'closed', evaluation: 'met' });
  });

  it('bounds a declared completion date: not before the last report, not more than 30 days back', async () => {
    const task = await created(chuyenvien, {
      content: 'Nhiệm vụ có báo cáo',
      lead: { committeeId: ids.province, agencyId: ids.vptu },
      assignedOn: '2026-09-01',
      deadline: '2026-12-31',
    });
    await refused(
      () =>
        chuyenvien.post(`/api/tasks/${task.id}/progress`, {
          percent: 100,
          done: true,
          completedOn: '2026-10-25',
          note: 'Xong.',
        }),
      400,
      'tasks.completed_too_early',
      'completedOn',
    );
    expect(
      (await chuyenvien.post(`/api/tasks/${task.id}/progress`, { percent: 40, note: 'Đang làm.' }))
        .statusCode,
    ).toBe(200);
    // The report of today said 40 %: it cannot have been done yesterday.
    await refused(
      () =>
        chuyenvien.post(`/api/tasks/${task.id}/progress`, {
          percent: 100,
          done: true,
          completedOn: '2026-11-24',
          note: 'Xong.',
        }),
      400,
      'tasks.completed_too_early',
      'completedOn',
    );
    const other = await created(chuyenvien, {
      content: 'Nhiệm vụ không báo cáo',
      lead: { committeeId: ids.province, agencyId: ids.vptu },
      assignedOn: '2026-09-01',
      deadline: '2026-12-31',
    });
    const ok = await chuyenvien.post(`/api/tasks/${other.id}/progress`, {
      percent: 100,
      done: true,
      completedOn: '2026-10-26',
      note: 'Xong.',
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('bounds a backdated assignment to a year and a day, or to an older source document', async () => {
    const base = {
      content: 'Nhiệm vụ ghi lùi ngày',
      lead: { committeeId: ids.province, agencyId: ids.btc },
      deadline: '2026-12-31',
    };
    await refused(
      () => chuyenvien.post('/api/tasks', { ...base, assignedOn: '2025-11-23' }),
      400,
      'tasks.assigned_too_early',
      'assignedOn',
    );
    await created(chuyenvien, { ...base, assignedOn: '2025-11-24' });
    const cv1400 = await t.ctx.db
      .selectFrom('incoming_documents')
      .select('id')
      .where('notation', '=', '1400-CV/VPTW')
      .executeTakeFirstOrThrow();
    await t.ctx.db
      .updateTable('incoming_documents')
      .set({ document_date: '2024-05-10' })
      .where('id', '=', cv1400.id)
      .execute();
    const source = { kind: 'incoming', incomingId: cv1400.id };
    await created(chuyenvien, { ...base, assignedOn: '2024-06-01', source });
    await refused(
      () => chuyenvien.post('/api/tasks', { ...base, assignedOn: '2024-05-01', source }),
      400,
      'tasks.assigned_too_early',
      'assignedOn',
    );
  });

  it('refuses a body assigning a top-level task to itself', async () => {
    await refused(
      () =>
        btc.post('/api/tasks', {
          content: 'Tự giao cho mình',
          lead: { committeeId: ids.province, agencyId: ids.btc },
          deadline: '2026-12-31',
        }),
      400,
      'tasks.lead_is_assigner',
      'lead',
    );
    const mine = await created(btc, {
      content: 'Giao Văn phòng',
      lead: { committeeId: ids.province, agencyId: ids.vptu },
      deadline: '2026-12-31',
    });
    await refused(
      () =>
        btc.patch(`/api/tasks/${mine.id}`, {
          version: mine.version,
          lead: { committeeId: ids.province, agencyId: ids.btc },
        }),
      400,
      'tasks.lead_is_assigner',
      'lead',
    );
  });

  it('names in the parent only the sub-tasks the reader may see', async () => {
    // The commune's user cleared for Tối mật splits the task into an open sub-task the province's
    // specialist (clearance Mật) may see, and a Tối mật one she may not.
    const parent = await created(
      chuyenvien,
      toCommune({ co: [{ committeeId: ids.province, agencyId: ids.btc }] }),
    );
    const seen = await created(xaSecret, subOf(parent.id, { deadline: '2026-12-10' }));
    const hidden = await created(xaSecret, subOf(parent.id, { secrecy: 'secret', deadline: '2026-12-20' }));
    const history = async (c: Client) =>
      taskDetail
        .parse((await c.get(`/api/tasks/${parent.id}`)).json())
        .history.filter((h) => h.action === 'subtask_created');
    const full = await history(xaSecret);
    expect(full.map((h) => h.details)).toEqual([
      { subtaskId: seen.id, lead: `c${ids.commune}-a${ids.communeOffice}` },
      { subtaskId: hidden.id, lead: `c${ids.commune}-a${ids.communeOffice}` },
    ]);
    const assigner = await history(chuyenvien);
    expect(assigner.map((h) => h.summary)).toEqual([
      `Giao nhiệm vụ con số ${seen.id} cho Văn phòng Đảng ủy`,
      'Đã giao nhiệm vụ con',
    ]);
    expect(assigner[1]!.details).toEqual({});
    // A co-body sees neither sub-task.
    expect((await history(btc)).map((h) => [h.summary, h.details])).toEqual([
      ['Đã giao nhiệm vụ con', {}],
      ['Đã giao nhiệm vụ con', {}],
    ]);
    // The assigner's edit before the hidden sub-task's date: refused, without its date.
    const v = await versionOf(chuyenvien, parent.id);
    const e = await refused(
      () => chuyenvien.patch(`/api/tasks/${parent.id}`, { version: v, deadline: '2026-12-15' }),
      400,
      'tasks.deadline_before_subtasks',
      'deadline',
    );
    expect(e.message).not.toContain('2026-12-2');
    // Before the visible one too: the visible date is named.
    const e2 = await refused(
      () => chuyenvien.patch(`/api/tasks/${parent.id}`, { version: v, deadline: '2026-12-08' }),
      400,
      'tasks.deadline_before_subtasks',
      'deadline',
    );
    expect(e2.message).toContain('2026-12-10');
    expect(e2.message).not.toContain('2026-12-2');
  });

  it('refuses reporting a task done, or evaluating it met, while a sub-task is open', async () => {
    const parent = await created(chuyenvien, toCommune());
    const sub = await created(xa, subOf(parent.id));
    await refused(
      () => xa.post(`/api/tasks/${parent.id}/progress`, { percent: 100, done: true, note: 'Xong.' }),
      409,
      'tasks.open_subtasks',
      'done',
    );
    expect(
      (await xa.post(`/api/tasks/${parent.id}/progress`, { percent: 80, note: 'Gần xong.' })).statusCode,
    ).toBe(200);
    expect(
      (await xa.post(`/api/tasks/${sub.id}/progress`, { percent: 100, done: true, note: 'Xong phần việc.' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await xa.post(`/api/tasks/${parent.id}/progress`, { percent: 100, done: true, note: 'Xong.' }))
        .statusCode,
    ).toBe(200);
    // The commune sends its sub-task back (chưa đạt): the parent cannot be evaluated met meanwhile.
    expect(
      (await xa.post(`/api/tasks/${sub.id}/evaluation`, { result: 'not_met', comment: 'Làm lại.' })).json(),
    ).toMatchObject({ state: 'open' });
    await refused(
      () => chuyenvien.post(`/api/tasks/${parent.id}/evaluation`, { result: 'met', comment: '' }),
      409,
      'tasks.open_subtasks',
    );
    const back = await chuyenvien.post(`/api/tasks/${parent.id}/evaluation`, {
      result: 'not_met',
      comment: 'Chờ nhiệm vụ con.',
    });
    expect(back.json()).toMatchObject({ state: 'open' });
  });
});
