import { hasMemoryLimiter, resetRunCache, runTool, type RunResult } from './run.ts';
import type { ExtractionTools } from '@vanphong/contracts';

/**
 * The external programs text extraction runs (issue 7 §2), all optional Debian packages:
 * poppler-utils (pdftotext, pdfinfo, pdftoppm), tesseract-ocr (+ tesseract-ocr-vie), ocrmypdf.
 * They are looked up on PATH (or on `pathEnv`, which tests point at an empty directory to play a bare
 * machine), found once per process and PATH, and never make anything throw when missing.
 */

export { runTool, toolEnv, DEFAULT_MEMORY_LIMIT_BYTES } from './run.ts';
export type { RunOptions, RunResult } from './run.ts';

/**
 * What the installation can extract with, plus pdfinfo (same package as pdftotext; used for page
 * counts and sizes) and prlimit (util-linux; the tools' memory limit).
 */
export interface ToolSet extends ExtractionTools {
  pdfinfo: boolean;
  prlimit: boolean;
}

const PROBE_TIMEOUT_MS = 10_000;
const cache = new Map<string, Promise<ToolSet>>();

async function responds(cmd: string, args: string[], pathEnv?: string): Promise<RunResult | null> {
  const r = await runTool(cmd, args, { pathEnv, timeoutMs: PROBE_TIMEOUT_MS, maxBuffer: 1024 * 1024 });
  return r.outcome === 'ok' ? r : null;
}

async function probe(pathEnv?: string): Promise<ToolSet> {
  const [pdftotext, pdfinfo, pdftoppm, tesseract, langs, ocrmypdf, prlimit] = await Promise.all([
    responds('pdftotext', ['-v'], pathEnv),
    responds('pdfinfo', ['-v'], pathEnv),
    responds('pdftoppm', ['-v'], pathEnv),
    responds('tesseract', ['--version'], pathEnv),
    responds('tesseract', ['--list-langs'], pathEnv),
    responds('ocrmypdf', ['--version'], pathEnv),
    hasMemoryLimiter(pathEnv),
  ]);
  // `--list-langs` prints a heading line, then one language per line (on stdout, or stderr in 3.x).
  const languages = langs
    ? `${langs.stdout.toString('utf8')}\n${langs.stderr}`.split(/\r?\n/).map((l) => l.trim())
    : [];
  return {
    pdftotext: pdftotext !== null,
    pdfinfo: pdfinfo !== null,
    pdftoppm: pdftoppm !== null,
    tesseract: tesseract !== null,
    tesseractVietnamese: tesseract !== null && languages.includes('vie'),
    ocrmypdf: ocrmypdf !== null,
    prlimit,
  };
}

/** The tools with pdfinfo, found once per process and PATH. */
export function detectToolSet(opts?: { pathEnv?: string }): Promise<ToolSet> {
  const key = opts?.pathEnv ?? process.env.PATH ?? '';
  let found = cache.get(key);
  if (!found) {
    found = probe(opts?.pathEnv);
    cache.set(key, found);
  }
  return found;
}

/** What the installation can extract with (the contract's shape), found once per process and PATH. */
export async function detectTools(opts?: { pathEnv?: string }): Promise<ExtractionTools> {
  const t = await detectToolSet(opts);
  return {
    pdftotext: t.pdftotext,
    pdftoppm: t.pdftoppm,
    tesseract: t.tesseract,
    tesseractVietnamese: t.tesseractVietnamese,
    ocrmypdf: t.ocrmypdf,
  };
}

/** Forgets what was found (tests; after installing a package on a running server). */
export function resetToolCache(): void {
  cache.clear();
  resetRunCache();
}
