// Throughput and latency of GET /api/health (no session, no database: routing, hooks, helmet headers,
// zod response serialisation and request logging) on SQLite, with autocannon in this process.
// Two servers run side by side — LOG_LEVEL=info (the default: two JSON log lines per request, written to
// a file) and LOG_LEVEL=warn (no request logs) — and are measured alternately (info, warn, info, warn …)
// so that the noise of a shared machine hits both alike; the logging cost is a same-run ratio.
// Each row: 50 connections, pipelining 1 or 10, `--duration` seconds, repeated `--rounds` times
// (medians reported; every round is in `rounds`), after a 3 s warm-up per server.
// The goal: ≥ 5,000 req/s on 2 cores (note: autocannon shares those 2 cores with the server).
//
//   node bench/health.mjs [--duration 10] [--rounds 2] [--connections 50] [--log-levels info,warn]
import { isMain, log, median, parseArgs, printJson, round, runLoad, startServer } from './lib.mjs';

export const GOAL_REQ_PER_SEC = 5000;

export async function health({
  duration = 10,
  rounds = 2,
  connections = 50,
  logLevels = ['info', 'warn'],
  pipelinings = [1, 10],
} = {}) {
  const servers = [];
  try {
    for (const logLevel of logLevels) {
      servers.push({ logLevel, s: await startServer({ engine: 'sqlite', logLevel }) });
    }
    for (const { logLevel, s } of servers) {
      log(`health: LOG_LEVEL=${logLevel} warm-up`);
      await runLoad({ url: s.url, path: '/api/health', duration: 3, connections });
    }
    const all = [];
    for (let round_ = 1; round_ <= rounds; round_++) {
      for (const pipelining of pipelinings) {
        for (const { logLevel, s } of servers) {
          log(
            `health: round ${round_}: LOG_LEVEL=${logLevel} c=${connections} p=${pipelining} for ${duration}s`,
          );
          const r = await runLoad({
            url: s.url,
            path: '/api/health',
            duration,
            connections,
            pipelining,
            pid: s.pid,
            label: `health log=${logLevel} p=${pipelining}`,
          });
          all.push({ round: round_, logLevel, ...r });
        }
      }
    }
    const runs = [];
    for (const pipelining of pipelinings) {
      for (const { logLevel } of servers) {
        const rs = all.filter((r) => r.logLevel === logLevel && r.pipelining === pipelining);
        const med = (f) => round(median(rs.map(f)), 2);
        runs.push({
          logLevel,
          pipelining,
          connections,
          duration,
          rounds: rs.length,
          reqPerSec: round(median(rs.map((r) => r.reqPerSec)), 0),
          reqPerSecByRound: rs.map((r) => r.reqPerSec),
          latencyMs: {
            p50: med((r) => r.latencyMs.p50),
            p95: med((r) => r.latencyMs.p95),
            p99: med((r) => r.latencyMs.p99),
            max: round(Math.max(...rs.map((r) => r.latencyMs.max)), 2),
          },
          serverCpuCores: med((r) => r.serverCpuCores),
          reqPerServerCpuSec: round(median(rs.map((r) => r.reqPerServerCpuSec)), 0),
          loadgenCpuCores: med((r) => r.loadgenCpuCores),
          otherCpuCores: med((r) => r.otherCpuCores),
          non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
          errors: rs.reduce((a, r) => a + r.errors, 0),
        });
      }
    }
    const find = (lvl, p) => runs.find((r) => r.logLevel === lvl && r.pipelining === p);
    const infoP1 = find('info', 1);
    const warnP1 = find('warn', 1);
    return {
      benchmark: 'health',
      goalReqPerSec: GOAL_REQ_PER_SEC,
      // judged on the default configuration (LOG_LEVEL=info), pipelining 1 (what browsers do)
      goalMet: infoP1 ? infoP1.reqPerSec >= GOAL_REQ_PER_SEC : null,
      runs,
      ratios: {
        warnOverInfoP1ReqPerSec: infoP1 && warnP1 ? round(warnP1.reqPerSec / infoP1.reqPerSec, 2) : null,
        warnOverInfoP1PerServerCpuSec:
          infoP1 && warnP1 ? round(warnP1.reqPerServerCpuSec / infoP1.reqPerServerCpuSec, 2) : null,
      },
      rounds: all,
    };
  } finally {
    for (const { s } of servers) {
      await s.stop();
    }
  }
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  printJson(
    await health({
      duration: a.duration ?? 10,
      rounds: a.rounds ?? 2,
      connections: a.connections ?? 50,
      logLevels: String(a['log-levels'] ?? 'info,warn').split(','),
    }),
  );
}
