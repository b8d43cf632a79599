// Experiment: what running TypeScript through tsx costs, against the same source compiled ahead of time.
// Bundles apps/server/src/cli/index.ts with esbuild (already installed as tsx's dependency) into a temp
// dir — npm packages stay external and resolve through a `node_modules` symlink to the repo's — and
// compares the two ways of running it, alternating runs so noise hits both alike:
//   - `--help` (loads the whole module graph, no database): wall time and CPU time (user+sys);
//   - `serve` on an already initialised SQLite data dir: time to first 200 from /api/health, idle RSS
//     after 5 s (process, and process + children), and GET /api/health req/s (LOG_LEVEL=warn, so that
//     the figure is about the server, not the log file).
// The repository ships with tsx (no build step, by design); this only measures what that choice costs.
//
//   node bench/tsx-vs-compiled.mjs [--runs 5] [--duration 5]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  BIN,
  ROOT,
  cpuMsOf,
  isMain,
  log,
  median,
  parseArgs,
  printJson,
  requireFromRoot,
  round,
  runLoad,
  sleep,
  startServer,
  tmpDir,
  treeMemoryOf,
} from './lib.mjs';

async function buildCompiled() {
  const esbuild = requireFromRoot('esbuild');
  const dir = tmpDir('vp-bench-compiled-');
  const deps = Object.keys(
    JSON.parse(fs.readFileSync(path.join(ROOT, 'apps/server/package.json'), 'utf8')).dependencies ?? {},
  );
  // The workspace package @vanphong/contracts is TypeScript source: bundle it; keep npm packages external.
  const external = [...deps, 'zod'].filter((d) => !d.startsWith('@vanphong/'));
  const outfile = path.join(dir, 'vanphong.mjs');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'apps/server/src/cli/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external,
    logLevel: 'warning',
  });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return { dir, bin: outfile };
}

/** Runs `node <args>` to completion: wall ms, and CPU ms (user+sys) read from /proc every 5 ms while it runs (so a lower bound, within 5 ms). */
async function timedWithCpu(args) {
  const t0 = performance.now();
  const p = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  let lastCpu = 0;
  const poll = setInterval(() => {
    try {
      lastCpu = cpuMsOf(p.pid);
    } catch {
      /* exited */
    }
  }, 5);
  await new Promise((resolve, reject) => {
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
  });
  clearInterval(poll);
  return { wallMs: performance.now() - t0, cpuMsAtLeast: lastCpu };
}

export async function tsxVsCompiled({ runs = 5, duration = 5 } = {}) {
  const compiled = await buildCompiled();
  const variants = { tsx: BIN, compiled: compiled.bin };
  const data = tmpDir('vp-bench-cmp-');
  const out = {
    tsx: {
      helpWallMs: [],
      helpCpuMs: [],
      readyMs: [],
      idleRssMB: [],
      idleTreeMB: [],
      healthReqPerSec: [],
      healthReqPerCpuSec: [],
    },
    compiled: null,
  };
  out.compiled = JSON.parse(JSON.stringify(out.tsx));
  try {
    // initialise the data dir once (migrations + demo seed) with the shipped binary
    const init = await startServer({ engine: 'sqlite', dataDir: path.join(data, 'data') });
    await init.stop();
    for (let i = 0; i < runs; i++) {
      for (const [name, bin] of Object.entries(variants)) {
        const h = await timedWithCpu([bin, '--help']);
        out[name].helpWallMs.push(h.wallMs);
        out[name].helpCpuMs.push(h.cpuMsAtLeast);
      }
    }
    for (let i = 0; i < Math.min(runs, 3); i++) {
      for (const [name, bin] of Object.entries(variants)) {
        const s = await startServer({
          engine: 'sqlite',
          dataDir: path.join(data, 'data'),
          bin,
          logLevel: 'warn',
        });
        try {
          out[name].readyMs.push(s.readyMs);
          await sleep(5000);
          const m = treeMemoryOf(s.pid);
          out[name].idleRssMB.push(m.rssMB);
          out[name].idleTreeMB.push(m.totalMB);
          await runLoad({ url: s.url, path: '/api/health', duration: 2, connections: 50 });
          const r = await runLoad({ url: s.url, path: '/api/health', duration, connections: 50, pid: s.pid });
          out[name].healthReqPerSec.push(r.reqPerSec);
          out[name].healthReqPerCpuSec.push(r.reqPerServerCpuSec);
          log(
            `tsx-vs-compiled: ${name} run ${i + 1}: ready ${round(s.readyMs, 0)} ms, idle ${m.rssMB} MB (+children ${m.totalMB} MB), health ${r.reqPerSec} req/s`,
          );
        } finally {
          await s.stop({ keepData: true });
        }
      }
    }
  } finally {
    fs.rmSync(data, { recursive: true, force: true });
    fs.rmSync(compiled.dir, { recursive: true, force: true });
  }
  const med = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(median(v), 1)]));
  const t = med(out.tsx);
  const c = med(out.compiled);
  return {
    benchmark: 'tsx-vs-compiled',
    medians: { tsx: t, compiled: c },
    ratios: {
      helpWall: round(t.helpWallMs / c.helpWallMs, 2),
      helpCpu: round(t.helpCpuMs / c.helpCpuMs, 2),
      ready: round(t.readyMs / c.readyMs, 2),
      idleRssMinusMB: round(t.idleRssMB - c.idleRssMB, 1),
      healthReqPerCpuSec: round(t.healthReqPerCpuSec / c.healthReqPerCpuSec, 2),
    },
    raw: out,
  };
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  printJson(await tsxVsCompiled({ runs: a.runs ?? 5, duration: a.duration ?? 5 }));
}
