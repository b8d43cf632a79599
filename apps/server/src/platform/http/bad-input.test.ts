import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';

/** Issue 2 acceptance: bad input gets a 4xx with { error: { code, message, details } }, nothing written, no stack. */
describe('bad input is refused cleanly and writes nothing', () => {
  let t: TestApp;
  let admin: Client;
  const userCount = async () => Number((await t.ctx.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const auditCount = async () => Number((await t.ctx.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const valid = { username: 'nguoimoi', password: 'Mat-khau-2026', displayName: 'Người Mới', personId: null, roleCodes: ['specialist'], clearance: 'none', scopeCommitteeId: 1, scopeAgencyId: null };
  let before: { users: number; audit: number };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    before = { users: await userCount(), audit: await auditCount() };
  });
  afterAll(async () => t.cleanup());

  const send = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json', ...headers }, payload });

  const expectCleanError = (r: { statusCode: number; body: string }, status: number, code: string) => {
    expect(r.statusCode).toBe(status);
    const body = JSON.parse(r.body);
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
    expect(r.body).not.toMatch(/at .*\.ts:\d+|node_modules|stack/i);
  };

  it('malformed JSON answers 400 request.malformed_json', async () => {
    expectCleanError(await send('{"username": "x",'), 400, 'request.malformed_json');
  });

  it('an unknown field answers 400 validation.failed naming the field', async () => {
    const r = await send(JSON.stringify({ ...valid, isRoot: true }));
    expectCleanError(r, 400, 'validation.failed');
    expect(JSON.stringify(r.json().error.details)).toContain('isRoot');
  });

  it('a wrong type answers 400 validation.failed with the path of the field', async () => {
    const r = await send(JSON.stringify({ ...valid, scopeCommitteeId: 'một' }));
    expectCleanError(r, 400, 'validation.failed');
    expect(r.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.scopeCommitteeId' })]));
  });

  it('an oversized body answers 413 request.too_large', async () => {
    const r = await send(JSON.stringify({ ...valid, displayName: 'a'.repeat(2 * 1024 * 1024) }));
    expectCleanError(r, 413, 'request.too_large');
  });

  it('decomposed (NFD) Vietnamese text answers 400 validation.not_nfc naming the field', async () => {
    const r = await send(JSON.stringify({ ...valid, displayName: 'Nguyễn Thị Hương'.normalize('NFD') }));
    expectCleanError(r, 400, 'validation.not_nfc');
    expect(r.json().error.details[0].path).toBe('body.displayName');
  });

  it('a body that is not JSON at all answers 415', async () => {
    expectCleanError(await send('username=x', { 'content-type': 'text/plain' }), 415, 'request.unsupported_media_type');
  });

  it('after all of the above, no user and no audit event was written', async () => {
    expect(await userCount()).toBe(before.users);
    expect(await auditCount()).toBe(before.audit);
  });

  it('an unknown API route answers a JSON 404', async () => {
    const r = await admin.get('/api/khong-co');
    expectCleanError(r, 404, 'route.not_found');
  });
});
