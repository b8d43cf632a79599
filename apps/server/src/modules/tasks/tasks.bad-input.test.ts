import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { addUser, demoBodies, rowCounts, uploadPdf } from './tasks.test-support.ts';

/**
 * Issue 5 acceptance: bad input — a deadline before the assignment date, a lead body that is also a
 * co-body, an extension past the parent's deadline, a Tuyệt mật task, neither or both of deadline and
 * cadence, a lead outside the assigner's committee tree — gets a clear 4xx naming the field, and nothing
 * is written (tasks, bodies, history, audit, extensions, progress counted before and after).
 */
describe('task bad input', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoBodies>>;
  let chuyenvien: Client;
  let xa: Client;
  let btc: Client;
  let parent: number;
  let sub: number;
  let otherProvince: number;
  let historic: number;

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(new Date('2026-11-25T03:00:00Z')) });
    ids = await demoBodies(t);
    await addUser(t, { username: 'cvxa', committeeId: ids.commune, agencyId: ids.communeOffice });
    await addUser(t, { username: 'cvbtc', committeeId: ids.province, agencyId: ids.btc });
    chuyenvien = await t.login('chuyenvien');
    xa = await t.login('cvxa');
    btc = await t.login('cvbtc');
    const p = await chuyenvien.post('/api/tasks', { content: 'Nhiệm vụ cha', lead: { committeeId: ids.commune }, deadline: '2026-12-31' });
    expect(p.statusCode, p.body).toBe(201);
    parent = p.json().id;
    const s = await xa.post('/api/tasks', { parentId: parent, content: 'Nhiệm vụ con', lead: { committeeId: ids.commune, agencyId: ids.communeOffice }, deadline: '2026-12-20' });
    expect(s.statusCode, s.body).toBe(201);
    sub = s.json().id;
    const now = new Date().toISOString();
    otherProvince = (
      await t.ctx.db
        .insertInto('committees')
        .values({ parent_id: null, level_code: 'province', name: 'Tỉnh ủy Bắc Sơn', superior_line: 'ĐẢNG BỘ TỈNH BẮC SƠN', place_name: 'Bắc Sơn', abbreviation: 'TU', numbering_rule: 'party_term', active: 1, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    historic = (await t.ctx.db.selectFrom('committees').select('id').where('name', '=', 'Huyện ủy Sơn Hà').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t.cleanup());

  const base = () => ({ content: 'Nhiệm vụ thử dữ liệu sai', lead: { committeeId: ids.province, agencyId: ids.btc }, co: [{ committeeId: ids.commune }], deadline: '2026-12-31' });

  /** Sends, expects the status, code and field, and checks nothing was written. */
  async function refused(send: () => Promise<{ statusCode: number; body: string; json(): unknown }>, status: number, code: string, path?: string) {
    const before = await rowCounts(t);
    const r = await send();
    expect(r.statusCode, r.body).toBe(status);
    const error = (r.json() as { error: { code: string; message: string; details: { path: string }[] } }).error;
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    if (path !== undefined) {
      expect(error.details[0]!.path).toBe(path);
    }
    expect(await rowCounts(t)).toEqual(before);
    return error;
  }

  it.each([
    ['a deadline before the assignment date (today)', { deadline: '2026-11-24' }, 400, 'tasks.deadline_before_assignment', 'deadline'],
    ['a deadline before a given assignment date', { assignedOn: '2026-11-10', deadline: '2026-11-09' }, 400, 'tasks.deadline_before_assignment', 'deadline'],
    ['an assignment date after today', { assignedOn: '2026-11-26' }, 400, 'tasks.assigned_in_future', 'assignedOn'],
    ['a lead body that is also a co-body', { co: [{ committeeId: ids_().commune }, { committeeId: ids_().province, agencyId: ids_().btc }] }, 400, 'tasks.lead_also_co', 'co.1'],
    ['the same co-body twice', { co: [{ committeeId: ids_().commune }, { committeeId: ids_().commune }] }, 400, 'tasks.duplicate_co', 'co.1'],
    ['neither a deadline nor a cadence', { deadline: null }, 400, 'tasks.deadline_or_cadence', 'deadline'],
    ['both a deadline and a cadence', { cadence: 'monthly' }, 400, 'tasks.deadline_or_cadence', 'cadence'],
    ['a lead in another province', { lead: { committeeId: -1 } }, 400, 'tasks.body_outside_tree', 'lead'],
    ['a lead that is an agency of a subordinate committee', { lead: { committeeId: ids_().commune, agencyId: ids_().communeOffice }, co: [] }, 400, 'tasks.body_outside_tree', 'lead'],
    ['the assigning committee itself as the lead', { lead: { committeeId: ids_().province }, co: [] }, 400, 'tasks.body_outside_tree', 'lead'],
    ['a co-body in another province', { co: [{ committeeId: -1 }] }, 400, 'tasks.body_outside_tree', 'co.0'],
    ['a historic (inactive) committee', { lead: { committeeId: -2 }, co: [] }, 400, 'tasks.inactive_body', 'lead'],
    ['an agency of another committee', { lead: { committeeId: ids_().commune, agencyId: ids_().btc }, co: [] }, 400, 'tasks.unknown_body', 'lead'],
    ['a committee that does not exist', { lead: { committeeId: 999_999 }, co: [] }, 400, 'tasks.unknown_body', 'lead'],
    ['a secrecy above the assigner’s clearance', { secrecy: 'secret' }, 400, 'tasks.secrecy_above_clearance', 'secrecy'],
    ['an assigner the user does not act for', { assigner: { committeeId: ids_().province, agencyId: ids_().btc } }, 400, 'tasks.assigner_not_yours', 'assigner'],
    ['a task from an outgoing document without the document', { source: { kind: 'outgoing' } }, 400, 'tasks.source_required', 'source.outgoingId'],
    ['a task from an incoming document that does not exist', { source: { kind: 'incoming', incomingId: 999_999 } }, 400, 'tasks.unknown_source', 'source.incomingId'],
    ['a parent that does not exist', { parentId: 999_999 }, 400, 'tasks.unknown_parent', 'parentId'],
  ])('refuses %s', async (_name, over, status, code, path) => {
    // -1 / -2 stand for the other province and the historic committee (known once the app is up).
    const fix = (x: unknown): unknown =>
      Array.isArray(x)
        ? x.map(fix)
        : x && typeof x === 'object'
          ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, k === 'committeeId' && v === -1 ? otherProvince : k === 'committeeId' && v === -2 ? historic : fix(v)]))
          : x;
    await refused(() => chuyenvien.post('/api/tasks', fix({ ...base(), ...over })), status, code, path);
  });

  it('refuses a Tuyệt mật task with the rule of Quy chế 08-QC/TW', async () => {
    const error = await refused(() => chuyenvien.post('/api/tasks', { ...base(), secrecy: 'top_secret' }), 422, 'tasks.top_secret_off_system', 'secrecy');
    expect(error.message).toBe('Nhiệm vụ Tuyệt mật được theo dõi ngoài hệ thống (Quy chế 08-QC/TW)');
    await refused(() => chuyenvien.patch(`/api/tasks/${parent}`, { version: 1, secrecy: 'top_secret' }), 422, 'tasks.top_secret_off_system', 'secrecy');
  });

  it('refuses sub-tasks outside the parent’s terms', async () => {
    const subtask = (over: Record<string, unknown>) => ({ parentId: parent, content: 'Nhiệm vụ con', lead: { committeeId: ids.commune, agencyId: ids.communeOffice }, deadline: '2026-12-20', ...over });
    await refused(() => xa.post('/api/tasks', subtask({ deadline: '2027-01-05' })), 422, 'tasks.deadline_after_parent', 'deadline');
    await refused(() => xa.post('/api/tasks', subtask({ lead: { committeeId: ids.province, agencyId: ids.btc } })), 400, 'tasks.body_outside_tree', 'lead');
    await refused(() => xa.post('/api/tasks', subtask({ lead: { committeeId: ids.ward } })), 400, 'tasks.body_outside_tree', 'lead');
    // Only the lead body splits a task; the assigner does not.
    await refused(() => chuyenvien.post('/api/tasks', subtask({})), 403, 'tasks.forbidden');
    // A body that does not see the parent learns nothing about it.
    await refused(() => btc.post('/api/tasks', subtask({})), 400, 'tasks.unknown_parent', 'parentId');
  });

  it('refuses an extension past the parent’s deadline, or not later than the current one', async () => {
    await refused(() => xa.post(`/api/tasks/${sub}/extensions`, { requestedDeadline: '2027-01-05', reason: 'Chờ số liệu.' }), 422, 'tasks.extension_past_parent', 'requestedDeadline');
    await refused(() => xa.post(`/api/tasks/${sub}/extensions`, { requestedDeadline: '2026-12-20', reason: 'Chờ số liệu.' }), 400, 'tasks.extension_not_later', 'requestedDeadline');
    // Asked within the parent's due date, then the parent's deadline is brought forward: granting is refused.
    const ok = await xa.post(`/api/tasks/${sub}/extensions`, { requestedDeadline: '2026-12-28', reason: 'Chờ số liệu.' });
    expect(ok.statusCode, ok.body).toBe(201);
    const version = (await chuyenvien.get(`/api/tasks/${parent}`)).json().version;
    expect((await chuyenvien.patch(`/api/tasks/${parent}`, { version, deadline: '2026-12-24' })).statusCode).toBe(200);
    const extId = ok.json().extensions[0].id;
    await refused(() => xa.post(`/api/tasks/${sub}/extensions/${extId}/decision`, { granted: true }), 422, 'tasks.extension_past_parent', 'requestedDeadline');
  });

  it('refuses bad progress reports and edits', async () => {
    await refused(() => xa.post(`/api/tasks/${parent}/progress`, { percent: 100, note: 'Xong.', done: true, completedOn: '2026-11-26' }), 400, 'tasks.completed_in_future', 'completedOn');
    await refused(() => xa.post(`/api/tasks/${parent}/progress`, { percent: 50, note: 'Dở.', completedOn: '2026-11-25' }), 400, 'tasks.completed_on_without_done', 'completedOn');
    const othersFile = await uploadPdf(t, chuyenvien);
    await refused(() => xa.post(`/api/tasks/${parent}/progress`, { percent: 50, note: 'Kèm tệp.', fileIds: [othersFile] }), 400, 'tasks.unknown_file', 'fileIds.0');
    await refused(() => xa.post(`/api/tasks/${parent}/progress`, { percent: 50, note: 'Kèm tệp.', fileIds: [999_999] }), 400, 'tasks.unknown_file', 'fileIds.0');
    const version = (await chuyenvien.get(`/api/tasks/${parent}`)).json().version;
    await refused(() => chuyenvien.patch(`/api/tasks/${parent}`, { version, deadline: '2026-11-01' }), 400, 'tasks.deadline_before_assignment', 'deadline');
    await refused(() => chuyenvien.patch(`/api/tasks/${parent}`, { version, deadline: null }), 400, 'tasks.deadline_or_cadence', 'deadline');
    await refused(() => chuyenvien.patch(`/api/tasks/${parent}`, { version, co: [{ committeeId: ids.commune }] }), 400, 'tasks.lead_also_co', 'co.0');
    await refused(() => chuyenvien.patch(`/api/tasks/${parent}`, { version: version + 5, content: 'Khác' }), 409, 'tasks.version_conflict', 'version');
    // The sub-task (due 20/12, or 28/12 once extended) was assigned by the lead, within the deadline.
    await refused(() => chuyenvien.patch(`/api/tasks/${parent}`, { version, lead: { committeeId: ids.ward } }), 400, 'tasks.lead_has_subtasks', 'lead');
    await refused(() => chuyenvien.patch(`/api/tasks/${parent}`, { version, deadline: '2026-12-18' }), 400, 'tasks.deadline_before_subtasks', 'deadline');
  });

  it('refuses files on a secret task on a networked deployment', async () => {
    const chanhvp = await t.login('chanhvp');
    const secret = await chanhvp.post('/api/tasks', { ...base(), co: [], secrecy: 'confidential', lead: { committeeId: ids.province, agencyId: ids.vptu } });
    expect(secret.statusCode, secret.body).toBe(201);
    const file = await uploadPdf(t, chanhvp);
    await refused(() => chanhvp.post(`/api/tasks/${secret.json().id}/progress`, { percent: 10, note: 'Kèm tệp.', fileIds: [file] }), 400, 'tasks.secret_files_refused', 'fileIds');
  });

  it('names the item of a batch that fails, and writes none of the batch', async () => {
    await refused(() => chuyenvien.post('/api/tasks/batch', { items: [base(), base(), { ...base(), deadline: '2026-01-01' }] }), 400, 'tasks.deadline_before_assignment', 'items.2.deadline');
    await refused(() => chuyenvien.post('/api/tasks/batch', { items: [base(), { ...base(), secrecy: 'top_secret' }] }), 422, 'tasks.top_secret_off_system', 'items.1.secrecy');
  });

  // it.each's table is built before beforeAll: ids come from the seed order, checked against the directory here.
  function ids_() {
    return { province: 1, btc: 2, commune: 3, communeOffice: 8 };
  }
  it('uses the demo ids the table above assumes', () => {
    expect(ids_()).toEqual({ province: ids.province, btc: ids.btc, commune: ids.commune, communeOffice: ids.communeOffice });
  });
});
