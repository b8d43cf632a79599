import path from 'node:path';
import fs from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { runTool, type RunResult, type ToolSet } from './tools.ts';
import { toolFailure, warnings, type ExtractWarning } from './warnings.ts';

/**
 * PDF pages: counted with pdfinfo (pdf-lib when poppler is missing), each page's text layer read with
 * `pdftotext -layout`, and a page without one rasterised by pdftoppm (300 dpi, grey, size-capped) and
 * read by tesseract. Used by `extractText`.
 */

/** A page with fewer letters and digits than this in its text layer is treated as a scan. */
export const MIN_TEXT_LAYER_CHARS = 25;

/** Time limit of one tool call per page. */
export const DEFAULT_PAGE_TIMEOUT_MS = 120_000;
/** Most pages of a PDF read (and OCR'd, or made searchable) by default. */
export const DEFAULT_MAX_PAGES = 200;
/** Time limit for reading one file (or making it searchable), all its pages and tools together, by default. */
export const DEFAULT_TOTAL_TIMEOUT_MS = 15 * 60_000;

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

/** A page's size in points (pdfinfo's "Page N size", the crop box). */
export interface PageSize {
  width: number;
  height: number;
}

export interface PdfLayout {
  pages: number;
  /** Sizes of pages 1…`upTo` as pdfinfo reports them; empty when pdfinfo is missing. */
  sizes: Map<number, PageSize>;
}

/**
 * pdfinfo's output read: the page count from the last "Pages:" line and the page sizes after it. The
 * document's metadata (Title, Author…) is printed before "Pages:" and may contain anything, lines
 * that look like "Pages: 1" included; nothing after "Pages:" comes from the document's strings.
 */
export function parsePdfInfo(out: string): PdfLayout | null {
  const lines = out.split('\n');
  let at = lines.length - 1;
  while (at >= 0 && !lines[at]!.startsWith('Pages:')) {
    at -= 1;
  }
  const pages = at === -1 ? null : /^Pages:[ \t]*(\d+)[ \t\r]*$/.exec(lines[at]!);
  if (!pages) {
    return null;
  }
  const sizes = new Map<number, PageSize>();
  for (const line of lines.slice(at + 1)) {
    const m = /^Page[ \t]+(\d+)[ \t]+size:[ \t]+(\d+(?:\.\d+)?) x (\d+(?:\.\d+)?) pts/.exec(line);
    if (m) {
      sizes.set(Number(m[1]), { width: Number(m[2]), height: Number(m[3]) });
    }
  }
  return { pages: Number(pages[1]), sizes };
}

/**
 * The page count and the sizes of pages 1…`upTo` (pdfinfo; pdf-lib counts the pages when poppler is
 * missing); throws `Unreadable` on a file no reader can open.
 */
export async function pdfLayout(file: string, tools: ToolSet, run: PageRun, upTo = 1): Promise<PdfLayout> {
  if (tools.pdfinfo) {
    const r = await runTool('pdfinfo', ['-f', '1', '-l', String(Math.max(1, upTo)), file], {
      ...run,
      maxBuffer: 4 * 1024 * 1024,
    });
    throwIfAborted(r, run.signal);
    const layout = r.outcome === 'ok' ? parsePdfInfo(r.stdout.toString('utf8')) : null;
    if (layout) {
      return layout;
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
    return { pages: doc.getPageCount(), sizes: new Map() };
  } catch (e) {
    throw new Unreadable((e as Error).message.slice(0, 200));
  }
}

/** The page count; throws `Unreadable` on a file no reader can open. */
export async function pdfPageCount(file: string, tools: ToolSet, run: PageRun): Promise<number> {
  return (await pdfLayout(file, tools, run)).pages;
}

/** Most bytes of text layer read from one file (the text kept is capped again, in characters, later). */
export const MAX_TEXT_LAYER_BYTES = 16 * 1024 * 1024;

/**
 * The text layer of pages [first, last], one string per page (`truncated` when the output passed
 * MAX_TEXT_LAYER_BYTES: the pages after the cut are empty); a warning when pdftotext failed.
 */
export async function textLayer(
  file: string,
  first: number,
  last: number,
  run: PageRun,
): Promise<{ pages: string[]; truncated: boolean } | { warning: ExtractWarning }> {
  const r = await runTool(
    'pdftotext',
    ['-layout', '-enc', 'UTF-8', '-f', String(first), '-l', String(last), file, '-'],
    {
      ...run,
      timeoutMs: run.timeoutMs * (last - first + 1),
      maxBuffer: MAX_TEXT_LAYER_BYTES,
    },
  );
  throwIfAborted(r, run.signal);
  if (r.outcome === 'missing') {
    return { warning: warnings.popplerMissing() };
  }
  if (r.outcome !== 'ok' && r.outcome !== 'overflow') {
    return { warning: warnings.unreadable(toolFailure(r)) };
  }
  // pdftotext ends every page with a form feed.
  const pages = r.stdout.toString('utf8').split('\f');
  const count = last - first + 1;
  return {
    pages: Array.from({ length: count }, (_, i) => pages[i] ?? ''),
    truncated: r.outcome === 'overflow',
  };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/** Whether a page's text has MIN_TEXT_LAYER_CHARS letters or digits (counted until there are enough). */
export function hasTextLayer(text: string): boolean {
  LETTER_OR_DIGIT.lastIndex = 0;
  let found = 0;
  while (found < MIN_TEXT_LAYER_CHARS && LETTER_OR_DIGIT.exec(text)) {
    found += 1;
  }
  return found >= MIN_TEXT_LAYER_CHARS;
}

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

/**
 * Pages are rasterised at 300 dpi, but never larger than this many pixels on the long side: a page
 * of 9000 × 9000 pt at 300 dpi is 37 500 px square (gigabytes). An A4 page at 300 dpi is 3 508 px.
 */
export const MAX_RENDER_PIXELS = 4000;
const RENDER_DPI = 300;

/** pdftoppm's `-scale-to`: the long side in pixels at 300 dpi, at most MAX_RENDER_PIXELS (unknown size: the cap). */
export function renderPixels(size?: PageSize): number {
  if (!size || !(size.width > 0) || !(size.height > 0)) {
    return MAX_RENDER_PIXELS;
  }
  const long = Math.max(size.width, size.height);
  return Math.max(1, Math.min(MAX_RENDER_PIXELS, Math.round((long / 72) * RENDER_DPI)));
}

/**
 * OCR of one PDF page: rasterised into `tmp` (its crop box — what pdfinfo measured and viewers show —
 * scaled by `renderPixels`), read, the image removed.
 */
export async function ocrPdfPage(
  file: string,
  page: number,
  languages: string,
  tmp: string,
  run: PageRun,
  size?: PageSize,
): Promise<{ text: string } | { warning: ExtractWarning }> {
  const base = path.join(tmp, `page-${page}`);
  const r = await runTool(
    'pdftoppm',
    [
      '-cropbox',
      '-scale-to',
      String(renderPixels(size)),
      '-gray',
      '-png',
      '-singlefile',
      '-f',
      String(page),
      '-l',
      String(page),
      file,
      base,
    ],
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
