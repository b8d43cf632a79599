import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-context.ts';
import { buildApp } from './app.ts';
import type { App } from './types.ts';

describe('serving the web UI', () => {
  let t: TestContext;
  let app: App;
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-dist-'));

  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Văn phòng cấp ủy</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-1.js'), 'console.log(1)');
    t = await createTestContext({ config: { webDistDir: dist } });
    app = await buildApp(t.ctx);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('client-side routes get index.html', async () => {
    const r = await app.inject({ method: 'GET', url: '/admin/users?page=2' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Văn phòng cấp ủy');
  });

  it('an asset added after start (a rebuild) is served without a restart', async () => {
    fs.writeFileSync(path.join(dist, 'assets', 'app-2.js'), 'console.log(2)');
    const r = await app.inject({ method: 'GET', url: '/assets/app-2.js' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe('console.log(2)');
  });

  it('a missing asset and an unknown API path answer 404, not the page', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('route.not_found');
  });

  it('pages carry a Content-Security-Policy that allows no outside origin', async () => {
    const r = await app.inject({ method: 'GET', url: '/' });
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(String(r.headers['content-security-policy'])).not.toMatch(/https?:\/\//);
  });
});
