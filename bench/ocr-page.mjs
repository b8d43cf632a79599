// OCR seconds per page (issue 7 §2): the server's own extractText on scans made from the project's
// font — page 1 of the generated letter (a sparse Party letter head) and a dense page of running text —
// each rasterised by pdftoppm and wrapped as an image-only PDF, so a run costs what a scanned PDF
// costs on the server: pdfinfo + pdftotext + pdftoppm -r 300 -gray + tesseract. One page at a time,
// tesseract on one thread (OMP_THREAD_LIMIT=1, as the server runs it). Also the text-layer read.
//
//   nice -n 10 node bench/ocr-page.mjs [--runs 3] [--languages vie]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMain, log, parseArgs, printJson, ROOT, round, median } from './lib.mjs';

async function modules() {
  const { register } = await import('tsx/esm/api');
  register();
  const m = (p) => import(path.join(ROOT, 'apps/server/src/platform/extract', p));
  const [extract, fixtures] = await Promise.all([m('extract.ts'), m('extract.fixtures.ts')]);
  return { ...extract, ...fixtures };
}

export async function measureOcr({ runs = 3, languages = 'vie' } = {}) {
  const s = await modules();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-bench-ocr-'));
  try {
    const letter = s.put(dir, 'letter.pdf', await s.letterPdf());
    const dense = s.put(dir, 'dense.pdf', await s.densePdf());
    const cases = {};
    for (const [name, pdf] of [
      ['letter', letter],
      ['dense', dense],
    ]) {
      const png = s.rasterise(pdf, 1, 300, path.join(dir, `${name}-scan`));
      const scan = s.put(
        dir,
        `${name}-scan.pdf`,
        await s.scanPdf(fs.readFileSync(png), fs.readFileSync(letter)),
      );
      const ocr = [];
      const layer = [];
      let chars = 0;
      for (let i = 0; i < runs; i += 1) {
        let t = performance.now();
        const out = await s.extractText({
          file: scan,
          contentType: 'application/pdf',
          firstPageOnly: true,
          languages,
        });
        ocr.push((performance.now() - t) / 1000);
        chars = out.text.length;
        if (out.method !== 'ocr') {
          throw new Error(`expected OCR, got ${out.method}`);
        }
        t = performance.now();
        await s.extractText({ file: pdf, contentType: 'application/pdf', firstPageOnly: true });
        layer.push((performance.now() - t) / 1000);
      }
      cases[name] = {
        ocrSecondsPerPage: round(median(ocr), 2),
        textLayerSecondsPerPage: round(median(layer), 3),
        ocrChars: chars,
      };
      log(name, JSON.stringify(cases[name]));
    }
    return { runs, languages, dpi: 300, threads: 1, cores: os.cpus().length, cases };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const args = parseArgs();
  printJson(await measureOcr({ runs: Number(args.runs ?? 3), languages: args.languages ?? 'vie' }));
}
