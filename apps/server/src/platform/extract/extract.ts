import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ExtractionMethod } from '@vanphong/contracts';
import { convertLegacyLines, detectLegacyEncoding, type LegacyEncoding } from '../text/legacy.ts';
import {
  DEFAULT_PAGE_TIMEOUT_MS,
  hasTextLayer,
  ocrImage,
  ocrPdfPage,
  pdfPageCount,
  textLayer,
  Unreadable,
  type PageRun,
} from './pdf.ts';
import { decodeTextBytes, docxPages, xmlText } from './text-formats.ts';
import { detectToolSet, type ToolSet } from './tools.ts';
import { warnings as warn, type ExtractWarning } from './warnings.ts';

export { makeSearchablePdf } from './searchable.ts';
export { DEFAULT_PAGE_TIMEOUT_MS } from './pdf.ts';
export type { ExtractWarning } from './warnings.ts';

/**
 * Text of a stored file (issue 7 §2): the PDF text layer (poppler), OCR of scanned pages and images
 * (tesseract, Vietnamese model), DOCX body text, plain text/CSV/XML. Every text goes through the
 * legacy-encoding detection (TCVN3/VNI, on the whole document, so all pages convert alike; OCR output
 * is Unicode already and is only composed) and NFC. A missing tool, an unknown type, an empty or
 * corrupt file each give a warning with a stable code, never an exception; only an abort throws.
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

/** Trailing blanks of each line and blank lines at the ends removed; the -layout columns kept. */
const tidy = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');

interface Ctx {
  input: ExtractInput;
  tools: ToolSet;
  run: PageRun;
  warnings: ExtractWarning[];
}

function result(
  ctx: Ctx,
  method: ExtractionMethod,
  pageTexts: string[],
  legacyEncoding: LegacyEncoding | null,
): ExtractOutput {
  const texts = pageTexts.map((t) => tidy(t.normalize('NFC')));
  const text = texts.filter((t) => t !== '').join('\n\n');
  const found = ctx.warnings;
  if (text === '' && !found.some((w) => w.code === 'unreadable' || w.code === 'unsupported_type')) {
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

async function extractPdf(ctx: Ctx): Promise<ExtractOutput> {
  const { input, tools, run } = ctx;
  let total: number;
  try {
    total = await pdfPageCount(input.file, tools, run);
  } catch (e) {
    if (e instanceof Unreadable) {
      ctx.warnings.push(warn.unreadable(e.message));
      return result(ctx, 'none', [], null);
    }
    throw e;
  }
  const pages = input.firstPageOnly ? Math.min(total, 1) : total;
  let layer: string[] = Array.from({ length: pages }, () => '');
  let layerRead = false;
  if (!tools.pdftotext) {
    ctx.warnings.push(warn.popplerMissing());
  } else if (pages > 0) {
    const read = await textLayer(input.file, 1, pages, run);
    if ('pages' in read) {
      layer = read.pages;
      layerRead = true;
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
      let text = convertLegacyLines(layer[p - 1] ?? '', legacy);
      if (!hasTextLayer(text) && input.ocr !== false) {
        if (!canOcr) {
          const missing = tools.pdftoppm ? warn.tesseractMissing() : warn.pdftoppmMissing();
          if (!ctx.warnings.some((w) => w.message === missing.message)) {
            ctx.warnings.push(missing);
          }
        } else {
          tmp ??= await fs.mkdtemp(path.join(os.tmpdir(), 'vanphong-extract-'));
          const read = await ocrPdfPage(input.file, p, ocrLanguages(ctx), tmp, run);
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
  const texts = input.firstPageOnly ? pages.slice(0, 1) : pages;
  await input.onProgress?.(texts.length, texts.length);
  return result(ctx, 'ocr', texts.length > 0 ? texts : [''], null);
}

async function extractDocx(ctx: Ctx): Promise<ExtractOutput> {
  let pages: string[];
  try {
    pages = docxPages(await fs.readFile(ctx.input.file));
  } catch (e) {
    ctx.warnings.push(warn.unreadable((e as Error).message.slice(0, 200)));
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
  const decoded = decodeTextBytes(await fs.readFile(ctx.input.file));
  const text = xml ? xmlText(decoded) : decoded;
  const legacy = detectLegacyEncoding(text);
  await ctx.input.onProgress?.(1, 1);
  return result(ctx, 'plain', [convertLegacyLines(text, legacy)], legacy);
}

/** Reads the text of a file; see the module comment. Rejects only when `signal` aborts (or the file is not there). */
export async function extractText(input: ExtractInput): Promise<ExtractOutput> {
  input.signal?.throwIfAborted();
  const ctx: Ctx = {
    input,
    tools: await detectToolSet({ pathEnv: input.pathEnv }),
    run: {
      pathEnv: input.pathEnv,
      signal: input.signal,
      timeoutMs: input.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS,
    },
    warnings: [],
  };
  await fs.access(input.file);
  switch (kindOfContentType(input.contentType)) {
    case 'pdf':
      return extractPdf(ctx);
    case 'image':
      return extractImage(ctx);
    case 'docx':
      return extractDocx(ctx);
    case 'text':
      return extractPlain(ctx, false);
    case 'xml':
      return extractPlain(ctx, true);
    default:
      ctx.warnings.push(warn.unsupported(input.contentType));
      return result(ctx, 'none', [], null);
  }
}
