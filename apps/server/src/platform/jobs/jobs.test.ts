import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, fixedClock, type TestContext } from '../../../test/test-context.ts';
import { verifyAuditChain } from '../audit/audit.ts';
import { backoffMs, claimNextJob, cronSlotId, enqueueJob, markJobDone } from './jobs.queue.ts';
import { registerJobHandler } from './jobs.registry.ts';
import { startWorker, type Worker } from './jobs.worker.ts';

describe('the job queue', () => {
  const clock = fixedClock('2026-11-25T02:00:00.000Z');
  let t: TestContext;
  let worker: Worker;
  let flakyCalls = 0;

  beforeAll(async () => {
    t = await createTestContext({ clock });
    worker = startWorker(t.ctx, { autoStart: false });
    registerJobHandler('test.flaky', async () => {
      flakyCalls += 1;
      throw new Error('the remote side is down');
    });
    registerJobHandler('test.rollback', async ({ trx }) => {
      await trx.insertInto('settings').values({ key: 'test.rollback', value: '1', updated_at: 'x', updated_by: null }).execute();
      throw new Error('fails after writing');
    });
  });
  afterAll(async () => {
    await worker.stop();
    await t.cleanup();
  });

  const job = (id: string) => t.ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('enqueuing the same deterministic id twice keeps one job', async () => {
    const a = await enqueueJob(t.ctx.db, clock, { id: 'remind:incoming:7:2026-11-26', name: 'system.echo', payload: { n: 1 } });
    const b = await enqueueJob(t.ctx.db, clock, { id: 'remind:incoming:7:2026-11-26', name: 'system.echo', payload: { n: 2 } });
    expect([a.created, b.created]).toEqual([true, false]);
    expect(JSON.parse((await job(a.id)).payload)).toEqual({ n: 1 });
  });

  it('a due job runs once, in a transaction with its effect, and is marked done', async () => {
    await worker.tick();
    const j = await job('remind:incoming:7:2026-11-26');
    expect(j.status).toBe('done');
    expect(j.attempts).toBe(1);
    const echoes = await t.ctx.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'system.echo').execute();
    expect(echoes.map((e) => e.entity_id)).toEqual(['remind:incoming:7:2026-11-26']);
  });

  it('a job due later waits until its time', async () => {
    const { id } = await enqueueJob(t.ctx.db, clock, { name: 'system.echo', runAt: new Date(clock.now().getTime() + 3_600_000) });
    await worker.tick();
    expect((await job(id)).status).toBe('queued');
    clock.advance(3_600_000);
    await worker.tick();
    expect((await job(id)).status).toBe('done');
  });

  it('a failing job is retried with growing delays, then marked failed with the error', async () => {
    const { id } = await enqueueJob(t.ctx.db, clock, { name: 'test.flaky', maxAttempts: 3 });
    await worker.tick();
    let j = await job(id);
    expect(j.status).toBe('queued');
    expect(new Date(j.run_at).getTime() - clock.now().getTime()).toBe(backoffMs(1));
    clock.advance(backoffMs(1));
    await worker.tick();
    j = await job(id);
    expect(new Date(j.run_at).getTime() - clock.now().getTime()).toBe(backoffMs(2));
    clock.advance(backoffMs(2));
    await worker.tick();
    j = await job(id);
    expect(j.status).toBe('failed');
    expect(j.attempts).toBe(3);
    expect(j.last_error).toContain('remote side is down');
    expect(flakyCalls).toBe(3);
  });

  it('what a failing handler wrote is rolled back with it', async () => {
    await enqueueJob(t.ctx.db, clock, { name: 'test.rollback', maxAttempts: 1 });
    await worker.tick();
    expect(await t.ctx.db.selectFrom('settings').select('key').where('key', '=', 'test.rollback').executeTakeFirst()).toBeUndefined();
  });

  it('a cron slot has the same id in every process and runs once per period', async () => {
    const at = new Date('2026-11-25T03:17:00.000Z');
    expect(cronSlotId('auth.purge', 60, at).id).toBe('cron:auth.purge:2026-11-25T03:00:00.000Z');
    clock.set(at);
    await worker.tick();
    await worker.tick();
    const runs = await t.ctx.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'auth.purged').execute();
    expect(runs.filter((r) => r.entity_id === 'cron:auth.purge:2026-11-25T03:00:00.000Z')).toHaveLength(1);
  });

  it('a job left running by a dead process is picked up again after ten minutes', async () => {
    const { id } = await enqueueJob(t.ctx.db, clock, { name: 'system.echo' });
    await t.ctx.db.updateTable('jobs').set({ status: 'running', locked_by: 'dead-host:1', locked_at: clock.now().toISOString(), attempts: 1 }).where('id', '=', id).execute();
    await worker.tick();
    expect((await job(id)).status).toBe('running');
    clock.advance(11 * 60_000);
    await worker.tick();
    expect((await job(id)).status).toBe('done');
  });

  it('a worker whose job was handed to another worker cannot mark it done', async () => {
    const { id } = await enqueueJob(t.ctx.db, clock, { name: 'system.echo' });
    const claimed = await claimNextJob({ db: t.ctx.db, dialect: t.ctx.dialect, clock, workerId: 'slow-worker' });
    expect(claimed?.id).toBe(id);
    await t.ctx.db.updateTable('jobs').set({ locked_by: 'other-worker' }).where('id', '=', id).execute();
    await expect(markJobDone(t.ctx.db, clock, id, 'slow-worker')).rejects.toThrow('no longer owned');
    expect((await job(id)).status).toBe('running');
    await markJobDone(t.ctx.db, clock, id, 'other-worker');
    expect((await job(id)).status).toBe('done');
  });

  it('the audit chain written by jobs is intact', async () => {
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });
});
