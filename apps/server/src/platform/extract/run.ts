import { spawn, type ChildProcess } from 'node:child_process';
import { constants as fsConstants, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * How the extraction tools are run: the program looked up on PATH (or `pathEnv`) by us, started in a
 * process group of its own so a timeout or an abort kills it *and* what it started (ocrmypdf runs
 * tesseract and Ghostscript), under an address-space limit (`prlimit --as`, util-linux) where prlimit
 * is installed, with a minimal environment — PATH, a UTF-8 C locale, HOME and TMPDIR in a private
 * directory removed after the run, the OCR thread limit — so no secret of the server's environment
 * (DATABASE_URL, VANPHONG_FILE_KEY…) reaches a tool that reads untrusted files.
 */

export interface RunOptions {
  pathEnv?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  cwd?: string;
  /** Most stdout bytes kept (default 16 MiB): beyond, the tool is killed and the outcome is `overflow`. */
  maxBuffer?: number;
  /** Address-space limit of each process of the tool, where prlimit is installed; default 2 GiB, 0 for none. */
  memoryLimitBytes?: number;
}

export interface RunResult {
  /**
   * `missing`: the program is not installed; `timeout`: killed after `timeoutMs`; `aborted`: the signal
   * fired; `overflow`: killed when its output passed `maxBuffer` (stdout holds what came before).
   */
  outcome: 'ok' | 'exit' | 'missing' | 'timeout' | 'aborted' | 'overflow';
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export const DEFAULT_MEMORY_LIMIT_BYTES = 2 * 1024 ** 3;
const DEFAULT_MAX_BUFFER = 16 * 1024 * 1024;
/** The end of stderr is kept (the last line says why a tool failed). */
const MAX_STDERR = 1024 * 1024;
/** After a kill, how long to wait for the pipes to close (a process that left the group keeps them). */
const CLOSE_GRACE_MS = 5_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The whole environment of a tool run: PATH as asked, the C.UTF-8 locale, HOME and TMPDIR (`home`,
 * else the system temporary directory), OCR engines kept to one thread each — the server runs
 * extraction as background jobs beside the web requests, on machines with few cores — and
 * TESSDATA_PREFIX when the installation sets it. Nothing else of the server's environment.
 */
export function toolEnv(pathEnv?: string, home?: string): NodeJS.ProcessEnv {
  const dir = home ?? os.tmpdir();
  const env: NodeJS.ProcessEnv = {
    PATH: pathEnv ?? process.env.PATH ?? '',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    HOME: dir,
    TMPDIR: dir,
    OMP_THREAD_LIMIT: process.env.OMP_THREAD_LIMIT ?? '1',
  };
  if (process.env.TESSDATA_PREFIX) {
    env.TESSDATA_PREFIX = process.env.TESSDATA_PREFIX;
  }
  return env;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    if (!(await fs.stat(file)).isFile()) {
      return false;
    }
    await fs.access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The program's absolute path on `pathEnv`, or null (as a shell would find it; empty entries skipped). */
export async function findExecutable(cmd: string, pathEnv: string): Promise<string | null> {
  if (cmd.includes('/')) {
    return (await isExecutable(cmd)) ? path.resolve(cmd) : null;
  }
  for (const dir of pathEnv.split(path.delimiter)) {
    if (dir !== '') {
      const file = path.resolve(dir, cmd);
      if (await isExecutable(file)) {
        return file;
      }
    }
  }
  return null;
}

const nothing = (outcome: RunResult['outcome'], stderr = ''): RunResult => ({
  outcome,
  code: null,
  stdout: Buffer.alloc(0),
  stderr,
});

/**
 * The process groups of the tools running now, with their private directories. They are detached
 * (their own group), so they would outlive the server: when it exits (its SIGINT/SIGTERM handlers call
 * process.exit) they are killed and their directories removed.
 */
const running = new Map<number, string>();
let exitHookInstalled = false;

function track(pid: number, home: string): void {
  running.set(pid, home);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const [group, dir] of running) {
        try {
          process.kill(-group, 'SIGKILL');
        } catch {
          // already gone
        }
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}

/** Runs `file` in its own process group; see the module comment. Never rejects. */
function execute(file: string, args: string[], opts: RunOptions, home: string): Promise<RunResult> {
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(file, args, {
        cwd: opts.cwd,
        env: toolEnv(opts.pathEnv, home),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (e) {
      resolve(nothing('missing', (e as Error).message));
      return;
    }
    const maxBuffer = opts.maxBuffer ?? DEFAULT_MAX_BUFFER;
    const out: Buffer[] = [];
    let outLength = 0;
    const err: Buffer[] = [];
    let errLength = 0;
    let stopped: 'timeout' | 'aborted' | 'overflow' | null = null;
    let settled = false;
    let grace: NodeJS.Timeout | undefined;

    if (child.pid !== undefined) {
      track(child.pid, home);
    }
    const finish = (result: RunResult) => {
      if (settled) {
        return;
      }
      settled = true;
      if (child.pid !== undefined) {
        running.delete(child.pid);
      }
      clearTimeout(timer);
      clearTimeout(grace);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const result = (code: number | null): RunResult => ({
      outcome: stopped ?? (code === 0 ? 'ok' : 'exit'),
      code: stopped ? null : code,
      stdout: Buffer.concat(out),
      stderr: Buffer.concat(err).toString('utf8'),
    });
    const stop = (why: 'timeout' | 'aborted' | 'overflow') => {
      if (stopped || settled) {
        return;
      }
      stopped = why;
      // The whole group: the tool and every process it started (they inherit the group).
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      grace = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish(result(null));
      }, CLOSE_GRACE_MS);
    };
    const onAbort = () => stop('aborted');
    const timer = setTimeout(() => stop('timeout'), Math.max(0, Math.min(opts.timeoutMs, MAX_TIMER_MS)));
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout!.on('data', (chunk: Buffer) => {
      if (stopped) {
        return;
      }
      const room = maxBuffer - outLength;
      if (chunk.length > room) {
        out.push(chunk.subarray(0, room));
        outLength = maxBuffer;
        stop('overflow');
        return;
      }
      out.push(chunk);
      outLength += chunk.length;
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err.push(chunk);
      errLength += chunk.length;
      while (errLength > MAX_STDERR && err.length > 1) {
        errLength -= err.shift()!.length;
      }
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (child.pid === undefined) {
        finish(nothing(e.code === 'ENOENT' || e.code === 'EACCES' ? 'missing' : 'exit', e.message));
      }
    });
    child.on('close', (code) => finish(result(code)));
    if (opts.signal?.aborted) {
      onAbort();
    }
  });
}

const limiters = new Map<string, Promise<string | null>>();

/** prlimit's path on `pathEnv` when it is installed and can set the default limit, found once per PATH. */
function prlimitOn(pathEnv: string): Promise<string | null> {
  let found = limiters.get(pathEnv);
  if (!found) {
    found = (async () => {
      const exe = await findExecutable('prlimit', pathEnv);
      if (!exe) {
        return null;
      }
      const probe = await withHome((home) =>
        execute(
          exe,
          [`--as=${DEFAULT_MEMORY_LIMIT_BYTES}`, '--', exe, '--version'],
          { pathEnv, timeoutMs: 10_000 },
          home,
        ),
      );
      return probe.outcome === 'ok' ? exe : null;
    })();
    limiters.set(pathEnv, found);
  }
  return found;
}

/** Whether tools on `pathEnv` run under a memory limit. */
export async function hasMemoryLimiter(pathEnv?: string): Promise<boolean> {
  return (await prlimitOn(pathEnv ?? process.env.PATH ?? '')) !== null;
}

export function resetRunCache(): void {
  limiters.clear();
}

/** A private directory for HOME and TMPDIR of one run, removed afterwards (also what a killed tool left). */
async function withHome(run: (home: string) => Promise<RunResult>): Promise<RunResult> {
  let home: string;
  try {
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'vanphong-tool-'));
  } catch (e) {
    return nothing('exit', (e as Error).message);
  }
  try {
    return await run(home);
  } finally {
    await fs.rm(home, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Runs a program (no shell); resolves with what happened, never rejects. */
export async function runTool(cmd: string, args: string[], opts: RunOptions): Promise<RunResult> {
  if (opts.signal?.aborted) {
    return nothing('aborted');
  }
  const pathEnv = opts.pathEnv ?? process.env.PATH ?? '';
  const exe = await findExecutable(cmd, pathEnv);
  if (!exe) {
    return nothing('missing');
  }
  const limit = opts.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES;
  const prlimit = limit > 0 ? await prlimitOn(pathEnv) : null;
  return withHome((home) =>
    prlimit
      ? execute(prlimit, [`--as=${Math.floor(limit)}`, '--', exe, ...args], opts, home)
      : execute(exe, args, opts, home),
  );
}
