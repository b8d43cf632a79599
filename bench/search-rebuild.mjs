// Index build rate of the search (issue 7): the app's own `rebuildSearchIndex` (search.rebuild.ts — clears
// the index, then loads every record in batches through the sources' `load` and writes its entries), run
// in-process on the databases of bench/search-generate.mjs, one engine after the other:
//
//   nice -n 10 node bench/search-rebuild.mjs [--n 1000000] [--engines sqlite,postgres] [--batch 2000] [--profile]
//        [--sorted-batches]   # experiment: the sources' load() answers in entry-id order (a fix proposed for the app)
//        [--gin-after]        # experiment (PostgreSQL): GIN index dropped before, created after (restored from pg_indexes)
//
// Reported per engine: documents/s, wall and CPU time (this process; PostgreSQL's backends too), where the
// time goes — every statement the rebuild issues is timed through a Kysely plugin on the app's context and
// grouped (load of the records, of the attachments, file texts read, entries and postings written, the
// final FTS5 'optimize' / ANALYZE); the rest is JavaScript (tokens, row building, Kysely compiling). The
// cost of `indexTokens` alone is measured afterwards on a sample of loaded records. `--profile` adds a CPU
// profile (node:inspector) of the whole rebuild, summarised by function. Index sizes at the end.
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { sql } from './search-app.mjs';
import { DEFAULT_N, benchPaths } from './incoming-generate.mjs';
import {
  cpuMsOf,
  engineVersions,
  isMain,
  log,
  machineInfo,
  parseArgs,
  pgBackendWatcher,
  printJson,
  requireFromRoot,
  round,
} from './lib.mjs';
import { appContext, classifyNode, searchModules, summariseProfile, timedContext } from './search-app.mjs';
import { searchManifestPath } from './search-generate.mjs';

async function indexSizes(engine, paths) {
  if (engine === 'sqlite') {
    const Database = requireFromRoot('better-sqlite3');
    const db = new Database(paths.sqlitePath);
    try {
      const t0 = performance.now();
      db.pragma('wal_checkpoint(TRUNCATE)');
      const checkpointS = round((performance.now() - t0) / 1000, 1);
      const sum = (like) =>
        db.prepare(`select coalesce(sum(pgsize), 0) as b from dbstat where name like ?`).get(like).b;
      const entriesIdx = db
        .prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'search_entries'`)
        .all()
        .map((r) => r.name);
      const idxBytes = entriesIdx.reduce(
        (a, nm) =>
          a + db.prepare('select coalesce(sum(pgsize), 0) as b from dbstat where name = ?').get(nm).b,
        0,
      );
      return {
        checkpointAfterS: checkpointS,
        ftsMB: round(sum('search_fts%') / 1e6, 0),
        entriesMB: round(sum('search_entries') / 1e6, 0),
        entriesIndexesMB: round(idxBytes / 1e6, 0),
        fileMB: round(fs.statSync(paths.sqlitePath).size / 1e6, 0),
        entries: db.prepare('select count(*) as c from search_entries').get().c,
      };
    } finally {
      db.close();
    }
  }
  const pg = requireFromRoot('pg');
  const c = new pg.Client({ connectionString: paths.pgUrl });
  await c.connect();
  try {
    const b = async (s) => Number((await c.query(s)).rows[0].b);
    return {
      tableMB: round((await b(`select pg_table_size('search_entries') as b`)) / 1e6, 0),
      ginMB: round((await b(`select pg_relation_size('search_entries_vector') as b`)) / 1e6, 0),
      otherIndexesMB: round(
        ((await b(`select pg_indexes_size('search_entries') as b`)) -
          (await b(`select pg_relation_size('search_entries_vector') as b`))) /
          1e6,
        0,
      ),
      totalMB: round((await b(`select pg_total_relation_size('search_entries') as b`)) / 1e6, 0),
      databaseMB: round((await b('select pg_database_size(current_database()) as b')) / 1e6, 0),
      entries: await b('select count(*) as b from search_entries'),
    };
  } finally {
    await c.end();
  }
}

/** indexTokens alone over `sample` records loaded by the incoming source (fields, body, file texts). */
async function tokenCost(ctx, sample) {
  const { registry, tokens } = await searchModules();
  const src = registry.searchSource('incoming');
  const ids = (
    await ctx.db.selectFrom('incoming_documents').select('id').orderBy('id', 'desc').limit(sample).execute()
  ).map((r) => r.id);
  const docs = [];
  for (let i = 0; i < ids.length; i += 2000) {
    docs.push(...(await src.load(ctx.db, ids.slice(i, i + 2000))));
  }
  const fileIds = docs.flatMap((d) => (d.secret ? [] : d.fileIds));
  const texts = new Map();
  for (let i = 0; i < fileIds.length; i += 900) {
    for (const r of await ctx.db
      .selectFrom('file_texts')
      .select(['file_id', 'text'])
      .where('file_id', 'in', fileIds.slice(i, i + 900))
      .execute()) {
      texts.set(r.file_id, r.text);
    }
  }
  let n = 0;
  let chars = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const d of docs) {
    const parts = [...d.fields, d.body, ...(d.secret ? [] : d.fileIds.map((f) => texts.get(f) ?? ''))];
    const t = tokens.indexTokens(...parts);
    n += t.length;
    chars += t.join(' ').length;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    records: docs.length,
    withText: docs.filter((d) => d.fileIds.length > 0).length,
    usPerRecord: round((ms * 1000) / docs.length, 1),
    cpuUsPerRecord: round((cpu.user + cpu.system) / docs.length, 1),
    tokensPerRecord: round(n / docs.length, 0),
    tokenCharsPerRecord: round(chars / docs.length, 0),
  };
}

export async function rebuildBench({
  n = DEFAULT_N,
  engines = ['sqlite', 'postgres'],
  batch = 2000,
  profile = false,
  tokenSample = 20_000,
  sortedBatches = false,
  ginAfter = false,
} = {}) {
  const paths = benchPaths({ n });
  const bodies = fs.existsSync(searchManifestPath(n))
    ? JSON.parse(fs.readFileSync(searchManifestPath(n), 'utf8'))
    : null;
  if (!bodies) {
    throw new Error(`no search data for N=${n}: run node bench/search-generate.mjs --n ${n} first`);
  }
  const { rebuild, registry } = await searchModules();
  if (sortedBatches) {
    // Experiment (the fix proposed for the app, applied from outside): every source's `load` answers its
    // records in entry-id order (date, then id), so each batch reaches FTS5 with ascending rowids.
    // FTS5 flushes its pending terms to a new segment whenever a rowid is lower than the one before
    // (sqlite3Fts5IndexBeginWrite), so unsorted batches make thousands of tiny segments to merge.
    for (const src of registry.searchSources()) {
      const load = src.load;
      src.load = async (db, ids) =>
        (await load.call(src, db, ids)).sort((x, y) => x.date.localeCompare(y.date) || x.refId - y.refId);
    }
  }
  const machine = machineInfo();
  const versions = await engineVersions();
  const out = [];
  for (const engine of engines) {
    const base = await appContext(engine, paths);
    const groups = new Map();
    const { ctx } = timedContext(base, {
      onRecord: (node, ms) => {
        const k = classifyNode(node);
        const g = groups.get(k) ?? { statements: 0, ms: 0 };
        g.statements++;
        g.ms += ms;
        groups.set(k, g);
      },
    });
    const watcher = engine === 'postgres' ? await pgBackendWatcher(paths.pgUrl) : null;
    const dbCpu = new Map();
    const readDb = async () => {
      for (const p of (await watcher?.pids()) ?? []) {
        try {
          const v = cpuMsOf(p);
          const e = dbCpu.get(p);
          dbCpu.set(p, { base: e?.base ?? v, last: v });
        } catch {
          /* gone */
        }
      }
    };
    await readDb();
    const dbTimer = watcher ? setInterval(() => void readDb(), 1000) : null;
    let session = null;
    if (profile) {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 1000 });
      await session.post('Profiler.start');
    }
    // Experiment (PostgreSQL): the GIN index dropped before the rebuild and created after it, the way a
    // bulk load is usually done; the definition is read back from pg_indexes, so the index is restored.
    let ginDef = null;
    if (ginAfter && engine === 'postgres') {
      ginDef = (
        await sql`select indexdef from pg_indexes where indexname = 'search_entries_vector'`.execute(base.db)
      ).rows[0]?.indexdef;
      await sql`drop index if exists search_entries_vector`.execute(base.db);
    }
    const load0 = machine.loadAvg;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let last = t0;
    log(`search-rebuild: ${engine}: rebuildSearchIndex (batch ${batch})…`);
    const result = await rebuild.rebuildSearchIndex(
      ctx,
      { actorUserId: null, actorName: 'bench', ip: null },
      {
        batch,
        onProgress: (kind, done) => {
          if (done % 100_000 < batch && performance.now() - last > 1000) {
            last = performance.now();
            log(
              `search-rebuild: ${engine}: ${kind} ${done.toLocaleString('en-US')} (${round((last - t0) / 1000, 0)} s)`,
            );
          }
        },
      },
    );
    let ginCreateS = null;
    if (ginDef) {
      const g0 = performance.now();
      await sql`set maintenance_work_mem = '256MB'`.execute(base.db);
      await sql.raw(ginDef).execute(base.db);
      ginCreateS = round((performance.now() - g0) / 1000, 1);
      log(`search-rebuild: ${engine}: GIN index created after the load in ${ginCreateS} s`);
    }
    const wallS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    let prof = null;
    if (session) {
      const { profile: p } = await session.post('Profiler.stop');
      session.disconnect();
      prof = summariseProfile(p);
    }
    if (dbTimer) {
      clearInterval(dbTimer);
    }
    await readDb();
    await watcher?.close();
    const loadAfter = machineInfo().loadAvg;
    const stmtMs = [...groups.values()].reduce((a, g) => a + g.ms, 0);
    const total = Object.values(result.indexed).reduce((a, b) => a + b, 0);
    const tokens = await tokenCost(base, tokenSample);
    await base.close();
    const sizes = await indexSizes(engine, paths);
    const row = {
      engine,
      batch,
      sortedBatches,
      ginAfter: Boolean(ginDef),
      ginCreateS,
      indexed: result.indexed,
      documents: total,
      // with --gin-after, the index build after the load counts too
      seconds: round(result.seconds + (ginCreateS ?? 0), 1),
      docsPerSecond: round(total / (result.seconds + (ginCreateS ?? 0)), 0),
      wallS: round(wallS, 1),
      processCpuS: round((cpu.user + cpu.system) / 1e6, 1),
      processCores: round((cpu.user + cpu.system) / 1e6 / wallS, 2),
      dbCpuS: watcher
        ? round([...dbCpu.values()].reduce((a, e) => a + (e.last - e.base), 0) / 1000, 1)
        : null,
      loadAvgBefore: load0,
      loadAvgAfter: loadAfter,
      statements: [...groups]
        .map(([what, g]) => ({
          what,
          statements: g.statements,
          s: round(g.ms / 1000, 1),
          pct: round((100 * g.ms) / 1000 / wallS, 1),
        }))
        .sort((a, b) => b.s - a.s),
      outsideStatementsS: round(wallS - stmtMs / 1000, 1),
      tokens: { ...tokens, estimatedCpuS: round((tokens.cpuUsPerRecord * total) / 1e6, 1) },
      sizes,
      profile: prof,
    };
    out.push(row);
    log(
      `search-rebuild: ${engine}: ${total.toLocaleString('en-US')} records in ${row.seconds} s = ${row.docsPerSecond}/s`,
    );
  }
  return {
    machine,
    engines: versions,
    n,
    bodies: { count: bodies.bodies, meanWords: bodies.words.mean, textMB: bodies.textMB },
    results: out,
  };
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  const r = await rebuildBench({
    n: a.n ?? DEFAULT_N,
    engines: a.engines ? String(a.engines).split(',') : ['sqlite', 'postgres'],
    batch: a.batch ?? 2000,
    profile: Boolean(a.profile),
    sortedBatches: Boolean(a['sorted-batches']),
    ginAfter: Boolean(a['gin-after']),
  });
  printJson(r);
  process.exit(0);
}
