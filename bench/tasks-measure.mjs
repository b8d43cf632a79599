// Latency of the task dashboard and the task list with filters over HTTP (issue 5 benchmarks), on the
// database bench/tasks-generate.mjs built, as the office leader `chanhvp` (acts for VPTU and the province:
// sees every task the province assigns) and as the unit account `bench_btc` (Ban Tổ chức Tỉnh ủy: only
// what it leads, co-handles or assigned):
//
//   nice -n 10 node bench/tasks-measure.mjs [--n 200000] [--engines sqlite,postgres] [--samples 40] [--warmup 5] [--only dashboard]
//
// A real `vanphong serve` process per engine on the existing data; requests one at a time (keep-alive),
// after `warmup` unmeasured ones per case; p50 / p95 / max of the wall time in ms, and the CPU time the
// server spent per request (the node process, plus the PostgreSQL backends of its database): on a
// machine shared with other benchmarks the wall time grows with the load, the CPU time much less. The
// load average and the machine are recorded with the results.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchPaths, DEFAULT_N } from './tasks-generate.mjs';
import { cpuMsOf, isMain, log, login, machineInfo, parseArgs, percentile, pgBackendWatcher, printJson, round, startServer } from './lib.mjs';

export const CASES = [
  { as: 'chanhvp', name: 'dashboard', path: '/api/tasks/dashboard' },
  { as: 'chanhvp', name: 'dashboard, with sub-tasks', path: '/api/tasks/dashboard?subtasks=true' },
  { as: 'chanhvp', name: 'dashboard, assigned in 2026', path: '/api/tasks/dashboard?from=2026-01-01&to=2026-12-31' },
  { as: 'chanhvp', name: 'list, overdue', path: '/api/tasks?status=overdue' },
  { as: 'chanhvp', name: 'list, one lead body, due in 2026', path: '/api/tasks?body=c1-a2&dueFrom=2026-01-01&dueTo=2026-12-31' },
  { as: 'chanhvp', name: 'list, top-level, in progress', path: '/api/tasks?topLevel=true&status=in_progress' },
  { as: 'chanhvp', name: 'list, text "quy hoach"', path: '/api/tasks?q=quy%20hoach' },
  { as: 'chanhvp', name: 'list, all (first page)', path: '/api/tasks' },
  { as: 'bench_btc', name: 'dashboard', path: '/api/tasks/dashboard' },
  { as: 'bench_btc', name: 'list, mine', path: '/api/tasks?box=mine' },
  { as: 'bench_btc', name: 'list, mine overdue', path: '/api/tasks?box=mine&status=overdue' },
  { as: 'bench_btc', name: 'list, all (first page)', path: '/api/tasks' },
];

async function timeCase(url, cookie, { samples, warmup, cpu }) {
  const times = [];
  let info = null;
  let cpu0 = new Map();
  for (let i = 0; i < warmup + samples; i++) {
    if (i === warmup) {
      cpu0 = await cpu();
    }
    const t0 = performance.now();
    const r = await fetch(url, { headers: { cookie } });
    const body = await r.text();
    const ms = performance.now() - t0;
    if (r.status !== 200) {
      throw new Error(`${url}: ${r.status} ${body.slice(0, 300)}`);
    }
    if (i >= warmup) {
      times.push(ms);
    }
    if (info === null) {
      const j = JSON.parse(body);
      info = j.total !== undefined ? { total: j.total } : j.totals ? { units: j.units.length, tasks: Object.values(j.totals).reduce((a, b) => a + b, 0) } : null;
    }
  }
  // Per process: a PostgreSQL backend that started meanwhile counts whole, one that ended is lost.
  const cpu1 = await cpu();
  let spent = 0;
  for (const [pid, ms] of cpu1) {
    spent += ms - (cpu0.get(pid) ?? 0);
  }
  const cpuMs = spent / samples;
  const s = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), max: round(s.at(-1)), cpuMsPerRequest: round(cpuMs), ...info };
}

export async function measureTasks({ n = DEFAULT_N, engines = ['sqlite', 'postgres'], samples = 40, warmup = 5, only = null } = {}) {
  const paths = benchPaths({ n });
  const out = { n, date: new Date().toISOString(), machine: machineInfo(), loadBefore: os.loadavg().map((x) => round(x, 2)), engines: {} };
  for (const engine of engines) {
    const server = await startServer(engine === 'sqlite' ? { engine, dataDir: paths.dataDir, seedDemo: false } : { engine, databaseUrl: paths.pgUrl, seedDemo: false });
    const watcher = engine === 'postgres' ? await pgBackendWatcher(paths.pgUrl) : null;
    /** CPU ms so far of the server and of each PostgreSQL backend of its database, by pid. */
    const cpu = async () => {
      const out = new Map([[server.pid, cpuMsOf(server.pid)]]);
      for (const pid of watcher ? await watcher.pids() : []) {
        try {
          out.set(pid, cpuMsOf(pid));
        } catch {
          // a backend that ended meanwhile
        }
      }
      return out;
    };
    try {
      const cookies = { chanhvp: (await login(server.url, 'chanhvp')).cookie, bench_btc: (await login(server.url, 'bench_btc')).cookie };
      const results = [];
      for (const c of CASES.filter((x) => only === null || `${x.as} ${x.name}`.includes(only))) {
        const r = await timeCase(`${server.url}${c.path}`, cookies[c.as], { samples, warmup, cpu });
        log(`${engine} ${c.as} ${c.name}: p50 ${r.p50} ms, p95 ${r.p95} ms, CPU ${r.cpuMsPerRequest} ms/request`);
        results.push({ as: c.as, case: c.name, path: c.path, ...r });
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
  printJson(await measureTasks({ n: args.n ?? DEFAULT_N, engines: String(args.engines ?? 'sqlite,postgres').split(','), samples: args.samples ?? 40, warmup: args.warmup ?? 5, only: args.only ?? null }));
}
