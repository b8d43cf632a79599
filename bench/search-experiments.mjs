// Experiments behind the fixes proposed from the search benchmarks (issue 7) — evidence, not app code:
//
//   nice -n 10 node bench/search-experiments.mjs fts-order [--k 200000]   # FTS5 insert cost by rowid order
//   nice -n 10 node bench/search-experiments.mjs narrow [--reps 7]        # a specialist's walk: as issued vs driven by his documents
//   nice -n 10 node bench/search-experiments.mjs fold                     # foldAligned / scoreFields over 1,000 candidates
//   nice -n 10 node bench/search-experiments.mjs pg-walk [--reps 7]       # vanthu's walk on PostgreSQL: as issued vs a join per kind
//   nice -n 10 node bench/search-experiments.mjs tokens                   # indexTokens per record, and with a per-character fold
//
// fts-order: the newest K incoming documents of the 1M SQLite benchmark database, tokenised with the app's
//   `indexTokens`, written into a fresh FTS5 table defined as migration 0010 defines `search_fts`, 200 rows per
//   statement, 2,000 per transaction, then 'optimize' — with rowids (a) the document ids, ascending; (b) the
//   app's entry ids in the rebuild's order (document id order, entry id = document date × 2^32 + …);
//   (c) the same entry ids sorted inside each 2,000-row batch. CPU seconds of this process.
// narrow: for `chuyenvien` (few visible documents), the walk statement the app issues (captured from its own
//   `search()`), against the same search driven by the documents that name him (participants → entries →
//   postings), on both engines; times and plans.
// fold: the candidates' scoring as search.rank.ts does it, and with a per-character memo of foldAligned.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_N, benchPaths } from './incoming-generate.mjs';
import { isMain, log, median, parseArgs, printJson, requireFromRoot, round, tmpDir } from './lib.mjs';
import { actorOf, appContext, classify, searchModules, timedContext } from './search-app.mjs';

const cpuS = (c) => (c.user + c.system) / 1e6;
const FTS_DDL = `create virtual table search_fts using fts5(tokens, content='', contentless_delete=1, detail=none, tokenize="unicode61 remove_diacritics 0 tokenchars '_'")`;

async function ftsOrder({ n, k }) {
  const Database = requireFromRoot('better-sqlite3');
  const { tokens } = await searchModules();
  const src = new Database(benchPaths({ n }).sqlitePath, { readonly: true });
  const docs = src
    .prepare(
      `select d.id, d.document_date, d.summary, d.notation, d.issuer_name, d.signer, d.note, d.secrecy,
              (select group_concat(x.text, ' ') from incoming_attachments a join file_texts x on x.file_id = a.file_id
                where a.document_id = d.id and x.status = 'done') as body
         from incoming_documents d order by d.id desc limit ?`,
    )
    .all(k)
    .reverse();
  src.close();
  const entryId = (d) => {
    const [y, m, dd] = d.document_date.split('-').map(Number);
    return (
      Math.floor((Date.UTC(y, m - 1, dd) - Date.UTC(1900, 0, 1)) / 86_400_000) * 2 ** 32 + 2 ** 28 + d.id
    );
  };
  const rows = docs.map((d) => ({
    id: d.id,
    eid: entryId(d),
    t: tokens
      .indexTokens(
        d.summary,
        d.notation,
        d.issuer_name,
        d.signer,
        d.note,
        d.secrecy === 'none' ? d.body : null,
      )
      .join(' '),
  }));
  const dir = tmpDir('vp-fts-');
  const out = [];
  try {
    for (const variant of [
      'document ids (ascending)',
      'entry ids, rebuild order (as the app)',
      'entry ids, sorted per batch',
    ]) {
      const file = path.join(dir, 'x.sqlite');
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec(FTS_DDL);
      const stmts = new Map();
      const ins = (m) =>
        stmts.get(m) ??
        (stmts.set(
          m,
          db.prepare(`insert into search_fts (rowid, tokens) values ${Array(m).fill('(?, ?)').join(', ')}`),
        ),
        stmts.get(m));
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      for (let i = 0; i < rows.length; i += 2000) {
        let batch = rows.slice(i, i + 2000).map((r) => [variant.startsWith('document') ? r.id : r.eid, r.t]);
        if (variant.includes('sorted')) {
          batch = batch.sort((a, b) => a[0] - b[0]);
        }
        db.transaction(() => {
          for (let j = 0; j < batch.length; j += 200) {
            const part = batch.slice(j, j + 200);
            ins(part.length).run(part.flat());
          }
        })();
      }
      const insertCpu = cpuS(process.cpuUsage(c0));
      const w1 = performance.now();
      db.exec(`insert into search_fts (search_fts) values ('optimize')`);
      const totalCpu = cpuS(process.cpuUsage(c0));
      const size = db.prepare(`select sum(pgsize) as b from dbstat where name like 'search_fts%'`).get().b;
      out.push({
        variant,
        records: rows.length,
        insertWallS: round((w1 - w0) / 1000, 1),
        insertCpuS: round(insertCpu, 1),
        optimizeCpuS: round(totalCpu - insertCpu, 1),
        recordsPerCpuS: round(rows.length / totalCpu, 0),
        ftsMB: round(size / 1e6, 0),
      });
      log(`search-experiments: fts-order: ${JSON.stringify(out[out.length - 1])}`);
      db.close();
      for (const f of fs.readdirSync(dir)) {
        fs.rmSync(path.join(dir, f));
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------

const PARTICIPANTS = (ph) => `
  select id from incoming_documents where presented_to = ${ph.u}
  union select id from incoming_documents where lead_user_id = ${ph.u}
  union select document_id from incoming_recipients
         where active = 1 and (user_id = ${ph.u} or (agency_id = ${ph.a} and role in ('lead', 'co', 'info')))
  union select document_id from incoming_trail
         where actor_id = ${ph.u} and action in ('registered', 'presented', 'directed', 'redirected', 'started', 'completed', 'filed', 'returned')`;

/** The specialist's search driven by his documents: participants → entries → postings of those entries. */
function narrowSql(engine, v, q) {
  if (engine === 'sqlite') {
    const ph = { u: '@u', a: '@a' };
    return {
      sql: `with p(id) as (${PARTICIPANTS(ph)})
        select e.id, e.kind, e.ref_id from p
          join search_entries e on e.kind = 'incoming' and e.ref_id = p.id
          join incoming_documents d on d.id = e.ref_id
         where d.secrecy_rank <= @r and d.committee_id in (${v.committeeIds.join(', ')})
           and exists (select 1 from search_fts f where f.search_fts match @m and f.rowid = e.id)
         order by e.id desc limit 1001`,
      params: {
        u: v.userId,
        a: v.agencyId,
        r: v.clearanceRank,
        m: q.tokens.map((t) => `"${t}"`).join(' AND '),
      },
    };
  }
  return {
    sql: `with p(id) as (${PARTICIPANTS({ u: '$1', a: '$2' })})
      select e.id, e.kind, e.ref_id from search_entries e
        join incoming_documents d on d.id = e.ref_id
       where e.kind = 'incoming' and e.ref_id in (select id from p)
         and d.secrecy_rank <= $3 and d.committee_id = any($4::int[])
         and e.search_vector @@ $5::tsquery
       order by e.id desc limit 1001`,
    params: [
      v.userId,
      v.agencyId,
      v.clearanceRank,
      v.committeeIds,
      q.tokens.map((t) => `'${t}'`).join(' & '),
    ],
  };
}

async function narrow({ n, reps, queries }) {
  const { query, contracts, tokens } = await searchModules();
  const { incomingViewer } = await import(
    path.join(process.cwd(), 'apps/server/src/modules/incoming/incoming.visibility.ts')
  );
  const paths = benchPaths({ n });
  const out = [];
  for (const engine of ['sqlite', 'postgres']) {
    const base = await appContext(engine, paths);
    const { ctx, records, sqlOf } = timedContext(base);
    const actor = await actorOf(base, 'chuyenvien');
    const viewer = await incomingViewer(base.db, actor);
    let run;
    let plan;
    let close;
    if (engine === 'sqlite') {
      const Database = requireFromRoot('better-sqlite3');
      const db = new Database(paths.sqlitePath, { readonly: true });
      run = (s, p) => (Array.isArray(p) ? db.prepare(s).all(...p) : db.prepare(s).all(p)).length;
      plan = (s, p) =>
        (Array.isArray(p)
          ? db.prepare(`explain query plan ${s}`).all(...p)
          : db.prepare(`explain query plan ${s}`).all(p)
        ).map((r) => r.detail);
      close = () => db.close();
    } else {
      const pg = requireFromRoot('pg');
      const c = new pg.Client({ connectionString: paths.pgUrl, options: '-c jit=off' });
      await c.connect();
      run = async (s, p) => (await c.query(s, p)).rowCount;
      plan = async (s, p) =>
        (await c.query(`explain (analyze, buffers, costs off) ${s}`, p)).rows.map((r) => r['QUERY PLAN']);
      close = () => c.end();
    }
    const time = async (fn) => {
      const ms = [];
      let rows = 0;
      for (let i = 0; i < reps + 1; i++) {
        const t0 = performance.now();
        rows = await fn();
        if (i > 0) {
          ms.push(performance.now() - t0);
        }
      }
      return { p50: round(median(ms), 1), max: round(Math.max(...ms), 1), rows };
    };
    try {
      for (const text of queries) {
        records.length = 0;
        await query.search(
          ctx,
          { ...actor, permissions: new Set(actor.permissions) },
          contracts.searchQuery.parse({ q: text, sort: 'date_desc' }),
        );
        const walk = records.map((r) => sqlOf(r)).find((s) => classify(s.sql) === 'walk');
        const alt = narrowSql(engine, viewer, { tokens: tokens.queryTokens(text) });
        const asIs = await time(() => run(walk.sql, walk.parameters));
        const driven = await time(() => run(alt.sql, alt.params));
        const row = {
          engine,
          q: text,
          asIs,
          drivenByHisDocuments: driven,
          planAsIs: await plan(walk.sql, walk.parameters),
          planDriven: await plan(alt.sql, alt.params),
        };
        out.push(row);
        log(
          `search-experiments: narrow ${engine} "${text}": as issued p50 ${asIs.p50} ms (${asIs.rows} rows), driven by his documents p50 ${driven.p50} ms (${driven.rows} rows)`,
        );
      }
    } finally {
      await close();
      await base.close();
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------

const firstIdOfDay = (date) => {
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor((Date.UTC(y, m - 1, d) - Date.UTC(1900, 0, 1)) / 86_400_000) * 2 ** 32;
};

/**
 * vanthu's walk on PostgreSQL: as the app issues it (EXISTS under OR per kind, which PostgreSQL runs as a
 * hashed subplan over every visible document), against a join per kind that probes each walked entry's
 * document by primary key (incoming only: the demo's 11 outgoing documents change nothing here).
 */
async function pgWalk({ n, reps }) {
  const { query, contracts, tokens } = await searchModules();
  const paths = benchPaths({ n });
  const base = await appContext('postgres', paths);
  const { ctx, records, sqlOf } = timedContext(base);
  const actor = await actorOf(base, 'vanthu');
  const types = new Map(
    (await base.db.selectFrom('document_types').select(['id', 'abbreviation']).execute()).map((r) => [
      r.abbreviation,
      r.id,
    ]),
  );
  const pg = requireFromRoot('pg');
  const c = new pg.Client({ connectionString: paths.pgUrl, options: '-c jit=off' });
  await c.connect();
  const cases = [
    { q: 'đảng viên' },
    { q: 'dự toán kinh phí' },
    { q: 'Khe Tre' },
    { q: 'cán bộ', documentTypeId: types.get('CV') },
    { q: 'đảng viên', year: 2025 },
    { q: '', year: 2024 },
  ];
  const out = [];
  try {
    for (const k of cases) {
      records.length = 0;
      const params = {
        q: k.q,
        sort: 'date_desc',
        ...(k.year ? { year: String(k.year) } : {}),
        ...(k.documentTypeId ? { documentTypeId: String(k.documentTypeId) } : {}),
      };
      await query.search(
        ctx,
        { ...actor, permissions: new Set(actor.permissions) },
        contracts.searchQuery.parse(params),
      );
      const walk = records.map((r) => sqlOf(r)).find((s) => classify(s.sql) === 'walk');
      const toks = k.q ? tokens.queryTokens(k.q) : [];
      const p = [[1, 2, 3, 4, 5, 6, 7], 2];
      const where = ["e.kind = 'incoming'", 'd.committee_id = any($1::int[])', 'd.secrecy_rank <= $2'];
      if (toks.length) {
        p.push(toks.map((t) => `'${t}'`).join(' & '));
        where.push(`e.search_vector @@ $${p.length}::tsquery`);
      }
      if (k.documentTypeId) {
        p.push(k.documentTypeId);
        where.push(`d.document_type_id = $${p.length}`);
      }
      if (k.year) {
        p.push(firstIdOfDay(`${k.year}-01-01`) - 1, firstIdOfDay(`${k.year + 1}-01-01`) - 1);
        where.push(
          `e.id > $${p.length - 1} and e.id <= $${p.length}`,
          `d.document_date between '${k.year}-01-01' and '${k.year}-12-31'`,
        );
      }
      const alt = `select e.id, e.kind, e.ref_id from search_entries e join incoming_documents d on d.id = e.ref_id where ${where.join(' and ')} order by e.id desc limit 1001`;
      const time = async (s, v) => {
        const ms = [];
        let rows = 0;
        for (let i = 0; i < reps + 1; i++) {
          const t0 = performance.now();
          rows = (await c.query(s, v)).rowCount;
          if (i > 0) {
            ms.push(performance.now() - t0);
          }
        }
        return { p50: round(median(ms), 1), max: round(Math.max(...ms), 1), rows };
      };
      const plan = async (s, v) =>
        (await c.query(`explain (analyze, buffers, costs off) ${s}`, v)).rows.map((r) => r['QUERY PLAN']);
      const row = {
        case: `${k.q || '(no words)'}${k.year ? ` + year ${k.year}` : ''}${k.documentTypeId ? ' + type CV' : ''}`,
        asIssued: await time(walk.sql, walk.parameters),
        joinPerKind: await time(alt, p),
        planAsIssued: await plan(walk.sql, walk.parameters),
        planJoin: await plan(alt, p),
      };
      out.push(row);
      log(
        `search-experiments: pg-walk "${row.case}": as issued p50 ${row.asIssued.p50} ms (${row.asIssued.rows}), join per kind p50 ${row.joinPerKind.p50} ms (${row.joinPerKind.rows})`,
      );
    }
  } finally {
    await c.end();
    await base.close();
  }
  return out;
}

/**
 * indexTokens over 20,000 loaded records (fields + body text), as tokens.ts does it, and with the text
 * folded through a per-character memo (the tokens keep only [a-z0-9], so folding each character alone
 * gives the same syllables) — checked equal on every record.
 */
async function tokenSpeed({ n, sample = 20_000 }) {
  const { tokens } = await searchModules();
  const Database = requireFromRoot('better-sqlite3');
  const db = new Database(benchPaths({ n }).sqlitePath, { readonly: true });
  const docs = db
    .prepare(
      `select d.summary, d.notation, d.issuer_name, d.signer, d.note,
              (select group_concat(x.text, ' ') from incoming_attachments a join file_texts x on x.file_id = a.file_id
                where a.document_id = d.id and x.status = 'done') as body
         from incoming_documents d order by d.id desc limit ?`,
    )
    .all(sample);
  db.close();
  const memo = new Map();
  const foldChar = (ch) => {
    let f = memo.get(ch);
    if (f === undefined) {
      f = ch
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D')
        .toLowerCase();
      f = /^[a-z0-9]+$/.test(f) ? f : ' ';
      memo.set(ch, f);
    }
    return f;
  };
  const syllablesFast = (text) => {
    let o = '';
    for (const ch of text.normalize('NFC')) {
      o +=
        ch < '\u0080' ? (/[a-z0-9]/.test(ch) ? ch : /[A-Z]/.test(ch) ? ch.toLowerCase() : ' ') : foldChar(ch);
    }
    return o.split(' ').filter((x) => x.length > 0);
  };
  const indexTokensFast = (...texts) => {
    const out = new Set();
    for (const t of texts) {
      if (!t) {
        continue;
      }
      const sy = syllablesFast(t);
      for (let i = 0; i < sy.length; i += 1) {
        out.add(sy[i]);
        if (i + 1 < sy.length) {
          out.add(`${sy[i]}_${sy[i + 1]}`);
        }
      }
    }
    return [...out];
  };
  const args = (d) => [d.summary, d.notation, d.issuer_name, d.signer, d.note, d.body];
  const same = docs.every(
    (d) => tokens.indexTokens(...args(d)).join(' ') === indexTokensFast(...args(d)).join(' '),
  );
  const cpuUs = (fn) => {
    const c0 = process.cpuUsage();
    docs.forEach((d) => fn(...args(d)));
    return round((cpuS(process.cpuUsage(c0)) * 1e6) / docs.length, 1);
  };
  return {
    records: docs.length,
    withText: docs.filter((d) => d.body).length,
    indexTokensCpuUsPerRecord: cpuUs(tokens.indexTokens),
    foldVietnameseAloneCpuUsPerRecord: cpuUs((...t) => t.forEach((x) => x && tokens.syllables(x))),
    memoFoldCpuUsPerRecord: cpuUs(indexTokensFast),
    identicalTokens: same,
  };
}

async function fold({ n }) {
  await searchModules(); // tsx's loader, once
  const rank = await import(path.join(process.cwd(), 'apps/server/src/modules/search/search.rank.ts'));
  const Database = requireFromRoot('better-sqlite3');
  const db = new Database(benchPaths({ n }).sqlitePath, { readonly: true });
  const cands = db
    .prepare(
      'select summary, notation, issuer_name from incoming_documents where summary is not null order by id desc limit 1000',
    )
    .all();
  db.close();
  const memo = new Map();
  const foldMemo = (s) => {
    let o = '';
    for (const ch of s.normalize('NFC')) {
      let f = memo.get(ch);
      if (f === undefined) {
        f =
          ch.length !== 1
            ? ch
            : ch
                .normalize('NFD')
                .replace(/[\u0300-\u036f]/g, '')
                .replace(/đ/g, 'd')
                .replace(/Đ/g, 'D')
                .toLowerCase();
        f = f.length === 1 ? f : ch;
        memo.set(ch, f);
      }
      o += f;
    }
    return o;
  };
  const same = cands.every((c) => foldMemo(c.summary) === rank.foldAligned(c.summary));
  const cpuMs = (fn, times = 5) => {
    fn();
    const c0 = process.cpuUsage();
    for (let i = 0; i < times; i++) {
      fn();
    }
    return round((cpuS(process.cpuUsage(c0)) * 1000) / times, 1);
  };
  // search.rank.ts's scoreFields with the memoised fold (same logic, copied here for the measurement)
  const isWordChar = (ch) => ch !== undefined && /[a-z0-9]/.test(ch);
  const occurrences = (hay, needle) => {
    let k = 0;
    for (let from = 0; ; from = k + 1) {
      k = hay.indexOf(needle, from);
      if (k < 0) {
        return false;
      }
      if (!isWordChar(hay[k - 1]) && !isWordChar(hay[k + needle.length])) {
        return true;
      }
    }
  };
  const wordsOnly = (f) => f.replace(/[^a-z0-9]+/g, ' ').trim();
  const exactForm = (x) => x.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  const scoreMemo = (title, others, qf) => {
    let score = 0;
    if (qf.exact.length > 0 && exactForm(title).includes(qf.exact)) {
      score += 8;
    }
    const ft = wordsOnly(foldMemo(title));
    if (occurrences(ft, qf.folded)) {
      score += 4;
    } else if (qf.syllables.every((x) => occurrences(ft, x))) {
      score += 2;
    }
    for (const o of others) {
      if (o && exactForm(o).includes(qf.exact)) {
        score += 1.5;
      } else if (o && occurrences(wordsOnly(foldMemo(o)), qf.folded)) {
        score += 1;
      }
    }
    return score;
  };
  const q = rank.queryForms('đảng viên');
  const sameScores = cands.every(
    (c) =>
      scoreMemo(c.summary, [c.notation, c.issuer_name], q) ===
      rank.scoreFields(c.summary, [c.notation, c.issuer_name], q),
  );
  return {
    scoreFieldsMemoCpuMs: cpuMs(() =>
      cands.forEach((c) => scoreMemo(c.summary, [c.notation, c.issuer_name], q)),
    ),
    sameScores,
    candidates: cands.length,
    meanTitleChars: round(cands.reduce((a, c) => a + c.summary.length, 0) / cands.length, 0),
    scoreFieldsCpuMs: cpuMs(() =>
      cands.forEach((c) => rank.scoreFields(c.summary, [c.notation, c.issuer_name], q)),
    ),
    foldAlignedCpuMs: cpuMs(() => cands.forEach((c) => rank.foldAligned(c.summary))),
    foldAlignedMemoCpuMs: cpuMs(() => cands.forEach((c) => foldMemo(c.summary))),
    memoIdentical: same,
  };
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  const what = process.argv[2];
  const n = a.n ?? DEFAULT_N;
  const r =
    what === 'fts-order'
      ? await ftsOrder({ n, k: a.k ?? 200_000 })
      : what === 'narrow'
        ? await narrow({
            n,
            reps: a.reps ?? 7,
            queries: a.q
              ? String(a.q).split(',')
              : ['tỉnh', 'đảng viên', 'kết nạp đảng viên mới', 'dự toán kinh phí', 'Khe Tre'],
          })
        : what === 'fold'
          ? await fold({ n })
          : what === 'pg-walk'
            ? await pgWalk({ n, reps: a.reps ?? 7 })
            : what === 'tokens'
              ? await tokenSpeed({ n })
              : null;
  if (!r) {
    process.stderr.write('usage: node bench/search-experiments.mjs fts-order|narrow|fold|pg-walk [--n N]\n');
    process.exit(2);
  }
  printJson({ experiment: what, n, results: r });
  process.exit(0);
}
