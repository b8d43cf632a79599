import fs from 'node:fs/promises';
import {
  DEFAULT_MAX_PAGES,
  DEFAULT_PAGE_TIMEOUT_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  pdfLayout,
  type PdfLayout,
} from './pdf.ts';
import { detectToolSet, runTool } from './tools.ts';
import { toolFailure, warnings, type ExtractWarning } from './warnings.ts';

/**
 * A searchable PDF beside a scanned original (issue 7 §2): `ocrmypdf --skip-text` adds an invisible
 * OCR text layer to the pages that have none and leaves the others as they are. Made only where
 * ocrmypdf is installed; never throws for a missing tool or a file it cannot use (only on abort).
 *
 * ocrmypdf exit codes read: 0 made; 6 the PDF already has text (made=false, `already_has_text`) —
 * and so is a run in which every page was skipped for its text; 2 and 8 (bad or encrypted input)
 * `unreadable`; 3 (a dependency such as tesseract missing) `tool_missing`; anything else `ocr_failed`.
 *
 * Not made (`too_large`) for a PDF of more than `maxPages` pages (default 200, as `extractText` reads)
 * or with a page longer than MAX_OCR_PAGE_PTS; ocrmypdf runs for at most `totalTimeoutMs` (default
 * 15 min) under `runTool`'s limits, its tesseract and Ghostscript killed with it.
 */
export const MAX_OCR_PAGE_PTS = 5000;

export async function makeSearchablePdf(
  input: string,
  output: string,
  opts?: {
    languages?: string;
    pathEnv?: string;
    signal?: AbortSignal;
    /** Most pages; default 200. */
    maxPages?: number;
    /** Time limit of the ocrmypdf run; default 15 min. */
    totalTimeoutMs?: number;
  },
): Promise<{ made: boolean; warning?: ExtractWarning }> {
  opts?.signal?.throwIfAborted();
  const tools = await detectToolSet({ pathEnv: opts?.pathEnv });
  if (!tools.ocrmypdf) {
    return { made: false, warning: warnings.ocrmypdfMissing() };
  }
  const run = { pathEnv: opts?.pathEnv, signal: opts?.signal, timeoutMs: DEFAULT_PAGE_TIMEOUT_MS };
  const maxPages = Math.max(1, Math.floor(opts?.maxPages ?? DEFAULT_MAX_PAGES));
  let layout: PdfLayout | null = null;
  try {
    layout = await pdfLayout(input, tools, run, maxPages);
  } catch (e) {
    if (opts?.signal?.aborted) {
      throw e;
    }
    // ocrmypdf reports the file itself below.
  }
  const pages = Math.max(1, layout?.pages ?? 1);
  if (pages > maxPages) {
    return { made: false, warning: warnings.tooManyPagesToOcr(pages, maxPages) };
  }
  for (const [page, size] of layout?.sizes ?? []) {
    if (Math.max(size.width, size.height) > MAX_OCR_PAGE_PTS) {
      return { made: false, warning: warnings.pageTooLarge(page, size.width, size.height) };
    }
  }
  const budgetMs = Math.max(0, opts?.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS);
  const asked = (opts?.languages ?? 'vie').split('+').filter((l) => l !== '');
  const languages = (tools.tesseractVietnamese ? asked : asked.filter((l) => l !== 'vie')).join('+') || 'eng';
  const r = await runTool(
    'ocrmypdf',
    ['-l', languages, '--skip-text', '--output-type', 'pdf', '--jobs', '1', input, output],
    {
      ...run,
      timeoutMs: Math.min(DEFAULT_PAGE_TIMEOUT_MS * pages + 30_000, budgetMs),
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (r.outcome === 'aborted') {
    await fs.rm(output, { force: true });
    opts?.signal?.throwIfAborted();
    throw new DOMException('Extraction aborted', 'AbortError');
  }
  const fail = async (warning: ExtractWarning) => {
    await fs.rm(output, { force: true });
    return { made: false, warning };
  };
  if (r.outcome === 'missing') {
    return fail(warnings.ocrmypdfMissing());
  }
  const skipped = r.stderr.match(/skipping all processing on this page|page already has text/gi)?.length ?? 0;
  if (r.code === 6 || (r.outcome === 'ok' && skipped >= pages)) {
    return fail(warnings.alreadyHasText());
  }
  if (r.outcome === 'ok') {
    return { made: true };
  }
  if (r.code === 2 || r.code === 8) {
    return fail(warnings.unreadable(toolFailure(r)));
  }
  if (r.code === 3) {
    return fail(warnings.tesseractMissing());
  }
  return fail(warnings.ocrFailed(toolFailure(r)));
}
