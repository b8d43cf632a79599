// Resident memory (VmRSS from /proc/<pid>/status) of the server process:
//   - right after /api/health first answers, and idle after a 5 s settle (with N generated people in the
//     database, not yet queried by the server);
//   - during 20 s of mixed load (GET /api/health and the authenticated GET /api/org/people?limit=50,
//     alternating on each connection), sampled every 250 ms → peak; and VmHWM;
//   - 10 s after the load stops.
// A forced GC is not possible from outside the process (no --expose-gc hook in the app), so the "after"
// figure includes garbage V8 has not collected yet and heap it keeps for reuse.
// For scale it also measures two idle baselines: bare `node` and `node` with tsx registered (tsx runs
// its module hooks in a separate worker thread, which stays alive for the life of the process).
// RSS is the server process itself; `children` lists its child processes (tsx starts an esbuild service
// process) with `totalMB` = process + children.
// Goal from the issue: < 150 MB idle.
//
//   node bench/memory.mjs [--n 20000] [--load-s 20] [--after-s 10] [--engines sqlite,postgres]
import { spawn } from 'node:child_process';
import { generatePeople, DEFAULT_N } from './generate-data.mjs';
import {
  ROOT,
  isMain,
  log,
  login,
  memoryOf,
  treeMemoryOf,
  parseArgs,
  printJson,
  runLoad,
  sleep,
  startServer,
  stopProcess,
  waitForRoute,
} from './lib.mjs';

export const GOAL_IDLE_MB = 150;

async function idleBaseline(args, settleMs = 3000) {
  const p = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  await sleep(settleMs);
  const m = treeMemoryOf(p.pid);
  await stopProcess(p, { graceMs: 2000 });
  return m;
}

export async function memory({
  n = DEFAULT_N,
  loadS = 20,
  afterS = 10,
  settleS = 5,
  connections = 50,
  engines = ['sqlite', 'postgres'],
} = {}) {
  const results = [];
  for (const engine of engines) {
    const s = await startServer({ engine });
    try {
      const atReady = treeMemoryOf(s.pid);
      await generatePeople({
        sqlitePath: s.sqlitePath,
        databaseUrl: engine === 'postgres' ? s.databaseUrl : null,
        n,
      });
      await sleep(settleS * 1000);
      const idle = treeMemoryOf(s.pid);
      log(`memory: ${engine}: at ready ${atReady.rssMB} MB, idle ${idle.rssMB} MB`);
      const { cookie } = await login(s.url);
      let listPath = '/api/org/people?limit=50';
      if ((await waitForRoute(s.url, listPath, cookie)).status === 404) {
        listPath = '/api/users?limit=50';
      }
      log(`memory: ${engine}: ${loadS}s mixed load`);
      const load = await runLoad({
        url: s.url,
        headers: { cookie },
        requests: [
          { method: 'GET', path: '/api/health' },
          { method: 'GET', path: listPath },
        ],
        duration: loadS,
        connections,
        pid: s.pid,
        label: `${engine} mixed`,
      });
      const afterLoad = memoryOf(s.pid);
      await sleep(afterS * 1000);
      const after = treeMemoryOf(s.pid);
      log(`memory: ${engine}: peak ${load.serverRssMB?.max} MB, ${afterS}s after ${after.rssMB} MB`);
      results.push({
        engine,
        atReady,
        idle,
        duringLoad: {
          peakSampledRssMB: load.serverRssMB?.max ?? null,
          vmHwmMB: afterLoad.peakRssMB,
          reqPerSec: load.reqPerSec,
          non2xx: load.non2xx,
          paths: load.path,
        },
        atLoadEnd: afterLoad,
        afterLoad: { ...after, secondsAfter: afterS },
      });
    } finally {
      await s.stop();
    }
  }
  const baselines = {
    bareNode: await idleBaseline(['-e', 'setInterval(() => {}, 1000)']),
    nodeWithTsxRegistered: await idleBaseline([
      '--input-type=module',
      '-e',
      "const { register } = await import('tsx/esm/api'); register(); setInterval(() => {}, 1000);",
    ]),
  };
  const sqlite = results.find((r) => r.engine === 'sqlite');
  return {
    benchmark: 'memory',
    people: n,
    goalIdleMB: GOAL_IDLE_MB,
    goalMet: sqlite ? sqlite.idle.rssMB < GOAL_IDLE_MB : null,
    results,
    baselines,
  };
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  printJson(
    await memory({
      n: a.n ?? DEFAULT_N,
      loadS: a['load-s'] ?? 20,
      afterS: a['after-s'] ?? 10,
      engines: String(a.engines ?? 'sqlite,postgres').split(','),
    }),
  );
}
