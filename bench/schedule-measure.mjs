// Latency of the week view, the month view and the programme board over HTTP (issue 6 benchmarks), on
// the database bench/schedule-generate.mjs built (ten years of demo-scale programmes and schedules), as
// the provincial secretary `bithu` (schedule.view: the published week) and the office chief `chanhvp`
// (schedule.manage: the working copy with drafts):
//
//   nice -n 10 node bench/schedule-measure.mjs [--years 10] [--engines sqlite,postgres] [--samples 40] [--warmup 5] [--only board]
//
// A real `vanphong serve` process per engine on the existing data; requests one at a time (keep-alive),
// after `warmup` unmeasured ones per case; each sample asks for another week, month or year of the span
// (a fixed walk, the same on both engines). p50 / p95 / max of the wall time in ms, and the CPU time
// the server spent per request (the node process, plus the PostgreSQL backends of its database). The
// load average and the machine are recorded with the results.
// (Replaces apps/server/src/modules/schedule/schedule.bench.ts, which measured in-process with inject.)
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchPaths, DEFAULT_YEARS, isoWeekOf, vnToday } from './schedule-generate.mjs';
import { cpuMsOf, isMain, log, login, machineInfo, parseArgs, percentile, pgBackendWatcher, printJson, round, startServer } from './lib.mjs';

const DAY = 86_400_000;
const pad = (n) => String(n).padStart(2, '0');

/** The cases; `paths(k)` answers the k-th sample's path (walking the span). */
export function cases({ years, today }) {
  const thisYear = Number(today.slice(0, 4));
  const first = Date.UTC(thisYear - years + 1, 0, 8);
  const span = Math.floor((Date.parse(`${today}T00:00:00Z`) - first) / DAY / 7);
  const week = (k) => isoWeekOf(first + ((k * 37) % span) * 7 * DAY);
  const month = (k) => `${thisYear - years + 1 + (k % years)}-${pad(1 + ((k * 5) % 12))}`;
  const year = (k) => thisYear - years + 1 + ((k * 3) % years);
  return [
    { as: 'bithu', name: 'week, reader (published)', paths: (k) => `/api/schedule/weeks/${week(k)}` },
    { as: 'chanhvp', name: 'week, working copy (draft=true)', paths: (k) => `/api/schedule/weeks/${week(k)}?draft=true` },
    { as: 'bithu', name: 'week, last week (reader)', paths: () => `/api/schedule/weeks/${isoWeekOf(Date.parse(`${today}T00:00:00Z`) - 7 * DAY)}` },
    { as: 'bithu', name: 'month, reader', paths: (k) => `/api/schedule/months/${month(k)}` },
    { as: 'chanhvp', name: 'month, working copy (draft=true)', paths: (k) => `/api/schedule/months/${month(k)}?draft=true` },
    { as: 'bithu', name: 'programme board, a year', paths: (k) => `/api/programmes/board?year=${year(k)}` },
    { as: 'chanhvp', name: 'programme board, a year', paths: (k) => `/api/programmes/board?year=${year(k)}` },
    { as: 'chanhvp', name: 'programme board, this year', paths: () => `/api/programmes/board?year=${thisYear}` },
  ];
}

async function timeCase(baseUrl, paths, cookie, { samples, warmup, cpu }) {
  const times = [];
  let info = null;
  let cpu0 = new Map();
  for (let i = 0; i < warmup + samples; i++) {
    if (i === warmup) {
      cpu0 = await cpu();
    }
    const t0 = performance.now();
    const r = await fetch(`${baseUrl}${paths(i)}`, { headers: { cookie } });
    const body = await r.text();
    const ms = performance.now() - t0;
    if (r.status !== 200) {
      throw new Error(`${paths(i)}: ${r.status} ${body.slice(0, 300)}`);
    }
    if (i >= warmup) {
      times.push(ms);
    }
    if (info === null) {
      const j = JSON.parse(body);
      info = j.bodies
        ? { programmes: j.bodies.reduce((a, b) => a + b.programmes.length, 0) }
        : Array.isArray(j.events)
          ? { events: j.events.length }
          : Array.isArray(j.days)
            ? { days: j.days.length }
            : { keys: Object.keys(j).slice(0, 6).join(',') };
      info.bytes = body.length;
    }
  }
  const cpu1 = await cpu();
  let spent = 0;
  for (const [pid, ms] of cpu1) {
    spent += ms - (cpu0.get(pid) ?? 0);
  }
  const s = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), max: round(s.at(-1)), cpuMsPerRequest: round(spent / samples), firstAnswer: info };
}

export async function measureSchedule({ years = DEFAULT_YEARS, engines = ['sqlite', 'postgres'], samples = 40, warmup = 5, only = null } = {}) {
  const paths = benchPaths({ years });
  const today = vnToday();
  const out = { years, date: new Date().toISOString(), machine: machineInfo(), loadBefore: os.loadavg().map((x) => round(x, 2)), engines: {} };
  for (const engine of engines) {
    const server = await startServer(engine === 'sqlite' ? { engine, dataDir: paths.dataDir, seedDemo: false } : { engine, databaseUrl: paths.pgUrl, seedDemo: false });
    const watcher = engine === 'postgres' ? await pgBackendWatcher(paths.pgUrl) : null;
    const cpu = async () => {
      const m = new Map([[server.pid, cpuMsOf(server.pid)]]);
      for (const pid of watcher ? await watcher.pids() : []) {
        try {
          m.set(pid, cpuMsOf(pid));
        } catch {
          // a backend that ended meanwhile
        }
      }
      return m;
    };
    try {
      const cookies = { bithu: (await login(server.url, 'bithu')).cookie, chanhvp: (await login(server.url, 'chanhvp')).cookie };
      const results = [];
      for (const c of cases({ years, today }).filter((x) => only === null || `${x.as} ${x.name}`.includes(only))) {
        const r = await timeCase(server.url, c.paths, cookies[c.as], { samples, warmup, cpu });
        log(`${engine} ${c.as} ${c.name}: p50 ${r.p50} ms, p95 ${r.p95} ms, CPU ${r.cpuMsPerRequest} ms/request`);
        results.push({ as: c.as, case: c.name, example: c.paths(0), ...r });
      }
      out.engines[engine] = { load: os.loadavg().map((x) => round(x, 2)), results };
    } finally {
      await watcher?.close();
      await server.stop({ keepData: true });
    }
  }
  out.loadAfter = os.loadavg().map((x) => round(x, 2));
  return out;
}

if (isMain(import.meta.url)) {
  const args = parseArgs();
  printJson(await measureSchedule({ years: args.years ?? DEFAULT_YEARS, engines: String(args.engines ?? 'sqlite,postgres').split(','), samples: args.samples ?? 40, warmup: args.warmup ?? 5, only: args.only ?? null }));
}
