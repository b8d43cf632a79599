// Cold start: time from spawning `vanphong serve --seed-demo-if-empty` to the first 200 from /api/health,
// (a) on an empty SQLite data dir — migrations + reference data + demo seed (one bcrypt/scrypt hash, ~40
//     people, nine users, two calendar years) — and
// (b) on an already initialised data dir (migrations are a no-op, the seed is skipped).
// Each case is repeated `--runs` times (default 5); the health endpoint is polled every 10 ms.
// For context it also times `vanphong --help`, which loads the same module graph (tsx transform of the
// whole server) and exits: what is left of a start after that is database work and Fastify setup.
//
//   node bench/cold-start.mjs [--runs 5]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  BIN,
  ROOT,
  cpuMsOf,
  isMain,
  log,
  max,
  median,
  min,
  parseArgs,
  printJson,
  round,
  startServer,
  tmpDir,
} from './lib.mjs';

const summary = (xs) => ({
  runs: xs.length,
  medianMs: round(median(xs), 0),
  maxMs: round(max(xs), 0),
  minMs: round(min(xs), 0),
  allMs: xs.map((x) => round(x, 0)),
});

export async function coldStart({ runs = 5 } = {}) {
  // Warm the tsx transform cache once so every measured run sees the same (steady-state) cache.
  log('cold-start: warming the tsx cache');
  const warm = await startServer({ engine: 'sqlite' });
  await warm.stop();

  const empty = [];
  const emptyCpu = [];
  const emptyRss = [];
  for (let i = 0; i < runs; i++) {
    const s = await startServer({ engine: 'sqlite' });
    empty.push(s.readyMs);
    emptyCpu.push(cpuMsOf(s.pid));
    emptyRss.push(
      Number(fs.readFileSync(`/proc/${s.pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)[1]) / 1024,
    );
    await s.stop();
    log(`cold-start: empty data dir run ${i + 1}: ${round(s.readyMs, 0)} ms`);
  }

  const dir = tmpDir('vp-bench-init-');
  try {
    const first = await startServer({ engine: 'sqlite', dataDir: path.join(dir, 'data') });
    await first.stop();
    const initialised = [];
    const initialisedCpu = [];
    for (let i = 0; i < runs; i++) {
      const s = await startServer({ engine: 'sqlite', dataDir: path.join(dir, 'data') });
      initialised.push(s.readyMs);
      initialisedCpu.push(cpuMsOf(s.pid));
      await s.stop();
      log(`cold-start: initialised data dir run ${i + 1}: ${round(s.readyMs, 0)} ms`);
    }

    // Module graph only: `vanphong --help` registers tsx, imports the CLI (which statically imports the
    // whole server) and exits before touching a database.
    const help = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [BIN, '--help'], { cwd: ROOT, stdio: 'ignore' });
      if (r.status !== 0) {
        throw new Error(`vanphong --help exited with ${r.status}`);
      }
      help.push(performance.now() - t0);
    }
    // Bare Node start, for scale.
    const bare = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
      bare.push(performance.now() - t0);
    }
    return {
      benchmark: 'cold-start',
      // cpuMsAtReady: CPU time (user+sys, all threads) the server had used when /api/health first answered —
      // steadier than wall time on a busy machine
      emptyDataDir: {
        ...summary(empty),
        cpuMsAtReadyMedian: round(median(emptyCpu), 0),
        rssAtReadyMB: round(median(emptyRss), 1),
      },
      initialisedDataDir: { ...summary(initialised), cpuMsAtReadyMedian: round(median(initialisedCpu), 0) },
      moduleLoadOnly: {
        what: 'node apps/server/bin/vanphong.mjs --help (tsx + full import graph, no DB)',
        ...summary(help),
      },
      bareNode: { what: 'node -e 0', ...summary(bare) },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  printJson(await coldStart({ runs: a.runs ?? 5 }));
}
