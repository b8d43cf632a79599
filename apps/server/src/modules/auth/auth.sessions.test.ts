import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticator } from 'otplib';
import { createTestApp, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { buildApp } from '../../platform/http/app.ts';
import { writeSetting } from '../settings/settings.repository.ts';

describe('session lifetimes', () => {
  const clock = fixedClock('2026-11-25T01:00:00.000Z');
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(async () => t.cleanup());

  it('a session idle for longer than the setting (60 minutes) ends', async () => {
    const c = await t.login('vanthu');
    clock.advance(59 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    clock.advance(59 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    clock.advance(61 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('an active session still ends at the absolute limit (12 hours)', async () => {
    const c = await t.login('chanhvp');
    // 13 × 55 min = 11 h 55 min of continuous use: never idle for an hour.
    for (let i = 0; i < 13; i += 1) {
      clock.advance(55 * 60_000);
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    }
    clock.advance(10 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('when the setting makes TOTP mandatory for admins, an admin must enrol before doing anything', async () => {
    await writeSetting(t.ctx.db, { key: 'requireTotpForAdmins', value: true, at: clock.now().toISOString(), by: null });
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'vanphong-demo' } });
    expect(r.json()).toMatchObject({ status: 'second_factor_setup_required', user: null });
    const headers = { cookie: `vp_session=${r.cookies.find((x) => x.name === 'vp_session')?.value}`, 'x-csrf-token': r.json().csrfToken };
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(401);
    const { secret, otpauthUrl } = (await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers })).json();
    expect(otpauthUrl).toContain('otpauth://totp/vanphong:admin');
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/totp/confirm', headers, payload: { code: authenticator.generate(secret) } });
    expect(ok.json().user.username).toBe('admin');
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(200);
    // Non-admins are not affected by the admin rule.
    const clerk = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanthu', password: 'vanphong-demo' } });
    expect(clerk.json().status).toBe('ok');
  });
});

describe('logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.cleanup());

  it('JSON log lines never contain the password, the session token or the CSRF token', async () => {
    let logged = '';
    const stream = new Writable({
      write(chunk, _enc, cb) {
        logged += chunk.toString();
        cb();
      },
    });
    const app = await buildApp({ ...t.ctx, config: { ...t.ctx.config, logLevel: 'trace' } }, { logStream: stream });
    await app.ready();
    const r = await app.inject({ method: 'POST', url: '/api/auth/login?token=abc123secret', payload: { username: 'bithu', password: 'vanphong-demo' } });
    const token = r.cookies.find((c) => c.name === 'vp_session')?.value ?? '';
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `vp_session=${token}` } });
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bithu', password: 'wrong-Pa55word' } });
    // An iCalendar feed's token is a credential carried in the path.
    await app.inject({ method: 'GET', url: '/api/schedule/ical/Zm9vYmFyYmF6cXV4c2VjcmV0dG9rZW4xMjM0NTY3ODk.ics' });
    await app.close();
    expect(logged).toContain('/api/schedule/ical/…');
    expect(logged).not.toContain('Zm9vYmFyYmF6cXV4c2VjcmV0dG9rZW4xMjM0NTY3ODk');
    expect(logged.length).toBeGreaterThan(100);
    for (const line of logged.trim().split('\n')) {
      expect(() => JSON.parse(line)).not.toThrow();
    }
    expect(logged).not.toContain('vanphong-demo');
    expect(logged).not.toContain('wrong-Pa55word');
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(r.json().csrfToken);
    expect(logged).not.toContain('abc123secret');
  });
});
