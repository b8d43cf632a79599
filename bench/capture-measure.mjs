// Field-level accuracy of the first-page reader (issue 7 §3) on the generated set
// (bench/capture-generate.mjs): each clean PDF and each degraded scan goes through the server's own
// code — extractText (text layer, or OCR of the scan with tesseract) → readFirstPage → directory
// match — exactly as POST /api/capture/extract runs it, minus HTTP and the file store. Scored by
// capture.scoring.ts; OCR seconds per page measured on the scans, one at a time.
//
//   nice -n 10 node bench/capture-measure.mjs [--dir /tmp/vp-capture-set] [--write] [--errors FILE]
//
// --write puts the results between <!-- capture:start --> and <!-- capture:end --> in docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultOut } from './capture-generate.mjs';
import { isMain, log, machineInfo, parseArgs, ROOT, round } from './lib.mjs';

const DOC = path.join(ROOT, 'docs/benchmarks.md');
const START = '<!-- capture:start -->';
const END = '<!-- capture:end -->';

async function serverModules() {
  const { register } = await import('tsx/esm/api');
  register();
  const m = (p) => import(path.join(ROOT, 'apps/server/src', p));
  const [support, scoring] = await Promise.all([
    m('modules/capture/capture.test-support.ts'),
    m('modules/capture/capture.scoring.ts'),
  ]);
  return { ...support, ...scoring };
}

export async function measure({ dir = defaultOut(), errorsFile = null } = {}) {
  const s = await serverModules();
  const labels = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8'));
  const directory = s.demoDirectory();
  const runs = { clean: [], scan: [] };
  const errors = [];
  const ocrSeconds = [];
  for (const c of labels.cases) {
    for (const kind of ['clean', 'scan']) {
      if (!(kind === 'clean' ? c.pdf : c.scan)) {
        continue;
      }
      const t0 = performance.now();
      const r = await s.readAndScore(dir, c, kind, directory);
      const seconds = (performance.now() - t0) / 1000;
      if (r.method === 'ocr') {
        ocrSeconds.push(seconds);
      }
      runs[kind].push({ id: c.id, level: c.degradation?.level ?? null, ...r });
      for (const [f, sc] of Object.entries(r.scores)) {
        if (!sc.correct) {
          errors.push({
            id: c.id,
            kind,
            level: c.degradation?.level ?? null,
            field: f,
            expected: sc.expected,
            got: sc.got,
            source: r.fields[f]?.source ?? null,
          });
        }
      }
    }
    log(`${c.id} done`);
  }
  if (errorsFile) {
    fs.writeFileSync(errorsFile, `${JSON.stringify(errors, null, 1)}\n`);
  }
  const table = (list) => s.tally(list.map((r) => r.scores));
  const confidence = (list) => {
    const right = [];
    const wrong = [];
    for (const r of list) {
      for (const [f, sc] of Object.entries(r.scores)) {
        (sc.correct ? right : wrong).push(r.fields[f].confidence);
      }
    }
    const mean = (xs) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length, 2) : null);
    return { right: mean(right), wrong: mean(wrong) };
  };
  const levels = ['light', 'medium', 'heavy'];
  const sorted = [...ocrSeconds].sort((a, b) => a - b);
  return {
    machine: machineInfo(),
    set: { dir, seed: labels.seed, clean: runs.clean.length, scans: runs.scan.length },
    clean: table(runs.clean),
    scan: table(runs.scan),
    scanByLevel: Object.fromEntries(levels.map((l) => [l, table(runs.scan.filter((r) => r.level === l))])),
    scanLevels: Object.fromEntries(levels.map((l) => [l, runs.scan.filter((r) => r.level === l).length])),
    confidence: { clean: confidence(runs.clean), scan: confidence(runs.scan) },
    ocr: {
      pages: sorted.length,
      meanS: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length), 2),
      p50S: round(sorted[Math.floor(sorted.length / 2)] ?? null, 2),
      maxS: round(Math.max(0, ...sorted), 2),
    },
    errors: errors.length,
  };
}

const pct = (t) => (t.total ? `${((100 * t.correct) / t.total).toFixed(1)} %` : '–');
const exactPct = (t) => (t.total ? `${((100 * t.exact) / t.total).toFixed(1)} %` : '–');
const LABELS = {
  superiorBody: 'Cơ quan cấp trên / superior body',
  issuerName: 'Cơ quan ban hành / issuer (as printed)',
  issuerId: 'Issuer matched in the directory',
  notation: 'Số, ký hiệu / notation',
  number: 'Số / number',
  place: 'Địa danh / place',
  documentDate: 'Ngày văn bản / date',
  documentTypeName: 'Tên loại / type',
  summary: 'Trích yếu / summary',
  urgency: 'Độ khẩn / urgency',
  secrecy: 'Độ mật / secrecy',
  signer: 'Người ký / signer (first page)',
};
const AIMED = new Set(['notation', 'number', 'documentDate']);

export function markdown(r) {
  const m = r.machine;
  const rows = r.clean.map((c, i) => {
    const sc = r.scan[i];
    const lv = ['light', 'medium', 'heavy'].map((l) => pct(r.scanByLevel[l][i]));
    const aim = AIMED.has(c.field) ? ' **(aim 95 / 85)**' : '';
    return `| ${LABELS[c.field]}${aim} | ${pct(c)} | ${exactPct(c)} | ${pct(sc)} | ${exactPct(sc)} | ${lv.join(' | ')} |`;
  });
  return [
    START,
    '## Capture: fields read from the first page (issue 7 §3)',
    '',
    `Run ${m.date} on ${m.cpuModel}, ${m.nproc} cores, ${m.ramGB} GB, load ${m.loadAvg.join(' / ')}, Node ${m.node}. ` +
      `Set: seed ${r.set.seed}, ${r.set.clean} clean PDFs and ${r.set.scans} degraded scans (light ${r.scanLevels.light}, medium ${r.scanLevels.medium}, heavy ${r.scanLevels.heavy}), ` +
      "generated by `bench/capture-generate.mjs` with the project's own Party/State generator (renderDocx → LibreOffice PDF; page 1 rasterised grey at 150–200 dpi, skewed up to 1.8°, blurred, faded, noise, specks, JPEG quality 25–75). " +
      'Measured by `nice -n 10 node bench/capture-measure.mjs --write`: extractText (pdftotext for PDFs, tesseract `vie` for scans) → readFirstPage → directory match, scored by capture.scoring.ts.',
    '',
    '"Right" ignores case, tones and punctuation for names, place, trích yếu and signer (OCR of capitals drops tones); "exact" compares the NFC text. Notation, number, date, type and marks are always exact.',
    '',
    '| Field | Clean PDF right | Clean exact | Scan right | Scan exact | Scan light | Scan medium | Scan heavy |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Mean confidence of right / wrong fields: clean ${r.confidence.clean.right} / ${r.confidence.clean.wrong}, scans ${r.confidence.scan.right} / ${r.confidence.scan.wrong}.`,
    '',
    `OCR seconds per page (first page of a scan, tesseract \`vie\`, one at a time): mean ${r.ocr.meanS} s, p50 ${r.ocr.p50S} s, max ${r.ocr.maxS} s over ${r.ocr.pages} pages.`,
    END,
  ].join('\n');
}

export function writeSection(text) {
  const doc = fs.readFileSync(DOC, 'utf8');
  const at = doc.indexOf(START);
  const next =
    at >= 0
      ? `${doc.slice(0, at)}${text}${doc.slice(doc.indexOf(END) + END.length)}`
      : `${doc.replace(/\n*$/, '\n\n')}${text}\n`;
  fs.writeFileSync(DOC, next);
}

if (isMain(import.meta.url)) {
  const args = parseArgs();
  const dir = typeof args.dir === 'string' ? path.resolve(args.dir) : defaultOut();
  const errorsFile =
    typeof args.errors === 'string' ? args.errors : path.join(os.tmpdir(), 'vp-capture-errors.json');
  const r = await measure({ dir, errorsFile });
  const text = markdown(r);
  console.log(text);
  log(`errors: ${r.errors} (details in ${errorsFile})`);
  if (args.write) {
    writeSection(text);
    log(`written to ${DOC}`);
  }
}
