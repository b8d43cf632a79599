import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/http.ts';

interface Example {
  method?: string;
  url: string;
  body?: unknown;
}

describe('the organisation API documentation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.cleanup());

  it('every org endpoint has a Vietnamese and English summary and an example that works on the demo data', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operations = Object.entries(
      spec.paths as Record<
        string,
        Record<string, { summary: string; tags: string[]; 'x-request-example'?: Example }>
      >,
    )
      .filter(([path]) => path.startsWith('/api/org/'))
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual([
      'GET /api/org/agencies',
      'GET /api/org/committees',
      'GET /api/org/committees/{id}',
      'GET /api/org/levels',
      'GET /api/org/people',
      'GET /api/org/positions',
      'PATCH /api/org/agencies/{id}',
      'PATCH /api/org/committees/{id}',
      'PATCH /api/org/people/{id}',
      'PATCH /api/org/positions/{id}',
      'PATCH /api/org/terms/{id}',
      'POST /api/org/agencies',
      'POST /api/org/committees',
      'POST /api/org/committees/{id}/terms',
      'POST /api/org/people',
      'POST /api/org/positions',
    ]);
    const admin = await t.login('admin');
    for (const { op } of operations) {
      expect(op.summary).toMatch(/.+ — .+/);
      const ex = op['x-request-example'] as Example;
      const method = (ex.method ?? 'GET').toUpperCase();
      const r =
        method === 'GET'
          ? await admin.get(ex.url)
          : method === 'POST'
            ? await admin.post(ex.url, ex.body)
            : await admin.patch(ex.url, ex.body);
      expect({
        example: `${method} ${ex.url}`,
        status: r.statusCode,
        body: r.statusCode < 300 ? null : r.json(),
      }).toEqual({ example: `${method} ${ex.url}`, status: method === 'POST' ? 201 : 200, body: null });
    }
  });
});
