// Registrations per second over HTTP: concurrent `POST /api/incoming` as the clerk `vanthu`, on SQLite
// and on PostgreSQL side by side, into a database of realistic size — a throw-away copy of the one
// bench/incoming-generate.mjs built (default N = 1,000,000), so the read benchmark's data stays as
// generated — or into a fresh demo database with `--n 0`:
//
//   nice -n 10 node bench/incoming-register.mjs [--n 1000000] [--duration 10] [--connections 8] [--rounds 2]
//
// Every request registers a different ordinary document (its own notation, summary from the benchmark
// vocabulary, an issuer from the directory) into the caller's committee register of the current year
// (the API picks it when `registerId` is left out). The engines are measured alternately, round by
// round. Afterwards the numbers given in that register are checked straight in the database: at least
// as many new documents as 201 answers (plus at most the requests still in flight when a round ended),
// distinct, consecutive after the register's previous last number, and the register's counter equal to
// the highest one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSummary, prng } from './incoming-corpus.mjs';
import { DEFAULT_N, benchPaths } from './incoming-generate.mjs';
import {
  PG_ADMIN_URL,
  engineVersions,
  isMain,
  log,
  login,
  machineInfo,
  parseArgs,
  pgBackendWatcher,
  printJson,
  requireFromRoot,
  round,
  runLoad,
  sleep,
  startServer,
  tmpDir,
} from './lib.mjs';

const pgAdmin = async (fn) => {
  const pg = requireFromRoot('pg');
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
};

/**
 * Copies leave gigabytes of dirty pages (1 GB SQLite file, 2 GB PostgreSQL template copy); while the
 * kernel writes them back, every commit's fsync waits behind it (a first run measured 10 registrations/s
 * on SQLite instead of ~250). Flush before measuring.
 */
function settleDisk() {
  execFileSync('sync');
}

/** A copy of the generated database (SQLite file / PostgreSQL template copy) or nothing for --n 0. */
async function copyOf(engine, n) {
  if (n === 0) {
    return { server: {}, drop: async () => {} };
  }
  const paths = benchPaths({ n });
  if (!fs.existsSync(paths.manifest)) {
    throw new Error(`no generated data for N=${n}: run node bench/incoming-generate.mjs --n ${n} first`);
  }
  if (engine === 'sqlite') {
    const dir = tmpDir('vp-bench-reg-');
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir);
    // the generator leaves the file checkpointed; copy a -wal too if a server left one
    for (const suffix of ['', '-wal']) {
      if (fs.existsSync(paths.sqlitePath + suffix)) {
        execFileSync('cp', [
          '--sparse=always',
          paths.sqlitePath + suffix,
          path.join(dataDir, `vanphong.sqlite${suffix}`),
        ]);
      }
    }
    settleDisk();
    return { server: { dataDir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `${paths.pgName}_reg`;
  await pgAdmin(async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name} template ${paths.pgName}`);
  });
  settleDisk();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    server: { databaseUrl: u.toString() },
    drop: async () => pgAdmin((c) => c.query(`drop database if exists ${name} with (force)`)),
  };
}

/** Reads one register's numbers straight from the database. */
async function registerNumbers(s, registerId, afterId) {
  if (s.engine === 'sqlite') {
    const Database = requireFromRoot('better-sqlite3');
    const db = new Database(s.sqlitePath, { readonly: true });
    try {
      return {
        last:
          db.prepare('select last_number as n from incoming_registers where id = ?').get(registerId)?.n ??
          null,
        numbers: db
          .prepare(
            'select arrival_number as n from incoming_documents where register_id = ? and id > ? order by arrival_number',
          )
          .all(registerId, afterId)
          .map((r) => r.n),
        maxId: db.prepare('select coalesce(max(id), 0) as m from incoming_documents').get().m,
      };
    } finally {
      db.close();
    }
  }
  const pg = requireFromRoot('pg');
  const c = new pg.Client({ connectionString: s.databaseUrl });
  await c.connect();
  try {
    return {
      last:
        (await c.query('select last_number as n from incoming_registers where id = $1', [registerId])).rows[0]
          ?.n ?? null,
      numbers: (
        await c.query(
          'select arrival_number as n from incoming_documents where register_id = $1 and id > $2 order by arrival_number',
          [registerId, afterId],
        )
      ).rows.map((r) => r.n),
      maxId: Number((await c.query('select coalesce(max(id), 0) as m from incoming_documents')).rows[0].m),
    };
  } finally {
    await c.end();
  }
}

export async function benchRegistrations({
  n = DEFAULT_N,
  duration = 10,
  connections = 8,
  rounds = 2,
  engines = ['sqlite', 'postgres'],
} = {}) {
  const machine = machineInfo();
  const versions = await engineVersions();
  const setups = [];
  const runs = [];
  try {
    for (const engine of engines) {
      const copy = await copyOf(engine, n);
      setups.push({ engine, copy });
      const s = await startServer({ engine, ...copy.server, seedDemo: n === 0 });
      setups.at(-1).s = s;
      const { cookie, csrfToken } = await login(s.url, 'vanthu');
      const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
      const get = async (p) => {
        const r = await fetch(s.url + p, { headers });
        if (r.status !== 200) {
          throw new Error(`GET ${p} answered ${r.status}: ${(await r.text()).slice(0, 300)}`);
        }
        return r.json();
      };
      const defaults = await get('/api/incoming/form-defaults');
      const orgs = await get(
        `/api/organizations?q=${encodeURIComponent('Ban Tổ chức Trung ương')}&limit=5`,
      ).catch(() => ({ items: [] }));
      const issuerId = orgs.items?.[0]?.id ?? null;
      const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      const documentDate = new Date(Date.now() + 7 * 3_600_000 - 2 * 86_400_000).toISOString().slice(0, 10);
      const rand = prng(engine === 'sqlite' ? 11 : 12);
      let seq = 0;
      const body = () =>
        JSON.stringify({
          issuerId,
          issuerName: issuerId ? '' : 'Ban Tổ chức Trung ương',
          notation: `${1000 + ++seq}-CV/BTCTW`,
          documentDate,
          summary: buildSummary(rand),
          pageCount: 2,
          urgency: seq % 10 === 0 ? 'urgent' : 'normal',
        });
      // warm-up, and the register the API picks
      let registerId = null;
      const before = await registerNumbers(s, 0, 0);
      for (let i = 0; i < 10; i++) {
        const r = await fetch(`${s.url}/api/incoming`, { method: 'POST', headers, body: body() });
        const j = await r.json();
        if (r.status !== 201) {
          throw new Error(
            `${engine}: POST /api/incoming answered ${r.status}: ${JSON.stringify(j).slice(0, 400)}`,
          );
        }
        registerId = j.registerId ?? j.register?.id ?? registerId;
      }
      const start = await registerNumbers(s, registerId, before.maxId);
      const startNumber = start.numbers[0];
      setups.at(-1).ctx = {
        headers,
        body,
        registerId,
        before,
        startNumber,
        created: 10,
        today,
        defaults: defaults.registers?.length ?? null,
      };
      log(`incoming-register: ${engine} ready; register ${registerId}, numbering from ${startNumber}`);
    }
    for (let round_ = 0; round_ < rounds; round_++) {
      for (const st of round_ % 2 ? [...setups].reverse() : setups) {
        const { s, ctx } = st;
        const watcher = st.engine === 'postgres' ? await pgBackendWatcher(s.databaseUrl) : null;
        const r = await runLoad({
          url: s.url,
          requests: [
            {
              method: 'POST',
              path: '/api/incoming',
              headers: ctx.headers,
              setupRequest: (req) => ({ ...req, body: ctx.body() }),
            },
          ],
          duration,
          connections,
          pid: s.pid,
          dbPidsFn: watcher?.pids,
          label: `${st.engine} register`,
        });
        await watcher?.close();
        ctx.created += r.statusCounts['201'] ?? 0;
        runs.push({ engine: st.engine, round: round_ + 1, ...r });
        log(
          `incoming-register: ${st.engine} round ${round_ + 1}: ${r.reqPerSec} registrations/s, p95 ${r.latencyMs.p95} ms, statuses ${JSON.stringify(r.statusCounts)}`,
        );
      }
    }
    // requests still in flight when the last round ended commit within a moment; check after them
    await sleep(2000);
    const checks = {};
    for (const { engine, s, ctx } of setups) {
      const after = await registerNumbers(s, ctx.registerId, ctx.before.maxId);
      const nums = after.numbers;
      const distinct = new Set(nums).size === nums.length;
      const consecutive = nums.every((x, i) => x === ctx.startNumber + i);
      checks[engine] = {
        registerId: ctx.registerId,
        created201: ctx.created,
        newRows: nums.length,
        firstNumber: nums[0],
        lastNumber: nums.at(-1),
        registerLastNumber: after.last,
        distinct,
        consecutive,
        // autocannon stops counting at the end of each round while up to `connections` requests are still
        // in flight; the server commits those too, so a few more rows than counted 201s are expected
        uncountedAtRoundEnds: nums.length - ctx.created,
        ok:
          distinct &&
          consecutive &&
          after.last === nums.at(-1) &&
          nums.length >= ctx.created &&
          nums.length - ctx.created <= connections * rounds,
      };
      log(`incoming-register: ${engine} numbers check: ${JSON.stringify(checks[engine])}`);
    }
    const byEngine = Object.fromEntries(
      setups.map(({ engine }) => {
        const rs = runs.filter((r) => r.engine === engine);
        const med = (f) => {
          const v = rs.map(f).sort((a, b) => a - b);
          return v.length % 2 ? v[v.length >> 1] : round((v[v.length / 2 - 1] + v[v.length / 2]) / 2, 1);
        };
        return [
          engine,
          {
            reqPerSecMedian: med((r) => r.reqPerSec),
            reqPerSecByRound: rs.map((r) => r.reqPerSec),
            p50Median: med((r) => r.latencyMs.p50),
            p95Median: med((r) => r.latencyMs.p95),
            serverCpuCores: med((r) => r.serverCpuCores),
            dbCpuCores: rs[0]?.dbCpuCores === null ? null : med((r) => r.dbCpuCores),
            perCpuSec: med((r) => r.reqPerServerAndDbCpuSec),
            otherCpuCores: med((r) => r.otherCpuCores),
          },
        ];
      }),
    );
    return {
      machine,
      engines: versions,
      n,
      duration,
      connections,
      rounds,
      user: 'vanthu',
      byEngine,
      checks,
      runs,
    };
  } finally {
    for (const st of setups) {
      await st.s?.stop({ keepData: true });
      await st.copy.drop();
    }
  }
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  const out = await benchRegistrations({
    n: a.n ?? DEFAULT_N,
    duration: a.duration ?? 10,
    connections: a.connections ?? 8,
    rounds: a.rounds ?? 2,
    engines: a.engines ? String(a.engines).split(',') : ['sqlite', 'postgres'],
  });
  printJson(out);
}
