// Where the time of the incoming list goes, engine-side: runs the app's own `listIncoming` (imported
// through tsx) as the clerk `vanthu` on the generated databases, captures every SQL statement it issues
// (Kysely's log hook) with its time, and prints the plan of each: EXPLAIN QUERY PLAN on SQLite, EXPLAIN
// (ANALYZE, BUFFERS) on PostgreSQL. No HTTP, no JSON: the floor under the HTTP figures.
//
//   nice -n 10 node bench/incoming-plans.mjs [--n 1000000] [--engines sqlite,postgres] [--only overdue,q=] [--reps 5] [--plans]
//
// `--only` filters the cases by substring of their query string.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { URLSearchParams, pathToFileURL } from 'node:url';
import { SEARCH_QUERIES } from './incoming-corpus.mjs';
import { DEFAULT_N, benchPaths } from './incoming-generate.mjs';
import { ROOT, isMain, log, median, parseArgs, printJson, requireFromRoot, round } from './lib.mjs';

const here = pathToFileURL(path.join(ROOT, 'bench', 'x.mjs')).href;

export const PLAN_CASES = [
  '',
  'limit=20',
  'offset=950',
  'year=2025&status=done',
  'year=2024&status=in_progress',
  'status=registered',
  'overdue=true',
  'dueSoon=true',
  'urgency=flash',
  'secrecy=secret',
  'from=2025-03-01&to=2025-03-31',
  'sort=deadline_asc',
  'sort=urgency_desc',
  'sort=arrival_asc',
  'inbox=mine',
  ...SEARCH_QUERIES.map((s) => `q=${s.q}`),
  'q=đảng viên&year=2025',
  'q=tỉnh&urgency=flash',
];

async function openKysely(engine, paths, captured) {
  const { Kysely, SqliteDialect, PostgresDialect } = requireFromRoot('kysely');
  const logFn = (e) => {
    if (e.level === 'query') {
      captured.push({ sql: e.query.sql, params: e.query.parameters, ms: e.queryDurationMillis });
    }
  };
  if (engine === 'sqlite') {
    const Database = requireFromRoot('better-sqlite3');
    const raw = new Database(paths.sqlitePath);
    raw.pragma('journal_mode = WAL');
    raw.pragma('optimize = 0x10002'); // as the app does at open
    return { db: new Kysely({ dialect: new SqliteDialect({ database: raw }), log: logFn }), raw };
  }
  const pg = requireFromRoot('pg');
  const pool = new pg.Pool({ connectionString: paths.pgUrl, max: 2 });
  return { db: new Kysely({ dialect: new PostgresDialect({ pool }), log: logFn }), pool };
}

async function planOf(engine, h, q) {
  if (engine === 'sqlite') {
    return h.raw
      .prepare(`explain query plan ${q.sql}`)
      .all(...q.params)
      .map((r) => `${'  '.repeat(Math.max(0, r.parent ? 1 : 0))}${r.detail}`);
  }
  const c = await h.pool.connect();
  try {
    return (await c.query(`explain (analyze, buffers, costs off) ${q.sql}`, q.params)).rows.map(
      (r) => r['QUERY PLAN'],
    );
  } finally {
    c.release();
  }
}

export async function incomingPlans({
  n = DEFAULT_N,
  engines = ['sqlite', 'postgres'],
  only = null,
  reps = 5,
  plans = true,
} = {}) {
  const paths = benchPaths({ n });
  const { tsImport } = await import('tsx/esm/api');
  const repo = await tsImport('../apps/server/src/modules/incoming/incoming.list.repository.ts', here);
  const contracts = await tsImport('../packages/contracts/src/index.ts', here);
  const { dialectFor } = await tsImport('../apps/server/src/platform/db/dialect.ts', here);
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const soon = new Date(Date.now() + 7 * 3_600_000 + 4 * 86_400_000).toISOString().slice(0, 10);
  const cases = only ? PLAN_CASES.filter((c) => only.some((o) => c.includes(o))) : PLAN_CASES;
  const out = [];
  for (const engine of engines) {
    const captured = [];
    const h = await openKysely(engine, paths, captured);
    try {
      const { sql } = requireFromRoot('kysely');
      const committees = (await sql`select id, parent_id from committees`.execute(h.db)).rows;
      const users = (
        await sql`select id, scope_committee_id, scope_agency_id from users where username = 'vanthu'`.execute(
          h.db,
        )
      ).rows[0];
      const tree = new Set([users.scope_committee_id]);
      for (let grew = true; grew;) {
        grew = false;
        for (const c of committees) {
          if (c.parent_id !== null && tree.has(c.parent_id) && !tree.has(c.id)) {
            tree.add(c.id);
            grew = true;
          }
        }
      }
      const viewer = {
        userId: users.id,
        agencyId: users.scope_agency_id,
        committeeIds: [...tree],
        wide: true,
        clearanceRank: 2,
      };
      const d = dialectFor(engine);
      for (const c of cases) {
        const q = contracts.incomingListQuery.parse(Object.fromEntries(new URLSearchParams(c)));
        const lc = { today, soonLimit: soon, handlesForUnit: false, registers: true };
        const times = [];
        let stmts = [];
        let answer = null;
        for (let i = 0; i < reps + 1; i++) {
          captured.length = 0;
          const t0 = performance.now();
          answer = await repo.listIncoming(h.db, d, viewer, q, lc);
          if (i > 0) {
            times.push(performance.now() - t0);
            stmts.push(captured.map((s) => s.ms));
          }
        }
        const last = [...captured];
        const row = {
          engine,
          case: c || '(default)',
          ms: round(median(times), 2),
          statementsMs: last.map((_, j) => round(median(stmts.map((s) => s[j])), 2)),
          total: answer.total,
          totalCapped: answer.totalCapped,
          items: answer.items.length,
        };
        if (plans) {
          row.statements = [];
          for (const s of last) {
            row.statements.push({ sql: s.sql, params: s.params, plan: await planOf(engine, h, s) });
          }
        }
        out.push(row);
        log(
          `incoming-plans: ${engine} ${row.case}: ${row.ms} ms [${row.statementsMs.join(' + ')}] total ${row.total}${row.totalCapped ? '+' : ''}`,
        );
      }
    } finally {
      await h.db.destroy();
    }
  }
  return { n, user: 'vanthu', results: out };
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  printJson(
    await incomingPlans({
      n: a.n ?? DEFAULT_N,
      engines: a.engines ? String(a.engines).split(',') : ['sqlite', 'postgres'],
      only: a.only ? String(a.only).split(',') : null,
      reps: a.reps ?? 5,
      plans: a.plans !== 'false',
    }),
  );
}
