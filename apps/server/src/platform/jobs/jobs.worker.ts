import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { claimNextJob, cronSlotId, enqueueJob, markJobDone, markJobFailed, requeueStaleJobs } from './jobs.queue.ts';
import { cronDefs, jobHandler } from './jobs.registry.ts';
import { registerBuiltInJobs } from './jobs.builtin.ts';

export interface Worker {
  id: string;
  /** Runs one pass now (enqueue due cron slots, run every due job); used by tests and the CLI. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

const STALE_MS = 10 * 60_000;

export function startWorker(ctx: AppContext, { autoStart = true } = {}): Worker {
  registerBuiltInJobs();
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  const runOne = async (): Promise<boolean> => {
    const job = await claimNextJob({ db: ctx.db, dialect: ctx.dialect, clock: ctx.clock, workerId: id });
    if (!job) {
      return false;
    }
    const handler = jobHandler(job.name);
    try {
      if (!handler) {
        throw new Error(`no handler for job ${job.name}`);
      }
      await ctx.db.transaction().execute(async (trx) => {
        await handler({ trx, ctx, job: { id: job.id, name: job.name, payload: JSON.parse(job.payload), attempt: job.attempts } });
        await markJobDone(trx, ctx.clock, job.id, id);
      });
    } catch (err) {
      await markJobFailed(ctx.db, ctx.clock, job, err instanceof Error ? err.message : String(err));
    }
    return true;
  };

  const tick = async (): Promise<number> => {
    const now = ctx.clock.now();
    for (const c of cronDefs()) {
      const slot = cronSlotId(c.name, c.everyMinutes, now);
      await enqueueJob(ctx.db, ctx.clock, { id: slot.id, name: c.name, payload: { slot: slot.slotStart.toISOString() }, runAt: slot.slotStart });
    }
    await requeueStaleJobs(ctx.db, ctx.clock, STALE_MS);
    let ran = 0;
    while (!stopped && (await runOne())) {
      ran += 1;
    }
    return ran;
  };

  const loop = () => {
    if (stopped) {
      return;
    }
    running = tick().catch(() => 0);
    void running.finally(() => {
      running = null;
      if (!stopped) {
        timer = setTimeout(loop, ctx.config.jobsPollMs);
      }
    });
  };
  if (autoStart) {
    timer = setTimeout(loop, 50);
  }

  return {
    id,
    tick: () => (running ??= tick().finally(() => (running = null))),
    stop: async () => {
      stopped = true;
      if (timer) {
        clearTimeout(timer);
      }
      await running;
    },
  };
}
