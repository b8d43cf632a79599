import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';

describe('default handling deadlines over HTTP', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t.cleanup());

  const events = (action: string) =>
    t.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute();

  it('readers of incoming documents see the rules, default first, with the due-soon window', async () => {
    const r = await (await t.login('vanthu')).get('/api/incoming/deadline-rules');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      rules: [
        { documentTypeId: null, documentTypeName: null, urgency: null, workingDays: 7 },
        { documentTypeId: null, documentTypeName: null, urgency: 'urgent', workingDays: 3 },
        { documentTypeId: null, documentTypeName: null, urgency: 'very_urgent', workingDays: 2 },
        { documentTypeId: null, documentTypeName: null, urgency: 'flash', workingDays: 1 },
        { documentTypeId: null, documentTypeName: null, urgency: 'flash_timed', workingDays: 0 },
      ],
      dueSoonWorkingDays: 2,
      abilities: { update: false },
    });
  });

  it('people without incoming documents or settings may not read them', async () => {
    expect((await (await t.login('tiepdan')).get('/api/incoming/deadline-rules')).statusCode).toBe(403);
    expect((await admin.get('/api/incoming/deadline-rules')).json().abilities).toEqual({ update: true });
  });

  it('the administrator replaces the whole set at once, audited with before and after', async () => {
    const r = await admin.put('/api/incoming/deadline-rules', {
      rules: [
        { documentTypeId: 16, urgency: 'urgent', workingDays: 4 },
        { documentTypeId: null, urgency: null, workingDays: 10 },
        { documentTypeId: 16, urgency: null, workingDays: 15 },
        { documentTypeId: null, urgency: 'flash', workingDays: 1 },
      ],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().rules).toEqual([
      { documentTypeId: null, documentTypeName: null, urgency: null, workingDays: 10 },
      { documentTypeId: null, documentTypeName: null, urgency: 'flash', workingDays: 1 },
      { documentTypeId: 16, documentTypeName: 'Báo cáo', urgency: null, workingDays: 15 },
      { documentTypeId: 16, documentTypeName: 'Báo cáo', urgency: 'urgent', workingDays: 4 },
    ]);
    const [ev] = await events('incoming.deadline_rules.replaced');
    expect(ev?.actor_name).toBe('admin');
    const details = JSON.parse(ev!.details);
    expect(details.before).toHaveLength(5);
    expect(details.after).toEqual([
      { key: 't*-u*', workingDays: 10 },
      { key: 't*-uflash', workingDays: 1 },
      { key: 't16-u*', workingDays: 15 },
      { key: 't16-uurgent', workingDays: 4 },
    ]);
    expect((await admin.get('/api/incoming/deadline-rules')).json().rules).toHaveLength(4);
  });

  it('saving the same set again records nothing', async () => {
    const same = (await admin.get('/api/incoming/deadline-rules')).json().rules.map(
      ({ documentTypeId, urgency, workingDays }: { documentTypeId: number | null; urgency: string | null; workingDays: number }) => ({ documentTypeId, urgency, workingDays }),
    );
    expect((await admin.put('/api/incoming/deadline-rules', { rules: same })).statusCode).toBe(200);
    expect(await events('incoming.deadline_rules.replaced')).toHaveLength(1);
  });

  it('a pair given twice, an unknown type or a negative count is refused naming the field; nothing changes', async () => {
    const dup = await admin.put('/api/incoming/deadline-rules', {
      rules: [
        { documentTypeId: null, urgency: 'urgent', workingDays: 3 },
        { documentTypeId: null, urgency: 'urgent', workingDays: 2 },
      ],
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error).toMatchObject({ code: 'incoming.deadline_rules.duplicate', details: [{ path: 'rules.1' }] });
    const unknown = await admin.put('/api/incoming/deadline-rules', { rules: [{ documentTypeId: 99999, urgency: null, workingDays: 3 }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'incoming.deadline_rules.unknown_document_type', details: [{ path: 'rules.0.documentTypeId' }] });
    const negative = await admin.put('/api/incoming/deadline-rules', { rules: [{ documentTypeId: null, urgency: null, workingDays: -1 }] });
    expect(negative.statusCode).toBe(400);
    expect(JSON.stringify(negative.json().error.details)).toContain('workingDays');
    expect((await admin.get('/api/incoming/deadline-rules')).json().rules).toHaveLength(4);
  });

  it('leaders and clerks may not change the rules', async () => {
    for (const u of ['chanhvp', 'bithu', 'vanthu']) {
      expect((await (await t.login(u)).put('/api/incoming/deadline-rules', { rules: [] })).statusCode).toBe(403);
    }
  });
});
