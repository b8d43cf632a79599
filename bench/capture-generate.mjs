// Generates the labelled capture test set (issue 7 §3) with the project's own generator:
//   case (capture-cases.mjs) → renderDocx (outgoing/layout, Party or State format) → LibreOffice PDF
//   ("clean") → pdftoppm page 1, grey, 150–200 dpi → skew, blur, fading, noise, specks, JPEG
//   (capture-degrade.mjs) ("scan").
// Writes the files and labels.json to --out; with --fixtures, copies a small subset and its labels to
// apps/server/test/fixtures/capture (committed, used by capture.accuracy.test.ts).
//
//   nice -n 10 node bench/capture-generate.mjs --n 100 --degraded 100 --seed 7 [--out DIR] [--fixtures]
//   node bench/capture-generate.mjs --fixtures-only [--out DIR]   (subset of a set already generated)
//
// Needs LibreOffice (soffice) and poppler-utils (pdftoppm, pdftotext).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCase, prng } from './capture-cases.mjs';
import { degradationFor, degrade } from './capture-degrade.mjs';
import { isMain, log, parseArgs, ROOT } from './lib.mjs';

export const FIXTURES_DIR = path.join(ROOT, 'apps/server/test/fixtures/capture');
export const defaultOut = () => path.join(os.tmpdir(), 'vp-capture-set');

const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ');

async function serverModules() {
  const { register } = await import('tsx/esm/api');
  register();
  const src = path.join(ROOT, 'apps/server/src');
  const [docx, office] = await Promise.all([
    import(path.join(src, 'modules/outgoing/layout/layout.docx.ts')),
    import(path.join(src, 'platform/office/libreoffice.ts')),
  ]);
  return { renderDocx: docx.renderDocx, docxToPdf: office.docxToPdf };
}

const LEVELS = ['light', 'medium', 'heavy'];

export async function generate({ n = 100, degraded = 100, seed = 7, out = defaultOut() } = {}) {
  const { renderDocx, docxToPdf } = await serverModules();
  fs.mkdirSync(out, { recursive: true });
  const cases = [];
  const started = Date.now();
  // Two LibreOffice conversions at a time (its own pool allows two).
  for (let i = 0; i < n; i += 2) {
    const batch = [i, i + 1].filter((k) => k < n).map((k) => makeCase(seed, k));
    const pdfs = await Promise.all(batch.map(async (c) => docxToPdf(await renderDocx(c.layout))));
    batch.forEach((c, j) => {
      const pdf = `${c.id}.pdf`;
      fs.writeFileSync(path.join(out, pdf), pdfs[j]);
      const first = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', path.join(out, pdf), '-'], {
        encoding: 'utf8',
      });
      const pages = Number(
        /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(out, pdf)], { encoding: 'utf8' }))?.[1] ?? 1,
      );
      // The signer is a field of the first page only when the signature block is printed there.
      const truth = {
        ...c.truth,
        signer: fold(first).includes(fold(c.truth.signer)) ? c.truth.signer : null,
      };
      cases.push({ id: c.id, pdf, pages, scan: null, degradation: null, truth });
    });
    log(`clean ${Math.min(i + 2, n)}/${n}`);
  }
  for (const [i, c] of cases.slice(0, degraded).entries()) {
    const rand = prng(seed * 7919 + i);
    const d = degradationFor(rand, LEVELS[i % LEVELS.length]);
    const base = path.join(out, `${c.id}-raster`);
    execFileSync('pdftoppm', [
      '-r',
      String(d.dpi),
      '-gray',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      path.join(out, c.pdf),
      base,
    ]);
    const jpg = degrade(fs.readFileSync(`${base}.pgm`), rand, d);
    fs.rmSync(`${base}.pgm`);
    c.scan = `${c.id}.jpg`;
    c.degradation = d;
    fs.writeFileSync(path.join(out, c.scan), jpg);
    if ((i + 1) % 10 === 0) {
      log(`scans ${i + 1}/${degraded}`);
    }
  }
  const labels = {
    seed,
    generatedAt: new Date().toISOString(),
    generator: 'bench/capture-generate.mjs',
    cases,
  };
  fs.writeFileSync(path.join(out, 'labels.json'), `${JSON.stringify(labels, null, 1)}\n`);
  log(
    `${n} clean, ${Math.min(degraded, n)} scans in ${((Date.now() - started) / 1000).toFixed(0)} s → ${out}`,
  );
  return labels;
}

/** What a case exercises, for picking a small subset that still covers every kind of header. */
const featuresOf = (c) => {
  const t = c.truth;
  return [
    t.layout,
    t.documentTypeName === 'Công văn' ? 'letter' : 'titled',
    t.secrecy !== 'none' ? `secrecy:${t.secrecy}` : null,
    t.urgency !== 'normal' ? `urgency:${t.urgency}` : null,
    t.signer === null ? 'signature-on-page-2' : null,
    t.superiorBody === null ? 'no-superior' : null,
    /\/\d{4}\//.test(t.notation) ? 'notation-with-year' : null,
    Number(t.documentDate.slice(8)) < 10 ? 'day-01-09' : null,
    Number(t.documentDate.slice(5, 7)) <= 2 ? 'month-01-02' : null,
    t.issuerOrg === null ? 'own-body' : 'directory-issuer',
    c.degradation ? `level:${c.degradation.level}` : null,
  ].filter(Boolean);
};

/** Greedy cover: the case adding most features not yet seen, `count` times (ties: the first). */
function pickCovering(list, count) {
  const seen = new Set();
  const picked = [];
  const left = [...list];
  while (picked.length < count && left.length > 0) {
    let best = 0;
    let gain = -1;
    left.forEach((c, i) => {
      const g = featuresOf(c).filter((f) => !seen.has(f)).length;
      if (g > gain) {
        best = i;
        gain = g;
      }
    });
    const [c] = left.splice(best, 1);
    featuresOf(c).forEach((f) => seen.add(f));
    picked.push(c);
  }
  return picked;
}

/**
 * The committed subset: `clean` PDFs and `scans` scans (a third per degradation level) picked to cover
 * every kind of header the set has, with their labels; kept small (the repository carries it).
 */
export function copyFixtures(out, labels, { clean = 12, scans = 6 } = {}) {
  fs.mkdirSync(FIXTURES_DIR, { recursive: true });
  for (const f of fs.readdirSync(FIXTURES_DIR)) {
    fs.rmSync(path.join(FIXTURES_DIR, f));
  }
  const withoutScan = (c) => ({ ...c, scan: null, degradation: null });
  const pdfs = pickCovering(labels.cases.map(withoutScan), clean);
  const perLevel = Math.ceil(scans / LEVELS.length);
  const scanned = LEVELS.flatMap((l) =>
    pickCovering(
      labels.cases.filter((c) => c.scan && c.degradation.level === l),
      perLevel,
    ),
  ).slice(0, scans);
  const byId = new Map();
  for (const c of pdfs) {
    byId.set(c.id, { ...c });
  }
  for (const c of scanned) {
    byId.set(c.id, { ...(byId.get(c.id) ?? { ...c, pdf: null }), scan: c.scan, degradation: c.degradation });
  }
  const picked = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  for (const c of picked) {
    for (const f of [c.pdf, c.scan].filter(Boolean)) {
      fs.copyFileSync(path.join(out, f), path.join(FIXTURES_DIR, f));
    }
  }
  const subset = {
    ...labels,
    note: 'Subset of the generated capture test set; regenerate with bench/capture-generate.mjs --fixtures',
    cases: picked,
  };
  fs.writeFileSync(path.join(FIXTURES_DIR, 'labels.json'), `${JSON.stringify(subset, null, 1)}\n`);
  const bytes = fs
    .readdirSync(FIXTURES_DIR)
    .reduce((n, f) => n + fs.statSync(path.join(FIXTURES_DIR, f)).size, 0);
  log(
    `fixtures: ${pdfs.length} PDFs, ${scanned.length} scans, ${(bytes / 1e6).toFixed(2)} MB in ${FIXTURES_DIR}`,
  );
}

if (isMain(import.meta.url)) {
  const args = parseArgs();
  const out = typeof args.out === 'string' ? path.resolve(args.out) : defaultOut();
  // --fixtures-only: copy the subset from a set generated before, without generating again.
  const labels = args['fixtures-only']
    ? JSON.parse(fs.readFileSync(path.join(out, 'labels.json'), 'utf8'))
    : await generate({ n: args.n ?? 100, degraded: args.degraded ?? 100, seed: args.seed ?? 7, out });
  if (args.fixtures || args['fixtures-only']) {
    copyFixtures(out, labels, { clean: args['fixture-clean'] ?? 12, scans: args['fixture-scans'] ?? 6 });
  }
}
