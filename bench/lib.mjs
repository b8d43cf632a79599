// Shared helpers for the benchmark scripts: a real `vanphong serve` process on a free port with a fresh
// SQLite data dir or a freshly created PostgreSQL database, health wait, login, RSS, load generation
// (autocannon's programmatic API) and small statistics. No app code is imported: the server is measured
// from the outside, exactly as it runs in production (`node apps/server/bin/vanphong.mjs serve`).
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'apps/server/bin/vanphong.mjs');
export const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

/** Admin connection used to create and drop the per-run PostgreSQL databases (trust auth). */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEMO_PASSWORD = 'vanphong-demo';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True when the calling module was started directly (`node bench/x.mjs`), not imported by run-all. */
export const isMain = (metaUrl) =>
  process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === metaUrl;

/** `--name value` / `--flag` parser; numbers are converted. */
export function parseArgs(argv = process.argv.slice(2)) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      continue;
    }
    const [k, inline] = a.slice(2).split('=', 2);
    const next = argv[i + 1];
    const v =
      inline !== undefined ? inline : next !== undefined && !next.startsWith('--') ? (i++, next) : true;
    out[k] = typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v;
  }
  return out;
}

export const printJson = (obj) => process.stdout.write(`${JSON.stringify(obj, null, 2)}\n`);
/** Progress goes to stderr so stdout stays pure JSON. */
export const log = (...a) => process.stderr.write(`[bench] ${a.join(' ')}\n`);

// ---------------------------------------------------------------------------------------------------
// statistics

export const round = (x, d = 1) =>
  x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d;
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const max = (xs) => (xs.length ? Math.max(...xs) : null);
export const min = (xs) => (xs.length ? Math.min(...xs) : null);
/** Nearest-rank percentile of an already sorted array. */
export const percentile = (sorted, p) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
    : null;

// ---------------------------------------------------------------------------------------------------
// ports, databases

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export function tmpDir(prefix = 'vp-bench-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Creates `vp_bench_<random>` on the local PostgreSQL; `drop()` removes it (terminating leftovers). */
export async function createPgDatabase() {
  const pg = requireFromRoot('pg');
  const name = `vp_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: u.toString(),
    async drop() {
      if (dropped) {
        return;
      }
      dropped = true;
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// server process

/** One GET over a fresh connection; resolves { status, body } or rejects (connection refused while starting). */
export function httpGet(url, { headers = {}, timeoutMs = 2000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** Polls /api/health until it answers 200; resolves the time (performance.now()) of that answer. */
export async function waitForHealth(baseUrl, { timeoutMs = 120_000, intervalMs = 10, proc = null } = {}) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (proc && proc.exitCode !== null) {
      throw new Error(`server exited with code ${proc.exitCode} before /api/health answered`);
    }
    try {
      const r = await httpGet(`${baseUrl}/api/health`, { timeoutMs: 1000 });
      if (r.status === 200) {
        return performance.now();
      }
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      throw new Error(`/api/health did not answer 200 within ${timeoutMs} ms`);
    }
    await sleep(intervalMs);
  }
}

/**
 * Spawns `node apps/server/bin/vanphong.mjs serve [--seed-demo-if-empty]` on a free port.
 * engine 'sqlite': a fresh DATA_DIR (or `dataDir`); engine 'postgres': a fresh `vp_bench_*` database
 * (or `databaseUrl`). The spawned pid IS the server (tsx is registered in-process by the bin script).
 * Logs (pino JSON, LOG_LEVEL default `info` like production) go to a file, never to a pipe that could block.
 */
export async function startServer({
  engine = 'sqlite',
  dataDir = null,
  databaseUrl = null,
  seedDemo = true,
  logLevel = process.env.BENCH_LOG_LEVEL ?? 'info',
  env = {},
  nodeArgs = [],
  bin = BIN,
  waitMs = 120_000,
  pollMs = 10,
} = {}) {
  const port = await freePort();
  const workDir = tmpDir();
  const ownDataDir = dataDir === null;
  const dir = dataDir ?? path.join(workDir, 'data');
  let pgDb = null;
  let dbUrl = '';
  if (engine === 'postgres') {
    if (databaseUrl) {
      dbUrl = databaseUrl;
    } else {
      pgDb = await createPgDatabase();
      dbUrl = pgDb.url;
    }
  }
  const logFile = path.join(workDir, 'server.log');
  const logFd = fs.openSync(logFile, 'a');
  const args = [...nodeArgs, bin, 'serve', ...(seedDemo ? ['--seed-demo-if-empty'] : [])];
  const t0 = performance.now();
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      DATABASE_URL: dbUrl,
      LOG_LEVEL: logLevel,
      ...env,
    },
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  const url = `http://127.0.0.1:${port}`;
  const server = {
    engine,
    pid: proc.pid,
    proc,
    port,
    url,
    dataDir: engine === 'sqlite' ? dir : null,
    sqlitePath: engine === 'sqlite' ? path.join(dir, 'vanphong.sqlite') : null,
    databaseUrl: dbUrl || null,
    logFile,
    startedAt: t0,
    readyMs: null,
    /**
     * Stops the process. The PostgreSQL database and a data dir this helper created are removed unless
     * `keepData` (then the caller removes `dataDir`'s parent when done); the log always goes.
     */
    async stop({ keepData = false } = {}) {
      await stopProcess(proc);
      if (pgDb && !keepData) {
        await pgDb.drop();
      }
      if (keepData && ownDataDir) {
        fs.rmSync(logFile, { force: true });
      } else {
        fs.rmSync(workDir, { recursive: true, force: true });
      }
    },
  };
  try {
    const tReady = await waitForHealth(url, { timeoutMs: waitMs, intervalMs: pollMs, proc });
    server.readyMs = tReady - t0;
  } catch (err) {
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
    await server.stop();
    throw new Error(`${err.message}\n--- server log tail ---\n${tail}`);
  }
  return server;
}

/** SIGTERM (graceful: the server closes HTTP, the worker and the pool, then exits), SIGKILL after 15 s. */
export function stopProcess(proc, { graceMs = 15_000 } = {}) {
  if (proc.exitCode !== null || proc.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const t = setTimeout(() => proc.kill('SIGKILL'), graceMs);
    proc.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}

/** POST /api/auth/login → { cookie: 'vp_session=…', csrfToken }. */
export async function login(baseUrl, username = 'admin', password = DEMO_PASSWORD) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await res.json();
  if (res.status !== 200 || body.status !== 'ok') {
    throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(body)}`);
  }
  const sc = res.headers.getSetCookie().find((c) => c.startsWith('vp_session='));
  if (!sc) {
    throw new Error('login answered without a vp_session cookie');
  }
  return { cookie: sc.split(';')[0], csrfToken: body.csrfToken, user: body.user };
}

/** Memory of a process from /proc/<pid>/status, in MB: VmRSS (resident), VmHWM (peak resident), RssAnon, RssFile. */
export function memoryOf(pid) {
  const txt = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => {
    const m = new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(txt);
    return m ? Number(m[1]) : null;
  };
  const mb = (k) => round(kb(k) / 1024, 1);
  return {
    rssMB: mb('VmRSS'),
    peakRssMB: mb('VmHWM'),
    anonMB: mb('RssAnon'),
    fileMB: mb('RssFile'),
    threads: Number(/^Threads:\s+(\d+)/m.exec(txt)?.[1] ?? 0),
  };
}

/** Direct and indirect children of `pid` (scanning every /proc/N/stat), e.g. the esbuild service tsx spawns. */
export function descendantsOf(pid) {
  const parent = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) {
      continue;
    }
    try {
      const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const out = [];
  const walk = (p) => {
    for (const [c, pp] of parent) {
      if (pp === p) {
        out.push(c);
        walk(c);
      }
    }
  };
  walk(pid);
  return out;
}

/** RSS of the process and of its descendants, with their names: { rssMB, children: [{ pid, name, rssMB }], totalMB }. */
export function treeMemoryOf(pid) {
  const own = memoryOf(pid);
  const children = descendantsOf(pid).flatMap((c) => {
    try {
      const name = fs.readFileSync(`/proc/${c}/comm`, 'utf8').trim();
      return [{ pid: c, name, rssMB: memoryOf(c).rssMB }];
    } catch {
      return [];
    }
  });
  return { ...own, children, totalMB: round(own.rssMB + children.reduce((a, c) => a + c.rssMB, 0), 1) };
}

/** CPU time (user+system, ms) the process has used so far, from /proc/<pid>/stat. */
export function cpuMsOf(pid) {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(rest[11]) + Number(rest[12]); // utime, stime (fields 14, 15)
  return (ticks * 1000) / clockTicks();
}
/** Machine-wide jiffies from /proc/stat: busy (all but idle+iowait) and steal. */
export function systemCpu() {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = f;
    return { busy: user + nice + system + irq + softirq + steal, idle: idle + iowait, steal };
  } catch {
    return null;
  }
}

let _clk = null;
function clockTicks() {
  if (_clk === null) {
    try {
      _clk = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      _clk = 100;
    }
  }
  return _clk;
}

// ---------------------------------------------------------------------------------------------------
// load

/**
 * Runs autocannon in this process against `url`. Besides autocannon's own summary it records every 2xx
 * response time itself, so p95 is exact (autocannon's histogram reports p90/p97.5 but not p95).
 * `requests` (autocannon's sequence) cycles per connection, which is how mixed loads are made.
 * Also samples the server's RSS and CPU when `pid` is given.
 */
export async function runLoad({
  url,
  path: reqPath = '/',
  headers = {},
  requests = undefined,
  duration = 10,
  connections = 50,
  pipelining = 1,
  pid = null,
  dbPids = [],
  dbPidsFn = null,
  sampleMs = 250,
  label = '',
}) {
  const autocannon = requireFromRoot('autocannon');
  const lat = [];
  let non2xx = 0;
  const statusCounts = {};
  const rssSamples = [];
  const cpu0 = pid ? cpuMsOf(pid) : null;
  const sys0 = systemCpu();
  // Database backends (PostgreSQL): their CPU is outside the server process. The pool opens and closes
  // connections (idle timeout), so the backend pids are re-read every 500 ms while the load runs; a pid
  // first seen during the run counts from 0 (it was born during the run), one that disappears keeps its
  // last reading.
  const dbSeen = new Map(); // pid → { base, last }
  const readDb = async (initial) => {
    const pids = dbPidsFn ? await dbPidsFn().catch(() => []) : dbPids;
    for (const p of pids) {
      let v;
      try {
        v = cpuMsOf(p);
      } catch {
        continue;
      }
      const e = dbSeen.get(p);
      if (e) {
        e.last = v;
      } else {
        dbSeen.set(p, { base: initial ? v : 0, last: v });
      }
    }
  };
  const watchDb = dbPidsFn || dbPids.length > 0;
  if (watchDb) {
    await readDb(true);
  }
  const dbTimer = watchDb ? setInterval(() => void readDb(false), 500) : null;
  const self0 = process.cpuUsage();
  const sampler = pid
    ? setInterval(() => {
        try {
          rssSamples.push(memoryOf(pid).rssMB);
        } catch {
          /* exited */
        }
      }, sampleMs)
    : null;
  const t0 = performance.now();
  const result = await new Promise((resolve, reject) => {
    const inst = autocannon(
      { url: url + reqPath, headers, requests, duration, connections, pipelining, timeout: 10 },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    inst.on('response', (_client, statusCode, _bytes, responseTime) => {
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) {
        lat.push(responseTime);
      } else {
        non2xx++;
      }
    });
  });
  const wallS = (performance.now() - t0) / 1000;
  if (sampler) {
    clearInterval(sampler);
  }
  const cpuMs = pid ? cpuMsOf(pid) - cpu0 : null;
  const sys1 = systemCpu();
  if (dbTimer) {
    clearInterval(dbTimer);
  }
  if (watchDb) {
    await readDb(false);
  }
  const dbMs = watchDb ? [...dbSeen.values()].reduce((a, e) => a + (e.last - e.base), 0) : null;
  const selfUs = process.cpuUsage(self0);
  const loadgenCores = (selfUs.user + selfUs.system) / 1e6 / wallS;
  const machineBusyCores = sys1 && sys0 ? (sys1.busy - sys0.busy) / clockTicks() / wallS : null;
  const stealCores = sys1 && sys0 ? (sys1.steal - sys0.steal) / clockTicks() / wallS : null;
  lat.sort((a, b) => a - b);
  const ok = lat.length;
  return {
    label,
    path: requests ? requests.map((r) => r.path) : reqPath,
    duration,
    connections,
    pipelining,
    requests: ok + non2xx,
    ok2xx: ok,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCounts,
    // completed 2xx responses per second of the run (autocannon's own figure alongside)
    reqPerSec: round(ok / result.duration, 0),
    autocannonReqPerSecAvg: round(result.requests.average, 0),
    latencyMs: {
      p50: round(percentile(lat, 50), 2),
      p95: round(percentile(lat, 95), 2),
      p99: round(percentile(lat, 99), 2),
      max: round(lat[lat.length - 1], 2),
      mean: round(lat.reduce((a, b) => a + b, 0) / (ok || 1), 2),
    },
    throughputMBps: round(result.throughput.average / 1e6, 2),
    // server CPU use during the run, in cores (1.0 = one core busy all the time)
    serverCpuCores: cpuMs === null ? null : round(cpuMs / 1000 / wallS, 2),
    // 2xx responses per CPU-second the server actually got: far steadier than req/s on a shared,
    // busy machine, and roughly the req/s one fully available core would give (the event loop is one thread)
    reqPerServerCpuSec: cpuMs ? round(ok / (cpuMs / 1000), 0) : null,
    // where the machine's CPU went during the run (cores): load generator (this process) and everything
    // else that was not the server (other users' jobs on a shared machine), plus hypervisor steal
    loadgenCpuCores: round(loadgenCores, 2),
    // PostgreSQL backends serving this server's pool (their CPU is outside the server process)
    dbCpuCores: dbMs === null ? null : round(dbMs / 1000 / wallS, 2),
    reqPerServerAndDbCpuSec: cpuMs ? round(ok / ((cpuMs + (dbMs ?? 0)) / 1000), 0) : null,
    otherCpuCores:
      machineBusyCores === null || cpuMs === null
        ? null
        : round(
            Math.max(0, machineBusyCores - cpuMs / 1000 / wallS - loadgenCores - (dbMs ?? 0) / 1000 / wallS),
            2,
          ),
    stealCores: stealCores === null ? null : round(stealCores, 2),
    serverRssMB: rssSamples.length ? { max: max(rssSamples), last: rssSamples[rssSamples.length - 1] } : null,
  };
}

// ---------------------------------------------------------------------------------------------------
// environment

export function machineInfo() {
  const cpus = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpus)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const memKb = Number(/^MemTotal:\s+(\d+)/m.exec(fs.readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  try {
    nproc = Number(execFileSync('nproc').toString().trim());
  } catch {
    /* keep */
  }
  let date = new Date().toISOString();
  try {
    date = execFileSync('date', ['-u', '+%Y-%m-%d %H:%M:%S UTC']).toString().trim();
  } catch {
    /* keep */
  }
  // read package.json files directly: some packages (kysely) do not export ./package.json
  const ver = (p) => {
    for (const base of [ROOT, path.join(ROOT, 'apps/server')]) {
      try {
        return JSON.parse(fs.readFileSync(path.join(base, 'node_modules', p, 'package.json'), 'utf8'))
          .version;
      } catch {
        /* next */
      }
    }
    return null;
  };
  return {
    date,
    nproc,
    cpuModel: model,
    ramGB: round(memKb / 1024 / 1024, 1),
    loadAvg: os.loadavg().map((x) => round(x, 2)),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    packages: {
      fastify: ver('fastify'),
      kysely: ver('kysely'),
      'better-sqlite3': ver('better-sqlite3'),
      pg: ver('pg'),
      tsx: ver('tsx'),
      autocannon: ver('autocannon'),
    },
  };
}

export async function engineVersions() {
  const out = { sqlite: null, postgres: null };
  try {
    const Database = requireFromRoot('better-sqlite3');
    const db = new Database(':memory:');
    out.sqlite = db.prepare('select sqlite_version() as v').get().v;
    db.close();
  } catch (e) {
    out.sqlite = `unavailable (${e.message})`;
  }
  try {
    const pg = requireFromRoot('pg');
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    out.postgres = (await c.query('show server_version')).rows[0].server_version;
    await c.end();
  } catch (e) {
    out.postgres = `unavailable (${e.message})`;
  }
  return out;
}

/** Keeps one admin connection open and answers the pids of the backends connected to `databaseUrl`'s database. */
export async function pgBackendWatcher(databaseUrl) {
  const pg = requireFromRoot('pg');
  const name = new URL(databaseUrl).pathname.slice(1);
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  return {
    pids: async () =>
      (await c.query('select pid from pg_stat_activity where datname = $1', [name])).rows.map((r) => r.pid),
    close: () => c.end(),
  };
}

/** Polls `path` with the session cookie until it stops answering 404 (a route still being built elsewhere). */
export async function waitForRoute(baseUrl, reqPath, cookie, { timeoutMs = 0, intervalMs = 5000 } = {}) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const r = await httpGet(baseUrl + reqPath, { headers: { cookie } });
    if (r.status !== 404) {
      return r;
    }
    if (performance.now() >= deadline) {
      return r;
    }
    await sleep(intervalMs);
  }
}
