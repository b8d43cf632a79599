// Authenticated list endpoint under load, on SQLite and on PostgreSQL, with generated data.
// For each engine: a fresh server (demo seed) + N generated people (bench/generate-data.mjs), log in as
// `admin` (scope: the province, i.e. the whole tree), then autocannon with the `vp_session` cookie:
//   1. GET /api/permissions               — session baseline: auth hook (session+user join, cached
//                                            settings, roles query) and a constant answer, no list query
//   2. GET /api/org/people?limit=50        — first page sorted by folded name, plus COUNT(*) for `total`
//   3. GET /api/org/people?limit=50&q=nguyen — diacritic-insensitive search: LIKE '%nguyen%' on the
//                                            folded column (matches ~40 % of the generated names)
// SQLite and PostgreSQL servers run side by side and are measured alternately, case by case.
// If /api/org/people answers 404 (still being built), it is polled for `--wait-route` seconds and then
// GET /api/users?limit=50 is measured instead — the result says which path was used.
//
//   node bench/list-authenticated.mjs [--n 20000] [--duration 10] [--connections 50] [--engines sqlite,postgres]
import { generatePeople, DEFAULT_N } from './generate-data.mjs';
import {
  httpGet,
  isMain,
  pgBackendWatcher,
  log,
  login,
  parseArgs,
  printJson,
  round,
  runLoad,
  startServer,
  waitForRoute,
} from './lib.mjs';

export async function listAuthenticated({
  n = DEFAULT_N,
  duration = 10,
  connections = 50,
  engines = ['sqlite', 'postgres'],
  waitRouteS = 120,
} = {}) {
  const results = [];
  let usedPath = null;
  // Both servers run side by side and the engines are measured alternately, case by case, so the noise
  // of a shared machine hits both alike (an idle server costs nothing but its job poller).
  const setups = [];
  try {
    for (const engine of engines) {
      const s = await startServer({ engine });
      setups.push({ engine, s });
      const gen = await generatePeople({
        sqlitePath: s.sqlitePath,
        databaseUrl: engine === 'postgres' ? s.databaseUrl : null,
        n,
      });
      log(`list: ${engine}: ${gen.inserted} people generated in ${gen.ms} ms`);
    }
    for (const st of setups) {
      const { s, engine } = st;
      const { cookie } = await login(s.url);
      st.headers = { cookie };
      st.listPath = '/api/org/people?limit=50';
      st.searchPath = '/api/org/people?limit=50&q=nguyen';
      const probe = await waitForRoute(s.url, st.listPath, cookie, {
        timeoutMs: waitRouteS * 1000,
        intervalMs: 5000,
      });
      if (probe.status === 404) {
        log('list: /api/org/people still answers 404 — falling back to /api/users?limit=50');
        st.listPath = '/api/users?limit=50';
        st.searchPath = null;
      } else if (probe.status !== 200) {
        throw new Error(`${st.listPath} answered ${probe.status}: ${probe.body.slice(0, 300)}`);
      }
      usedPath = st.listPath;
      st.totals = {};
      for (const p of [st.listPath, st.searchPath].filter(Boolean)) {
        const body = JSON.parse((await httpGet(s.url + p, { headers: st.headers })).body);
        st.totals[p] = { total: body.total, items: body.items.length };
      }
      log(`list: ${engine}: warm-up`);
      await runLoad({ url: s.url, path: st.listPath, headers: st.headers, duration: 3, connections });
      // the CPU of the pool's PostgreSQL backends is counted as "db" (pids re-read during each run)
      st.watcher = engine === 'postgres' ? await pgBackendWatcher(s.databaseUrl) : null;
    }
    const cases = (st) => [
      ['session baseline', '/api/permissions'],
      ['list', st.listPath],
      ...(st.searchPath ? [['search q=nguyen', st.searchPath]] : []),
    ];
    for (let i = 0; i < cases(setups[0]).length; i++) {
      // alternate which engine goes first
      const order = i % 2 === 0 ? setups : [...setups].reverse();
      for (const st of order) {
        const [name, p] = cases(st)[i];
        log(`list: ${st.engine}: ${name} (${p}) c=${connections} for ${duration}s`);
        const r = await runLoad({
          url: st.s.url,
          path: p,
          headers: st.headers,
          duration,
          connections,
          pid: st.s.pid,
          dbPidsFn: st.watcher ? st.watcher.pids : null,
          label: `${st.engine} ${name}`,
        });
        results.push({ engine: st.engine, case: name, ...r, answer: st.totals[p] ?? null });
      }
    }
  } finally {
    for (const { watcher } of setups) {
      await watcher?.close();
    }
    for (const { s } of setups) {
      await s.stop();
    }
  }
  results.sort((x, y) => engines.indexOf(x.engine) - engines.indexOf(y.engine));
  const get = (engine, c) => results.find((r) => r.engine === engine && r.case === c);
  const ratios = {};
  for (const c of ['session baseline', 'list', 'search q=nguyen']) {
    const a = get('sqlite', c);
    const b = get('postgres', c);
    if (a && b) {
      ratios[c] = {
        sqliteOverPostgresReqPerSec: round(a.reqPerSec / b.reqPerSec, 2),
        // per CPU-second of server + database (PostgreSQL backends included): the fair efficiency ratio
        sqliteOverPostgresPerCpuSec:
          a.reqPerServerAndDbCpuSec && b.reqPerServerAndDbCpuSec
            ? round(a.reqPerServerAndDbCpuSec / b.reqPerServerAndDbCpuSec, 2)
            : null,
      };
    }
  }
  for (const e of engines) {
    const base = get(e, 'session baseline');
    const list = get(e, 'list');
    const search = get(e, 'search q=nguyen');
    if (base && list) {
      ratios[`${e}: list / session baseline`] = round(list.reqPerSec / base.reqPerSec, 2);
      // server CPU per request (ms), from the per-CPU-second figures: what the list query itself adds
      // CPU ms per request, server + database (PostgreSQL backends included): what the list query adds
      ratios[`${e}: cpu ms per request (baseline, list, search)`] = [base, list, search]
        .filter(Boolean)
        .map((r) => (r.reqPerServerAndDbCpuSec ? round(1000 / r.reqPerServerAndDbCpuSec, 2) : null));
    }
  }
  return {
    benchmark: 'list-authenticated',
    people: n,
    listPath: usedPath,
    fallbackToUsers: usedPath === '/api/users?limit=50',
    results,
    ratios,
  };
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  printJson(
    await listAuthenticated({
      n: a.n ?? DEFAULT_N,
      duration: a.duration ?? 10,
      connections: a.connections ?? 50,
      engines: String(a.engines ?? 'sqlite,postgres').split(','),
      waitRouteS: a['wait-route'] ?? 120,
    }),
  );
}
