import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Dialect } from '../db/dialect.ts';
import type { Database, JobsTable } from '../db/schema.ts';

type Db = Kysely<Database>;

export interface EnqueueInput {
  name: string;
  payload?: Record<string, unknown>;
  /** Deterministic id for jobs that must exist once (cron slots, "remind about X on day D"); random otherwise. */
  id?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Adds a job; with a deterministic id a second enqueue of the same job is a no-op, which is what makes
 * cron slots run once however many processes enqueue them. Pass the caller's transaction so the job
 * exists only if the change that asked for it commits.
 */
export async function enqueueJob(db: Db, clock: Clock, input: EnqueueInput): Promise<{ id: string; created: boolean }> {
  const now = clock.now().toISOString();
  const id = input.id ?? `job:${randomUUID()}`;
  const r = await db
    .insertInto('jobs')
    .values({
      id,
      name: input.name,
      payload: JSON.stringify(input.payload ?? {}),
      status: 'queued',
      attempts: 0,
      max_attempts: input.maxAttempts ?? 5,
      run_at: (input.runAt ?? clock.now()).toISOString(),
      locked_by: null,
      locked_at: null,
      last_error: null,
      created_at: now,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return { id, created: Number(r.numInsertedOrUpdatedRows ?? 0) > 0 };
}

/** Claims the next due job for this worker: `FOR UPDATE SKIP LOCKED` on PostgreSQL, single writer on SQLite. */
export async function claimNextJob({
  db,
  dialect,
  clock,
  workerId,
}: {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  workerId: string;
}): Promise<JobsTable | null> {
  const now = clock.now().toISOString();
  const next = dialect.skipLocked(
    db.selectFrom('jobs').select('id').where('status', '=', 'queued').where('run_at', '<=', now).orderBy('run_at').orderBy('id').limit(1),
  );
  const row = await db
    .updateTable('jobs')
    .set((eb) => ({ status: 'running', locked_by: workerId, locked_at: now, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', next)
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/** Exponential backoff: 10 s, 20 s, 40 s … capped at one hour. */
export const backoffMs = (attempts: number): number => Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));

/**
 * Marks the job done only if this worker still owns it. A handler that outlived the stale timeout may
 * have been handed to another worker; then this one's transaction must roll back, not finish twice.
 */
export async function markJobDone(db: Db, clock: Clock, id: string, workerId: string): Promise<void> {
  const r = await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: clock.now().toISOString(), last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) {
    throw new Error(`job ${id} is no longer owned by ${workerId}`);
  }
}

export async function markJobFailed(db: Db, clock: Clock, job: JobsTable, error: string): Promise<'retry' | 'failed'> {
  const now = clock.now();
  const retry = job.attempts < job.max_attempts;
  await db
    .updateTable('jobs')
    .set({
      status: retry ? 'queued' : 'failed',
      run_at: retry ? new Date(now.getTime() + backoffMs(job.attempts)).toISOString() : job.run_at,
      finished_at: retry ? null : now.toISOString(),
      locked_by: null,
      last_error: error.slice(0, 2000),
    })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', job.locked_by ?? '')
    .execute();
  return retry ? 'retry' : 'failed';
}

/** A job left "running" by a process that died goes back to the queue after `staleMs`. */
export async function requeueStaleJobs(db: Db, clock: Clock, staleMs: number): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - staleMs).toISOString();
  const r = await db
    .updateTable('jobs')
    .set({ status: 'queued', locked_by: null })
    .where('status', '=', 'running')
    .where('locked_at', '<', cutoff)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The id of a cron slot: the same in every process for the same period, so the slot runs once. */
export function cronSlotId(name: string, everyMinutes: number, now: Date): { id: string; slotStart: Date } {
  const period = everyMinutes * 60_000;
  const slotStart = new Date(Math.floor(now.getTime() / period) * period);
  return { id: `cron:${name}:${slotStart.toISOString()}`, slotStart };
}
