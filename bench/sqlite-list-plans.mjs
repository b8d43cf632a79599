// Why GET /api/org/people is slow on SQLite with many people: times, in-process with better-sqlite3
// (cached prepared statements, so this is pure SQLite time), the two statements listPeople() issues for an
// admin whose scope is the whole tree — the page (ORDER BY full_name_folded, id LIMIT 50) and the COUNT(*)
// for `total` — as the application writes them today and in a few alternative forms, with their query
// plans. Nothing in the application is changed; this only shows where the time goes and what would help.
//
//   node bench/sqlite-list-plans.mjs [--n 20000] [--iterations 50]
import fs from 'node:fs';
import { generatePeople, DEFAULT_N } from './generate-data.mjs';
import { isMain, median, parseArgs, printJson, requireFromRoot, round, startServer } from './lib.mjs';

const COLS =
  'p.id, p.full_name, p.gender, p.birth_year, p.committee_id, p.agency_id, p.position_id, pos.name as position_name, p.email, p.phone, p.active';
const FROM = 'from people as p left join positions as pos on pos.id = p.position_id';
const LIKE = "p.full_name_folded like ? escape '\\'";

export async function sqliteListPlans({ n = DEFAULT_N, iterations = 50 } = {}) {
  const s = await startServer({ engine: 'sqlite', logLevel: 'warn' });
  const file = s.sqlitePath;
  let dir = null;
  try {
    await generatePeople({ sqlitePath: file, n });
    await s.stop({ keepData: true });
    dir = s.dataDir;
    const Database = requireFromRoot('better-sqlite3');
    const db = new Database(file, { readonly: false });
    const ids = db
      .prepare('select id from committees order by id')
      .all()
      .map((r) => r.id);
    const inList = `(${ids.map(() => '?').join(', ')})`;
    const cases = [
      [
        'page — as today (committee_id IN subtree)',
        `select ${COLS} ${FROM} where p.committee_id in ${inList} order by p.full_name_folded, p.id limit ? offset ?`,
        [...ids, 50, 0],
      ],
      [
        'page — IN with unary + (index on committee_id not used)',
        `select ${COLS} ${FROM} where +p.committee_id in ${inList} order by p.full_name_folded, p.id limit ? offset ?`,
        [...ids, 50, 0],
      ],
      [
        'page — no IN (scope covers the whole tree)',
        `select ${COLS} ${FROM} order by p.full_name_folded, p.id limit ? offset ?`,
        [50, 0],
      ],
      [
        'count — as today (keeps the LEFT JOIN positions)',
        `select count(*) as n ${FROM} where p.committee_id in ${inList}`,
        ids,
      ],
      [
        'count — without the join',
        `select count(*) as n from people as p where p.committee_id in ${inList}`,
        ids,
      ],
      [
        'search page q=nguyen — as today',
        `select ${COLS} ${FROM} where p.committee_id in ${inList} and ${LIKE} order by p.full_name_folded, p.id limit ? offset ?`,
        [...ids, '%nguyen%', 50, 0],
      ],
      [
        'search page q=nguyen — IN with unary +',
        `select ${COLS} ${FROM} where +p.committee_id in ${inList} and ${LIKE} order by p.full_name_folded, p.id limit ? offset ?`,
        [...ids, '%nguyen%', 50, 0],
      ],
      [
        'search count q=nguyen — as today',
        `select count(*) as n ${FROM} where p.committee_id in ${inList} and ${LIKE}`,
        [...ids, '%nguyen%'],
      ],
      [
        'search count q=nguyen — no join, unary +',
        `select count(*) as n from people as p where +p.committee_id in ${inList} and ${LIKE}`,
        [...ids, '%nguyen%'],
      ],
    ];
    const measure = (label) =>
      cases.map(([name, sql, params]) => {
        const st = db.prepare(sql);
        st.all(...params);
        const ts = [];
        for (let i = 0; i < iterations; i++) {
          const t0 = process.hrtime.bigint();
          st.all(...params);
          ts.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
        const plan = db
          .prepare(`explain query plan ${sql}`)
          .all(...params)
          .map((r) => r.detail);
        return { stats: label, case: name, medianMs: round(median(ts), 3), plan };
      });
    const before = measure('no ANALYZE (as deployed: the app never runs it)');
    db.exec('analyze');
    const after = measure('after ANALYZE');
    db.close();
    return {
      benchmark: 'sqlite-list-plans',
      people: n,
      committees: ids.length,
      iterations,
      results: [...before, ...after],
    };
  } finally {
    if (dir) {
      fs.rmSync(s.dataDir, { recursive: true, force: true });
    }
    await s.stop();
  }
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  printJson(await sqliteListPlans({ n: a.n ?? DEFAULT_N, iterations: a.iterations ?? 50 }));
}
