// Search latency (issue 7) over HTTP, as a non-admin user, on the 1,000,000-document databases of
// bench/search-generate.mjs once bench/search-rebuild.mjs has built the index — and the same queries
// engine-side, to see what our layers cost:
//
//   nice -n 10 node bench/search-measure.mjs [--n 1000000] [--reps 15] [--engines sqlite,postgres]
//        [--users vanthu,chuyenvien] [--only notation,bodies] [--no-direct] [--no-plans] [--no-http] [--profile]
//        [--walk-first N] [--walk-budget MS]   # in-process only: the walk's tuning (search.query.ts walkTuning)
//
// 1. HTTP: one real `vanphong serve` per engine on the data (nothing written), logged in as each user;
//    one keep-alive connection per server and user, requests one after the other. Every case of
//    bench/search-corpus.mjs SEARCH_CASES: 2 warm-ups, then `--reps` requests alternating the engines
//    request by request. p50/p95/max per case and per class; the answer's `tookMs` (time inside the
//    search use case, as the server measured it) is kept beside the client's time.
// 2. In-process, servers stopped: the app's own `search()` on the app's own context (a Kysely plugin times
//    every statement it issues), same user, same query, `--reps` times: where the time goes, by
//    statement (viewer, walk of the index, describe, snippet bodies) and outside them (facets, ranking,
//    snippets).
// 3. Direct: the walk statement the app issued (SQL and parameters as captured) run alone with
//    better-sqlite3 (prepared once) / pg, `--reps` times — the engine's share; with its plan (EXPLAIN
//    QUERY PLAN / EXPLAIN (ANALYZE, BUFFERS)).
// The ratio reported is HTTP p95 ÷ direct walk p95, per case and per class.
import fs from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { URLSearchParams } from 'node:url';
import { DEFAULT_N, benchPaths } from './incoming-generate.mjs';
import {
  engineVersions,
  isMain,
  log,
  login,
  machineInfo,
  median,
  parseArgs,
  percentile,
  printJson,
  requireFromRoot,
  round,
  startServer,
} from './lib.mjs';
import {
  actorOf,
  appContext,
  classify,
  searchModules,
  summariseProfile,
  timedContext,
} from './search-app.mjs';
import { SEARCH_CASES } from './search-corpus.mjs';
import { searchManifestPath } from './search-generate.mjs';

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

export const stats = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  return s.length
    ? {
        n: s.length,
        p50: round(percentile(s, 50), 1),
        p95: round(percentile(s, 95), 1),
        max: round(s[s.length - 1], 1),
      }
    : null;
};

/** Document type ids by abbreviation, per engine (the seeds give the same ids, but look anyway). */
async function typeIds(engine, paths) {
  if (engine === 'sqlite') {
    const Database = requireFromRoot('better-sqlite3');
    const db = new Database(paths.sqlitePath, { readonly: true });
    try {
      return new Map(
        db
          .prepare('select id, abbreviation from document_types')
          .all()
          .map((r) => [r.abbreviation, r.id]),
      );
    } finally {
      db.close();
    }
  }
  const pg = requireFromRoot('pg');
  const c = new pg.Client({ connectionString: paths.pgUrl });
  await c.connect();
  try {
    return new Map(
      (await c.query('select id, abbreviation from document_types')).rows.map((r) => [r.abbreviation, r.id]),
    );
  } finally {
    await c.end();
  }
}

/** The case's query parameters on one engine ({type:CV} → the id). */
function paramsOf(c, types) {
  return Object.fromEntries(
    Object.entries(c.params).map(([k, v]) => [
      k,
      typeof v === 'string' && /^\{type:(.+)\}$/.test(v) ? String(types.get(v.slice(6, -1))) : String(v),
    ]),
  );
}
const pathOf = (params) => `/api/search?${new URLSearchParams(params).toString()}`;

async function indexReady(engine, paths) {
  if (engine === 'sqlite') {
    const Database = requireFromRoot('better-sqlite3');
    const db = new Database(paths.sqlitePath, { readonly: true });
    try {
      return db
        .prepare(
          'select (select count(*) from search_entries) as e, (select count(*) from incoming_documents) as d',
        )
        .get();
    } finally {
      db.close();
    }
  }
  const pg = requireFromRoot('pg');
  const c = new pg.Client({ connectionString: paths.pgUrl });
  await c.connect();
  try {
    return (
      await c.query(
        'select (select count(*) from search_entries)::int as e, (select count(*) from incoming_documents)::int as d',
      )
    ).rows[0];
  } finally {
    await c.end();
  }
}

async function httpPhase({ paths, engines, users, cases, reps, typesBy }) {
  const servers = [];
  const rows = [];
  try {
    for (const engine of engines) {
      const s = await startServer({
        engine,
        dataDir: paths.dataDir,
        databaseUrl: engine === 'postgres' ? paths.pgUrl : null,
        seedDemo: false,
      });
      const sessions = {};
      for (const u of users) {
        const { cookie } = await login(s.url, u);
        sessions[u] = { headers: { cookie }, agent: new http.Agent({ keepAlive: true, maxSockets: 1 }) };
      }
      servers.push({ engine, s, sessions });
      log(`search-measure: ${engine} server ready in ${round(s.readyMs, 0)} ms`);
    }
    for (const user of users) {
      for (const c of cases) {
        const per = {};
        for (const sv of servers) {
          const sess = sv.sessions[user];
          const p = pathOf(paramsOf(c, typesBy[sv.engine]));
          per[sv.engine] = { ms: [], took: [], counted: [], statuses: {}, path: p };
          for (let w = 0; w < 2; w++) {
            const r = await timedGet(sess.agent, sv.s.url + p, sess.headers);
            if (w === 0) {
              try {
                const b = JSON.parse(r.body);
                per[sv.engine].answer =
                  r.status === 200
                    ? {
                        total: b.total,
                        capped: b.totalCapped,
                        cap: b.cap,
                        mode: b.mode,
                        items: b.items.length,
                        matchedIn: [...new Set(b.items.map((i) => i.matchedIn))].join(','),
                        first: b.items[0] ? `${b.items[0].kind}:${b.items[0].id}` : null,
                      }
                    : { status: r.status, error: r.body.slice(0, 200) };
              } catch {
                per[sv.engine].answer = { status: r.status, error: r.body.slice(0, 200) };
              }
            }
          }
        }
        for (let i = 0; i < reps; i++) {
          for (const sv of i % 2 ? [...servers].reverse() : servers) {
            const sess = sv.sessions[user];
            const r = await timedGet(sess.agent, sv.s.url + per[sv.engine].path, sess.headers);
            per[sv.engine].statuses[r.status] = (per[sv.engine].statuses[r.status] ?? 0) + 1;
            if (r.status === 200) {
              per[sv.engine].ms.push(r.ms);
              const b = JSON.parse(r.body);
              per[sv.engine].took.push(b.tookMs);
              // how far the walk counted in this request (its time budget may stop it before the cap)
              per[sv.engine].counted.push(b.totalCapped ? b.cap : b.total);
            }
          }
        }
        const row = { cls: c.cls, name: c.name, user, engines: {} };
        for (const [engine, v] of Object.entries(per)) {
          row.engines[engine] = {
            path: v.path,
            http: stats(v.ms),
            tookMs: stats(v.took),
            statuses: v.statuses,
            answer: v.answer,
            counted: v.counted.length ? { min: Math.min(...v.counted), max: Math.max(...v.counted) } : null,
            samples: v.ms.map((x) => round(x, 1)),
          };
        }
        rows.push(row);
        log(
          `search-measure: http ${user} | ${c.cls} | ${c.name}: ${Object.entries(row.engines)
            .map(
              ([e, v]) =>
                `${e} p50 ${v.http?.p50} p95 ${v.http?.p95} (took p50 ${v.tookMs?.p50}; total ${v.answer?.total}${v.answer?.capped ? '+' : ''})`,
            )
            .join(' · ')}`,
        );
      }
    }
  } finally {
    for (const sv of servers) {
      for (const sess of Object.values(sv.sessions)) {
        sess.agent.destroy();
      }
      await sv.s.stop({ keepData: true });
    }
  }
  return rows;
}

/** Direct connections for the walk statement alone: prepared once, as a driver would run it. */
async function directRunner(engine, paths) {
  if (engine === 'sqlite') {
    const Database = requireFromRoot('better-sqlite3');
    // read-only: the statistics the app's connection keeps (ANALYZE, PRAGMA optimize) are in the file
    const db = new Database(paths.sqlitePath, { readonly: true });
    const cache = new Map();
    const prep = (s) => cache.get(s) ?? (cache.set(s, db.prepare(s)), cache.get(s));
    return {
      run: async (s, p) => prep(s).all(...p).length,
      plan: async (s, p) =>
        db
          .prepare(`explain query plan ${s}`)
          .all(...p)
          .map((r) => `${r.parent ? '  ' : ''}${r.detail}`),
      close: async () => db.close(),
    };
  }
  const pg = requireFromRoot('pg');
  const c = new pg.Client({ connectionString: paths.pgUrl, options: '-c jit=off' });
  await c.connect();
  return {
    run: async (s, p) => (await c.query(s, p)).rowCount,
    plan: async (s, p) =>
      (await c.query(`explain (analyze, buffers, costs off) ${s}`, p)).rows.map((r) => r['QUERY PLAN']),
    close: () => c.end(),
  };
}

async function inProcessPhase({ paths, engines, users, cases, reps, typesBy, direct, plans, profile, walk = null }) {
  const { query, contracts } = await searchModules();
  if (walk) {
    // an experiment on the walk's tuning (search.query.ts walkTuning), in-process only
    Object.assign(query.walkTuning, walk);
  }
  const out = [];
  for (const engine of engines) {
    const base = await appContext(engine, paths);
    const { ctx, records, sqlOf } = timedContext(base);
    const runner = direct ? await directRunner(engine, paths) : null;
    try {
      for (const user of users) {
        const actor0 = await actorOf(base, user);
        for (const c of cases) {
          const q = contracts.searchQuery.parse(paramsOf(c, typesBy[engine]));
          const times = [];
          const cpuMs = [];
          const byWhat = new Map();
          let walks = [];
          let answer = null;
          for (let i = 0; i < reps + 2; i++) {
            records.length = 0;
            // a fresh Actor per call, as per request (incomingViewer caches per Actor object)
            const actor = { ...actor0, permissions: new Set(actor0.permissions) };
            const c0 = process.cpuUsage();
            const t0 = performance.now();
            const res = await query.search(ctx, actor, q);
            const ms = performance.now() - t0;
            answer = { total: res.total, capped: res.totalCapped, cap: res.cap };
            const c1 = process.cpuUsage(c0);
            if (i < 2) {
              continue;
            }
            times.push(ms);
            cpuMs.push((c1.user + c1.system) / 1000);
            const inThisRun = new Map();
            walks = [];
            for (const r of records) {
              const s = sqlOf(r);
              const what = classify(s.sql);
              inThisRun.set(what, (inThisRun.get(what) ?? 0) + r.ms);
              if (what === 'walk') {
                walks.push(s); // one per kind (PostgreSQL) and per chunk of the walk
              }
            }
            const stmtTotal = [...inThisRun.values()].reduce((a, b) => a + b, 0);
            inThisRun.set('outside statements', ms - stmtTotal);
            for (const [what, v] of inThisRun) {
              byWhat.set(what, [...(byWhat.get(what) ?? []), v]);
            }
          }
          const row = {
            cls: c.cls,
            name: c.name,
            user,
            engine,
            inProcess: stats(times),
            // CPU of this process per call (JavaScript + better-sqlite3; PostgreSQL's backend not included)
            cpuMs: stats(cpuMs),
            breakdownP50: Object.fromEntries([...byWhat].map(([k, v]) => [k, stats(v).p50])),
            answer,
            walkStatements: walks.length,
            walk: walks[0] ? { sql: walks[0].sql, parameters: walks[0].parameters } : null,
          };
          if (runner && walks.length > 0) {
            // the walk's statements of the last call, one after the other (the app runs PostgreSQL's
            // per-kind statements side by side: this sum is an upper bound there)
            const wt = [];
            let rowsOut = 0;
            for (let i = 0; i < reps + 2; i++) {
              const t0 = performance.now();
              rowsOut = 0;
              for (const w of walks) {
                rowsOut += await runner.run(w.sql, w.parameters);
              }
              if (i >= 2) {
                wt.push(performance.now() - t0);
              }
            }
            row.direct = { ...stats(wt), rows: rowsOut, statements: walks.length };
            if (plans) {
              row.plan = [];
              for (const [k, w] of walks.entries()) {
                row.plan.push(...(walks.length > 1 ? [`-- statement ${k + 1} of ${walks.length}`] : []), ...(await runner.plan(w.sql, w.parameters)));
              }
            }
          }
          if (profile) {
            const session = new Session();
            session.connect();
            await session.post('Profiler.enable');
            await session.post('Profiler.setSamplingInterval', { interval: 200 });
            await session.post('Profiler.start');
            for (let i = 0; i < reps; i++) {
              await query.search(ctx, { ...actor0, permissions: new Set(actor0.permissions) }, q);
            }
            const { profile: p } = await session.post('Profiler.stop');
            session.disconnect();
            row.profile = summariseProfile(p, 12);
          }
          out.push(row);
          log(
            `search-measure: in-process ${engine} ${user} | ${c.name}: search() p50 ${row.inProcess.p50} p95 ${row.inProcess.p95} (CPU p50 ${row.cpuMs.p50}); walk alone p50 ${row.direct?.p50} p95 ${row.direct?.p95} (${row.direct?.rows} rows); ${Object.entries(
              row.breakdownP50,
            )
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}`,
          );
        }
      }
    } finally {
      await runner?.close();
      await base.close();
    }
  }
  return out;
}

/** Per class × user × engine: every HTTP sample of the class pooled; the direct walk likewise. */
export function summarise(httpRows, inproc, engines, users) {
  const classes = [...new Set(httpRows.map((r) => r.cls))];
  const out = [];
  for (const user of users) {
    for (const cls of classes) {
      const row = { cls, user, cases: 0, engines: {} };
      for (const engine of engines) {
        const h = httpRows.filter((r) => r.cls === cls && r.user === user);
        row.cases = h.length;
        const samples = h.flatMap((r) => r.engines[engine]?.samples ?? []);
        const worst = h
          .map((r) => [r.name, r.engines[engine]?.http?.p95 ?? 0])
          .sort((a, b) => b[1] - a[1])[0];
        const ip = inproc.filter((r) => r.cls === cls && r.user === user && r.engine === engine);
        const directP95 = ip.map((r) => r.direct?.p95).filter((x) => x !== undefined);
        const inprocP95 = ip.map((r) => r.inProcess?.p95).filter((x) => x !== undefined);
        // per case: its HTTP p95 ÷ the p95 of its walk statement run alone on the engine (floor 0.1 ms)
        const ratios = h
          .map((r) => {
            const d = ip.find((x) => x.name === r.name)?.direct;
            const hp = r.engines[engine]?.http?.p95;
            return d && hp ? hp / Math.max(0.1, d.p95) : null;
          })
          .filter((x) => x !== null);
        const s = stats(samples);
        row.engines[engine] = {
          http: s,
          worst: worst ? { name: worst[0], p95: worst[1] } : null,
          inProcessP95: inprocP95.length ? Math.max(...inprocP95) : null,
          directWalkP95: directP95.length ? Math.max(...directP95) : null,
          // the median over the class's cases of (HTTP p95 ÷ walk-alone p95), and the range
          ratio: ratios.length ? round(median(ratios), 1) : null,
          ratioRange: ratios.length ? [round(Math.min(...ratios), 1), round(Math.max(...ratios), 1)] : null,
        };
      }
      out.push(row);
    }
  }
  return out;
}

export async function measureSearch({
  n = DEFAULT_N,
  reps = 15,
  engines = ['sqlite', 'postgres'],
  users = ['vanthu', 'chuyenvien'],
  only = null,
  direct = true,
  plans = true,
  http: doHttp = true,
  profile = false,
  walk = null,
} = {}) {
  const paths = benchPaths({ n });
  const bodies = fs.existsSync(searchManifestPath(n))
    ? JSON.parse(fs.readFileSync(searchManifestPath(n), 'utf8'))
    : null;
  if (!bodies) {
    throw new Error(`no search data for N=${n}: run node bench/search-generate.mjs --n ${n} first`);
  }
  for (const engine of engines) {
    const r = await indexReady(engine, paths);
    if (r.e < r.d) {
      throw new Error(
        `${engine}: the search index holds ${r.e} entries for ${r.d} incoming documents: run node bench/search-rebuild.mjs first`,
      );
    }
  }
  const machine = machineInfo();
  const versions = await engineVersions();
  const typesBy = {};
  for (const e of engines) {
    typesBy[e] = await typeIds(e, paths);
  }
  const cases = only
    ? SEARCH_CASES.filter((c) => only.some((o) => c.cls.includes(o) || c.name.includes(o)))
    : SEARCH_CASES;
  const t0 = performance.now();
  const httpRows = doHttp ? await httpPhase({ paths, engines, users, cases, reps, typesBy }) : [];
  const loadAfterHttp = machineInfo().loadAvg;
  const tHttp = performance.now();
  const inproc = await inProcessPhase({
    paths,
    engines,
    users,
    cases,
    reps,
    typesBy,
    direct,
    plans,
    profile,
    walk,
  });
  return {
    machine,
    engines: versions,
    n,
    reps,
    users,
    loadAvg: { start: machine.loadAvg, afterHttp: loadAfterHttp, end: machineInfo().loadAvg },
    durations: {
      httpS: round((tHttp - t0) / 1000, 0),
      inProcessS: round((performance.now() - tHttp) / 1000, 0),
    },
    data: {
      bodies: bodies.bodies,
      bodyShare: bodies.bodyShare,
      meanWords: bodies.words.mean,
      markers: bodies.markers,
    },
    classes: summarise(httpRows, inproc, engines, users),
    http: httpRows,
    inProcess: inproc,
  };
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  const r = await measureSearch({
    n: a.n ?? DEFAULT_N,
    reps: a.reps ?? 15,
    engines: a.engines ? String(a.engines).split(',') : ['sqlite', 'postgres'],
    users: a.users ? String(a.users).split(',') : ['vanthu', 'chuyenvien'],
    only: a.only ? String(a.only).split(',') : null,
    direct: !a['no-direct'],
    plans: !a['no-plans'],
    http: !a['no-http'],
    profile: Boolean(a.profile),
    walk:
      a['walk-first'] !== undefined || a['walk-budget'] !== undefined
        ? {
            ...(a['walk-first'] !== undefined ? { first: Number(a['walk-first']) } : {}),
            ...(a['walk-budget'] !== undefined ? { budgetMs: Number(a['walk-budget']) } : {}),
          }
        : null,
  });
  printJson(r);
  process.exit(0);
}
