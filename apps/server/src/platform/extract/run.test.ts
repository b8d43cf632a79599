import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { detectToolSet, DEFAULT_MEMORY_LIMIT_BYTES, runTool } from './tools.ts';

/**
 * How tools run (real programs: sh, env, sleep, yes, python3, prlimit from util-linux): the
 * environment they see, the process group killed on timeout and abort, the memory limit, the output cap.
 */

let dir: string;
const leftovers: number[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-run-test-'));
});
afterEach(() => {
  // A failing test must not leave its sleeps behind.
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Whether a process has ended (gone, or a zombie waiting for its new parent to reap it). */
function ended(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

async function waitFor(what: () => boolean, tries = 100): Promise<boolean> {
  for (let i = 0; i < tries; i += 1) {
    if (what()) {
      return true;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return what();
}

/** A shell that starts `sleep 300` in the background, writes its pid to `file` and waits for it. */
const sleeper = (file: string) => ['-c', 'sleep 300 & echo $! > "$0"; wait', file];

describe('runTool', () => {
  it('gives a tool only PATH, the C.UTF-8 locale, a private HOME and TMPDIR and the OCR thread limit', async () => {
    const saved = { secret: process.env.VANPHONG_TEST_SECRET, db: process.env.DATABASE_URL };
    process.env.VANPHONG_TEST_SECRET = 'khoa-bi-mat-42';
    process.env.DATABASE_URL = 'postgres://vanphong:mat-khau-db@127.0.0.1/vanphong';
    try {
      const r = await runTool('env', [], { timeoutMs: 10_000 });
      expect(r.outcome).toBe('ok');
      const out = r.stdout.toString('utf8');
      expect(out).not.toContain('khoa-bi-mat-42');
      expect(out).not.toContain('mat-khau-db');
      const env = Object.fromEntries(
        out
          .trim()
          .split('\n')
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      const expected = ['HOME', 'LANG', 'LC_ALL', 'OMP_THREAD_LIMIT', 'PATH', 'TMPDIR'];
      if (process.env.TESSDATA_PREFIX) {
        expected.push('TESSDATA_PREFIX');
      }
      expect(Object.keys(env).sort()).toEqual(expected.sort());
      expect(env).toMatchObject({ LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', PATH: process.env.PATH });
      expect(env.HOME).toBe(env.TMPDIR);
      expect(env.HOME).not.toBe(process.env.HOME);
      // The private directory is removed after the run.
      expect(fs.existsSync(env.HOME!)).toBe(false);
    } finally {
      for (const [key, value] of [
        ['VANPHONG_TEST_SECRET', saved.secret],
        ['DATABASE_URL', saved.db],
      ] as const) {
        if (value === undefined) {
          delete process.env[key];
        } else {
          process.env[key] = value;
        }
      }
    }
  });

  it('kills the tool and the processes it started when the time limit passes', async () => {
    const pidFile = path.join(dir, 'timeout.pid');
    const r = await runTool('sh', sleeper(pidFile), { timeoutMs: 3_000 });
    expect(r.outcome).toBe('timeout');
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    leftovers.push(pid);
    expect(await waitFor(() => ended(pid))).toBe(true);
  });

  it('kills the tool and the processes it started when aborted', async () => {
    const pidFile = path.join(dir, 'abort.pid');
    const controller = new AbortController();
    const running = runTool('sh', sleeper(pidFile), { timeoutMs: 60_000, signal: controller.signal });
    expect(
      await waitFor(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').trim() !== ''),
    ).toBe(true);
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    leftovers.push(pid);
    expect(ended(pid)).toBe(false);
    controller.abort();
    expect((await running).outcome).toBe('aborted');
    expect(await waitFor(() => ended(pid))).toBe(true);
  });

  it('kills the running tools when the server process exits', async () => {
    const pidFile = path.join(dir, 'exit.pid');
    const script = path.join(dir, 'server.ts');
    fs.writeFileSync(
      script,
      [
        `import { runTool } from ${JSON.stringify(path.resolve(import.meta.dirname, 'run.ts'))};`,
        `import fs from 'node:fs';`,
        `void runTool('sh', ${JSON.stringify(sleeper(pidFile))}, { timeoutMs: 60_000 });`,
        `const wait = setInterval(() => {`,
        `  if (fs.existsSync(${JSON.stringify(pidFile)}) && fs.readFileSync(${JSON.stringify(pidFile)}, 'utf8').trim()) {`,
        `    clearInterval(wait);`,
        `    process.exit(0);`,
        `  }`,
        `}, 20);`,
      ].join('\n'),
    );
    const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
    execFileSync(process.execPath, ['--import', 'tsx', script], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, TMPDIR: tmp },
      timeout: 30_000,
    });
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    leftovers.push(pid);
    expect(await waitFor(() => ended(pid))).toBe(true);
    // Its private HOME/TMPDIR went with it.
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('vanphong-'))).toEqual([]);
  }, 40_000);

  it('runs tools under an address-space limit with prlimit (util-linux)', async () => {
    expect((await detectToolSet()).prlimit).toBe(true);
    const limitKb = async (memoryLimitBytes?: number) =>
      (await runTool('sh', ['-c', 'ulimit -v'], { timeoutMs: 10_000, memoryLimitBytes })).stdout
        .toString('utf8')
        .trim();
    expect(await limitKb()).toBe(String(DEFAULT_MEMORY_LIMIT_BYTES / 1024));
    expect(await limitKb(256 * 1024 * 1024)).toBe(String(256 * 1024));
    // 0: no limit of ours, the server's own.
    expect(await limitKb(0)).toBe(execFileSync('sh', ['-c', 'ulimit -v'], { encoding: 'utf8' }).trim());
    // And it holds: 512 MB cannot be allocated under 256 MB.
    const alloc = ['-c', 'b = bytearray(512 * 1024 * 1024); print(len(b))'];
    expect(
      (await runTool('python3', alloc, { timeoutMs: 30_000, memoryLimitBytes: 256 * 1024 * 1024 })).outcome,
    ).toBe('exit');
    expect((await runTool('python3', alloc, { timeoutMs: 30_000 })).outcome).toBe('ok');
  });

  it('stops a tool whose output passes maxBuffer, keeping what came before', async () => {
    const r = await runTool('yes', ['ký tự'], { timeoutMs: 30_000, maxBuffer: 1024 * 1024 });
    expect(r.outcome).toBe('overflow');
    expect(r.stdout.length).toBe(1024 * 1024);
    expect(r.stdout.toString('utf8').split('\n')[0]).toBe('ký tự');
  });

  it('reports a program that is not installed, and one that fails', async () => {
    expect((await runTool('vanphong-no-such-tool', [], { timeoutMs: 10_000 })).outcome).toBe('missing');
    const failed = await runTool('sh', ['-c', 'echo "lỗi cuối" >&2; exit 3'], { timeoutMs: 10_000 });
    expect(failed).toMatchObject({ outcome: 'exit', code: 3, stderr: 'lỗi cuối\n' });
  });
});
