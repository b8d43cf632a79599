import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';

describe('accounts administration', () => {
  let t: TestApp;
  let admin: Client;
  const auditOf = (action: string, entityId: number) =>
    t.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('entity_id', '=', String(entityId)).execute();

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t.cleanup());

  it('the admin lists the demo accounts with their roles and abilities', async () => {
    const r = await admin.get('/api/users?limit=50');
    expect(r.statusCode).toBe(200);
    const { items, total } = r.json();
    expect(total).toBe(9);
    const vanthu = items.find((u: { username: string }) => u.username === 'vanthu');
    expect(vanthu).toMatchObject({ roles: ['clerk'], clearance: 'secret', abilities: { update: true, resetPassword: true, disable: true } });
    expect(JSON.stringify(items)).not.toMatch(/password_hash|argon2|totp_secret/);
  });

  it('searching ignores diacritics: "nguyen thi thu ha" finds Nguyễn Thị Thu Hà', async () => {
    const r = await admin.get('/api/users?q=nguyen%20thi%20thu%20ha');
    expect(r.json().items.map((u: { username: string }) => u.username)).toEqual(['vanthu']);
  });

  it('the admin creates an account with a role and a clearance; the new user logs in and must change the password', async () => {
    const r = await admin.post('/api/users', {
      username: 'vanthu2',
      password: 'Van-thu-moi-2026',
      displayName: 'Võ Thị Kim Oanh',
      personId: null,
      roleCodes: ['clerk'],
      clearance: 'confidential',
      scopeCommitteeId: 1,
      scopeAgencyId: 1,
    });
    expect(r.statusCode).toBe(201);
    const user = r.json().user;
    expect(user).toMatchObject({ username: 'vanthu2', roles: ['clerk'], clearance: 'confidential', disabled: false });
    expect(await auditOf('users.created', user.id)).toHaveLength(1);
    const c = await t.login('vanthu2', 'Van-thu-moi-2026');
    const me = (await c.get('/api/auth/me')).json().user;
    expect(me).toMatchObject({ username: 'vanthu2', mustChangePassword: true, clearance: 'confidential' });
  });

  it('a weak password is refused with the broken rules, and nothing is created', async () => {
    const r = await admin.post('/api/users', { username: 'yeu', password: 'yeu', displayName: 'Yếu', personId: null, roleCodes: ['clerk'], clearance: 'none', scopeCommitteeId: 1, scopeAgencyId: null });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('auth.weak_password');
    expect(r.json().error.details.map((d: { message: string }) => d.message)).toContain('too_short');
    expect((await admin.get('/api/users?q=yeu')).json().total).toBe(0);
  });

  it('a taken username answers 409 and an unknown role 400', async () => {
    const base = { password: 'Mat-khau-dai-2026', displayName: 'Ai Đó', personId: null, clearance: 'none', scopeCommitteeId: 1, scopeAgencyId: null };
    expect((await admin.post('/api/users', { ...base, username: 'vanthu', roleCodes: ['clerk'] })).json().error.code).toBe('users.username_taken');
    expect((await admin.post('/api/users', { ...base, username: 'aido', roleCodes: ['pope'] })).json().error.code).toBe('users.unknown_role');
  });

  it('changing roles and clearance is audited with the changes', async () => {
    const id = (await admin.get('/api/users?q=chuyenvien')).json().items[0].id;
    const r = await admin.patch(`/api/users/${id}`, { roleCodes: ['specialist', 'archivist'], clearance: 'secret' });
    expect(r.json().user).toMatchObject({ roles: ['archivist', 'specialist'], clearance: 'secret', displayName: 'Hoàng Thị Mai Phương' });
    const [ev] = await auditOf('users.updated', id);
    expect(JSON.parse(ev!.details).changes).toEqual({ roleCodes: ['specialist', 'archivist'], clearance: 'secret' });
  });

  it('disabling an account ends its sessions and blocks its login', async () => {
    const c = await t.login('ketoan');
    const id = (await c.get('/api/auth/me')).json().user.id;
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).json().user.disabled).toBe(true);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ketoan', password: 'vanphong-demo' } });
    expect(again.statusCode).toBe(401);
    expect(await auditOf('users.disabled', id)).toHaveLength(1);
  });

  it('the admin cannot disable her own account', async () => {
    const me = (await admin.get('/api/auth/me')).json().user;
    expect((await admin.patch(`/api/users/${me.id}`, { disabled: true })).json().error.code).toBe('users.self_lockout');
  });

  it('a password reset logs the user out and the new password works', async () => {
    const c = await t.login('tiepdan');
    const id = (await c.get('/api/auth/me')).json().user.id;
    expect((await admin.post(`/api/users/${id}/reset-password`, { password: 'Tiep-dan-moi-2026' })).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    await t.login('tiepdan', 'Tiep-dan-moi-2026');
    expect(await auditOf('users.password_reset', id)).toHaveLength(1);
  });

  it('a user without users.view cannot list accounts, and sees only herself by id', async () => {
    const c = await t.login('luutru');
    expect((await c.get('/api/users')).statusCode).toBe(403);
    const me = (await c.get('/api/auth/me')).json().user;
    expect((await c.get(`/api/users/${me.id}`)).json().user.username).toBe('luutru');
    expect((await c.get('/api/users/1')).statusCode).toBe(404);
  });
});
