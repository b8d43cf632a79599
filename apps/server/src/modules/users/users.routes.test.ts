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
    expect(total).toBe(10);
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

  it('nobody changes their own roles, clearance or status, not even the admin', async () => {
    const me = (await admin.get('/api/auth/me')).json().user;
    expect((await admin.patch(`/api/users/${me.id}`, { disabled: true })).json().error.code).toBe('users.self_change');
    expect((await admin.patch(`/api/users/${me.id}`, { clearance: 'top_secret' })).json().error.code).toBe('users.self_change');
    expect((await admin.patch(`/api/users/${me.id}`, { displayName: 'Trần Minh Quân (QTHT)' })).statusCode).toBe(200);
  });

  it('an account manager without roles.manage grants nothing above what she holds, and cannot touch accounts above her', async () => {
    // A commune's account manager: users.view + users.manage, clearance Mật.
    const role = await admin.post('/api/roles', { code: 'commune_accounts', name: 'Quản lý tài khoản xã', permissions: ['users.view', 'users.manage', 'org.view'] });
    expect(role.statusCode).toBe(201);
    const created = await admin.post('/api/users', { username: 'qltk.tanphu', password: 'Quan-ly-tai-khoan-2026', displayName: 'Trần Văn Lộc', personId: null, roleCodes: ['commune_accounts'], clearance: 'confidential', scopeCommitteeId: 2, scopeAgencyId: null });
    expect(created.statusCode).toBe(201);
    const first = await t.login('qltk.tanphu', 'Quan-ly-tai-khoan-2026');
    expect((await first.get('/api/users')).json().error.code).toBe('auth.password_change_required');
    expect((await first.post('/api/auth/password', { currentPassword: 'Quan-ly-tai-khoan-2026', newPassword: 'Loc-doi-mat-khau-2026' })).statusCode).toBe(200);
    const m = await t.login('qltk.tanphu', 'Loc-doi-mat-khau-2026');
    const self = (await m.get('/api/auth/me')).json().user;
    expect((await m.patch(`/api/users/${self.id}`, { roleCodes: ['admin'] })).json().error.code).toBe('users.self_change');
    const base = { personId: null, scopeCommitteeId: 2, scopeAgencyId: null };
    const asAdmin = await m.post('/api/users', { ...base, username: 'gia.admin', password: 'Gia-mao-admin-2026', displayName: 'Giả Mạo', roleCodes: ['admin'], clearance: 'none' });
    expect(asAdmin.json().error).toMatchObject({ code: 'users.grant_above_actor', details: [{ path: 'roleCodes' }] });
    const topSecret = await m.post('/api/users', { ...base, username: 'gia.tuyetmat', password: 'Gia-mao-mat-2026', displayName: 'Giả Mạo', roleCodes: ['commune_accounts'], clearance: 'top_secret' });
    expect(topSecret.json().error).toMatchObject({ code: 'users.grant_above_actor', details: [{ path: 'clearance' }] });
    const ok = await m.post('/api/users', { ...base, username: 'thuky.tanphu', password: 'Thu-ky-xa-2026', displayName: 'Lê Thị Kim Chi', roleCodes: ['commune_accounts'], clearance: 'confidential' });
    expect(ok.statusCode).toBe(201);
    // An account above her (more permissions) in her scope: visible, but not manageable.
    const boss = await admin.post('/api/users', { ...base, username: 'bithu.tanphu', password: 'Bi-thu-xa-2026', displayName: 'Nguyễn Hữu Phước', roleCodes: ['committee_leader'], clearance: 'secret' });
    const bossId = boss.json().user.id;
    const seen = (await m.get(`/api/users/${bossId}`)).json().user;
    expect(seen.abilities).toMatchObject({ view: true, update: false, resetPassword: false, disable: false });
    expect((await m.post(`/api/users/${bossId}/reset-password`, { password: 'Chiem-quyen-2026' })).json().error.code).toBe('users.target_above_actor');
    expect((await m.patch(`/api/users/${bossId}`, { disabled: true })).json().error.code).toBe('users.target_above_actor');
  });

  it('the same role listed twice is taken once, not a server error', async () => {
    const id = (await admin.get('/api/users?q=luutru')).json().items[0].id;
    const r = await admin.patch(`/api/users/${id}`, { roleCodes: ['archivist', 'archivist'] });
    expect(r.statusCode).toBe(200);
    expect(r.json().user.roles).toEqual(['archivist']);
  });

  it('an agency outside the account\'s scope committee is refused even when only the agency changes', async () => {
    const id = (await admin.get('/api/users?q=chanhvp')).json().items[0].id;
    const communeAgency = (await admin.get('/api/org/agencies?committeeId=2')).json().items[0];
    expect(communeAgency.committeeId).toBe(2);
    const r = await admin.patch(`/api/users/${id}`, { scopeAgencyId: communeAgency.id });
    expect(r.json().error).toMatchObject({ code: 'users.unknown_reference', details: [{ path: 'scopeAgencyId' }] });
  });

  it('an admin resets a lost second factor; the user logs in with the password alone again', async () => {
    const c = await t.login('bithu');
    const { secret } = (await c.post('/api/auth/totp/setup')).json();
    const { authenticator } = await import('otplib');
    expect((await c.post('/api/auth/totp/confirm', { code: authenticator.generate(secret) })).statusCode).toBe(200);
    // While on, a session alone cannot replace it.
    expect((await c.post('/api/auth/totp/setup')).json().error.code).toBe('auth.totp_already_enabled');
    const id = (await c.get('/api/auth/me')).json().user.id;
    expect((await admin.get(`/api/users/${id}`)).json().user.abilities.resetTotp).toBe(true);
    expect((await admin.post(`/api/users/${id}/reset-totp`)).statusCode).toBe(200);
    expect((await admin.get(`/api/users/${id}`)).json().user.abilities.resetTotp).toBe(false);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bithu', password: 'vanphong-demo' } });
    expect(again.json().status).toBe('ok');
    expect(await auditOf('users.totp_reset', id)).toHaveLength(1);
  });

  it('a password reset logs the user out and the new password works', async () => {
    const c = await t.login('tiepdan');
    const id = (await c.get('/api/auth/me')).json().user.id;
    expect((await admin.post(`/api/users/${id}/reset-password`, { password: 'Tiep-dan-moi-2026' })).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    const after = await t.login('tiepdan', 'Tiep-dan-moi-2026');
    // A password the admin chose opens only the change-password step: the admin cannot act as the user.
    expect((await after.get('/api/org/people')).json().error.code).toBe('auth.password_change_required');
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
