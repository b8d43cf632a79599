import type { Config } from './config.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { createContext, type AppContext } from './platform/context.ts';
import { buildApp } from './platform/http/app.ts';
import type { App } from './platform/http/types.ts';
import { isDatabaseEmptyOfOrganisation, seedDemo, seedReference } from './modules/seed/seed.ts';
import { startWorker, type Worker } from './platform/jobs/jobs.worker.ts';
import { startExtractionRunner } from './modules/search/search.extraction.ts';
import { ensureCalendarYears } from './modules/calendar/calendar.usecases.ts';
import { toVietnamDate } from './modules/calendar/calendar.workdays.ts';

export interface RunningServer {
  app: App;
  ctx: AppContext;
  worker: Worker | null;
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts one process: migrations, reference data, optional demo data on an empty database, HTTP, jobs.
 * Stops gracefully: no new connections, in-flight requests and the running job finish, then the pool closes.
 */
export async function startServer({
  config,
  clock = systemClock,
  seedDemoIfEmpty = false,
  listen = true,
}: {
  config: Config;
  clock?: Clock;
  seedDemoIfEmpty?: boolean;
  listen?: boolean;
}): Promise<RunningServer> {
  const ctx = await createContext({ config, clock });
  await seedReference(ctx);
  // Spec §9: the statutory holidays of this year and the next are proposed (unconfirmed) when a year has
  // none yet, so deadline maths never runs on an empty calendar; the admin edits and confirms them.
  const thisYear = Number(toVietnamDate(clock.now()).slice(0, 4));
  await ensureCalendarYears(ctx, [thisYear, thisYear + 1]);
  if (seedDemoIfEmpty && config.nodeEnv !== 'production' && (await isDatabaseEmptyOfOrganisation(ctx))) {
    const { users, password } = await seedDemo(ctx, { nodeEnv: config.nodeEnv });
    process.stdout.write(`Dữ liệu mẫu đã tạo — demo data created. Users: ${users.join(', ')}; password: ${password}\n`);
  }
  const app = await buildApp(ctx);
  const worker = config.processMode === 'web' ? null : startWorker(ctx);
  // Text extraction (OCR) runs beside the job worker, outside any transaction (search.extraction.ts).
  const extraction = config.processMode === 'web' ? null : startExtractionRunner(ctx);
  let url = '';
  if (listen && config.processMode !== 'worker') {
    url = await app.listen({ port: config.port, host: config.host });
  } else {
    await app.ready();
  }
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await worker?.stop();
      await extraction?.stop();
      await ctx.close();
    })());
  return { app, ctx, worker, url, stop };
}
