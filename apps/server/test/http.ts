import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/platform/http/app.ts';
import type { App } from '../src/platform/http/types.ts';
import { seedDemo } from '../src/modules/seed/seed.ts';
import { createTestContext, type TestContext } from './test-context.ts';
import type { Clock } from '../src/platform/clock.ts';

export interface TestApp extends TestContext {
  app: App;
  /** Logs in a demo user and returns a client that sends the cookie and the CSRF token. */
  login(username: string, password?: string): Promise<Client>;
}

export interface Client {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

/** The HTTP app on a fresh database with the demo organisation, driven through `inject` (no socket). */
export async function createTestApp({ clock, demo = true }: { clock?: Clock; demo?: boolean } = {}): Promise<TestApp> {
  const tc = await createTestContext({ clock });
  if (demo) {
    await seedDemo(tc.ctx, { nodeEnv: 'test' });
  }
  const app = await buildApp(tc.ctx);
  await app.ready();
  const client = (cookie: string, csrf: string): Client => {
    const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        payload: body === undefined ? undefined : JSON.stringify(body),
      });
    return {
      cookie,
      csrf,
      get: (u) => send('GET', u),
      post: (u, b) => send('POST', u, b ?? {}),
      patch: (u, b) => send('PATCH', u, b),
      put: (u, b) => send('PUT', u, b),
      del: (u) => send('DELETE', u),
    };
  };
  return {
    ...tc,
    app,
    login: async (username, password = 'vanphong-demo') => {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (r.statusCode !== 200) {
        throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
      }
      const setCookie = r.cookies.find((c) => c.name === 'vp_session');
      return client(`vp_session=${setCookie?.value}`, r.json().csrfToken);
    },
    cleanup: async () => {
      await app.close();
      await tc.cleanup();
    },
  };
}
