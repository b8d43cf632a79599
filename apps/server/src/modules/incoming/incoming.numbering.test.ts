import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { startServerProcess, type ServerProcess } from '../../../test/processes.ts';
import { createTestDatabase, testConfig, TEST_DB, type TestDatabase } from '../../../test/test-context.ts';
import { createContext, inTransaction, type AppContext } from '../../platform/context.ts';
import { seedDemo } from '../seed/seed.ts';
import { takeArrivalNumber } from './incoming.repository.ts';

/**
 * Issue 3 acceptance: arrival numbers are legal identifiers — 50 registrations sent at once into one
 * register give 50 distinct consecutive numbers, in one process and with two server processes on one
 * database; a registration that fails gives its number back (no gap).
 */
const doc = (i: number) => ({
  issuerName: 'Văn phòng Trung ương Đảng',
  notation: `${500 + i}-CV/VPTW`,
  documentDate: '2026-11-20',
  summary: `Công văn thử đồng thời số ${i}`,
});

async function numbersOf(ctx: Pick<AppContext, 'db'>, registerId: number) {
  const rows = await ctx.db.selectFrom('incoming_documents').select('arrival_number').where('register_id', '=', registerId).orderBy('arrival_number').execute();
  return rows.map((r) => r.arrival_number);
}

const consecutive = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe(`arrival numbers on ${TEST_DB}`, () => {
  let t: TestApp;
  let vanthu: Client;

  beforeAll(async () => {
    t = await createTestApp();
    vanthu = await t.login('vanthu');
  });
  afterAll(async () => t.cleanup());

  it('50 registrations at once get 50 distinct consecutive numbers', async () => {
    const before = (await vanthu.get('/api/incoming/form-defaults')).json().registers.find((r: { kind: string }) => r.kind === 'ordinary');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => vanthu.post('/api/incoming', doc(i))));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(201));
    const numbers = answers.map((a) => a.json().arrivalNumber as number).sort((a, b) => a - b);
    expect(numbers).toEqual(consecutive(before.nextNumber, 50));
    expect(await numbersOf(t.ctx, before.id)).toEqual(consecutive(1, before.nextNumber + 49));
  });

  it('a registration rolled back after taking its number gives it back', async () => {
    const reg = await t.ctx.db.selectFrom('incoming_registers').select(['id', 'last_number']).where('kind', '=', 'ordinary').executeTakeFirstOrThrow();
    await expect(
      inTransaction(t.ctx, async (trx) => {
        const n = await takeArrivalNumber(trx, reg.id);
        expect(n).toBe(reg.last_number + 1);
        throw new Error('crash after numbering');
      }),
    ).rejects.toThrow('crash after numbering');
    const after = await t.ctx.db.selectFrom('incoming_registers').select('last_number').where('id', '=', reg.id).executeTakeFirstOrThrow();
    expect(after.last_number).toBe(reg.last_number);
    const next = await vanthu.post('/api/incoming', doc(99));
    expect(next.json().arrivalNumber).toBe(reg.last_number + 1);
  });
});

describe(`arrival numbers with two server processes on one ${TEST_DB} database`, () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    ctx = await createContext({ config: testConfig(db) });
    await seedDemo(ctx, { nodeEnv: 'test' });
    const env = { DATA_DIR: db.dataDir, DATABASE_URL: db.url };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await ctx?.close();
    await db?.drop();
  });

  it('50 registrations split between the two processes get 50 distinct consecutive numbers', async () => {
    const sessions = await Promise.all(
      servers.map(async (s) => {
        const r = await fetch(`${s.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'vanthu', password: 'vanphong-demo' }),
        });
        expect(r.status).toBe(200);
        const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
        return { url: s.url, cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
      }),
    );
    const register = await ctx.db.selectFrom('incoming_registers').select(['id', 'last_number']).where('kind', '=', 'ordinary').orderBy('year', 'desc').executeTakeFirstOrThrow();
    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const s = sessions[i % 2]!;
        const r = await fetch(`${s.url}/api/incoming`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
          body: JSON.stringify(doc(i)),
        });
        return { status: r.status, body: (await r.json()) as { arrivalNumber: number; register: { id: number } } };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((a) => a.body.register.id))).toEqual(new Set([register.id]));
    const numbers = answers.map((a) => a.body.arrivalNumber).sort((a, b) => a - b);
    expect(numbers).toEqual(consecutive(register.last_number + 1, 50));
    expect(await numbersOf(ctx, register.id)).toEqual(consecutive(1, register.last_number + 50));
  });
});
