import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticator } from 'otplib';
import { createTestApp, type TestApp } from '../../../test/http.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';

describe('logging in and out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.cleanup());

  it('a demo clerk logs in, gets a session cookie and a CSRF token, and sees who she is', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanthu', password: 'vanphong-demo' } });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.status).toBe('ok');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.user.roles).toEqual(['clerk']);
    const cookie = r.cookies.find((c) => c.name === 'vp_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `vp_session=${cookie?.value}` } });
    expect(me.json().user.username).toBe('vanthu');
    expect(me.json().csrfToken).toBe(body.csrfToken);
  });

  it('a wrong password answers 401 with a code and records a failed-login audit event', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ketoan', password: 'sai-mat-khau' } });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('auth.invalid_credentials');
    const ev = await t.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'auth.login_failed').where('actor_name', '=', 'ketoan').execute();
    expect(ev).toHaveLength(1);
  });

  it('five wrong passwords lock the account, even against the right password, with a retry time', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'luutru', password: `wrong-${i}` } });
      codes.push(r.json().error.code);
    }
    expect(codes).toEqual(['auth.invalid_credentials', 'auth.invalid_credentials', 'auth.invalid_credentials', 'auth.invalid_credentials', 'auth.throttled']);
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'luutru', password: 'vanphong-demo' } });
    expect(r.statusCode).toBe(429);
    expect(r.json().error.details.retryAfterSeconds).toBeGreaterThan(800);
  });

  it('forty guesses sent at the same moment still get only five tries, even if the right password is among them', async () => {
    const attempts = Array.from({ length: 40 }, (_, i) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chanhvp', password: i === 39 ? 'vanphong-demo' : `doan-${i}` } }),
    );
    const results = await Promise.all(attempts);
    const throttled = results.filter((r) => r.statusCode === 429).length;
    const failed = results.filter((r) => r.statusCode === 401).length;
    expect(results[39]!.statusCode).toBe(429);
    expect(failed + results.filter((r) => r.statusCode === 200).length).toBeLessThanOrEqual(5);
    expect(throttled).toBeGreaterThanOrEqual(35);
  });

  it('a state-changing request without the CSRF token is refused and changes nothing', async () => {
    const c = await t.login('admin');
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie } });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('auth.csrf');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('logging out ends the session', async () => {
    const c = await t.login('tiepdan');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('"log out everywhere" ends every session of the user', async () => {
    const a = await t.login('chuyenvien');
    const b = await t.login('chuyenvien');
    const r = await a.post('/api/auth/logout-everywhere');
    expect(r.json().revoked).toBe(2);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('with TOTP enabled, the password alone opens nothing until the code is given', async () => {
    const c = await t.login('kiemtra');
    const setup = await c.post('/api/auth/totp/setup');
    const { secret } = setup.json();
    expect((await c.post('/api/auth/totp/confirm', { code: authenticator.generate(secret) })).statusCode).toBe(200);

    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'kiemtra', password: 'vanphong-demo' } });
    expect(r.json().status).toBe('second_factor_required');
    const cookie = `vp_session=${r.cookies.find((x) => x.name === 'vp_session')?.value}`;
    const headers = { cookie, 'x-csrf-token': r.json().csrfToken };
    expect((await t.app.inject({ method: 'GET', url: '/api/users/1', headers })).statusCode).toBe(401);
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/totp/verify', headers, payload: { code: '000000' } });
    expect(bad.json().error.code).toBe('auth.invalid_totp');
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/totp/verify', headers, payload: { code: authenticator.generate(secret) } });
    expect(ok.json().user.username).toBe('kiemtra');
  });

  it('guessing the six-digit code is cut off after five wrong codes and the pending session ends', async () => {
    const c = await t.login('bithu');
    const { secret } = (await c.post('/api/auth/totp/setup')).json();
    expect((await c.post('/api/auth/totp/confirm', { code: authenticator.generate(secret) })).statusCode).toBe(200);
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bithu', password: 'vanphong-demo' } });
    const headers = { cookie: `vp_session=${r.cookies.find((x) => x.name === 'vp_session')?.value}`, 'x-csrf-token': r.json().csrfToken };
    const wrong = authenticator.generate(secret) === '111111' ? '222222' : '111111';
    const codes: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      codes.push((await t.app.inject({ method: 'POST', url: '/api/auth/totp/verify', headers, payload: { code: wrong } })).json().error.code);
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('auth.invalid_totp'));
    expect(codes[5]).toBe('auth.throttled');
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/totp/verify', headers, payload: { code: authenticator.generate(secret) } });
    expect(right.statusCode).toBe(401);
  });

  it('every login, logout and failure above is in an intact audit chain', async () => {
    const actions = (await t.ctx.db.selectFrom('audit_events').select('action').execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.logout', 'auth.login_failed', 'auth.logout_everywhere', 'auth.totp_enabled', 'auth.second_factor']));
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });
});
