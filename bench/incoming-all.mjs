// The incoming-documents benchmarks of issue 3, end to end — a separate, heavy entry (about 20 minutes
// at N = 1,000,000 on 2 shared cores, most of it building the data), not part of the default run-all:
//
//   nice -n 10 node bench/incoming-all.mjs [--n 1000000] [--regenerate] [--reps 15] [--duration 10] [--no-doc]
//   node bench/run-all.mjs --only incoming      # the same, through run-all
//
// 1. bench/incoming-generate.mjs when the data of that N is missing (or --regenerate);
// 2. bench/incoming-measure.mjs: list and quick-search latency over HTTP as vanthu, SQLite and PostgreSQL;
// 3. bench/incoming-register.mjs: registrations per second over HTTP into copies of the same databases;
// then writes bench/results/incoming-latest.json and the "Văn bản đến / incoming" section of
// docs/benchmarks.md (between its markers; the hand-written analysis inside it is kept).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_N, benchPaths } from './incoming-generate.mjs';
import { ROOT, isMain, log, parseArgs, round } from './lib.mjs';

const DOC = path.join(ROOT, 'docs/benchmarks.md');
export const INCOMING_START = '<!-- incoming:start -->';
export const INCOMING_END = '<!-- incoming:end -->';
const ANALYSIS_START = '<!-- incoming-analysis:start -->';
const ANALYSIS_END = '<!-- incoming-analysis:end -->';
const GOAL_MS = 50;
const GOAL_REG = 300;

function runScript(script, args) {
  return new Promise((resolve, reject) => {
    log(`incoming-all: node bench/${script} ${args.join(' ')}`);
    const p = spawn(process.execPath, [path.join(ROOT, 'bench', script), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (c) => (out += c));
    p.on('error', reject);
    p.on('exit', (code) => {
      if (code !== 0) {
        return reject(new Error(`bench/${script} exited with ${code}`));
      }
      try {
        resolve(JSON.parse(out));
      } catch (e) {
        reject(new Error(`bench/${script} did not print JSON: ${e.message}`));
      }
    });
  });
}

export async function runIncoming({
  n = DEFAULT_N,
  regenerate = false,
  reps = 15,
  duration = 10,
  engines = 'sqlite,postgres',
} = {}) {
  const paths = benchPaths({ n });
  const out = { n, errors: {} };
  if (regenerate || !fs.existsSync(paths.manifest)) {
    out.generated = await runScript('incoming-generate.mjs', ['--n', String(n), '--engines', engines]);
  }
  try {
    out.measure = await runScript('incoming-measure.mjs', [
      '--n',
      String(n),
      '--reps',
      String(reps),
      '--engines',
      engines,
    ]);
  } catch (e) {
    out.errors.measure = e.message;
  }
  try {
    out.register = await runScript('incoming-register.mjs', [
      '--n',
      String(n),
      '--duration',
      String(duration),
      '--engines',
      engines,
    ]);
  } catch (e) {
    out.errors.register = e.message;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// markdown

const fmt = (x, d = 0) =>
  x === null || x === undefined
    ? '–'
    : typeof x === 'number'
      ? x.toLocaleString('en-US', { maximumFractionDigits: d })
      : String(x);
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map((c) => (typeof c === 'number' ? fmt(c, 1) : (c ?? '–'))).join(' | ')} |`),
  ].join('\n');
const mark = (ok) => (ok ? '**met**' : '**missed**');

export function renderIncoming(all) {
  const m = all.measure;
  const r = all.register;
  const lines = [];
  const machine = m?.machine ?? r?.machine;
  const versions = m?.engines ?? r?.engines;
  const g = m?.generated;
  lines.push(`### Run of ${machine?.date ?? '?'} — N = ${fmt(all.n)} incoming documents, as \`vanthu\``);
  lines.push('');
  if (machine) {
    lines.push(
      `Machine: ${machine.nproc} × ${machine.cpuModel}, ${machine.ramGB} GB RAM, ${machine.os}; load average at start ${machine.loadAvg.join(' / ')}. ` +
        `Node ${machine.node}, SQLite ${versions?.sqlite}, PostgreSQL ${versions?.postgres} (default configuration: shared_buffers 128 MB, work_mem 4 MB, jit on).`,
    );
    lines.push('');
  }
  if (Object.keys(all.errors ?? {}).length) {
    lines.push(
      `Failed steps: ${Object.entries(all.errors)
        .map(([k, v]) => `${k} (${v.split('\n')[0]})`)
        .join('; ')}`,
    );
    lines.push('');
  }
  const classes = m?.classes ?? [];
  const cls = (name) => classes.find((c) => c.cls === name);
  const plainSearch = classes.filter((c) => c.cls.startsWith('search') && c.cls !== 'search: with filter');
  const goals = [];
  const row = (aim, c, e, extra = '') => {
    const v = c?.engines[e];
    if (v) {
      goals.push([
        `${aim} (${e})`,
        mark(v.p95 <= GOAL_MS),
        `p95 ${fmt(v.p95, 1)} ms over ${c.cases} cases; worst: ${v.worstCase?.name} p95 ${fmt(v.worstCase?.p95, 1)} ms${extra}`,
      ]);
    }
  };
  for (const e of ['sqlite', 'postgres']) {
    row(`filtered list p95 ≤ ${GOAL_MS} ms`, cls('list'), e);
  }
  for (const e of ['sqlite', 'postgres']) {
    const worst = plainSearch
      .map((c) => ({ c, v: c.engines[e] }))
      .filter((x) => x.v)
      .sort((a, b) => b.v.p95 - a.v.p95)[0];
    if (worst) {
      goals.push([
        `quick search p95 ≤ ${GOAL_MS} ms (${e})`,
        mark(worst.v.p95 <= GOAL_MS),
        `worst class "${worst.c.cls}" p95 ${fmt(worst.v.p95, 1)} ms (${worst.v.worstCase?.name} ${fmt(worst.v.worstCase?.p95, 1)} ms)`,
      ]);
    }
  }
  for (const e of ['sqlite', 'postgres']) {
    row('beyond the aim — other sort orders', cls('list: other sorts'), e);
    row('beyond the aim — inbox=mine', cls('list: inbox'), e);
    row('beyond the aim — search combined with a filter', cls('search: with filter'), e);
  }
  if (r?.byEngine) {
    for (const [e, v] of Object.entries(r.byEngine)) {
      goals.push([
        `≥ ${GOAL_REG} registrations/s over HTTP (${e})${e === 'postgres' ? ' — the aim names SQLite only' : ''}`,
        e === 'sqlite'
          ? mark(v.reqPerSecMedian >= GOAL_REG)
          : v.reqPerSecMedian >= GOAL_REG
            ? 'above'
            : 'below',
        `${fmt(v.reqPerSecMedian)} /s (rounds: ${v.reqPerSecByRound.join(' · ')}); numbers ${r.checks?.[e]?.ok ? 'distinct and consecutive' : '**NOT consecutive**'}`,
      ]);
    }
  }
  if (goals.length) {
    lines.push('#### Goals');
    lines.push('');
    lines.push(table(['aim', 'status', 'measured'], goals));
    lines.push('');
  }
  if (g) {
    const t = g.timings;
    const s = g.sizes;
    lines.push('#### Data (bench/incoming-generate.mjs)');
    lines.push('');
    lines.push(
      `${fmt(g.counts.docs)} generated documents (+ the demo seed's), ${g.counts.vanthu.toLocaleString('en-US')} of them (${fmt(g.counts.vanthuShare * 100, 1)} %) visible to vanthu ` +
        `(the demo province's 7 committees of ${fmt(19)}, clearance "secret"); ${fmt(g.counts.secret)} secret-class documents, ${fmt(g.counts.overdueAll)} overdue ` +
        `(${fmt(g.counts.overdueVanthu)} visible), ${fmt(g.counts.trail)} trail rows, ${fmt(g.counts.recipients)} recipients. Built ${g.builtAt.slice(0, 16).replace('T', ' ')} UTC.`,
    );
    lines.push('');
    const rows = [];
    if (t.sqlite) {
      rows.push([
        'SQLite',
        `${fmt(t.generateAndLoadS)} (load ${fmt(t.sqlite.loadS)})`,
        `indexes ${fmt(t.sqlite.indexesS)}, FTS optimize ${fmt(t.sqlite.ftsOptimizeS)}, ANALYZE ${fmt(t.sqlite.analyzeS)}`,
        `${fmt(s.sqlite.fileMB)} MB file: documents ${fmt(s.sqlite.documentsTableMB)} MB, their indexes ${fmt(s.sqlite.documentsIndexesMB)} MB, FTS5 ${fmt(s.sqlite.ftsMB)} MB, trail + recipients ${fmt(s.sqlite.trailAndRecipientsMB)} MB`,
      ]);
    }
    if (t.postgres) {
      rows.push([
        'PostgreSQL',
        `${fmt(t.generateAndLoadS)} (load ${fmt(t.postgres.loadS)}, overlapping)`,
        `indexes ${fmt(t.postgres.indexesS)}, VACUUM ANALYZE ${fmt(t.postgres.vacuumAnalyzeS)}`,
        `${fmt(s.postgres.databaseMB)} MB database: documents ${fmt(s.postgres.documentsTableMB)} MB (with TOAST), their indexes ${fmt(s.postgres.documentsIndexesMB)} MB of which GIN ${fmt(s.postgres.ginMB)} MB, trail + recipients ${fmt(s.postgres.trailAndRecipientsMB)} MB`,
      ]);
    }
    lines.push(table(['engine', 'generate + load s', 'after the load, s', 'size'], rows));
    lines.push('');
    lines.push(
      `Migrations + seed through the app ${fmt(t.migrateAndSeedS)} s; total build ${fmt(t.totalS)} s (both engines, one pass, nice 10, shared machine).`,
    );
    lines.push('');
  }
  if (m) {
    lines.push(
      `#### Latency over HTTP (bench/incoming-measure.mjs; one client, keep-alive, ${m.reps} requests per case after 2 warm-ups, engines alternated request by request; ms)`,
    );
    lines.push('');
    lines.push(
      table(
        [
          'class',
          'cases',
          'SQLite p50',
          'SQLite p95',
          'SQLite max',
          'PostgreSQL p50',
          'PostgreSQL p95',
          'PostgreSQL max',
          'worst case (SQLite / PostgreSQL p95)',
        ],
        classes.map((c) => [
          c.cls,
          c.cases,
          c.engines.sqlite?.p50,
          c.engines.sqlite?.p95,
          c.engines.sqlite?.max,
          c.engines.postgres?.p50,
          c.engines.postgres?.p95,
          c.engines.postgres?.max,
          `${c.engines.sqlite?.worstCase?.name ?? '–'} ${fmt(c.engines.sqlite?.worstCase?.p95, 1)} / ${c.engines.postgres?.worstCase?.name ?? '–'} ${fmt(c.engines.postgres?.worstCase?.p95, 1)}`,
        ]),
      ),
    );
    lines.push('');
    lines.push(
      '<details><summary>Every case (p50 / p95 / max ms; total as answered, + when capped; matches in the whole corpus)</summary>',
    );
    lines.push('');
    const dfs = new Map((g?.queries ?? []).map((q) => [q.q, q]));
    lines.push(
      table(
        ['class', 'case', 'SQLite', 'PostgreSQL', 'total for vanthu', 'matches in corpus'],
        m.results.map((x) => {
          const s = x.engines.sqlite;
          const p = x.engines.postgres;
          const a = (s ?? p)?.answer;
          const df = dfs.get(x.name);
          return [
            x.cls,
            `\`${x.name}\``,
            s ? `${fmt(s.p50, 1)} / ${fmt(s.p95, 1)} / ${fmt(s.max, 1)}` : '–',
            p ? `${fmt(p.p50, 1)} / ${fmt(p.p95, 1)} / ${fmt(p.max, 1)}` : '–',
            a ? `${fmt(a.total)}${a.totalCapped ? '+' : ''}` : '–',
            df ? `${fmt(df.all)} (${fmt(df.shareAll * 100, 2)} %)` : '',
          ];
        }),
      ),
    );
    lines.push('');
    lines.push('</details>');
    lines.push('');
  }
  if (r) {
    lines.push(
      `#### Registrations over HTTP (bench/incoming-register.mjs, ${r.machine?.date ?? ''}; \`POST /api/incoming\` as vanthu, ${r.connections} connections, ${r.duration} s × ${r.rounds} rounds per engine, alternating; into a copy of the N = ${fmt(r.n)} database)`,
    );
    lines.push('');
    lines.push(
      table(
        [
          'engine',
          'registrations/s (median)',
          'by round',
          'p50 ms',
          'p95 ms',
          'server CPU (cores)',
          'PostgreSQL CPU (cores)',
          'per CPU-second (server + DB)',
          'other processes (cores)',
          'numbers check',
        ],
        Object.entries(r.byEngine).map(([e, v]) => [
          e,
          v.reqPerSecMedian,
          v.reqPerSecByRound.join(' · '),
          v.p50Median,
          v.p95Median,
          v.serverCpuCores,
          v.dbCpuCores,
          v.perCpuSec,
          v.otherCpuCores,
          r.checks?.[e]
            ? `${fmt(r.checks[e].newRows)} new, ${r.checks[e].firstNumber}–${r.checks[e].lastNumber}, ${r.checks[e].ok ? 'distinct + consecutive' : 'FAILED'}`
            : '–',
        ]),
      ),
    );
    lines.push('');
  }
  return lines.join('\n');
}

const DEFAULT_ANALYSIS = `${ANALYSIS_START}
_No analysis written yet._
${ANALYSIS_END}`;

/** The whole incoming section (heading, how to run, analysis, latest results), from the previous doc's section. */
export function incomingSection(oldDoc, all) {
  const s0 = oldDoc.indexOf(INCOMING_START);
  const s1 = oldDoc.indexOf(INCOMING_END);
  const old = s0 >= 0 && s1 > s0 ? oldDoc.slice(s0, s1) : '';
  const a0 = old.indexOf(ANALYSIS_START);
  const a1 = old.indexOf(ANALYSIS_END);
  const analysis = a0 >= 0 && a1 > a0 ? old.slice(a0, a1 + ANALYSIS_END.length) : DEFAULT_ANALYSIS;
  const r0 = old.indexOf('<!-- incoming-results:start -->');
  const r1 = old.indexOf('<!-- incoming-results:end -->');
  const results = all
    ? renderIncoming(all).trim()
    : r0 >= 0 && r1 > r0
      ? old.slice(r0 + '<!-- incoming-results:start -->'.length, r1).trim()
      : '_Not run yet._';
  return `${INCOMING_START}
## Văn bản đến / incoming documents at scale (issue 3)

Aims from issue 3: **≥ 300 registrations/s over HTTP on 2 cores (SQLite)**, and **p95 ≤ 50 ms for the filtered register list and for
quick search with 1,000,000 incoming documents, on SQLite and on PostgreSQL, as \`vanthu\`** (not admin: the visibility filter is on).
Heavy, so not in the default \`run-all\`:

\`\`\`sh
nice -n 10 node bench/incoming-all.mjs [--n 1000000] [--regenerate]    # or: node bench/run-all.mjs --only incoming
nice -n 10 node bench/incoming-generate.mjs [--n 1000000] [--engines sqlite,postgres]   # build the data (kept for the next runs)
nice -n 10 node bench/incoming-measure.mjs [--n 1000000] [--reps 15] [--only overdue,search]   # list + quick search latency over HTTP
nice -n 10 node bench/incoming-register.mjs [--n 1000000] [--duration 10] [--connections 8]     # registrations/s (into a copy)
nice -n 10 node bench/incoming-plans.mjs [--n 1000000] [--only q=]     # the app's listIncoming in-process: SQL, time per statement, plans
\`\`\`

The data: the demo seed (migrated and seeded by the app) plus N generated documents from a fixed-seed corpus
(\`bench/incoming-corpus.mjs\`): 19 committees (the demo province's 7, vanthu's scope, get ~12.5 % of the documents; 12 more in two
generated provinces), ~120 issuers, Party notations ("12-CV/TU") and State ones ("45/QĐ-UBND", "30/2020/NĐ-CP"), summaries of 10–40
words from an administrative vocabulary (common words in 25–75 % of documents, hamlet and project names in ~0.02 %), 5 urgencies,
~3 % secret-class documents, statuses by age, deadlines, lead units, a trail row per step. Ids follow arrival time (working days
2022 → today). The search index holds the app's own \`indexTokens(summary, notation, issuerName)\`. SQLite is \`ANALYZE\`d and
the FTS5 index optimised after the load; PostgreSQL is \`VACUUM ANALYZE\`d.

${analysis}

<!-- incoming-results:start -->
${results}
<!-- incoming-results:end -->
${INCOMING_END}`;
}

/** Rewrites only the incoming section of docs/benchmarks.md (appended before "## Results" when missing). */
export function writeIncomingDoc(all) {
  const old = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const section = incomingSection(old, all);
  const s0 = old.indexOf(INCOMING_START);
  const s1 = old.indexOf(INCOMING_END);
  let doc;
  if (s0 >= 0 && s1 > s0) {
    doc = old.slice(0, s0) + section + old.slice(s1 + INCOMING_END.length);
  } else {
    const at = old.indexOf('\n## Results');
    doc = at >= 0 ? `${old.slice(0, at)}\n${section}\n${old.slice(at)}` : `${old}\n${section}\n`;
  }
  fs.writeFileSync(DOC, doc);
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  const all = await runIncoming({
    n: a.n ?? DEFAULT_N,
    regenerate: Boolean(a.regenerate),
    reps: a.reps ?? 15,
    duration: a.duration ?? 10,
    engines: a.engines ?? 'sqlite,postgres',
  });
  const dir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, all.n === DEFAULT_N ? 'incoming-latest.json' : `incoming-n${all.n}.json`),
    `${JSON.stringify(all, null, 2)}\n`,
  );
  if (!a['no-doc']) {
    writeIncomingDoc(all);
    log('incoming-all: wrote the incoming section of docs/benchmarks.md');
  }
  process.stdout.write(
    `${JSON.stringify({ errors: all.errors, n: all.n, doc: a['no-doc'] ? null : 'docs/benchmarks.md' })}\n`,
  );
  void round;
}
