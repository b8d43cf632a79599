import { sql } from 'kysely';
import { recordAudit, systemAuditContext } from '../audit/audit.ts';
import { registerCron, registerJobHandler } from './jobs.registry.ts';

let registered = false;

/** Platform jobs: housekeeping crons and a diagnostic echo used to prove exactly-once execution. */
export function registerBuiltInJobs(): void {
  if (registered) {
    return;
  }
  registered = true;

  // Sessions past their limits and throttle counters older than a day are kept one day, then removed.
  registerCron({ name: 'auth.purge', everyMinutes: 60 }, async ({ trx, ctx, job }) => {
    const dayAgo = new Date(ctx.clock.now().getTime() - 86_400_000).toISOString();
    const s = await trx.deleteFrom('sessions').where((eb) => eb.or([eb('revoked_at', '<', dayAgo), eb('last_seen_at', '<', dayAgo)])).executeTakeFirst();
    const f = await trx.deleteFrom('login_failures').where('at', '<', dayAgo).executeTakeFirst();
    await recordAudit(
      { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: systemAuditContext('jobs') },
      { action: 'auth.purged', entityType: 'job', entityId: job.id, details: { sessions: Number(s.numDeletedRows), loginFailures: Number(f.numDeletedRows) } },
    );
  });

  // SQLite keeps planner statistics fresh only when asked (PostgreSQL's autovacuum does it by itself).
  registerCron({ name: 'db.optimize', everyMinutes: 60 }, async ({ trx, ctx }) => {
    if (ctx.dbKind === 'sqlite') {
      await sql`pragma optimize`.execute(trx);
    }
  });

  registerJobHandler('system.echo', async ({ trx, ctx, job }) => {
    await recordAudit(
      { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: systemAuditContext('jobs') },
      { action: 'system.echo', entityType: 'job', entityId: job.id, details: job.payload },
    );
  });
}
