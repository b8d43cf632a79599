import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-context.ts';
import { BIN } from '../../../test/processes.ts';
import { seedDemo } from '../../modules/seed/seed.ts';
import { recordAudit, systemAuditContext, verifyAuditChain } from './audit.ts';
import { canonicalJson } from './audit.canonical.ts';

const run = promisify(execFile);

async function cli(t: TestContext, args: string[]) {
  try {
    const r = await run(process.execPath, [BIN, ...args], { env: { ...process.env, NODE_ENV: 'test', DATA_DIR: t.db.dataDir, DATABASE_URL: t.db.url } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('the audit trail is a hash chain that names the first altered row', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await seedDemo(t.ctx, { nodeEnv: 'test' });
    for (let i = 0; i < 5; i += 1) {
      await t.ctx.db.transaction().execute((trx) =>
        recordAudit({ trx, dialect: t.ctx.dialect, clock: t.ctx.clock, ctx: systemAuditContext('test') }, { action: 'test.event', entityType: 'test', entityId: i, details: { i, text: 'Đảng ủy xã Tân Phú' } }),
      );
    }
  });
  afterAll(async () => t.cleanup());

  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('an untouched chain verifies, from the CLI too', async () => {
    // Every row: the seed's events (reference data, demo, calendars, demo documents…) and the five test events.
    const rows = Number((await t.ctx.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(rows).toBeGreaterThan(5);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true, checked: rows });
    const r = await cli(t, ['audit', 'verify']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${rows} rows verified`);
  });

  it('changing one row directly in the database makes `vanphong audit verify` fail and name that row', async () => {
    const victim = await t.ctx.db.selectFrom('audit_events').select(['id', 'seq']).where('action', '=', 'test.event').orderBy('seq').offset(2).limit(1).executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('audit_events').set({ details: '{"i":99}' }).where('id', '=', victim.id).execute();
    const r = await verifyAuditChain(t.ctx.db);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ id: victim.id, seq: victim.seq, reason: 'content does not match its hash' });
    const c = await cli(t, ['audit', 'verify']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(`row id=${victim.id} seq=${victim.seq}`);
  });

  it('deleting the newest rows is detected through the head', async () => {
    const t2 = await createTestContext();
    try {
      for (let i = 0; i < 3; i += 1) {
        await t2.ctx.db.transaction().execute((trx) =>
          recordAudit({ trx, dialect: t2.ctx.dialect, clock: t2.ctx.clock, ctx: systemAuditContext('test') }, { action: 'test.event', entityType: 'test' }),
        );
      }
      await t2.ctx.db.deleteFrom('audit_events').where('seq', '=', 3).execute();
      const r = await verifyAuditChain(t2.ctx.db);
      expect(r.ok).toBe(false);
      expect(r.firstBroken?.reason).toContain('removed');
    } finally {
      await t2.cleanup();
    }
  });

  it('an event recorded in a transaction that rolls back leaves no trace', async () => {
    const before = await verifyAuditChain(t.ctx.db);
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await recordAudit({ trx, dialect: t.ctx.dialect, clock: t.ctx.clock, ctx: systemAuditContext('test') }, { action: 'test.rolled_back', entityType: 'test' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await t.ctx.db.selectFrom('audit_events').select('id').where('action', '=', 'test.rolled_back').execute();
    expect(rows).toHaveLength(0);
    expect((await verifyAuditChain(t.ctx.db)).checked).toBe(before.checked);
  });
});
