import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { addUser, demoBodies, rawTask, rowCounts } from './tasks.test-support.ts';

/**
 * Issue 5 acceptance: a unit sees its own tasks and those it assigned, not others' (404, absent from the
 * list and its total); the inspection role sees every task in its scope and can change nothing (403);
 * the assigner of a top-level task follows the sub-tasks of the whole tree.
 */
describe('who sees which task', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoBodies>>;
  const c = {} as Record<'chuyenvien' | 'chanhvp' | 'kiemtra' | 'btc' | 'bnc' | 'xa' | 'phuong', Client>;
  const task = {} as Record<'a' | 'b' | 'sub' | 'd' | 'secret' | 'foreign', number>;

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(new Date('2026-11-25T03:00:00Z')) });
    ids = await demoBodies(t);
    await addUser(t, { username: 'cvbtc', committeeId: ids.province, agencyId: ids.btc });
    await addUser(t, { username: 'cvbnc', committeeId: ids.province, agencyId: ids.bnc });
    await addUser(t, { username: 'cvxa', committeeId: ids.commune, agencyId: ids.communeOffice });
    await addUser(t, { username: 'cvphuong', committeeId: ids.ward, agencyId: ids.wardOffice });
    for (const [k, u] of [
      ['chuyenvien', 'chuyenvien'],
      ['chanhvp', 'chanhvp'],
      ['kiemtra', 'kiemtra'],
      ['btc', 'cvbtc'],
      ['bnc', 'cvbnc'],
      ['xa', 'cvxa'],
      ['phuong', 'cvphuong'],
    ] as const) {
      c[k] = await t.login(u);
    }
    const create = async (who: Client, body: Record<string, unknown>) => {
      const r = await who.post('/api/tasks', { content: 'Nhiệm vụ kiểm thử phạm vi xem', deadline: '2026-12-31', ...body });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as number;
    };
    // A: the province to its Organisation Board, with the commune as co-body. B: the province to the ward.
    task.a = await create(c.chuyenvien, { lead: { committeeId: ids.province, agencyId: ids.btc }, co: [{ committeeId: ids.commune }] });
    task.b = await create(c.chuyenvien, { lead: { committeeId: ids.ward } });
    // The ward splits B for its office. D: the Organisation Board assigns to the commune.
    task.sub = await create(c.phuong, { parentId: task.b, lead: { committeeId: ids.ward, agencyId: ids.wardOffice }, deadline: '2026-12-15' });
    task.d = await create(c.btc, { lead: { committeeId: ids.commune } });
    // A Tối mật task for the Organisation Board: above its specialist's clearance (Mật).
    task.secret = await create(c.chanhvp, { lead: { committeeId: ids.province, agencyId: ids.btc }, secrecy: 'secret' });
    // A task of another province, outside the inspector's scope.
    const now = new Date().toISOString();
    const other = await t.ctx.db
      .insertInto('committees')
      .values({ parent_id: null, level_code: 'province', name: 'Tỉnh ủy Bắc Sơn', superior_line: 'ĐẢNG BỘ TỈNH BẮC SƠN', place_name: 'Bắc Sơn', abbreviation: 'TU', numbering_rule: 'party_term', active: 1, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const f = await t.ctx.db
      .insertInto('tasks')
      .values(rawTask(other.id, { content: 'Nhiệm vụ kiểm thử phạm vi xem của tỉnh khác', content_folded: 'nhiem vu kiem thu pham vi xem cua tinh khac' }))
      .returning('id')
      .executeTakeFirstOrThrow();
    task.foreign = f.id;
  });
  afterAll(async () => t.cleanup());

  /** The tasks of this test (the demo has its own): all carry the words "kiểm thử phạm vi xem". */
  const listed = async (who: Client, query = '') => {
    const r = await who.get(`/api/tasks?limit=200&q=${encodeURIComponent('kiểm thử phạm vi xem')}${query}`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as { items: { id: number }[]; total: number };
    expect(body.total).toBe(body.items.length);
    return body.items.map((i) => i.id).sort((x, y) => x - y);
  };
  const sorted = (...xs: number[]) => [...xs].sort((x, y) => x - y);

  it.each([
    ['the Organisation Board: the task it leads and the one it assigned (not the one above its clearance)', 'btc', ['a', 'd']],
    ['the commune: the tasks it leads or co-handles', 'xa', ['a', 'd']],
    ['the ward: its task and the sub-task it assigned', 'phuong', ['b', 'sub']],
    ['a board with no task: nothing', 'bnc', []],
    ['the province office: what the province assigned, and the sub-tasks below', 'chuyenvien', ['a', 'b', 'sub']],
    ['the office leader (Tuyệt mật clearance): the same and the secret task it entered', 'chanhvp', ['a', 'b', 'sub', 'secret']],
    ['the inspection role: every task in its scope', 'kiemtra', ['a', 'b', 'sub', 'd', 'secret']],
  ] as const)('%s', async (_name, who, keys) => {
    expect(await listed(c[who])).toEqual(sorted(...keys.map((k) => task[k])));
    for (const k of Object.keys(task) as (keyof typeof task)[]) {
      const r = await c[who].get(`/api/tasks/${task[k]}`);
      expect(r.statusCode, `${who} reads ${k}`).toBe((keys as readonly string[]).includes(k) ? 200 : 404);
    }
  });

  it('filters within what one may see: boxes, body, parent, status, text', async () => {
    expect(await listed(c.xa, '&box=mine')).toEqual(sorted(task.a, task.d));
    expect(await listed(c.btc, '&box=assigned')).toEqual([task.d]);
    expect(await listed(c.btc, '&box=mine')).toEqual([task.a]);
    expect(await listed(c.chuyenvien, `&parentId=${task.b}`)).toEqual([task.sub]);
    expect(await listed(c.chuyenvien, '&topLevel=true')).toEqual(sorted(task.a, task.b));
    expect(await listed(c.chuyenvien, `&body=c${ids.commune}`)).toEqual([task.a]);
    expect(await listed(c.bnc, `&body=c${ids.commune}`)).toEqual([]);
    expect(await listed(c.kiemtra, `&assignerCommitteeId=${ids.ward}`)).toEqual([task.sub]);
    expect(await listed(c.kiemtra, '&status=not_due')).toEqual(sorted(task.a, task.b, task.sub, task.d, task.secret));
    expect(await listed(c.kiemtra, '&status=overdue')).toEqual([]);
    expect(await listed(c.kiemtra, '&dueTo=2026-12-20')).toEqual([task.sub]);
    expect(await listed(c.bnc, '&sourceKind=ad_hoc')).toEqual([]);
    expect(await listed(c.xa, '&sourceKind=meeting')).toEqual([]);
    expect(await listed(c.xa, '&sourceKind=ad_hoc')).toEqual(sorted(task.a, task.d));
    // The sub-task count of B: the ward's sub-task, seen by the province office.
    const b = (await c.chuyenvien.get('/api/tasks?topLevel=true&limit=200')).json().items.find((i: { id: number }) => i.id === task.b);
    expect(b.subtaskCount).toBe(1);
  });

  it('the inspection role changes nothing: 403 on every mutation of a visible task, 404 on an invisible one', async () => {
    const before = await rowCounts(t);
    const ext = await c.xa.post(`/api/tasks/${task.d}/extensions`, { requestedDeadline: '2027-01-15', reason: 'Lý do.' });
    expect(ext.statusCode, ext.body).toBe(201);
    const extId = ext.json().extensions[0].id as number;
    const afterExt = await rowCounts(t);
    expect(afterExt.extensions).toBe(before.extensions + 1);
    const attempts = [
      c.kiemtra.post('/api/tasks', { content: 'Kiểm tra giao', lead: { committeeId: ids.province, agencyId: ids.btc }, deadline: '2026-12-31' }),
      c.kiemtra.post('/api/tasks/batch', { items: [{ content: 'Kiểm tra giao', lead: { committeeId: ids.province, agencyId: ids.btc }, deadline: '2026-12-31' }] }),
      c.kiemtra.post('/api/tasks', { parentId: task.a, content: 'Nhiệm vụ con', lead: { committeeId: ids.province, agencyId: ids.btc }, deadline: '2026-12-31' }),
      c.kiemtra.patch(`/api/tasks/${task.a}`, { version: 1, content: 'Sửa' }),
      c.kiemtra.post(`/api/tasks/${task.a}/progress`, { percent: 10, note: 'x' }),
      c.kiemtra.post(`/api/tasks/${task.a}/extensions`, { requestedDeadline: '2027-01-15', reason: 'x' }),
      c.kiemtra.post(`/api/tasks/${task.d}/extensions/${extId}/decision`, { granted: true }),
      c.kiemtra.post(`/api/tasks/${task.a}/evaluation`, { result: 'met' }),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(r.statusCode, r.body).toBe(403);
    }
    for (const r of [
      await c.kiemtra.patch(`/api/tasks/${task.foreign}`, { version: 1, content: 'Sửa' }),
      await c.kiemtra.post(`/api/tasks/${task.foreign}/progress`, { percent: 10, note: 'x' }),
      await c.bnc.post(`/api/tasks/${task.a}/progress`, { percent: 10, note: 'x' }),
      await c.bnc.patch(`/api/tasks/${task.a}`, { version: 1, content: 'Sửa' }),
    ]) {
      expect(r.statusCode, r.body).toBe(404);
    }
    expect(await rowCounts(t)).toEqual(afterExt);
    // The abilities the inspector's page shows are all off.
    const page = (await c.kiemtra.get(`/api/tasks/${task.a}`)).json();
    expect(Object.values(page.abilities).every((v) => v === false)).toBe(true);
  });

  it('the assigner of the top-level task sees the sub-task page, and cannot act in the sub-task’s place', async () => {
    const r = await c.chuyenvien.get(`/api/tasks/${task.sub}`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ parentId: task.b, assigner: { key: `c${ids.ward}` } });
    expect(r.json().abilities).toMatchObject({ edit: false, reportProgress: false });
    expect((await c.chuyenvien.post(`/api/tasks/${task.sub}/progress`, { percent: 10, note: 'x' })).statusCode).toBe(403);
  });
});
