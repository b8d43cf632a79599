import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../src/platform/context.ts';
import { verifyAuditChain } from '../src/platform/audit/audit.ts';
import { enqueueJob } from '../src/platform/jobs/jobs.queue.ts';
import { systemClock } from '../src/platform/clock.ts';
import { seedDemo } from '../src/modules/seed/seed.ts';
import { createTestDatabase, testConfig, TEST_DB, type TestDatabase } from './test-context.ts';
import { startServerProcess, type ServerProcess } from './processes.ts';

/**
 * Issue 2 acceptance: two server processes on one database — each job runs once, and the audit chain
 * stays valid under concurrent writes from both. (Run on PostgreSQL as the multi-process engine of
 * record, and on SQLite too, where several processes share the file through WAL and busy_timeout.)
 */
describe(`two server processes on one ${TEST_DB} database`, () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let servers: ServerProcess[] = [];
  // Enough jobs that both processes must poll while some are still queued, even on a loaded machine
  // (with 150 one process finished them all once, during a full parallel run).
  const JOBS = 400;

  beforeAll(async () => {
    db = await createTestDatabase();
    ctx = await createContext({ config: testConfig(db) });
    await seedDemo(ctx, { nodeEnv: 'test' });
    const env = { DATA_DIR: db.dataDir, DATABASE_URL: db.url, JOBS_POLL_MS: '30' };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await ctx?.close();
    await db?.drop();
  });

  it('each of many jobs runs exactly once while both processes log people in and out', async () => {
    for (let i = 0; i < JOBS; i += 1) {
      await enqueueJob(ctx.db, systemClock, { id: `test:echo:${i}`, name: 'system.echo', payload: { i } });
    }
    // Four logins per account at once (the account throttle allows five attempts in flight), one in
    // seven with a wrong password, alternating between the two processes.
    const users = ['admin', 'vanthu', 'chanhvp', 'bithu', 'chuyenvien', 'luutru', 'tiepdan', 'ketoan', 'kiemtra'];
    const LOGINS = 36;
    const logins = Array.from({ length: LOGINS }, (_, i) => {
      const server = servers[i % 2] as ServerProcess;
      const wrong = i % 7 === 0;
      return fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: users[i % users.length], password: wrong ? 'sai' : 'vanphong-demo' }),
      }).then((r) => r.status);
    });
    const statuses = await Promise.all(logins);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LOGINS - Math.ceil(LOGINS / 7));
    expect(statuses.filter((s) => s === 401)).toHaveLength(Math.ceil(LOGINS / 7));

    const deadline = Date.now() + 60_000;
    for (;;) {
      const open = await ctx.db.selectFrom('jobs').select((eb) => eb.fn.countAll().as('n')).where('id', 'like', 'test:echo:%').where('status', '!=', 'done').executeTakeFirstOrThrow();
      if (Number(open.n) === 0 || Date.now() > deadline) {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const jobs = await ctx.db.selectFrom('jobs').select(['id', 'status', 'attempts', 'locked_by']).where('id', 'like', 'test:echo:%').execute();
    expect(jobs).toHaveLength(JOBS);
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    expect(new Set(jobs.map((j) => j.locked_by)).size).toBe(2);

    const echoes = await ctx.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'system.echo').execute();
    const perJob = new Map<string, number>();
    for (const e of echoes) {
      perJob.set(e.entity_id ?? '', (perJob.get(e.entity_id ?? '') ?? 0) + 1);
    }
    expect(perJob.size).toBe(JOBS);
    expect([...perJob.values()].every((n) => n === 1)).toBe(true);
  });

  it('the hourly cron slot was enqueued by both processes but ran once', async () => {
    const slots = await ctx.db.selectFrom('jobs').select(['id', 'status']).where('name', '=', 'auth.purge').execute();
    expect(slots.length).toBeGreaterThanOrEqual(1);
    const runs = await ctx.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'auth.purged').execute();
    expect(runs.length).toBe(slots.filter((s) => s.status === 'done').length);
    expect(new Set(runs.map((r) => r.entity_id)).size).toBe(runs.length);
  });

  it('the audit chain written concurrently by both processes verifies', async () => {
    const r = await verifyAuditChain(ctx.db);
    expect(r.firstBroken).toBeNull();
    expect(r.checked).toBeGreaterThan(JOBS + 36);
  });

  it('both processes shut down gracefully on SIGTERM', async () => {
    const codes = await Promise.all(servers.map((s) => s.stop()));
    expect(codes).toEqual([0, 0]);
  });
});
