/**
 * A worker process for tasks.reminders.test.ts: opens the test database (DATA_DIR / DATABASE_URL), sets
 * the fake clock to FAKE_NOW, prints "ready", waits for "go" on stdin, then runs the reminder pass
 * PASSES times — through the job worker (the cron slot) and directly — and prints what it took as JSON.
 * Not a test itself; spawned twice at once to show each (task, slot) fires once across processes.
 */
import { loadConfig } from '../../config.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createContext } from '../../platform/context.ts';
import { startWorker } from '../../platform/jobs/jobs.worker.ts';
import { registerTaskReminders, sendTaskReminders } from './tasks.reminders.ts';

const env = process.env;
const clock = fixedClock(env.FAKE_NOW ?? '2026-11-25T02:00:00.000Z');
const ctx = await createContext({ config: loadConfig({ NODE_ENV: 'test', DATA_DIR: env.DATA_DIR ?? '', DATABASE_URL: env.DATABASE_URL ?? '' }), clock });
registerTaskReminders();
const worker = startWorker(ctx, { autoStart: false });
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
// Nothing more comes on stdin: let it go, so the process ends when its work does.
process.stdin.destroy();
let slots = 0;
let notifications = 0;
let errors = 0;
for (let i = 0; i < Number(env.PASSES ?? 5); i++) {
  try {
    // Directly first (both processes race on the same slots), then through the job worker.
    const r = await ctx.db.transaction().execute((trx) => sendTaskReminders(trx, clock));
    slots += r.slots;
    notifications += r.notifications;
    await worker.tick();
  } catch (err) {
    errors += 1;
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  }
}
await worker.stop();
await ctx.close();
process.stdout.write(`${JSON.stringify({ slots, notifications, errors })}\n`);
