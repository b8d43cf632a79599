import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-context.ts';
import { BIN } from '../../test/processes.ts';
import { createContext, type AppContext } from '../platform/context.ts';
import { loadConfig } from '../config.ts';

const run = promisify(execFile);

/** The operator's commands, run as real processes against a real database of the engine under test. */
// Each test starts real processes (tsx compiles the sources when the bundle is stale): on a loaded
// machine a migrate + seed pair takes longer than the default 30 s.
describe('the vanphong command line', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  const vanphong = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const r = await run(process.execPath, [BIN, ...args], { env: { ...process.env, NODE_ENV: 'test', DATA_DIR: db.dataDir, DATABASE_URL: db.url, ...env } });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  };
  const withCtx = async <T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> => {
    const ctx = await createContext({ config: loadConfig({ NODE_ENV: 'test', DATA_DIR: db.dataDir, DATABASE_URL: db.url }) });
    try {
      return await fn(ctx);
    } finally {
      await ctx.close();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  it('migrate, then seed --demo prints the demo users and their password', async () => {
    expect((await vanphong(['migrate'])).code).toBe(0);
    const r = await vanphong(['seed', '--demo']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('admin, vanthu, chanhvp, bithu, chuyenvien, luutru, tiepdan, ketoan, kiemtra');
    expect(r.out).toContain('vanphong-demo');
  });

  it('seed --demo is refused in production', async () => {
    const r = await vanphong(['seed', '--demo'], { NODE_ENV: 'production' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('refused when NODE_ENV=production');
  });

  it('user add creates an audited account with a generated password shown once', async () => {
    const r = await vanphong(['user', 'add', '--username', 'hoa', '--display-name', 'Lý Thị Hoa', '--role', 'specialist,archivist', '--clearance', 'confidential', '--committee', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Created user hoa \(id \d+\); password: Vp-\S+/);
    const user = await withCtx((ctx) => ctx.db.selectFrom('users').selectAll().where('username', '=', 'hoa').executeTakeFirstOrThrow());
    expect(user).toMatchObject({ display_name: 'Lý Thị Hoa', clearance: 'confidential', must_change_password: 1 });
    const ev = await withCtx((ctx) => ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'users.created').where('entity_id', '=', String(user.id)).executeTakeFirstOrThrow());
    expect(ev.actor_name).toMatch(/^cli:/);
  });

  it('user add refuses an unknown clearance and a taken username with a clear message', async () => {
    expect((await vanphong(['user', 'add', '--username', 'x1', '--display-name', 'X', '--clearance', 'secretish'])).err).toContain('clearance must be one of');
    const taken = await vanphong(['user', 'add', '--username', 'hoa', '--display-name', 'Hoa 2']);
    expect(taken.code).toBe(1);
    expect(taken.err).toContain('users.username_taken');
  });

  it('user reset-password and disable act on the account and are audited', async () => {
    const reset = await vanphong(['user', 'reset-password', 'hoa', '--password', 'Mat-khau-moi-2026']);
    expect(reset.code).toBe(0);
    expect(reset.out).not.toContain('Mat-khau-moi-2026');
    expect((await vanphong(['user', 'disable', 'hoa'])).code).toBe(0);
    const actions = await withCtx(async (ctx) => (await ctx.db.selectFrom('audit_events').select('action').where('actor_name', 'like', 'cli:%').execute()).map((r) => r.action));
    expect(actions).toEqual(expect.arrayContaining(['users.created', 'users.password_reset', 'users.disabled']));
    expect((await vanphong(['user', 'disable', 'khong-co-ai'])).err).toContain('no user "khong-co-ai"');
  });

  it('search rebuild indexes the demo documents, search status reports them and the tools, all audited', async () => {
    const r = await vanphong(['search', 'rebuild']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Indexed incoming \d+, outgoing \d+, task \d+ in/);
    const counts = await withCtx(async (ctx) => ({
      entries: Number((await ctx.db.selectFrom('search_entries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      documents:
        Number((await ctx.db.selectFrom('incoming_documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) +
        Number((await ctx.db.selectFrom('outgoing_documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) +
        Number((await ctx.db.selectFrom('tasks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      audited: (await ctx.db.selectFrom('audit_events').select('action').where('action', '=', 'search.rebuilt').where('actor_name', 'like', 'cli:%').execute()).length,
    }));
    expect(counts.entries).toBe(counts.documents);
    expect(counts.entries).toBeGreaterThan(20);
    expect(counts.audited).toBe(1);
    const status = await vanphong(['search', 'status']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.out)).toMatchObject({ entries: counts.entries, tools: { pdftotext: true } });
  });
});
