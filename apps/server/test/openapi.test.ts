import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from './http.ts';
import fs from 'node:fs';
import path from 'node:path';
import { samples } from '../src/platform/files/files.fixtures.ts';
import { foreignIdentity, multipartBody } from '../src/modules/signatures/signatures.test-support.ts';

/** Uploads in examples: a PDF, or for an edXML package the sample package shipped for operators. */
const sampleFor = (filename: string): Buffer =>
  filename.endsWith('.edxml') ? fs.readFileSync(path.resolve(import.meta.dirname, '../src/modules/edxml/samples', filename)) : samples.pdf();

interface Operation {
  summary?: string;
  'x-request-example'?: {
    method?: string;
    url: string;
    body?: unknown;
    multipart?: { field: string; filename: string; contentType: string; fields?: Record<string, string> };
    as?: string;
  };
}

/**
 * Issue 2 contract: `/api/openapi.json` lists every endpoint with a Vietnamese and an English summary and
 * a request example that works against the demo data — operators copy these, so we replay every one.
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let admin: Client;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const r = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    paths = r.json().paths;
  });
  afterAll(async () => t.cleanup());

  const clients = new Map<string, Client>();
  const loginAs = async (username: string): Promise<Client> => {
    if (!clients.has(username)) {
      clients.set(username, await t.login(username));
    }
    return clients.get(username)!;
  };

  /** A real sample of the example's content type: a PKCS#12 opened by the example's password, an edXML package, else a PDF. */
  const sampleFile = async (m: { filename: string; contentType: string; fields?: Record<string, string> }): Promise<Buffer> =>
    m.contentType === 'application/x-pkcs12' ? (await foreignIdentity('Văn phòng Tỉnh ủy', m.fields?.password ?? '')).p12 : sampleFor(m.filename);

  const operations = () =>
    Object.entries(paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));

  it('has a bilingual summary and a request example on every operation', () => {
    const missing = operations().filter(({ op }) => !op.summary?.includes(' — ') || !op['x-request-example']);
    expect(missing.map((m) => `${m.method} ${m.path}`)).toEqual([]);
    expect(operations().length).toBeGreaterThan(10);
  });

  it('serves a browsable docs page', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('swagger');
  });

  it('every request example works against the demo data', async () => {
    // Logout-type examples end the session they run in, so they run last, each in its own session.
    const sessionEnders = ['/api/auth/logout', '/api/auth/logout-everywhere'];
    // TOTP examples need a code from an authenticator; they are exercised in auth.routes.test.ts.
    const needsAuthenticator = ['/api/auth/totp/verify', '/api/auth/totp/confirm'];
    const failures: string[] = [];
    const ops = operations().filter(({ path }) => !needsAuthenticator.includes(path));
    ops.sort((a, b) => Number(sessionEnders.includes(a.path)) - Number(sessionEnders.includes(b.path)));
    for (const { method, path, op } of ops) {
      const ex = op['x-request-example']!;
      expect((ex.method ?? 'GET').toUpperCase()).toBe(method);
      const client = sessionEnders.includes(path) ? await t.login('bithu') : ex.as ? await loginAs(ex.as) : admin;
      const upload = ex.multipart
        ? multipartBody(ex.multipart.fields ?? {}, [
            { field: ex.multipart.field, filename: ex.multipart.filename, bytes: await sampleFile(ex.multipart), contentType: ex.multipart.contentType },
          ])
        : null;
      const r = upload
        ? await t.app.inject({ method: method as 'POST' | 'PUT', url: ex.url, headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': upload.contentType }, payload: upload.payload })
        : method === 'GET'
          ? await client.get(ex.url)
          : method === 'DELETE'
            ? await client.del(ex.url)
            : method === 'PATCH'
              ? await client.patch(ex.url, ex.body ?? {})
              : method === 'PUT'
                ? await client.put(ex.url, ex.body ?? {})
                : await client.post(ex.url, ex.body ?? {});
      if (r.statusCode >= 400) {
        failures.push(`${method} ${ex.url} → ${r.statusCode} ${r.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
