import path from 'node:path';
import fs from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { runTool, type RunResult, type ToolSet } from './tools.ts';
import { toolFailure, warnings, type ExtractWarning } from './warnings.ts';

/**
 * PDF pages: counted with pdfinfo (pdf-lib when poppler is missing), each page's text layer read with
 * `pdftotext -layout`, and a page without one rasterised by pdftoppm (300 dpi, grey) and read by
 * tesseract. Used by `extractText`.
 */

/** A page with fewer letters and digits than this in its text layer is treated as a scan. */
export const MIN_TEXT_LAYER_CHARS = 25;

/** Time limit of one tool call per page. */
export const DEFAULT_PAGE_TIMEOUT_MS = 120_000;

export interface PageRun {
  pathEnv?: string;
  signal?: AbortSignal;
  timeoutMs: number;
}

export class Unreadable extends Error {}

const throwIfAborted = (r: RunResult, signal?: AbortSignal) => {
  if (r.outcome === 'aborted') {
    signal?.throwIfAborted();
    throw new DOMException('Extraction aborted', 'AbortError');
  }
};

/** The page count; throws `Unreadable` on a file no reader can open. */
export async function pdfPageCount(file: string, tools: ToolSet, run: PageRun): Promise<number> {
  if (tools.pdfinfo) {
    const r = await runTool('pdfinfo', [file], { ...run, maxBuffer: 4 * 1024 * 1024 });
    throwIfAborted(r, run.signal);
    const pages = /^Pages:\s+(\d+)/m.exec(r.stdout.toString('utf8'));
    if (r.outcome === 'ok' && pages) {
      return Number(pages[1]);
    }
    if (r.outcome !== 'missing') {
      throw new Unreadable(toolFailure(r));
    }
  }
  try {
    const doc = await PDFDocument.load(await fs.readFile(file), {
      ignoreEncryption: true,
      updateMetadata: false,
    });
    return doc.getPageCount();
  } catch (e) {
    throw new Unreadable((e as Error).message.slice(0, 200));
  }
}

/** The text layer of pages [first, last], one string per page; null with a warning when pdftotext failed. */
export async function textLayer(
  file: string,
  first: number,
  last: number,
  run: PageRun,
): Promise<{ pages: string[] } | { warning: ExtractWarning }> {
  const r = await runTool(
    'pdftotext',
    ['-layout', '-enc', 'UTF-8', '-f', String(first), '-l', String(last), file, '-'],
    {
      ...run,
      timeoutMs: run.timeoutMs * (last - first + 1),
    },
  );
  throwIfAborted(r, run.signal);
  if (r.outcome === 'missing') {
    return { warning: warnings.popplerMissing() };
  }
  if (r.outcome !== 'ok') {
    return { warning: warnings.unreadable(toolFailure(r)) };
  }
  // pdftotext ends every page with a form feed.
  const pages = r.stdout.toString('utf8').split('\f');
  const count = last - first + 1;
  return { pages: Array.from({ length: count }, (_, i) => pages[i] ?? '') };
}

export const hasTextLayer = (text: string) =>
  (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_TEXT_LAYER_CHARS;

export type OcrResult = { text: string } | { missing: true } | { failure: string };

/** OCR of one image file with tesseract (a multi-page TIFF gives its pages separated by form feeds). */
export async function ocrImage(image: string, languages: string, run: PageRun): Promise<OcrResult> {
  const r = await runTool('tesseract', [image, 'stdout', '-l', languages, '--psm', '3'], run);
  throwIfAborted(r, run.signal);
  if (r.outcome === 'missing') {
    return { missing: true };
  }
  if (r.outcome !== 'ok') {
    return { failure: toolFailure(r) };
  }
  return { text: tidyOcr(r.stdout.toString('utf8')) };
}

/** OCR output in NFC, with the look-alike slashes tesseract picks in notations ("V⁄v", "12∕CV") made '/'. */
export const tidyOcr = (text: string) => text.normalize('NFC').replace(/[\u2044\u2215]/g, '/');

/** OCR of one PDF page: rasterised into `tmp`, read, the image removed. */
export async function ocrPdfPage(
  file: string,
  page: number,
  languages: string,
  tmp: string,
  run: PageRun,
): Promise<{ text: string } | { warning: ExtractWarning }> {
  const base = path.join(tmp, `page-${page}`);
  const r = await runTool(
    'pdftoppm',
    ['-r', '300', '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page), file, base],
    run,
  );
  throwIfAborted(r, run.signal);
  if (r.outcome === 'missing') {
    return { warning: warnings.pdftoppmMissing() };
  }
  if (r.outcome !== 'ok') {
    return { warning: warnings.pageFailed(page, toolFailure(r)) };
  }
  try {
    const ocr = await ocrImage(`${base}.png`, languages, run);
    if ('missing' in ocr) {
      return { warning: warnings.tesseractMissing() };
    }
    return 'failure' in ocr ? { warning: warnings.pageFailed(page, ocr.failure) } : ocr;
  } finally {
    await fs.rm(`${base}.png`, { force: true });
  }
}
