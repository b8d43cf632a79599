import { execFile } from 'node:child_process';
import type { ExtractionTools } from '@vanphong/contracts';

/**
 * The external programs text extraction runs (issue 7 §2), all optional Debian packages:
 * poppler-utils (pdftotext, pdfinfo, pdftoppm), tesseract-ocr (+ tesseract-ocr-vie), ocrmypdf.
 * They are looked up on PATH (or on `pathEnv`, which tests point at an empty directory to play a bare
 * machine), found once per process and PATH, and never make anything throw when missing.
 */

export interface RunOptions {
  pathEnv?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  cwd?: string;
  maxBuffer?: number;
}

export interface RunResult {
  /** `missing`: the program is not installed; `timeout`: killed after `timeoutMs`; `aborted`: the signal fired. */
  outcome: 'ok' | 'exit' | 'missing' | 'timeout' | 'aborted';
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/**
 * The environment of every tool run: PATH as asked, and OCR engines kept to one thread each — the
 * server runs extraction as background jobs beside the web requests, on machines with few cores.
 */
export function toolEnv(pathEnv?: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: pathEnv ?? process.env.PATH ?? '',
    OMP_THREAD_LIMIT: process.env.OMP_THREAD_LIMIT ?? '1',
  };
}

/** Runs a program (no shell); resolves with what happened, never rejects. */
export function runTool(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      {
        env: toolEnv(opts.pathEnv),
        timeout: opts.timeoutMs,
        killSignal: 'SIGKILL',
        signal: opts.signal,
        cwd: opts.cwd,
        encoding: 'buffer',
        maxBuffer: opts.maxBuffer ?? 64 * 1024 * 1024,
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        const out = {
          stdout: stdout ?? Buffer.alloc(0),
          stderr: (stderr ?? Buffer.alloc(0)).toString('utf8'),
        };
        if (!error) {
          resolve({ outcome: 'ok', code: 0, ...out });
          return;
        }
        const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
        if (e.name === 'AbortError' || opts.signal?.aborted) {
          resolve({ outcome: 'aborted', code: null, ...out });
        } else if (e.code === 'ENOENT' || e.code === 'EACCES') {
          resolve({ outcome: 'missing', code: null, ...out });
        } else if (e.killed) {
          resolve({ outcome: 'timeout', code: null, ...out });
        } else {
          resolve({ outcome: 'exit', code: typeof e.code === 'number' ? e.code : null, ...out });
        }
      },
    );
  });
}

/** What the installation can extract with, plus pdfinfo (same package as pdftotext; used for page counts). */
export interface ToolSet extends ExtractionTools {
  pdfinfo: boolean;
}

const PROBE_TIMEOUT_MS = 10_000;
const cache = new Map<string, Promise<ToolSet>>();

async function responds(cmd: string, args: string[], pathEnv?: string): Promise<RunResult | null> {
  const r = await runTool(cmd, args, { pathEnv, timeoutMs: PROBE_TIMEOUT_MS, maxBuffer: 1024 * 1024 });
  return r.outcome === 'ok' ? r : null;
}

async function probe(pathEnv?: string): Promise<ToolSet> {
  const [pdftotext, pdfinfo, pdftoppm, tesseract, langs, ocrmypdf] = await Promise.all([
    responds('pdftotext', ['-v'], pathEnv),
    responds('pdfinfo', ['-v'], pathEnv),
    responds('pdftoppm', ['-v'], pathEnv),
    responds('tesseract', ['--version'], pathEnv),
    responds('tesseract', ['--list-langs'], pathEnv),
    responds('ocrmypdf', ['--version'], pathEnv),
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
}
