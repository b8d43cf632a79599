import type { AppContext, Trx } from '../context.ts';

export interface JobRun {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  attempt: number;
}

/**
 * A handler runs inside one transaction together with the job's "done" mark, so its database effects
 * happen exactly once; handlers with outside effects (files, mail) must be idempotent by job id.
 */
export type JobHandler = (args: { trx: Trx; ctx: AppContext; job: JobRun }) => Promise<void>;

export interface CronDef {
  name: string;
  everyMinutes: number;
}

const handlers = new Map<string, JobHandler>();
const crons: CronDef[] = [];

export function registerJobHandler(name: string, handler: JobHandler): void {
  handlers.set(name, handler);
}

export function registerCron(def: CronDef, handler: JobHandler): void {
  registerJobHandler(def.name, handler);
  if (!crons.some((c) => c.name === def.name)) {
    crons.push(def);
  }
}

export const jobHandler = (name: string): JobHandler | undefined => handlers.get(name);
export const cronDefs = (): readonly CronDef[] => crons;
