// The outgoing-documents benchmarks of issue 4, end to end (12–20 min on 2 shared cores), not part of
// the default run-all:
//
//   nice -n 10 node bench/outgoing-all.mjs [--no-doc] [--quick]
//   nice -n 10 node bench/outgoing-all.mjs --from-json bench/results/outgoing-latest.json   # re-render the doc only
//   node bench/run-all.mjs --only outgoing                                                 # the same, through run-all
//
// 1. bench/outgoing-issue.mjs: documents issued per second (numbering only; uploaded PDF; template
//    draft with LibreOffice), sequential and 4 clients, SQLite and PostgreSQL; renderDocx and
//    docxToPdf alone;
// 2. bench/outgoing-signatures.mjs: signPdf and verifyPdf per document;
// then writes bench/results/outgoing-latest.json and the "Outgoing documents (issue 4)" section of
// docs/benchmarks.md (between its markers; the hand-written analysis inside it is kept).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, isMain, log, parseArgs, round } from './lib.mjs';

const DOC = path.join(ROOT, 'docs/benchmarks.md');
export const OUTGOING_START = '<!-- outgoing:start -->';
export const OUTGOING_END = '<!-- outgoing:end -->';
const ANALYSIS_START = '<!-- outgoing-analysis:start -->';
const ANALYSIS_END = '<!-- outgoing-analysis:end -->';
const RESULTS_START = '<!-- outgoing-results:start -->';
const RESULTS_END = '<!-- outgoing-results:end -->';

function runScript(script, args) {
  return new Promise((resolve, reject) => {
    log(`outgoing-all: node bench/${script} ${args.join(' ')}`);
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

export async function runOutgoing({ quick = false } = {}) {
  const out = { quick, errors: {} };
  const issueArgs = quick
    ? ['--numbering', '100', '--upload', '4', '--template', '2', '--render', '20', '--convert', '2']
    : ['--numbering', '2000', '--upload', '240', '--template', '30', '--render', '500', '--convert', '10'];
  try {
    out.issue = await runScript('outgoing-issue.mjs', issueArgs);
  } catch (e) {
    out.errors.issue = e.message;
  }
  try {
    out.signatures = await runScript(
      'outgoing-signatures.mjs',
      quick ? ['--reps', '5', '--parts', '5'] : ['--reps', '200', '--parts', '50'],
    );
  } catch (e) {
    out.errors.signatures = e.message;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// markdown

const fmt = (x, d = 1) =>
  x === null || x === undefined
    ? '–'
    : typeof x === 'number'
      ? x.toLocaleString('en-US', { maximumFractionDigits: d })
      : String(x);
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map((c) => (typeof c === 'number' ? fmt(c) : (c ?? '–'))).join(' | ')} |`),
  ].join('\n');
const ENGINE = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const pct = (x) => (x === null || x === undefined ? '–' : `${fmt(x * 100, 0)} %`);
const cpuCell = (c) =>
  c
    ? `${fmt(c.total, c.total < 20 ? 1 : 0)} (node ${fmt(c.process, c.total < 20 ? 1 : 0)}${c.libreoffice ? ` + LO ${fmt(c.libreoffice, 0)}` : ''}${c.postgres ? ` + PG ${fmt(c.postgres, c.total < 20 ? 1 : 0)}` : ''})`
    : '–';
const cpuOf = (x) => (x.cpuMsP50 === undefined ? '' : ` (${fmt(x.cpuMsP50)})`);
const perCpuS = (c) => (c?.total ? round(1000 / c.total, 1) : null);
const toolsCell = (t) =>
  t && Object.keys(t).length
    ? Object.entries(t)
        .map(([k, v]) => `${k} ${fmt(v.p50, 0)} (${pct(v.shareOfIssue)})`)
        .join(', ')
    : '–';

export function renderOutgoing(all) {
  const lines = [];
  const i = all.issue;
  const g = all.signatures;
  const m = i?.machine ?? g?.machine;
  const v = i?.engines ?? g?.engines;
  lines.push(`### Run of ${m?.date ?? '?'}${all.quick ? ' (quick mode — not for comparison)' : ''}`);
  lines.push('');
  if (m) {
    lines.push(
      `Machine: ${m.nproc} × ${m.cpuModel}, ${m.ramGB} GB RAM, ${m.os}; load average (1/5/15 min) at the start of the issue run ${m.loadAvg.join(' / ')}` +
        `${i?.loadAvgAfter ? `, at its end ${i.loadAvgAfter.join(' / ')}` : ''}` +
        `${g ? `; at the start of the signature run ${g.machine.loadAvg.join(' / ')}, at its end ${g.loadAvgAfter.join(' / ')}` : ''}. ` +
        `Node ${m.node}, SQLite ${v?.sqlite}, PostgreSQL ${v?.postgres} (fsync on, synchronous_commit on), LibreOffice ${i?.libreoffice ?? '?'} (2 conversions at once, the server's default). ` +
        `All scripts under \`nice -n 10\`. Durations: issue ${fmt(i?.durationS, 0)} s, signatures ${fmt(g?.durationS, 0)} s.`,
    );
    lines.push('');
  }
  if (Object.keys(all.errors ?? {}).length) {
    lines.push(
      `Failed steps: ${Object.entries(all.errors)
        .map(([k, e]) => `${k} (${e.split('\n')[0]})`)
        .join('; ')}`,
    );
    lines.push('');
  }
  if (i) {
    const r = i.results;
    const rows = [];
    const variants = [
      ['floor: a one-row insert transaction', r.commitFloor],
      ['a. numbering only', r.numbering],
      ['b. issue, uploaded PDF', r.upload],
      ['c. issue, template → DOCX → LibreOffice', r.template],
    ];
    for (const [label, x] of variants) {
      if (!x) {
        continue;
      }
      for (const e of Object.keys(x.concurrent)) {
        const s = x.sequential.byEngine[e];
        const c = x.concurrent[e];
        rows.push([
          label,
          ENGINE[e],
          'sequential',
          s.n,
          s.docsPerSec,
          s.ms.p50,
          s.ms.p95,
          cpuCell(s.cpuMsPerDoc),
          perCpuS(s.cpuMsPerDoc),
          toolsCell(s.tools),
        ]);
        rows.push([
          label,
          ENGINE[e],
          `${i.clients} clients (${fmt(c.wallS, 0)} s)`,
          c.n,
          c.docsPerSec,
          c.ms.p50,
          c.ms.p95,
          cpuCell(c.cpuMsPerDoc),
          perCpuS(c.cpuMsPerDoc),
          toolsCell(c.tools),
        ]);
      }
    }
    lines.push(
      '#### Documents issued per second (bench/outgoing-issue.mjs; in-process `issueDocument` as vanthu, real tools; a công văn of the Tỉnh ủy to 2 bodies of the installation, delivered by liên thông)',
    );
    lines.push('');
    lines.push(
      table(
        [
          'variant',
          'engine',
          'clients',
          'N',
          'docs/s',
          'p50 ms',
          'p95 ms',
          'CPU ms per doc',
          'docs per CPU-s',
          'tools: p50 ms (share of issue time)',
        ],
        rows,
      ),
    );
    lines.push('');
    const seqWall = (x) => (x ? `${fmt(x.sequential.wallS, 0)} s` : '–');
    lines.push(
      `Sequential rows alternate the engines document by document (wall time of the alternating run: numbering ${seqWall(r.numbering)}, uploaded ${seqWall(r.upload)}, template ${seqWall(r.template)}); ` +
        `their docs/s is N ÷ the sum of the issue times. "${i.clients} clients" rows run one engine at a time; docs/s is N ÷ wall time. ` +
        'CPU ms per doc: this process (node) + LibreOffice (soffice, reaped children) + PostgreSQL backends. ' +
        `With ${i.clients} clients, docxToPdf includes waiting for one of LibreOffice's 2 slots.`,
    );
    lines.push('');
    const cores = [];
    for (const [label, x] of variants) {
      for (const [e, c] of Object.entries(x?.concurrent ?? {})) {
        cores.push([
          label,
          ENGINE[e],
          c.cores.process,
          c.cores.libreoffice,
          c.cores.postgres,
          c.cores.other,
          c.officeMaxWaiting ?? '–',
        ]);
      }
    }
    lines.push(
      `CPU use during the ${i.clients}-client runs (cores; "other" = the rest of the shared machine):`,
    );
    lines.push('');
    lines.push(
      table(
        ['variant', 'engine', 'node', 'LibreOffice', 'PostgreSQL', 'other', 'max conversions waiting'],
        cores,
      ),
    );
    lines.push('');
    const a = r.template?.docxToPdfAlone;
    const rd = r.renderDocx;
    const alone = [];
    if (rd) {
      alone.push([
        `renderDocx (the same letter, ${fmt(i.docxBytes, 0)} bytes)`,
        rd.n,
        rd.p50,
        rd.p95,
        rd.max,
        `${fmt(rd.cpuMsPerDoc)} (node)`,
      ]);
    }
    if (a) {
      alone.push([
        `docxToPdf (the same DOCX → ${fmt(i.uploadPdfBytes, 0)}-byte PDF), right after the sequential template run`,
        a.n,
        a.p50,
        a.p95,
        a.max,
        `${fmt(a.cpuMsPerDoc.libreoffice, 0)} (LibreOffice) + ${fmt(a.cpuMsPerDoc.process, 0)} (node)`,
      ]);
    }
    if (alone.length) {
      lines.push('Alone, in the same process and run (ms):');
      lines.push('');
      lines.push(table(['step', 'N', 'p50', 'p95', 'max', 'CPU ms each'], alone));
      lines.push('');
    }
    const checks = Object.entries(i.checks ?? {}).map(([k, c]) => {
      if ('pdfValid' in c) {
        return `${k}: last number ${c.lastNumber}, ${c.issued} issued, ${c.gaps} gaps, ${c.lastIssued} verifies ${c.pdfValid && c.pdfTrusted ? 'valid + trusted' : '**NOT valid/trusted**'}`;
      }
      const ok = c.distinct && c.consecutive && c.delivered !== false;
      return `${k}: ${c.first}–${c.last} ${ok ? 'distinct + consecutive' : '**NOT consecutive**'}${c.delivered === undefined ? '' : c.delivered ? ', every delivery registered' : ', **delivery missing**'}`;
    });
    lines.push(`Checks: ${checks.join('; ')}.`);
    lines.push('');
  }
  if (g) {
    lines.push(
      `#### Signing and verifying one PDF (bench/outgoing-signatures.mjs; \`signPdf\` with the Tỉnh ủy's key, \`verifyPdf\`; ${g.reps} of each per PDF and engine, PDFs and engines interleaved call by call; ms, CPU = this process)`,
    );
    lines.push('');
    const es = Object.keys(g.results[0]?.sign ?? {});
    lines.push(
      table(
        [
          'PDF',
          'bytes → signed',
          ...es.flatMap((e) => [`sign ${ENGINE[e]} p50 / p95 (CPU p50)`]),
          ...es.flatMap((e) => [`verify ${ENGINE[e]} p50 / p95 (CPU p50)`]),
          'pdf-lib load + save p50',
          '+ signature field (block, 2 Tinos fonts) p50',
        ],
        g.results.map((x) => [
          x.input,
          `${fmt(x.bytes, 0)} → ${fmt(x.signedBytes, 0)}`,
          ...es.map((e) => `${fmt(x.sign[e].p50)} / ${fmt(x.sign[e].p95)}${cpuOf(x.sign[e])}`),
          ...es.map((e) => `${fmt(x.verify[e].p50)} / ${fmt(x.verify[e].p95)}${cpuOf(x.verify[e])}`),
          x.parts.loadSave.p50,
          x.parts.loadFieldSave.p50,
        ]),
      ),
    );
    lines.push('');
    const bad = Object.entries(g.checks).filter(([, c]) => !c.everyVerificationValidAndTrusted);
    lines.push(
      bad.length
        ? `**Verification failed for: ${bad.map(([k]) => k).join(', ')}.**`
        : 'Every verification answered valid and trusted.',
    );
    lines.push('');
  }
  return lines.join('\n');
}

const DEFAULT_ANALYSIS = `${ANALYSIS_START}
_No analysis written yet._
${ANALYSIS_END}`;

/** The whole outgoing section (heading, how to run, analysis, latest results), from the previous doc's section. */
export function outgoingSection(oldDoc, all) {
  const s0 = oldDoc.indexOf(OUTGOING_START);
  const s1 = oldDoc.indexOf(OUTGOING_END);
  const old = s0 >= 0 && s1 > s0 ? oldDoc.slice(s0, s1) : '';
  const a0 = old.indexOf(ANALYSIS_START);
  const a1 = old.indexOf(ANALYSIS_END);
  const analysis = a0 >= 0 && a1 > a0 ? old.slice(a0, a1 + ANALYSIS_END.length) : DEFAULT_ANALYSIS;
  const r0 = old.indexOf(RESULTS_START);
  const r1 = old.indexOf(RESULTS_END);
  const results = all
    ? renderOutgoing(all).trim()
    : r0 >= 0 && r1 > r0
      ? old.slice(r0 + RESULTS_START.length, r1).trim()
      : '_Not run yet._';
  return `${OUTGOING_START}
## Outgoing documents (issue 4)

What it costs to issue (phát hành) an outgoing document, and to sign and verify a PDF. In-process: the
scripts import the server's own TypeScript modules through tsx and call the use cases with the real tools —
\`issueDocument\` (numbering transaction; DOCX by \`renderDocx\`; PDF by LibreOffice headless; PAdES seal by
\`signPdf\`; files stored; liên thông delivery into the recipients' incoming registers with receipts), \`signPdf\`,
\`verifyPdf\` — on a fresh demo database per engine (SQLite file; PostgreSQL database \`vp_bench_<random>\`, dropped
afterwards). No HTTP: the API adds its per-request cost (see the general results below). Documents are drafted,
reviewed and signed through the real use cases before each timed run; the first seal (which generates the
development CA and the body's RSA key) and LibreOffice's first two conversions are warm-ups, not measured.

\`\`\`sh
nice -n 10 node bench/outgoing-all.mjs                 # both scripts (12–20 min), rewrites this section
nice -n 10 node bench/outgoing-issue.mjs [--engines sqlite,postgres] [--numbering 2000] [--upload 240] [--template 30] [--clients 4] [--render 500] [--convert 10] [--sample-pdf /tmp/x.pdf]
nice -n 10 node bench/outgoing-signatures.mjs [--engines sqlite,postgres] [--reps 200] [--parts 50]
node bench/outgoing-all.mjs --from-json bench/results/outgoing-latest.json   # re-render this section from saved results
node bench/run-all.mjs --only outgoing                  # the same as outgoing-all, through run-all
\`\`\`

${analysis}

${RESULTS_START}
${results}
${RESULTS_END}
${OUTGOING_END}`;
}

/** Rewrites only the outgoing section of docs/benchmarks.md (after the incoming section, before "## Results", when missing). */
export function writeOutgoingDoc(all) {
  const old = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const section = outgoingSection(old, all);
  const s0 = old.indexOf(OUTGOING_START);
  const s1 = old.indexOf(OUTGOING_END);
  let doc;
  if (s0 >= 0 && s1 > s0) {
    doc = old.slice(0, s0) + section + old.slice(s1 + OUTGOING_END.length);
  } else {
    const at = old.indexOf('\n## Results');
    doc = at >= 0 ? `${old.slice(0, at)}\n${section}\n${old.slice(at)}` : `${old}\n${section}\n`;
  }
  fs.writeFileSync(DOC, doc);
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  const all = a['from-json']
    ? JSON.parse(fs.readFileSync(path.resolve(String(a['from-json'])), 'utf8'))
    : await runOutgoing({ quick: Boolean(a.quick) });
  if (!a['from-json']) {
    const dir = path.join(ROOT, 'bench/results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, all.quick ? 'outgoing-quick.json' : 'outgoing-latest.json'),
      `${JSON.stringify(all, null, 2)}\n`,
    );
  }
  const writeIt = !a['no-doc'] && (!all.quick || Boolean(a.doc));
  if (writeIt) {
    writeOutgoingDoc(all);
    log('outgoing-all: wrote the outgoing section of docs/benchmarks.md');
  }
  process.stdout.write(
    `${JSON.stringify({ errors: all.errors, doc: writeIt ? 'docs/benchmarks.md' : null })}\n`,
  );
}
