import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';

describe('system settings', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t.cleanup());

  const auditCount = async () => (await t.ctx.db.selectFrom('audit_events').select('id').execute()).length;
  const events = (action: string) =>
    t.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute();

  it('the admin reads the settings of a fresh installation, with the right to change them', async () => {
    const r = await admin.get('/api/settings');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      settings: {
        deploymentProfile: 'party-wan',
        requireTotpForAdmins: false,
        passwordMinLength: 10,
        sessionIdleMinutes: 60,
        sessionAbsoluteHours: 12,
        organisationName: 'Văn phòng cấp ủy',
        taskReminderDaysBefore: [3, 1],
        taskEscalateHeadAfterDays: 3,
        taskEscalateAssignerAfterDays: 7,
      },
      abilities: { update: true },
    });
  });

  it('a clerk without settings.view may not read them', async () => {
    const clerk = await t.login('vanthu');
    expect((await clerk.get('/api/settings')).statusCode).toBe(403);
    expect((await clerk.patch('/api/settings', { passwordMinLength: 8 })).statusCode).toBe(403);
  });

  it('changing the password rule is recorded with the old and the new value, and only changed keys', async () => {
    const r = await admin.patch('/api/settings', {
      passwordMinLength: 12,
      sessionIdleMinutes: 60,
      organisationName: 'Văn phòng Tỉnh ủy Hồng Lam',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().settings.passwordMinLength).toBe(12);
    expect(r.json().settings.organisationName).toBe('Văn phòng Tỉnh ủy Hồng Lam');
    const [ev] = await events('settings.updated');
    expect(JSON.parse(ev?.details ?? '{}')).toEqual({
      keys: ['passwordMinLength', 'organisationName'],
      changes: {
        passwordMinLength: { from: 10, to: 12 },
        organisationName: { from: 'Văn phòng cấp ủy', to: 'Văn phòng Tỉnh ủy Hồng Lam' },
      },
    });
    expect(ev?.actor_name).toBe('admin');
    expect((await admin.get('/api/settings')).json().settings.passwordMinLength).toBe(12);
  });

  it('a new password rule applies at once to the next password chosen', async () => {
    // 11 characters: enough under the default of 10, too short under the new 12.
    const r = await admin.post('/api/users/9/reset-password', { password: 'Mat-khau-11' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: 'too_short' })]),
    );
  });

  it('the task reminder days are settings: changed with the audit trail, a repeated or out-of-range day refused', async () => {
    const r = await admin.patch('/api/settings', { taskReminderDaysBefore: [5, 2, 1], taskEscalateHeadAfterDays: 2, taskEscalateAssignerAfterDays: 5 });
    expect(r.statusCode).toBe(200);
    expect(r.json().settings).toMatchObject({ taskReminderDaysBefore: [5, 2, 1], taskEscalateHeadAfterDays: 2, taskEscalateAssignerAfterDays: 5 });
    const evs = await events('settings.updated');
    expect(JSON.parse(evs.at(-1)?.details ?? '{}').changes.taskReminderDaysBefore).toEqual({ from: [3, 1], to: [5, 2, 1] });
    for (const bad of [{ taskReminderDaysBefore: [2, 2] }, { taskReminderDaysBefore: [0] }, { taskEscalateHeadAfterDays: 0 }]) {
      expect((await admin.patch('/api/settings', bad)).statusCode).toBe(400);
    }
    expect((await admin.get('/api/settings')).json().settings.taskReminderDaysBefore).toEqual([5, 2, 1]);
  });

  it('the head of the lead unit is told before the assigner: head ≥ assigner is refused (400 naming taskEscalateHeadAfterDays), nothing written', async () => {
    // Stored now: head 2, assigner 5 (the test above).
    const before = await auditCount();
    const both = await admin.patch('/api/settings', { taskEscalateHeadAfterDays: 6, taskEscalateAssignerAfterDays: 6 });
    expect(both.statusCode).toBe(400);
    expect(both.json().error).toMatchObject({ code: 'validation.failed', details: [expect.objectContaining({ path: 'body.taskEscalateHeadAfterDays' })] });
    // One key alone is checked against the stored other one.
    const head = await admin.patch('/api/settings', { taskEscalateHeadAfterDays: 5 });
    expect(head.statusCode).toBe(400);
    expect(head.json().error.code).toBe('settings.escalation_order');
    expect(head.json().error.details).toEqual([{ path: 'taskEscalateHeadAfterDays', message: 'head_not_before_assigner' }]);
    const assigner = await admin.patch('/api/settings', { taskEscalateAssignerAfterDays: 1, passwordMinLength: 14 });
    expect(assigner.statusCode).toBe(400);
    expect(assigner.json().error.details.map((d: { path: string }) => d.path)).toEqual(['taskEscalateHeadAfterDays', 'taskEscalateAssignerAfterDays']);
    expect(await auditCount()).toBe(before);
    expect((await admin.get('/api/settings')).json().settings).toMatchObject({ taskEscalateHeadAfterDays: 2, taskEscalateAssignerAfterDays: 5, passwordMinLength: 12 });
    // Just below the assigner is fine.
    const ok = await admin.patch('/api/settings', { taskEscalateHeadAfterDays: 4 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().settings).toMatchObject({ taskEscalateHeadAfterDays: 4, taskEscalateAssignerAfterDays: 5 });
    expect((await admin.patch('/api/settings', { taskEscalateHeadAfterDays: 2 })).statusCode).toBe(200);
  });

  it('saving the same values again changes nothing and writes no audit event', async () => {
    const before = await auditCount();
    const r = await admin.patch('/api/settings', { passwordMinLength: 12 });
    expect(r.statusCode).toBe(200);
    expect(await auditCount()).toBe(before);
  });

  it('an out-of-range value or an unknown key is refused and nothing is written', async () => {
    const before = await auditCount();
    const low = await admin.patch('/api/settings', { passwordMinLength: 4 });
    expect(low.statusCode).toBe(400);
    expect(low.json().error.code).toBe('validation.failed');
    const unknown = await admin.patch('/api/settings', { theme: 'dark' });
    expect(unknown.statusCode).toBe(400);
    expect(await auditCount()).toBe(before);
    expect((await admin.get('/api/settings')).json().settings.passwordMinLength).toBe(12);
  });
});

describe('the document-type table', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t.cleanup());

  const auditCount = async () => (await t.ctx.db.selectFrom('audit_events').select('id').execute()).length;

  it('any logged-in user lists the types of Party documents, without the state ones, and may not edit them', async () => {
    const clerk = await t.login('vanthu');
    const r = await clerk.get('/api/document-types?family=party');
    expect(r.statusCode).toBe(200);
    const { items, total } = r.json();
    expect(total).toBe(items.length);
    expect(items.every((x: { family: string }) => x.family !== 'state')).toBe(true);
    expect(items).toContainEqual({
      id: expect.any(Number),
      name: 'Nghị quyết',
      abbreviation: 'NQ',
      family: 'party',
      active: true,
      abilities: { update: false },
    });
    expect(
      (await clerk.post('/api/document-types', { name: 'Thư', abbreviation: 'T', family: 'party' }))
        .statusCode,
    ).toBe(403);
  });

  it('without a filter the whole table comes in one page', async () => {
    const r = await admin.get('/api/document-types');
    expect(r.json().total).toBeGreaterThan(50);
    expect(r.json().items).toHaveLength(r.json().total);
  });

  it('the admin adds a type shared by both families, which then shows under each filter', async () => {
    const r = await admin.post('/api/document-types', {
      name: 'Thư chúc mừng',
      abbreviation: 'TCM',
      family: 'both',
    });
    expect(r.statusCode).toBe(201);
    const { documentType } = r.json();
    expect(documentType).toMatchObject({
      name: 'Thư chúc mừng',
      family: 'both',
      active: true,
      abilities: { update: true },
    });
    const party = (await admin.get('/api/document-types?family=party'))
      .json()
      .items.map((x: { id: number }) => x.id);
    const state = (await admin.get('/api/document-types?family=state'))
      .json()
      .items.map((x: { id: number }) => x.id);
    expect(party).toContain(documentType.id);
    expect(state).toContain(documentType.id);
    const ev = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'document_types.created')
      .executeTakeFirstOrThrow();
    expect(ev.entity_id).toBe(String(documentType.id));
    expect(JSON.parse(ev.details)).toMatchObject({ name: 'Thư chúc mừng', family: 'both' });
  });

  it('the same name twice in one family is a conflict; in the other family it is a different type', async () => {
    const before = await auditCount();
    const dup = await admin.post('/api/document-types', {
      name: 'Nghị quyết',
      abbreviation: 'NQ',
      family: 'party',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('document_types.duplicate');
    expect(await auditCount()).toBe(before);
    expect(
      (await admin.post('/api/document-types', { name: 'Tờ trình', abbreviation: 'TTr', family: 'both' }))
        .statusCode,
    ).toBe(201);
  });

  it('deactivating a type keeps its name and abbreviation, and renaming later does not re-activate it', async () => {
    const list = (await admin.get('/api/document-types?family=party')).json().items as {
      id: number;
      name: string;
    }[];
    const id = list.find((x) => x.name === 'Thông tri')?.id as number;
    const off = await admin.patch(`/api/document-types/${id}`, { active: false });
    expect(off.json().documentType).toMatchObject({ name: 'Thông tri', abbreviation: 'TT', active: false });
    const renamed = await admin.patch(`/api/document-types/${id}`, { name: 'Thông tri (cũ)' });
    expect(renamed.json().documentType).toMatchObject({ name: 'Thông tri (cũ)', active: false });
    const evs = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'document_types.updated')
      .where('entity_id', '=', String(id))
      .orderBy('seq')
      .execute();
    expect(evs.map((e) => JSON.parse(e.details).changes)).toEqual([
      { active: { from: true, to: false } },
      { name: { from: 'Thông tri', to: 'Thông tri (cũ)' } },
    ]);
    const active = (await admin.get('/api/document-types?family=party&active=true'))
      .json()
      .items.map((x: { id: number }) => x.id);
    expect(active).not.toContain(id);
  });

  it('renaming onto an existing name of the family is a conflict; a missing type answers 404', async () => {
    const list = (await admin.get('/api/document-types?family=party')).json().items as {
      id: number;
      name: string;
    }[];
    const id = list.find((x) => x.name === 'Chỉ thị')?.id as number;
    const r = await admin.patch(`/api/document-types/${id}`, { name: 'Kết luận' });
    expect(r.statusCode).toBe(409);
    expect((await admin.patch('/api/document-types/99999', { active: false })).json().error.code).toBe(
      'document_types.not_found',
    );
  });

  it('every change above is in an intact audit chain', async () => {
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });
});
