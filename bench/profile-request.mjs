// Where the server's time goes for one endpoint: starts the server with `node --cpu-prof`, (optionally)
// generates people and logs in, runs autocannon against the path, stops the server (the profile is
// written at exit) and summarises the profile by package / app directory (bench/profile-summary.mjs).
//
//   node bench/profile-request.mjs [--path /api/health] [--engine sqlite] [--auth] [--n 20000]
//                                  [--duration 10] [--connections 50] [--log-level info] [--keep]
import fs from 'node:fs';
import path from 'node:path';
import { generatePeople } from './generate-data.mjs';
import { isMain, log, login, parseArgs, printJson, runLoad, startServer, tmpDir } from './lib.mjs';
import { summariseProfile } from './profile-summary.mjs';

export async function profileRequest({
  reqPath = '/api/health',
  engine = 'sqlite',
  auth = false,
  n = 0,
  duration = 10,
  connections = 50,
  logLevel = 'info',
  top = 25,
  keep = false,
} = {}) {
  const dir = tmpDir('vp-bench-prof-');
  const s = await startServer({ engine, logLevel, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  let load;
  try {
    if (n > 0) {
      await generatePeople({
        sqlitePath: s.sqlitePath,
        databaseUrl: engine === 'postgres' ? s.databaseUrl : null,
        n,
      });
    }
    const headers = auth ? { cookie: (await login(s.url)).cookie } : {};
    await runLoad({ url: s.url, path: reqPath, headers, duration: 3, connections });
    log(`profile: ${engine} ${reqPath} for ${duration}s`);
    load = await runLoad({ url: s.url, path: reqPath, headers, duration, connections, pid: s.pid });
  } finally {
    await s.stop();
  }
  // The main thread's profile is the largest; tsx's module-hooks thread writes a second, mostly idle one.
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f));
  const main = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  if (!main) {
    throw new Error('no profile written (did the server exit cleanly?)');
  }
  const summary = summariseProfile(main, { top });
  if (!keep) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Startup (module loading, migrations) is in the same profile; the load dominates a 10 s run.
  return {
    benchmark: 'profile-request',
    engine,
    path: reqPath,
    auth,
    people: n,
    logLevel,
    load: {
      reqPerSec: load.reqPerSec,
      reqPerServerCpuSec: load.reqPerServerCpuSec,
      latencyMs: load.latencyMs,
    },
    profile: summary,
    profileDir: keep ? dir : null,
  };
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  printJson(
    await profileRequest({
      reqPath: a.path ?? '/api/health',
      engine: a.engine ?? 'sqlite',
      auth: Boolean(a.auth),
      n: a.n ?? 0,
      duration: a.duration ?? 10,
      connections: a.connections ?? 50,
      logLevel: a['log-level'] ?? 'info',
      top: a.top ?? 25,
      keep: Boolean(a.keep),
    }),
  );
}
