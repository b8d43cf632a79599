// The data of the search benchmarks (issue 7): the 1,000,000 incoming documents of
// bench/incoming-generate.mjs (built first if missing, reused if present), plus bodies — ~30 % of the
// non-secret documents get one attached file whose extracted text (200–800 words, bench/search-corpus.mjs)
// is stored as the extraction runner stores it: a `files` row, an `incoming_attachments` row and a
// `file_texts` row in status 'done'. Inserted in bulk, outside the app, on SQLite and PostgreSQL alike.
//
//   nice -n 10 node bench/search-generate.mjs [--n 1000000] [--engines sqlite,postgres] [--regenerate] [--seed 11]
//
// The search index itself is NOT filled here: bench/search-rebuild.mjs runs the app's own
// `rebuildSearchIndex` on these databases (that is one of the measurements). Bodies already present
// (<dir>/search-manifest.json and the rows) are kept unless --regenerate. Prints the manifest as JSON.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { COMMITTEE_WEIGHTS, prng } from './incoming-corpus.mjs';
import { DEFAULT_N, appText, benchPaths, generateIncoming } from './incoming-generate.mjs';
import { isMain, log, parseArgs, printJson, requireFromRoot, round } from './lib.mjs';
import { BODY_ONLY, BODY_SHARE, buildBody } from './search-corpus.mjs';

const NAME_PREFIX = 'vb-bench-';
const FILE_COLS = ['id', 'sha256', 'size', 'content_type', 'original_name', 'created_at'];
const ATT_COLS = ['document_id', 'file_id', 'is_main', 'position'];
const TEXT_COLS = ['file_id', 'status', 'method', 'pages', 'pages_done', 'text', 'attempts', 'updated_at'];
const INT = new Set([
  'id',
  'size',
  'document_id',
  'file_id',
  'is_main',
  'position',
  'pages',
  'pages_done',
  'attempts',
]);

export const searchManifestPath = (n) => path.join(benchPaths({ n }).base, 'search-manifest.json');

async function openTargets(paths, engines) {
  const out = [];
  if (engines.includes('sqlite')) {
    const Database = requireFromRoot('better-sqlite3');
    const db = new Database(paths.sqlitePath);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -400000');
    db.pragma('foreign_keys = OFF');
    out.push({
      kind: 'sqlite',
      db,
      q: async (s, p = []) => db.prepare(s.replace(/\$\d+/g, '?')).all(...p),
      x: async (s) => void db.exec(s),
    });
  }
  if (engines.includes('postgres')) {
    const pg = requireFromRoot('pg');
    const c = new pg.Client({ connectionString: paths.pgUrl });
    await c.connect();
    await c.query('set synchronous_commit = off');
    out.push({
      kind: 'postgres',
      client: c,
      q: async (s, p = []) => (await c.query(s, p)).rows,
      x: async (s) => void (await c.query(s)),
    });
  }
  return out;
}

async function removeBodies(t) {
  const sub = `select id from files where original_name like '${NAME_PREFIX}%'`;
  await t.x(
    `update incoming_documents set attachment_count = attachment_count - 1 where id in (select document_id from incoming_attachments where file_id in (${sub}))`,
  );
  await t.x(`delete from file_texts where file_id in (${sub})`);
  await t.x(`delete from incoming_attachments where file_id in (${sub})`);
  await t.x(`delete from files where original_name like '${NAME_PREFIX}%'`);
}

function sqliteWriter(db) {
  const ins = (table, cols) =>
    db.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
  const f = ins('files', FILE_COLS);
  const a = ins('incoming_attachments', ATT_COLS);
  const x = ins('file_texts', TEXT_COLS);
  return db.transaction(({ files, atts, texts }) => {
    for (const r of files) {
      f.run(r);
    }
    for (const r of atts) {
      a.run(r);
    }
    for (const r of texts) {
      x.run(r);
    }
  });
}

const unnestSql = (table, cols) =>
  `insert into ${table} (${cols.join(', ')}) select * from unnest(${cols.map((c, i) => `$${i + 1}::${INT.has(c) ? 'int' : 'text'}[]`).join(', ')})`;
const columnsOf = (rows, n) => Array.from({ length: n }, (_, j) => rows.map((r) => r[j]));

async function pgWrite(c, { files, atts, texts }) {
  await c.query('begin');
  await c.query(unnestSql('files', FILE_COLS), columnsOf(files, FILE_COLS.length));
  await c.query(unnestSql('incoming_attachments', ATT_COLS), columnsOf(atts, ATT_COLS.length));
  await c.query(unnestSql('file_texts', TEXT_COLS), columnsOf(texts, TEXT_COLS.length));
  await c.query('commit');
}

export async function generateSearchData({
  n = DEFAULT_N,
  engines = ['sqlite', 'postgres'],
  seed = 11,
  batch = 5000,
  regenerate = false,
} = {}) {
  const paths = benchPaths({ n });
  const manifestFile = searchManifestPath(n);
  const t0 = performance.now();
  let incoming = fs.existsSync(paths.manifest) ? JSON.parse(fs.readFileSync(paths.manifest, 'utf8')) : null;
  const haveEngines = incoming && engines.every((e) => incoming.engines.includes(e));
  let builtIncoming = false;
  if (!haveEngines) {
    log(
      `search-generate: no incoming data for N=${n} on ${engines} — building it (bench/incoming-generate.mjs)`,
    );
    incoming = await generateIncoming({ n, engines });
    builtIncoming = true;
  }
  const old = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, 'utf8')) : null;
  const targets = await openTargets(paths, engines);
  try {
    // reuse: same incoming build, bodies present on every engine
    if (old && !regenerate && !builtIncoming && old.incomingBuiltAt === incoming.builtAt) {
      let ok = true;
      for (const t of targets) {
        const c = Number(
          (await t.q(`select count(*) as c from files where original_name like '${NAME_PREFIX}%'`))[0].c,
        );
        ok &&= c === old.bodies;
      }
      if (ok) {
        log(
          `search-generate: bodies already there (${old.bodies.toLocaleString('en-US')} on ${engines}), reused`,
        );
        return { ...old, reused: true };
      }
    }
    const text = await appText();
    for (const t of targets) {
      await removeBodies(t);
      t.demo = new Set(
        (await t.q('select id, name from committees'))
          .filter((r) => COMMITTEE_WEIGHTS.slice(0, 7).some(([c]) => c === r.name))
          .map((r) => r.id),
      );
      t.fileBase = Number((await t.q('select coalesce(max(id), 0) as m from files'))[0].m);
      t.seq = 0;
      t.loadMs = 0;
      t.write = t.kind === 'sqlite' ? sqliteWriter(t.db) : null;
      t.docs = Number((await t.q('select count(*) as c, max(id) as m from incoming_documents'))[0].c);
    }
    if (targets.length === 2 && targets[0].docs !== targets[1].docs) {
      throw new Error(
        `the engines hold different documents (${targets[0].docs} vs ${targets[1].docs}): regenerate the incoming data`,
      );
    }
    const src = targets[0];
    const rand = prng(seed);
    const markerTokens = BODY_ONLY.map((m) => ` ${text.syllables(m.phrase).join(' ')} `);
    const stats = {
      documents: 0,
      bodies: 0,
      bodiesVanthu: 0,
      words: 0,
      minWords: Infinity,
      maxWords: 0,
      textMB: 0,
      markers: BODY_ONLY.map((m) => ({ ...m, bodies: 0, vanthu: 0, inMetadata: 0 })),
    };
    const tLoad = performance.now();
    let after = 0;
    let pending = null;
    for (;;) {
      const docs = await src.q(
        `select d.id, d.committee_id, d.secrecy, d.summary, d.notation, d.signer, d.issuer_name, d.arrived_at from incoming_documents d where d.id > $1 order by d.id limit ${batch}`,
        [after],
      );
      if (docs.length === 0) {
        break;
      }
      after = docs[docs.length - 1].id;
      const chosen = [];
      for (const d of docs) {
        stats.documents++;
        const folded = ` ${text.syllables([d.summary, d.notation, d.issuer_name, d.signer].filter(Boolean).join(' | ')).join(' ')} `;
        markerTokens.forEach((m, i) => {
          if (folded.includes(m)) {
            stats.markers[i].inMetadata++;
          }
        });
        if (d.secrecy === 'none' && rand() < BODY_SHARE) {
          const b = buildBody(rand, d);
          chosen.push({ d, b });
          stats.bodies++;
          stats.words += b.words;
          stats.minWords = Math.min(stats.minWords, b.words);
          stats.maxWords = Math.max(stats.maxWords, b.words);
          stats.textMB += Buffer.byteLength(b.text) / 1e6;
          const vis = src.demo.has(d.committee_id);
          stats.bodiesVanthu += vis ? 1 : 0;
          for (const i of b.markers) {
            stats.markers[i].bodies++;
            stats.markers[i].vanthu += vis ? 1 : 0;
          }
        }
      }
      for (const t of targets) {
        const files = [];
        const atts = [];
        const texts = [];
        for (const { d, b } of chosen) {
          const id = t.fileBase + ++t.seq;
          const sha = createHash('sha256').update(b.text).digest('hex');
          const pages = Math.max(1, Math.ceil(b.words / 350));
          files.push([
            id,
            sha,
            24_000 + pages * 38_000,
            'application/pdf',
            `${NAME_PREFIX}${d.id}.pdf`,
            d.arrived_at,
          ]);
          atts.push([d.id, id, 1, 0]);
          texts.push([id, 'done', 'text-layer', pages, pages, b.text, 1, d.arrived_at]);
        }
        if (t.kind === 'sqlite') {
          const a = performance.now();
          t.write({ files, atts, texts });
          t.loadMs += performance.now() - a;
        } else {
          if (pending) {
            await pending;
          }
          const a = performance.now();
          pending = pgWrite(t.client, { files, atts, texts }).then(() => {
            t.loadMs += performance.now() - a;
          });
        }
      }
      if (stats.documents % 100_000 < batch) {
        log(
          `search-generate: ${stats.documents.toLocaleString('en-US')} documents, ${stats.bodies.toLocaleString('en-US')} bodies (${round((performance.now() - tLoad) / 1000, 0)} s)`,
        );
      }
    }
    if (pending) {
      await pending;
    }
    const sizes = {};
    const timings = { generateAndLoadS: round((performance.now() - tLoad) / 1000, 1) };
    for (const t of targets) {
      const a = performance.now();
      await t.x(
        `update incoming_documents set attachment_count = attachment_count + 1 where id in (select a.document_id from incoming_attachments a join files f on f.id = a.file_id where f.original_name like '${NAME_PREFIX}%')`,
      );
      if (t.kind === 'sqlite') {
        t.db.exec('analyze');
        t.db.pragma('wal_checkpoint(TRUNCATE)');
        const dbstat = (name) =>
          t.db.prepare('select coalesce(sum(pgsize), 0) as b from dbstat where name = ?').get(name).b;
        sizes.sqlite = {
          fileTextsMB: round(dbstat('file_texts') / 1e6, 0),
          fileMB: round(fs.statSync(paths.sqlitePath).size / 1e6, 0),
        };
      } else {
        await t.x(`select setval(pg_get_serial_sequence('files', 'id'), (select max(id) from files))`);
        await t.x('vacuum analyze files, incoming_attachments, file_texts, incoming_documents');
        const b = async (s) => Number((await t.q(s))[0].b);
        sizes.postgres = {
          fileTextsMB: round((await b(`select pg_total_relation_size('file_texts') as b`)) / 1e6, 0),
          databaseMB: round((await b('select pg_database_size(current_database()) as b')) / 1e6, 0),
        };
      }
      timings[t.kind] = {
        loadS: round(t.loadMs / 1000, 1),
        finishS: round((performance.now() - a) / 1000, 1),
      };
    }
    const manifest = {
      n,
      seed,
      builtAt: new Date().toISOString(),
      incomingBuiltAt: incoming.builtAt,
      engines,
      bodyShareOfNonSecret: BODY_SHARE,
      bodies: stats.bodies,
      bodiesVanthu: stats.bodiesVanthu,
      bodyShare: round(stats.bodies / stats.documents, 3),
      words: {
        total: stats.words,
        mean: round(stats.words / stats.bodies, 0),
        min: stats.minWords,
        max: stats.maxWords,
      },
      textMB: round(stats.textMB, 0),
      markers: stats.markers.map((m) => ({ ...m, shareOfDocuments: round(m.bodies / stats.documents, 5) })),
      timings: { ...timings, totalS: round((performance.now() - t0) / 1000, 1) },
      sizes,
      builtIncoming,
    };
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    for (const t of targets) {
      if (t.kind === 'sqlite') {
        t.db.close();
      } else {
        await t.client.end();
      }
    }
  }
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  printJson(
    await generateSearchData({
      n: a.n ?? DEFAULT_N,
      engines: a.engines ? String(a.engines).split(',') : ['sqlite', 'postgres'],
      seed: a.seed ?? 11,
      regenerate: Boolean(a.regenerate),
    }),
  );
}
