// Latency of the incoming register list and of quick search over HTTP, as the clerk `vanthu` (scope:
// the demo province's 7 committees, clearance "secret" — ~13 % of the documents), on the databases
// built by bench/incoming-generate.mjs (default N = 1,000,000), SQLite and PostgreSQL side by side:
//
//   nice -n 10 node bench/incoming-measure.mjs [--n 1000000] [--reps 15] [--engines sqlite,postgres] [--load 10]
//
// One real `vanphong serve` per engine on the generated data (nothing is written: the read benchmark
// can be repeated on the same databases). One client, one keep-alive connection per server, requests
// sent one after the other — the latency a user sees on an otherwise idle server. Every case is asked
// `--reps` times after 2 warm-up requests, alternating the engines request by request, so a burst of
// other work on the shared machine hits both alike. p50/p95/max per case and per class (all requests
// of a class pooled). `--load S` adds an S-second autocannon run per engine with the whole mix on
// 4 connections (throughput and latency under concurrency).
import fs from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { SEARCH_QUERIES } from './incoming-corpus.mjs';
import { DEFAULT_N, benchPaths } from './incoming-generate.mjs';
import {
  engineVersions,
  isMain,
  log,
  login,
  machineInfo,
  parseArgs,
  percentile,
  pgBackendWatcher,
  printJson,
  round,
  runLoad,
  startServer,
} from './lib.mjs';

/** GET over a keep-alive agent; resolves { status, ms, body }. */
function timedGet(agent, url, headers) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          ms: performance.now() - t0,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
  });
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: round(percentile(s, 50), 1),
    p95: round(percentile(s, 95), 1),
    max: round(s[s.length - 1], 1),
  };
};

/** The list cases: what the register screen asks, with the filters a clerk uses. */
function listCases(regs) {
  const enc = encodeURIComponent;
  return [
    { cls: 'list', name: 'default (newest first, 50)', path: '/api/incoming' },
    { cls: 'list', name: 'page of 20', path: '/api/incoming?limit=20' },
    { cls: 'list', name: 'page 2', path: '/api/incoming?limit=50&offset=50' },
    { cls: 'list', name: 'page 20', path: '/api/incoming?limit=50&offset=950' },
    { cls: 'list', name: 'year 2025 + done', path: '/api/incoming?year=2025&status=done' },
    { cls: 'list', name: 'year 2024 + in_progress', path: '/api/incoming?year=2024&status=in_progress' },
    { cls: 'list', name: 'status registered', path: '/api/incoming?status=registered' },
    { cls: 'list', name: 'overdue', path: '/api/incoming?overdue=true' },
    { cls: 'list', name: 'due soon', path: '/api/incoming?dueSoon=true' },
    { cls: 'list', name: 'urgency flash', path: '/api/incoming?urgency=flash' },
    { cls: 'list', name: 'urgency urgent + year 2026', path: '/api/incoming?urgency=urgent&year=2026' },
    { cls: 'list', name: 'secrecy secret', path: '/api/incoming?secrecy=secret' },
    ...(regs.ordinary
      ? [
          {
            cls: 'list',
            name: 'registerId (province, ordinary, 2024)',
            path: `/api/incoming?registerId=${regs.ordinary}`,
          },
        ]
      : []),
    ...(regs.ordinary
      ? [
          {
            cls: 'list',
            name: 'registerId + page 10',
            path: `/api/incoming?registerId=${regs.ordinary}&offset=450`,
          },
        ]
      : []),
    ...(regs.agency
      ? [{ cls: 'list', name: 'lead unit', path: `/api/incoming?agencyId=${regs.agency}` }]
      : []),
    {
      cls: 'list',
      name: 'date range (one month)',
      path: `/api/incoming?from=${enc('2025-03-01')}&to=${enc('2025-03-31')}`,
    },
    { cls: 'list: other sorts', name: 'sort deadline_asc', path: '/api/incoming?sort=deadline_asc' },
    { cls: 'list: other sorts', name: 'sort urgency_desc', path: '/api/incoming?sort=urgency_desc' },
    { cls: 'list: other sorts', name: 'oldest first', path: '/api/incoming?sort=arrival_asc' },
    { cls: 'list: inbox', name: 'inbox=mine (what waits for the clerk)', path: '/api/incoming?inbox=mine' },
  ];
}

function searchCases() {
  const enc = encodeURIComponent;
  return [
    ...SEARCH_QUERIES.map((s) => ({
      cls: `search: ${s.cls}`,
      name: s.q,
      path: `/api/incoming?q=${enc(s.q)}`,
    })),
    {
      cls: 'search: with filter',
      name: 'đảng viên + year 2025',
      path: `/api/incoming?q=${enc('đảng viên')}&year=2025`,
    },
    {
      cls: 'search: with filter',
      name: 'cán bộ + status done',
      path: `/api/incoming?q=${enc('cán bộ')}&status=done`,
    },
    {
      cls: 'search: with filter',
      name: 'chuyen doi so + page 3',
      path: `/api/incoming?q=${enc('chuyen doi so')}&offset=100`,
    },
    {
      cls: 'search: with filter',
      name: 'tỉnh + urgency flash',
      path: `/api/incoming?q=${enc('tỉnh')}&urgency=flash`,
    },
  ];
}

export async function measureIncoming({
  n = DEFAULT_N,
  reps = 15,
  engines = ['sqlite', 'postgres'],
  load = 0,
  only = null,
} = {}) {
  const paths = benchPaths({ n });
  const manifest = fs.existsSync(paths.manifest) ? JSON.parse(fs.readFileSync(paths.manifest, 'utf8')) : null;
  if (!manifest) {
    throw new Error(
      `no generated data for N=${n} (${paths.manifest}): run node bench/incoming-generate.mjs --n ${n} first`,
    );
  }
  const machine = machineInfo();
  const versions = await engineVersions();
  const servers = [];
  const results = [];
  try {
    for (const engine of engines) {
      const s = await startServer({
        engine,
        dataDir: paths.dataDir,
        databaseUrl: engine === 'postgres' ? paths.pgUrl : null,
        seedDemo: false,
      });
      const { cookie } = await login(s.url, 'vanthu');
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      servers.push({ engine, s, headers: { cookie }, agent });
      log(`incoming-measure: ${engine} ready in ${round(s.readyMs, 0)} ms`);
    }
    // a register and a lead unit of vanthu's committee, looked up through the API (same on both engines)
    const first = servers[0];
    const regsRes = await timedGet(
      first.agent,
      `${first.s.url}/api/incoming/registers?year=2024`,
      first.headers,
    );
    const regList = JSON.parse(regsRes.body).items ?? [];
    const ordinary = regList
      .filter((r) => r.kind === 'ordinary')
      .sort((a, b) => b.lastNumber - a.lastNumber)[0];
    const agenciesRes = await timedGet(first.agent, `${first.s.url}/api/org/agencies`, first.headers);
    let agency = null;
    try {
      const body = JSON.parse(agenciesRes.body);
      agency = (body.items ?? body.agencies ?? []).find((a) => a.abbreviation === 'BTCTU')?.id ?? null;
    } catch {
      /* no agency case */
    }
    let cases = [...listCases({ ordinary: ordinary?.id, agency }), ...searchCases()];
    if (only) {
      cases = cases.filter((c) => only.some((o) => c.cls.includes(o) || c.name.includes(o)));
    }
    for (const c of cases) {
      const per = {};
      for (const sv of servers) {
        per[sv.engine] = { ms: [], statuses: {} };
        for (let w = 0; w < 2; w++) {
          const r = await timedGet(sv.agent, sv.s.url + c.path, sv.headers);
          if (w === 0) {
            try {
              const b = JSON.parse(r.body);
              per[sv.engine].answer = {
                total: b.total,
                totalCapped: b.totalCapped,
                items: b.items?.length ?? null,
                firstId: b.items?.[0]?.id ?? null,
              };
            } catch {
              per[sv.engine].answer = { error: r.body.slice(0, 200) };
            }
          }
        }
      }
      for (let i = 0; i < reps; i++) {
        for (const sv of i % 2 ? [...servers].reverse() : servers) {
          const r = await timedGet(sv.agent, sv.s.url + c.path, sv.headers);
          per[sv.engine].statuses[r.status] = (per[sv.engine].statuses[r.status] ?? 0) + 1;
          if (r.status === 200) {
            per[sv.engine].ms.push(r.ms);
          }
        }
      }
      const row = { cls: c.cls, name: c.name, path: c.path, engines: {} };
      for (const [engine, v] of Object.entries(per)) {
        row.engines[engine] = {
          ...stats(v.ms),
          statuses: v.statuses,
          answer: v.answer,
          samples: v.ms.map((x) => round(x, 1)),
        };
      }
      results.push(row);
      log(
        `incoming-measure: ${c.cls} | ${c.name}: ${Object.entries(row.engines)
          .map(
            ([e, v]) =>
              `${e} p50 ${v.p50} p95 ${v.p95} max ${v.max} (total ${v.answer?.total}${v.answer?.totalCapped ? '+' : ''})`,
          )
          .join(' · ')}`,
      );
    }
    // per class, all samples of the class pooled
    const classes = [...new Set(results.map((r) => r.cls))].map((cls) => {
      const out = { cls, cases: results.filter((r) => r.cls === cls).length, engines: {} };
      for (const sv of servers) {
        const all = results.filter((r) => r.cls === cls).flatMap((r) => r.engines[sv.engine].samples);
        const worst = results
          .filter((r) => r.cls === cls)
          .map((r) => [r.name, r.engines[sv.engine].p95])
          .sort((a, b) => b[1] - a[1])[0];
        out.engines[sv.engine] = {
          ...stats(all),
          worstCase: worst ? { name: worst[0], p95: worst[1] } : null,
        };
      }
      return out;
    });
    let loadRuns = null;
    if (load > 0) {
      loadRuns = [];
      for (const sv of servers) {
        const watcher = sv.engine === 'postgres' ? await pgBackendWatcher(sv.s.databaseUrl) : null;
        const r = await runLoad({
          url: sv.s.url,
          requests: cases.map((c) => ({ method: 'GET', path: c.path, headers: sv.headers })),
          duration: load,
          connections: 4,
          pid: sv.s.pid,
          dbPidsFn: watcher?.pids,
          label: `${sv.engine} mix`,
        });
        await watcher?.close();
        loadRuns.push({ engine: sv.engine, ...r, path: `${cases.length} cases in turn` });
        log(
          `incoming-measure: ${sv.engine} mixed load, 4 connections: ${r.reqPerSec} req/s, p95 ${r.latencyMs.p95} ms`,
        );
      }
    }
    return {
      machine,
      engines: versions,
      n,
      reps,
      user: 'vanthu',
      generated: {
        builtAt: manifest.builtAt,
        timings: manifest.timings,
        sizes: manifest.sizes,
        counts: manifest.counts,
        queries: manifest.queries,
      },
      classes,
      results,
      load: loadRuns,
    };
  } finally {
    for (const sv of servers) {
      sv.agent.destroy();
      await sv.s.stop({ keepData: true });
    }
  }
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  const out = await measureIncoming({
    n: a.n ?? DEFAULT_N,
    reps: a.reps ?? 15,
    engines: a.engines ? String(a.engines).split(',') : ['sqlite', 'postgres'],
    load: a.load ?? 0,
    only: a.only ? String(a.only).split(',') : null,
  });
  printJson(out);
}
