import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { startServerProcess, type ServerProcess } from '../../../test/processes.ts';
import { createTestDatabase, testConfig, TEST_DB, type TestDatabase } from '../../../test/test-context.ts';
import { systemAuditContext } from '../../platform/audit/audit.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createContext, inTransaction, type AppContext } from '../../platform/context.ts';
import { actorOf } from '../seed/seed.incoming.ts';
import { seedDemo } from '../seed/seed.ts';
import { issueDocument } from './outgoing.issue.ts';
import { gapsOf, takeNumber } from './outgoing.numbering.ts';
import { productionFor } from './outgoing.production.ts';
import { HD, signedDocuments } from './outgoing.test-support.ts';

/**
 * Issue 4 acceptance: outgoing numbers are legal identifiers. Per type per term; a new term restarts at
 * 01; 50 issues at once (one process, and two server processes on one database) give 50 distinct
 * consecutive numbers; a failure in the middle of issuing rolls back whole or leaves the consumed number
 * visible in the gap report — and issuing again finishes with that same number.
 */
const consecutive = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

async function seriesOf(ctx: Pick<AppContext, 'db'>, typeId: number) {
  return ctx.db.selectFrom('outgoing_series').selectAll().where('document_type_id', '=', typeId).orderBy('id', 'desc').executeTakeFirstOrThrow();
}

describe(`outgoing numbers on ${TEST_DB}`, () => {
  let t: TestApp;
  let vanthu: Client;
  const clock = fixedClock(new Date('2026-11-25T03:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    vanthu = await t.login('vanthu');
  });
  afterAll(async () => t.cleanup());

  it('50 issues at once get 50 distinct consecutive numbers, and the gap report is empty', async () => {
    const ids = await signedDocuments(t.ctx, 50);
    const answers = await Promise.all(ids.map((id) => vanthu.post(`/api/outgoing/${id}/issue`, { version: 5 })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(200));
    const numbers = answers.map((a) => a.json().number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(consecutive(1, 50));
    expect(new Set(answers.map((a) => a.json().notation)).size).toBe(50);
    expect(answers.map((a) => a.json().notation)).toContain('01-HD/TU');
    const series = await seriesOf(t.ctx, HD);
    expect(series.last_number).toBe(50);
    expect(await gapsOf(t.ctx.db, series.id)).toEqual({ lastNumber: 50, issued: 50, gaps: [] });
  }, 120_000);

  it('issuing twice is refused and changes nothing', async () => {
    const [id] = await signedDocuments(t.ctx, 1);
    const first = await vanthu.post(`/api/outgoing/${id}/issue`, { version: 5 });
    expect(first.statusCode).toBe(200);
    const again = await vanthu.post(`/api/outgoing/${id}/issue`, { version: 7 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('outgoing.invalid_transition');
    expect((await seriesOf(t.ctx, HD)).last_number).toBe(first.json().number);
  });

  it('a crash inside the numbering transaction rolls back whole: the number is given back', async () => {
    const series = await seriesOf(t.ctx, HD);
    await expect(
      inTransaction(t.ctx, async (trx) => {
        expect(await takeNumber(trx, series.id)).toBe(series.last_number + 1);
        throw new Error('crash after numbering');
      }),
    ).rejects.toThrow('crash after numbering');
    expect((await seriesOf(t.ctx, HD)).last_number).toBe(series.last_number);
  });

  it('a failure after the number was taken leaves it visible in the gap report; issuing again finishes with the same number', async () => {
    const [id] = await signedDocuments(t.ctx, 1);
    const by = { actor: await actorOf(t.ctx, 'vanthu'), audit: systemAuditContext('test') };
    const broken = { ...productionFor(t.ctx), sealPdf: async () => Promise.reject(new Error('HSM unplugged')) };
    await expect(issueDocument(t.ctx, by, id!, { version: 5 }, broken)).rejects.toThrow('HSM unplugged');
    const doc = await t.ctx.db.selectFrom('outgoing_documents').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
    expect(doc.status).toBe('issuing');
    const series = await seriesOf(t.ctx, HD);
    const gaps = await gapsOf(t.ctx.db, series.id);
    expect(gaps.gaps).toEqual([expect.objectContaining({ number: doc.number, state: 'consumed', documentId: id })]);
    const retry = await vanthu.post(`/api/outgoing/${id}/issue`, { version: doc.version });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json().number).toBe(doc.number);
    expect((await gapsOf(t.ctx.db, series.id)).gaps).toEqual([]);
  });

  it('a reserved number is used by the paper-signed document it was kept for; a void one stays in the gap report with its reason', async () => {
    const reserve = (reason: string) => vanthu.post('/api/outgoing/numbers/reserve', { issuerCommitteeId: 1, documentTypeId: HD, reason });
    const kept = await reserve('Hướng dẫn ký giấy tại hội nghị');
    expect(kept.statusCode, kept.body).toBe(201);
    const dropped = await reserve('Dự kiến ban hành, sau đó không ban hành');
    const v = await vanthu.post(`/api/outgoing/numbers/${dropped.json().id}/void`, { reason: 'Không ban hành' });
    expect(v.statusCode).toBe(204);
    expect((await vanthu.post(`/api/outgoing/numbers/${dropped.json().id}/void`, { reason: 'lần nữa' })).statusCode).toBe(409);
    const [id] = await signedDocuments(t.ctx, 1);
    const issued = await vanthu.post(`/api/outgoing/${id}/issue`, { version: 5, reservedNumberId: kept.json().id });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ number: kept.json().number, notation: kept.json().notation });
    const series = await seriesOf(t.ctx, HD);
    const gaps = (await vanthu.get(`/api/outgoing/series/${series.id}/gaps`)).json();
    expect(gaps.gaps).toEqual([expect.objectContaining({ number: dropped.json().number, state: 'void', reason: expect.stringContaining('Không ban hành') })]);
  });

  it('issuing later than the working day after signing is allowed but said (spec §4)', async () => {
    clock.set(new Date('2026-11-27T03:00:00Z')); // signed on Friday 27/11
    try {
      const [onMonday, onTuesday] = await signedDocuments(t.ctx, 2);
      clock.set(new Date('2026-11-30T03:00:00Z'));
      vanthu = await t.login('vanthu');
      const monday = await vanthu.post(`/api/outgoing/${onMonday}/issue`, { version: 5 });
      expect(monday.json().warnings).toEqual([]);
      clock.set(new Date('2026-12-01T03:00:00Z'));
      vanthu = await t.login('vanthu');
      const tuesday = await vanthu.post(`/api/outgoing/${onTuesday}/issue`, { version: 5 });
      expect(tuesday.statusCode, tuesday.body).toBe(200);
      expect(tuesday.json().warnings).toEqual([expect.objectContaining({ code: 'outgoing.issued_late' })]);
    } finally {
      clock.set(new Date('2026-11-25T03:00:00Z'));
      vanthu = await t.login('vanthu');
    }
  }, 90_000);

  it('a new term restarts every type at 01', async () => {
    const before = await t.ctx.db.selectFrom('terms').select(['id', 'ordinal']).where('committee_id', '=', 1).orderBy('ordinal', 'desc').executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('terms').set({ ends_on: '2030-10-19' }).where('id', '=', before.id).execute();
    await t.ctx.db.insertInto('terms').values({ committee_id: 1, ordinal: before.ordinal + 1, label: 'Nhiệm kỳ 2030–2035', congress_closed_on: '2030-10-19', first_plenum_during_congress_on: null, starts_on: '2030-10-20', ends_on: null }).execute();
    clock.set(new Date('2030-11-05T03:00:00Z'));
    try {
      vanthu = await t.login('vanthu');
      const [id] = await signedDocuments(t.ctx, 1);
      const r = await vanthu.post(`/api/outgoing/${id}/issue`, { version: 5 });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ number: 1, notation: '01-HD/TU', issuedOn: '2030-11-05' });
    } finally {
      clock.set(new Date('2026-11-25T03:00:00Z'));
      vanthu = await t.login('vanthu');
    }
  });
});

describe(`outgoing numbers with two server processes on one ${TEST_DB} database`, () => {
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

  it('50 issues split between the two processes get 50 distinct consecutive numbers', async () => {
    const ids = await signedDocuments(ctx, 50);
    const sessions = await Promise.all(
      servers.map(async (s) => {
        const r = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'vanthu', password: 'vanphong-demo' }) });
        expect(r.status).toBe(200);
        return { url: s.url, cookie: (r.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
      }),
    );
    const answers = await Promise.all(
      ids.map(async (id, i) => {
        const s = sessions[i % 2]!;
        const r = await fetch(`${s.url}/api/outgoing/${id}/issue`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf }, body: JSON.stringify({ version: 5 }) });
        return { status: r.status, body: (await r.json()) as { number: number } };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    expect(answers.map((a) => a.body.number).sort((a, b) => a - b)).toEqual(consecutive(1, 50));
    const series = await seriesOf(ctx, HD);
    expect(await gapsOf(ctx.db, series.id)).toEqual({ lastNumber: 50, issued: 50, gaps: [] });
    const docs = await ctx.db.selectFrom('outgoing_documents').select(['number']).where('document_type_id', '=', HD).where('status', '=', 'issued').execute();
    expect(new Set(docs.map((d) => d.number)).size).toBe(50);
  }, 180_000);
});
