// Issuing outgoing documents (issue 4 §3, §5, §6): documents issued per second, in-process through
// the server's own use case `issueDocument(ctx, by, id, { version }, tools)` with the real tools
// (docx, LibreOffice, PAdES seal), on SQLite and PostgreSQL (each a fresh demo database):
//
//   nice -n 10 node bench/outgoing-issue.mjs [--engines sqlite,postgres] [--numbering 2000]
//        [--upload 60] [--template 20] [--clients 4] [--render 500] [--convert 10]
//
// Variants (each sequential — one clerk — then with `--clients` issues at once):
//   a. numbering only: the number transaction alone (ensureSeries + takeNumber + insertNumber);
//   b. full issue of documents whose version is an uploaded PDF (numbering, seal, store, liên thông
//      delivery to 2 bodies of the installation — no LibreOffice);
//   c. full issue of template drafts: numbering, renderDocx, LibreOffice PDF, seal, store, delivery.
// Sequential runs alternate the engines document by document (a burst of other work on the shared
// machine hits both alike); concurrent runs go engine after engine. The tools are wrapped with timers,
// so each issue's renderDocx / docxToPdf (incl. waiting for one of LibreOffice's 2 slots) / sealPdf
// time is known; CPU per document = this process + LibreOffice (reaped children) + PostgreSQL backends.
// Plus, in the same run: renderDocx alone (`--render` times) and docxToPdf alone (`--convert` times).
// Documents are prepared (drafted, reviewed, signed through the use cases) before each timed run.
// Prints JSON on stdout, progress on stderr.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { demoContext, serverModules, signedLetters } from './outgoing-data.mjs';
import {
  cpuMsOf,
  engineVersions,
  isMain,
  log,
  machineInfo,
  parseArgs,
  percentile,
  pgBackendWatcher,
  printJson,
  round,
  systemCpu,
} from './lib.mjs';

const CLK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU ms of this process, and of its reaped children (soffice → oosplash → soffice.bin), from /proc/self/stat. */
function ownCpu() {
  const f = fs.readFileSync('/proc/self/stat', 'utf8');
  const r = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return {
    self: ((Number(r[11]) + Number(r[12])) * 1000) / CLK,
    children: ((Number(r[13]) + Number(r[14])) * 1000) / CLK,
  };
}

/** CPU ms used by the PostgreSQL backends of a database (pids re-read on each call; a new pid counts from 0). */
function pgCpuMeter(watcher) {
  const seen = new Map();
  const read = async (initial) => {
    for (const p of await watcher.pids()) {
      let v;
      try {
        v = cpuMsOf(p);
      } catch {
        continue;
      }
      const e = seen.get(p);
      if (e) {
        e.last = v;
      } else {
        seen.set(p, { base: initial ? v : 0, last: v });
      }
    }
  };
  return {
    start: async () => {
      seen.clear();
      await read(true);
    },
    read: () => read(false),
    ms: () => [...seen.values()].reduce((a, e) => a + (e.last - e.base), 0),
  };
}

/** A meter over a stretch of work: wall, this process, its children, PostgreSQL, the whole machine. */
async function meter(pg) {
  const c0 = ownCpu();
  const s0 = systemCpu();
  const t0 = performance.now();
  await pg?.start();
  let timer = null;
  if (pg) {
    timer = setInterval(() => void pg.read().catch(() => {}), 500);
  }
  return async () => {
    if (timer) {
      clearInterval(timer);
    }
    await pg?.read();
    const wallMs = performance.now() - t0;
    const c1 = ownCpu();
    const s1 = systemCpu();
    const selfMs = c1.self - c0.self;
    const childrenMs = c1.children - c0.children;
    const pgMs = pg ? pg.ms() : 0;
    const busyMs = s0 && s1 ? ((s1.busy - s0.busy) * 1000) / CLK : null;
    return {
      wallMs,
      selfMs,
      childrenMs,
      pgMs,
      otherCores: busyMs === null ? null : Math.max(0, (busyMs - selfMs - childrenMs - pgMs) / wallMs),
    };
  };
}

const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    n: s.length,
    p50: round(percentile(s, 50), 1),
    p95: round(percentile(s, 95), 1),
    max: round(s[s.length - 1], 1),
    mean: round(sum / (s.length || 1), 1),
    sum,
  };
};

/** Runs `fn(item)` over `items` with `clients` workers pulling from one queue. */
async function pool(items, clients, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < items.length) {
        const item = items[next++];
        await fn(item);
      }
    }),
  );
}

/** The real production tools, each call timed into `into[tool]`. */
function timedTools(s, ctx, into) {
  const real = s.productionFor(ctx);
  const wrap = (k) => async (arg) => {
    const t0 = performance.now();
    try {
      return await real[k](arg);
    } finally {
      (into[k] ??= []).push(performance.now() - t0);
    }
  };
  return { ...real, renderDocx: wrap('renderDocx'), docxToPdf: wrap('docxToPdf'), sealPdf: wrap('sealPdf') };
}

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** One number transaction, exactly the shape of issueDocument's step 1 minus the document update. */
async function numberOnce(s, h) {
  const now = new Date().toISOString();
  return s.inTransaction(h.ctx, async (trx) => {
    const series = await s.ensureSeries(trx, {
      committeeId: h.ids.province,
      agencyId: null,
      documentTypeId: h.ids.types.HD,
      congress: false,
      secrecy: 'none',
      date: today(),
      now,
    });
    const number = await s.takeNumber(trx, series.id);
    await s.insertNumber(trx, {
      seriesId: series.id,
      number,
      state: 'consumed',
      notation: series.notationFor(number),
      documentId: null,
      documentTypeId: h.ids.types.HD,
      reason: 'benchmark',
      by: h.vanthu.actor.userId,
      now,
    });
    return number;
  });
}

/** Sequential: engines alternated item by item; per item wall + CPU (process, children, PostgreSQL backends). */
async function sequential(hs, n, prepare, run) {
  const items = new Map();
  for (const h of hs) {
    const t0 = performance.now();
    items.set(h.engine, await prepare(h, n));
    h.preparedMs = performance.now() - t0;
  }
  const per = new Map(
    hs.map((h) => [h.engine, { ms: [], cpuMs: [], childrenMs: [], pgMs: [], tools: {}, out: [] }]),
  );
  const wall0 = performance.now();
  const other0 = systemCpu();
  for (let i = 0; i < n; i++) {
    for (const h of hs) {
      const p = per.get(h.engine);
      const pids = h.pg ? await h.pg.watcher.pids() : [];
      const pg0 = pids.map((x) => cpuMsOf(x));
      const c0 = ownCpu();
      const t0 = performance.now();
      p.out.push(await run(h, items.get(h.engine)[i], p.tools));
      p.ms.push(performance.now() - t0);
      const c1 = ownCpu();
      p.cpuMs.push(c1.self - c0.self);
      p.childrenMs.push(c1.children - c0.children);
      if (h.pg) {
        const after = await h.pg.watcher.pids();
        p.pgMs.push(
          after.reduce((a, x) => {
            const j = pids.indexOf(x);
            try {
              return a + cpuMsOf(x) - (j >= 0 ? pg0[j] : 0);
            } catch {
              return a;
            }
          }, 0),
        );
      } else {
        p.pgMs.push(0);
      }
    }
  }
  const wallMs = performance.now() - wall0;
  const other1 = systemCpu();
  const out = {};
  for (const h of hs) {
    const p = per.get(h.engine);
    const ms = stat(p.ms);
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    out[h.engine] = {
      mode: 'sequential',
      n,
      preparedS: round(h.preparedMs / 1000, 1),
      docsPerSec: round(n / (ms.sum / 1000), 2),
      ms,
      cpuMsPerDoc: {
        process: round(sum(p.cpuMs) / n, 1),
        libreoffice: round(sum(p.childrenMs) / n, 1),
        postgres: round(sum(p.pgMs) / n, 1),
        total: round((sum(p.cpuMs) + sum(p.childrenMs) + sum(p.pgMs)) / n, 1),
      },
      tools: toolStats(p.tools, ms.sum),
      results: p.out,
    };
  }
  return {
    byEngine: out,
    wallS: round(wallMs / 1000, 1),
    machineBusyCores: other0 && other1 ? round((other1.busy - other0.busy) / CLK / (wallMs / 1000), 2) : null,
  };
}

function toolStats(tools, totalMs) {
  const out = {};
  for (const [k, xs] of Object.entries(tools)) {
    const st = stat(xs);
    out[k] = { ...st, sum: undefined, shareOfIssue: round(st.sum / totalMs, 3) };
  }
  return out;
}

/** With `clients` at once, one engine. */
async function concurrent(h, n, clients, prepare, run, { watchOffice = null } = {}) {
  const t0 = performance.now();
  const items = await prepare(h, n);
  const preparedS = round((performance.now() - t0) / 1000, 1);
  const tools = {};
  const ms = [];
  const out = [];
  let maxWaiting = 0;
  const officeTimer = watchOffice
    ? setInterval(() => {
        maxWaiting = Math.max(maxWaiting, watchOffice().waiting);
      }, 50)
    : null;
  const stop = await meter(h.pg?.meter);
  await pool(items, clients, async (item) => {
    const a = performance.now();
    out.push(await run(h, item, tools));
    ms.push(performance.now() - a);
  });
  const m = await stop();
  if (officeTimer) {
    clearInterval(officeTimer);
  }
  const st = stat(ms);
  return {
    mode: `${clients} clients`,
    n,
    preparedS,
    wallS: round(m.wallMs / 1000, 1),
    docsPerSec: round(n / (m.wallMs / 1000), 2),
    ms: st,
    cpuMsPerDoc: {
      process: round(m.selfMs / n, 1),
      libreoffice: round(m.childrenMs / n, 1),
      postgres: round(m.pgMs / n, 1),
      total: round((m.selfMs + m.childrenMs + m.pgMs) / n, 1),
    },
    cores: {
      process: round(m.selfMs / m.wallMs, 2),
      libreoffice: round(m.childrenMs / m.wallMs, 2),
      postgres: round(m.pgMs / m.wallMs, 2),
      other: round(m.otherCores, 2),
    },
    officeMaxWaiting: watchOffice ? maxWaiting : undefined,
    tools: toolStats(tools, st.sum),
    results: out,
  };
}

/** Issued numbers distinct and consecutive, every delivery landed in an incoming register. */
function checkIssued(results, deliveries = 2) {
  const nums = results.map((r) => r.number).sort((a, b) => a - b);
  const consecutive = nums.every((x, i) => i === 0 || x === nums[i - 1] + 1);
  const delivered = results.every(
    (r) =>
      r.deliveries.length === deliveries &&
      r.deliveries.every((d) => d.delivery === 'internal' && d.incomingDocumentId > 0),
  );
  return {
    first: nums[0],
    last: nums[nums.length - 1],
    distinct: new Set(nums).size === nums.length,
    consecutive,
    delivered,
  };
}

function checkNumbers(nums) {
  const s = [...nums].sort((a, b) => a - b);
  return {
    first: s[0],
    last: s[s.length - 1],
    distinct: new Set(s).size === s.length,
    consecutive: s.every((x, i) => i === 0 || x === s[i - 1] + 1),
  };
}

export async function outgoingIssue({
  engines = ['sqlite', 'postgres'],
  numbering = 2000,
  upload = 60,
  template = 20,
  clients = 4,
  render = 500,
  convert = 10,
  samplePdf = null,
} = {}) {
  const s = await serverModules();
  const machine = machineInfo();
  const versions = await engineVersions();
  if (!s.findSoffice()) {
    throw new Error('LibreOffice (soffice) is not installed: variant c needs it');
  }
  const hs = [];
  const out = {
    machine,
    engines: versions,
    libreoffice: libreofficeVersion(),
    clients,
    results: {},
    checks: {},
  };
  try {
    for (const engine of engines) {
      const t0 = performance.now();
      const h = await demoContext(engine);
      hs.push(h);
      h.vanthu = { actor: await s.actorOf(h.ctx, 'vanthu'), audit: s.systemAuditContext('bench') };
      if (engine === 'postgres') {
        const watcher = await pgBackendWatcher(h.ctx.config.databaseUrl);
        h.pg = { watcher, meter: pgCpuMeter(watcher) };
      }
      log(`outgoing-issue: ${engine} demo database ready in ${round((performance.now() - t0) / 1000, 1)} s`);
    }
    const issue = (h, d, tools) =>
      s.issueDocument(h.ctx, h.vanthu, d.id, { version: d.version }, timedTools(s, h.ctx, tools));

    // Warm-up (not measured): the first seal generates the development CA and the body's key (RSA
    // 2048); two conversions at once create LibreOffice's two reusable profiles.
    let layout = null;
    for (const h of hs) {
      const docs = await signedLetters(h, 2, { from: 100_000 });
      const t0 = performance.now();
      const r = await Promise.all(docs.map((d) => issue(h, d, {})));
      log(
        `outgoing-issue: ${h.engine} warm-up: 2 template issues in ${round(performance.now() - t0, 0)} ms (${r.map((x) => x.notation).join(', ')})`,
      );
      if (!layout) {
        const doc = await s.findDocument(h.ctx.db, r[0].id);
        layout = await s.layoutOfDocument(h.ctx.db, doc, Number(doc.issued_on.slice(0, 4)));
      }
    }
    // The upload of variant b: LibreOffice's PDF of the same letter (one page), unsigned.
    const docx = await s.renderDocx(layout);
    const uploadPdf = await s.docxToPdf(docx);
    out.uploadPdfBytes = uploadPdf.length;
    out.docxBytes = docx.length;

    // 2. renderDocx alone
    if (render > 0) {
      const ms = [];
      const c0 = ownCpu();
      for (let i = 0; i < render; i++) {
        const t0 = performance.now();
        await s.renderDocx(layout);
        ms.push(performance.now() - t0);
      }
      const c1 = ownCpu();
      out.results.renderDocx = {
        ...stat(ms),
        sum: undefined,
        cpuMsPerDoc: round((c1.self - c0.self) / render, 1),
      };
      log(
        `outgoing-issue: renderDocx alone p50 ${out.results.renderDocx.p50} ms p95 ${out.results.renderDocx.p95} ms`,
      );
    }

    // a. numbering only
    if (numbering > 0) {
      const seq = await sequential(
        hs,
        numbering,
        async () => Array.from({ length: numbering }),
        (h) => numberOnce(s, h),
      );
      const conc = {};
      for (const h of hs) {
        conc[h.engine] = await concurrent(
          h,
          numbering,
          clients,
          async () => Array.from({ length: numbering }),
          () => numberOnce(s, h),
        );
      }
      out.results.numbering = { sequential: seq, concurrent: conc };
      // The floor under it: a transaction that inserts one row into a scratch table (one commit, no lock
      // shared between clients), same pattern of runs.
      for (const h of hs) {
        await h.ctx.db.schema.createTable('bench_commit').ifNotExists().addColumn('x', 'integer').execute();
      }
      const commitOnce = (h) =>
        s.inTransaction(h.ctx, (trx) => trx.insertInto('bench_commit').values({ x: 1 }).execute());
      const floorN = Math.ceil(numbering / 2);
      const fseq = await sequential(hs, floorN, async () => Array.from({ length: floorN }), commitOnce);
      const fconc = {};
      for (const h of hs) {
        fconc[h.engine] = await concurrent(
          h,
          floorN,
          clients,
          async () => Array.from({ length: floorN }),
          () => commitOnce(h),
        );
        delete fseq.byEngine[h.engine].results;
        delete fconc[h.engine].results;
      }
      out.results.commitFloor = { sequential: fseq, concurrent: fconc };
      for (const h of hs) {
        out.checks[`numbering ${h.engine}`] = checkNumbers([
          ...seq.byEngine[h.engine].results,
          ...conc[h.engine].results,
        ]);
        delete seq.byEngine[h.engine].results;
        delete conc[h.engine].results;
      }
      log(
        `outgoing-issue: numbering ${JSON.stringify(Object.fromEntries(hs.map((h) => [h.engine, [seq.byEngine[h.engine].docsPerSec, conc[h.engine].docsPerSec]])))} per s`,
      );
    }

    // b. uploaded PDF, c. template draft
    const variants = [
      ['upload', upload, { kind: 'upload', uploadPdf }],
      ['template', template, { kind: 'template' }],
    ];
    let from = 0;
    for (const [name, n, opts] of variants) {
      if (n <= 0) {
        continue;
      }
      const prepare = async (h, k) => {
        const docs = await signedLetters(h, k, { ...opts, from });
        from += k;
        return docs;
      };
      const seq = await sequential(hs, n, prepare, issue);
      log(
        `outgoing-issue: ${name} sequential ${JSON.stringify(Object.fromEntries(hs.map((h) => [h.engine, seq.byEngine[h.engine].docsPerSec])))} docs/s`,
      );
      let alone = null;
      if (name === 'template' && convert > 0) {
        // docxToPdf alone, same process, same document, right after the sequential run
        const ms = [];
        const c0 = ownCpu();
        for (let i = 0; i < convert; i++) {
          const t0 = performance.now();
          await s.docxToPdf(docx);
          ms.push(performance.now() - t0);
        }
        const c1 = ownCpu();
        alone = {
          ...stat(ms),
          sum: undefined,
          cpuMsPerDoc: {
            process: round((c1.self - c0.self) / convert, 1),
            libreoffice: round((c1.children - c0.children) / convert, 1),
          },
        };
        log(`outgoing-issue: docxToPdf alone p50 ${alone.p50} ms`);
      }
      const conc = {};
      for (const h of hs) {
        conc[h.engine] = await concurrent(h, n, clients, prepare, issue, {
          watchOffice: name === 'template' ? s.officeLoad : null,
        });
        log(`outgoing-issue: ${name} ${clients} clients ${h.engine} ${conc[h.engine].docsPerSec} docs/s`);
      }
      out.results[name] = { sequential: seq, concurrent: conc, docxToPdfAlone: alone ?? undefined };
      for (const h of hs) {
        out.checks[`${name} ${h.engine}`] = checkIssued([
          ...seq.byEngine[h.engine].results,
          ...conc[h.engine].results,
        ]);
        delete seq.byEngine[h.engine].results;
        delete conc[h.engine].results;
      }
    }

    // Every CV number issued is a finished document (no gap), and a sealed PDF verifies.
    for (const h of hs) {
      const series = await h.ctx.db
        .selectFrom('outgoing_series')
        .selectAll()
        .where('document_type_id', '=', h.ids.types.CV)
        .executeTakeFirstOrThrow();
      const gaps = await s.gapsOf(h.ctx.db, series.id);
      const last = await h.ctx.db
        .selectFrom('outgoing_documents')
        .select(['id', 'pdf_file_id', 'notation'])
        .where('status', '=', 'issued')
        .where('pdf_file_id', 'is not', null)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const pdf = (await s.fileStoreOf(h.ctx).read(last.pdf_file_id)).bytes;
      const v = await s.verifyPdf(h.ctx.db, pdf);
      if (samplePdf && h === hs[0]) {
        fs.writeFileSync(samplePdf, pdf);
      }
      out.checks[`gaps + seal ${h.engine}`] = {
        lastNumber: gaps.lastNumber,
        issued: gaps.issued,
        gaps: gaps.gaps.length,
        lastIssued: last.notation,
        pdfValid: v.valid,
        pdfTrusted: v.trusted,
      };
    }
  } finally {
    for (const h of hs) {
      await h.pg?.watcher.close();
      await h.cleanup();
    }
  }
  out.loadAvgAfter = machineInfo().loadAvg;
  return out;
}

function libreofficeVersion() {
  try {
    return (
      execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libreoffice-core-nogui']).toString().trim() || null
    );
  } catch {
    return null;
  }
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  const t0 = performance.now();
  const r = await outgoingIssue({
    engines: a.engines ? String(a.engines).split(',') : ['sqlite', 'postgres'],
    numbering: a.numbering ?? 2000,
    upload: a.upload ?? 60,
    template: a.template ?? 20,
    clients: a.clients ?? 4,
    render: a.render ?? 500,
    convert: a.convert ?? 10,
    samplePdf: a['sample-pdf'] ? String(a['sample-pdf']) : null,
  });
  r.durationS = round((performance.now() - t0) / 1000, 0);
  printJson(r);
  // LibreOffice's profile folder is removed on 'exit'; pg pools are closed: exit now
  process.exit(0);
}
