import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ExtractionMethod } from '@vanphong/contracts';
import { convertLegacyLines, detectLegacyEncoding, type LegacyEncoding } from '../text/legacy.ts';
import {
  DEFAULT_MAX_PAGES,
  DEFAULT_PAGE_TIMEOUT_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  hasTextLayer,
  ocrImage,
  ocrPdfPage,
  pdfLayout,
  textLayer,
  Unreadable,
  type PageRun,
} from './pdf.ts';
import {
  cutText,
  decodeTextBytes,
  MAX_DOCX_XML_BYTES,
  readDocx,
  readFileHead,
  tidyText,
  xmlText,
} from './text-formats.ts';
import { detectToolSet, type ToolSet } from './tools.ts';
import { warnings as warn, type ExtractWarning } from './warnings.ts';
import { EntryTooLarge } from './zip.ts';

export { makeSearchablePdf } from './searchable.ts';
export { DEFAULT_MAX_PAGES, DEFAULT_PAGE_TIMEOUT_MS, DEFAULT_TOTAL_TIMEOUT_MS } from './pdf.ts';

/** Most characters of text kept from one file (a longer text is cut, with a `truncated` warning). */
export const MAX_TEXT_CHARS = 2_000_000;
export type { ExtractWarning } from './warnings.ts';

/**
 * Text of a stored file (issue 7 §2): the PDF text layer (poppler), OCR of scanned pages and images
 * (tesseract, Vietnamese model), DOCX body text, plain text/CSV/XML. Every text goes through the
 * legacy-encoding detection (TCVN3/VNI, on the whole document, so all pages convert alike; OCR output
 * is Unicode already and is only composed) and NFC. A missing tool, an unknown type, an empty or
 * corrupt file each give a warning with a stable code, never an exception; only an abort throws.
 *
 * Files are untrusted: every text is scanned in linear time; a DOCX part may not inflate past 50 MB
 * (`too_large`); at most `maxPages` pages are read, within `totalTimeoutMs`, and at most
 * `maxTextChars` characters kept (`truncated`, with what was read); each tool runs under the limits of
 * `runTool` (own process group killed on timeout, memory limit, minimal environment).
 */

export interface ExtractInput {
  file: string;
  contentType: string;
  /** Read page 1 only (the capture screen). */
  firstPageOnly?: boolean;
  /** OCR pages without a text layer and images; default true. */
  ocr?: boolean;
  /**
   * tesseract languages; default 'vie' (its model reads Latin text too; measured on the generated
   * letters, 'vie+eng' lost the diacritics of bold capitals — "DANG CONG SAN" — and was slower), or
   * 'eng' when the Vietnamese data is not installed.
   */
  languages?: string;
  /** Called after each page, awaited. */
  onProgress?: (pagesDone: number, pages: number) => void | Promise<void>;
  /** Aborting kills the running tool and makes `extractText` reject with the abort reason. */
  signal?: AbortSignal;
  /** PATH to find the tools on (tests); default the process's PATH. */
  pathEnv?: string;
  /** Time limit of one tool call per page; default 120 s. */
  pageTimeoutMs?: number;
  /** Most pages of a PDF read and OCR'd; default 200 (beyond, a `truncated` warning says how many were read). */
  maxPages?: number;
  /** Time limit for the whole file; default 15 min. The pages read by then are kept, with a `truncated` warning. */
  totalTimeoutMs?: number;
  /** Most characters of text kept; default MAX_TEXT_CHARS. */
  maxTextChars?: number;
}

export interface ExtractOutput {
  method: ExtractionMethod;
  /** The pages' texts joined by a blank line. */
  text: string;
  pageTexts: string[];
  /** Pages read (1 with `firstPageOnly`); a DOCX counts the pages Word marked, other text files 1. */
  pages: number;
  legacyEncoding: LegacyEncoding | null;
  warnings: ExtractWarning[];
}

type Kind = 'pdf' | 'image' | 'docx' | 'text' | 'xml' | 'unsupported';

const KINDS: Record<string, Kind> = {
  'application/pdf': 'pdf',
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/jpg': 'image',
  'image/tiff': 'image',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/plain': 'text',
  'text/csv': 'text',
  'application/xml': 'xml',
  'text/xml': 'xml',
};

export const kindOfContentType = (contentType: string): Kind =>
  KINDS[contentType.split(';')[0]!.trim().toLowerCase()] ?? 'unsupported';

/** Why the time budget's signal fired (told apart from the caller's abort). */
class OutOfTime extends Error {
  override name = 'OutOfTime';
}

interface Ctx {
  input: ExtractInput;
  tools: ToolSet;
  run: PageRun;
  warnings: ExtractWarning[];
  maxChars: number;
  /** A reader stopped before the end of the text (the text kept is shorter than the file's). */
  textCut: boolean;
  budgetMs: number;
  outOfTime: boolean;
}

/** Rethrows anything but the time budget running out, which is recorded as a warning. */
function outOfTime(ctx: Ctx, e: unknown, read: number, pages: number): void {
  if (!(e instanceof OutOfTime) || ctx.input.signal?.aborted) {
    throw e;
  }
  ctx.outOfTime = true;
  ctx.warnings.push(warn.outOfTime(ctx.budgetMs, read, pages));
}

function result(
  ctx: Ctx,
  method: ExtractionMethod,
  pageTexts: string[],
  legacyEncoding: LegacyEncoding | null,
): ExtractOutput {
  const texts: string[] = [];
  let used = 0;
  let truncated = ctx.textCut;
  for (const page of pageTexts) {
    const t = tidyText(page.normalize('NFC'));
    // Pages are joined by a blank line: "\n\n" before every page with text but the first.
    const separator = t !== '' && used > 0 ? 2 : 0;
    const room = ctx.maxChars - used - separator;
    if (t.length <= room) {
      texts.push(t);
      used += separator + t.length;
      continue;
    }
    if (room > 0) {
      texts.push(cutText(t, room).trimEnd());
    }
    truncated = true;
    break;
  }
  const text = texts.filter((t) => t !== '').join('\n\n');
  const found = ctx.warnings;
  if (truncated) {
    found.push(warn.textTruncated(ctx.maxChars));
  }
  const silent = ['unreadable', 'unsupported_type', 'too_large'];
  if (text === '' && !ctx.outOfTime && !found.some((w) => silent.includes(w.code))) {
    found.push(warn.noText());
  }
  return { method, text, pageTexts: texts, pages: texts.length, legacyEncoding, warnings: found };
}

/** The OCR languages to use, and a warning when Vietnamese was asked for but is not installed. */
function ocrLanguages(ctx: Ctx): string {
  const asked = (ctx.input.languages ?? 'vie').split('+').filter((l) => l !== '');
  if (ctx.tools.tesseractVietnamese || !asked.includes('vie')) {
    return asked.join('+') || 'eng';
  }
  if (!ctx.warnings.some((w) => w.code === 'ocr_language_missing')) {
    ctx.warnings.push(warn.vietnameseMissing());
  }
  return asked.filter((l) => l !== 'vie').join('+') || 'eng';
}

const pageCap = (input: ExtractInput) =>
  input.firstPageOnly ? 1 : Math.max(1, Math.floor(input.maxPages ?? DEFAULT_MAX_PAGES));

async function extractPdf(ctx: Ctx): Promise<ExtractOutput> {
  const { input, tools, run } = ctx;
  const maxPages = pageCap(input);
  let total: number;
  let sizes: Awaited<ReturnType<typeof pdfLayout>>['sizes'];
  try {
    ({ pages: total, sizes } = await pdfLayout(input.file, tools, run, maxPages));
  } catch (e) {
    if (e instanceof Unreadable) {
      ctx.warnings.push(warn.unreadable(e.message));
      return result(ctx, 'none', [], null);
    }
    throw e;
  }
  const pages = Math.min(total, maxPages);
  if (total > pages && !input.firstPageOnly) {
    ctx.warnings.push(warn.pagesTruncated(pages, total));
  }
  let layer: string[] = Array.from({ length: pages }, () => '');
  let layerRead = false;
  if (!tools.pdftotext) {
    ctx.warnings.push(warn.popplerMissing());
  } else if (pages > 0) {
    const read = await textLayer(input.file, 1, pages, run);
    if ('pages' in read) {
      layer = read.pages;
      layerRead = true;
      ctx.textCut ||= read.truncated;
    } else {
      ctx.warnings.push(read.warning);
    }
  }
  const legacy = detectLegacyEncoding(layer.join('\n'));
  const canOcr = tools.pdftoppm && tools.tesseract;
  let ocrUsed = false;
  let tmp: string | null = null;
  const texts: string[] = [];
  try {
    for (let p = 1; p <= pages; p += 1) {
      run.signal?.throwIfAborted();
      let text = convertLegacyLines(layer[p - 1] ?? '', legacy);
      if (!hasTextLayer(text) && input.ocr !== false) {
        if (!canOcr) {
          const missing = tools.pdftoppm ? warn.tesseractMissing() : warn.pdftoppmMissing();
          if (!ctx.warnings.some((w) => w.message === missing.message)) {
            ctx.warnings.push(missing);
          }
        } else {
          tmp ??= await fs.mkdtemp(path.join(os.tmpdir(), 'vanphong-extract-'));
          const read = await ocrPdfPage(input.file, p, ocrLanguages(ctx), tmp, run, sizes.get(p));
          if ('text' in read) {
            const ocrText = read.text.normalize('NFC');
            if (hasTextLayer(ocrText) || text.trim() === '') {
              text = ocrText;
              ocrUsed = true;
            }
          } else {
            ctx.warnings.push(read.warning);
          }
        }
      }
      texts.push(text);
      await input.onProgress?.(p, pages);
    }
  } catch (e) {
    outOfTime(ctx, e, texts.length, pages);
  } finally {
    if (tmp) {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  }
  const method: ExtractionMethod = ocrUsed ? 'ocr' : layerRead ? 'text-layer' : 'none';
  return result(ctx, method, texts, legacy);
}

async function extractImage(ctx: Ctx): Promise<ExtractOutput> {
  const { input, tools, run } = ctx;
  if (input.ocr === false) {
    return result(ctx, 'none', [], null);
  }
  if (!tools.tesseract) {
    ctx.warnings.push(warn.tesseractMissing());
    return result(ctx, 'none', [], null);
  }
  const read = await ocrImage(input.file, ocrLanguages(ctx), run);
  if ('missing' in read) {
    ctx.warnings.push(warn.tesseractMissing());
    return result(ctx, 'none', [], null);
  }
  if ('failure' in read) {
    ctx.warnings.push(warn.unreadable(read.failure));
    return result(ctx, 'none', [], null);
  }
  // tesseract ends every page (of a multi-page TIFF) with a form feed.
  const pages = read.text.split('\f').filter((t, i, all) => i < all.length - 1 || t.trim() !== '');
  const texts = pages.slice(0, pageCap(input));
  if (pages.length > texts.length && !input.firstPageOnly) {
    ctx.warnings.push(warn.pagesTruncated(texts.length, pages.length));
  }
  await input.onProgress?.(texts.length, texts.length);
  return result(ctx, 'ocr', texts.length > 0 ? texts : [''], null);
}

async function extractDocx(ctx: Ctx): Promise<ExtractOutput> {
  let pages: string[];
  try {
    const read = readDocx(await fs.readFile(ctx.input.file), {
      maxXmlBytes: MAX_DOCX_XML_BYTES,
      maxChars: ctx.maxChars,
    });
    pages = read.pages;
    ctx.textCut ||= read.truncated;
  } catch (e) {
    ctx.warnings.push(
      e instanceof EntryTooLarge
        ? warn.docxTooLarge(e.limit)
        : warn.unreadable((e as Error).message.slice(0, 200)),
    );
    return result(ctx, 'none', [], null);
  }
  const legacy = detectLegacyEncoding(pages.join('\n'));
  const texts = (ctx.input.firstPageOnly ? pages.slice(0, 1) : pages).map((t) =>
    convertLegacyLines(t, legacy),
  );
  for (let p = 1; p <= texts.length; p += 1) {
    await ctx.input.onProgress?.(p, texts.length);
  }
  return result(ctx, 'docx', texts, legacy);
}

async function extractPlain(ctx: Ctx, xml: boolean): Promise<ExtractOutput> {
  // Enough bytes for `maxChars` characters in any of the encodings read (UTF-8 uses up to 4 a character).
  const head = await readFileHead(ctx.input.file, Math.min(4 * ctx.maxChars, 2 ** 30));
  ctx.textCut ||= head.partial;
  const decoded = decodeTextBytes(head.bytes, head.partial);
  const text = xml ? xmlText(decoded) : decoded;
  const legacy = detectLegacyEncoding(text);
  await ctx.input.onProgress?.(1, 1);
  return result(ctx, 'plain', [convertLegacyLines(text, legacy)], legacy);
}

/** Reads the text of a file; see the module comment. Rejects only when `signal` aborts (or the file is not there). */
export async function extractText(input: ExtractInput): Promise<ExtractOutput> {
  input.signal?.throwIfAborted();
  const budgetMs = Math.max(0, input.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS);
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(new OutOfTime()), Math.min(budgetMs, 2 ** 31 - 1));
  const signal = input.signal ? AbortSignal.any([input.signal, budget.signal]) : budget.signal;
  const ctx: Ctx = {
    input,
    tools: await detectToolSet({ pathEnv: input.pathEnv }),
    run: {
      pathEnv: input.pathEnv,
      signal,
      timeoutMs: input.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS,
    },
    warnings: [],
    maxChars: Math.max(1, Math.floor(input.maxTextChars ?? MAX_TEXT_CHARS)),
    textCut: false,
    budgetMs,
    outOfTime: false,
  };
  try {
    await fs.access(input.file);
    switch (kindOfContentType(input.contentType)) {
      case 'pdf':
        return await extractPdf(ctx);
      case 'image':
        return await extractImage(ctx);
      case 'docx':
        return await extractDocx(ctx);
      case 'text':
        return await extractPlain(ctx, false);
      case 'xml':
        return await extractPlain(ctx, true);
      default:
        ctx.warnings.push(warn.unsupported(input.contentType));
        return result(ctx, 'none', [], null);
    }
  } catch (e) {
    outOfTime(ctx, e, 0, 0);
    return result(ctx, 'none', [], null);
  } finally {
    clearTimeout(timer);
  }
}
