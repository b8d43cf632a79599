import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { officeErrors } from './office.errors.ts';

/**
 * DOCX → PDF with LibreOffice headless (issue 4 §5). LibreOffice is an optional Debian dependency
 * (libreoffice-writer-nogui), detected at run time; without it the signed PDF is uploaded instead.
 *
 * Each conversion runs its own soffice process with a private user profile: two processes sharing a
 * profile block each other (the second one hands its job to the first over a pipe, or fails). Profiles
 * come from a small pool, one per allowed concurrent conversion, and are reused: measured here, a
 * reused profile converts in ~0.65 s, a fresh one in ~0.9 s. A profile that saw a timeout or a failure
 * is thrown away. Every profile is seeded so that LibreOffice skips the graphics self-test it
 * otherwise runs at every headless start (~3.5 s on this machine): `utl::isProductVersionUpgraded`
 * runs it while `ooSetupLastVersion` is older than the running version, and a headless run never
 * records that version.
 */

export const SOFFICE_ENV = 'VANPHONG_SOFFICE';
export const CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/lib/libreoffice/program/soffice',
];

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_CONCURRENCY = 2;
const STDERR_LIMIT = 16_000;

let found: { env: string | undefined; path: string | null } | null = null;

const isExecutable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * The soffice to run: `VANPHONG_SOFFICE` when set (and only it: a wrong setting is reported, not
 * papered over), else the first Debian location that exists. Cached until the variable changes.
 */
export function findSoffice(): string | null {
  const env = process.env[SOFFICE_ENV]?.trim() || undefined;
  if (found && found.env === env) {
    return found.path;
  }
  const result = env ? (isExecutable(env) ? env : null) : (CANDIDATES.find(isExecutable) ?? null);
  found = { env, path: result };
  return result;
}

// --- concurrency: at most N soffice processes at once, the others wait in order ---

const limit = () => {
  const n = Number(process.env.VANPHONG_SOFFICE_CONCURRENCY);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_CONCURRENCY;
};
let running = 0;
const waiting: (() => void)[] = [];

/** Takes a slot at once when one is free (synchronously, so the count is exact), else queues. */
function acquire(): Promise<void> {
  if (running < limit()) {
    running += 1;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) {
    next();
  } else {
    running -= 1;
  }
}

/** How busy the converter is: for the health page and the tests. */
export const officeLoad = () => ({ running, waiting: waiting.length, limit: limit() });

// --- the profile pool ---

let poolRoot: string | null = null;
let profileSeq = 0;
const freeProfiles: string[] = [];

const registryItem = (path: string, body: string) => `<item oor:path="${path}">${body}</item>`;
const prop = (name: string, value: string) =>
  `<prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop>`;

/** Whether fontconfig knows a font family (false when fc-list itself is missing). */
function hasFontFamily(family: string): boolean {
  try {
    return (
      execFileSync('fc-list', [`:family=${family}`, 'family'], { encoding: 'utf8', timeout: 5000 }).trim() !==
      ''
    );
  } catch {
    return false;
  }
}

let seededRegistry: string | null = null;

/**
 * The registry every profile starts with. Besides skipping the graphics self-test: Debian's
 * fonts-liberation 1.07 has no Vietnamese, so LibreOffice drew "Times New Roman" with Liberation
 * Serif and took each "ả", "ộ"… from Tinos, mixing two fonts in one word. When the real Times New
 * Roman is absent and Tinos (fonts-croscore, same metrics, full Vietnamese) is present, Times New
 * Roman is always replaced by Tinos.
 */
function registry(): string {
  if (seededRegistry !== null) {
    return seededRegistry;
  }
  const items = [
    registryItem('/org.openoffice.Setup/Product', prop('ooSetupLastVersion', '99.0')),
    registryItem('/org.openoffice.Office.Common/Misc', prop('FirstRun', 'false')),
    // An uploaded DOCX may link images or objects by URL or file path: never fetch them (no requests
    // into the office network, no server file sealed into a document). Security review, issue 4.
    registryItem('/org.openoffice.Office.Common/Security/Scripting', prop('BlockUntrustedRefererLinks', 'true')),
  ];
  if (!hasFontFamily('Times New Roman') && hasFontFamily('Tinos')) {
    items.push(
      registryItem('/org.openoffice.Office.Common/Font/Substitution', prop('Replacement', 'true')),
      registryItem(
        '/org.openoffice.Office.Common/Font/Substitution/FontPairs',
        `<node oor:name="_0" oor:op="replace">${prop('Always', 'true')}${prop('OnScreenOnly', 'false')}${prop('ReplaceFont', 'Times New Roman')}${prop('SubstituteFont', 'Tinos')}</node>`,
      ),
    );
  }
  seededRegistry = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    ...items,
    '</oor:items>',
    '',
  ].join('\n');
  return seededRegistry;
}

const POOL_PREFIX = 'vanphong-office-';

const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The folder of this process's profiles and conversions: `vanphong-office-<pid>-XXXXXX` in the
 * temporary directory, removed at exit. A process killed by a signal cannot remove its own, so the
 * first conversion of a process removes those whose process is gone.
 */
function poolFolder(): string {
  if (poolRoot) {
    return poolRoot;
  }
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    const pid = Number(/^vanphong-office-(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !processAlive(pid)) {
      fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
    }
  }
  const root = fs.mkdtempSync(path.join(tmp, `${POOL_PREFIX}${process.pid}-`));
  process.once('exit', () => fs.rmSync(root, { recursive: true, force: true }));
  poolRoot = root;
  return root;
}

function takeProfile(): string {
  const reused = freeProfiles.pop();
  if (reused) {
    return reused;
  }
  profileSeq += 1;
  const dir = path.join(poolFolder(), `profile-${profileSeq}`);
  fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), registry());
  return dir;
}

function returnProfile(dir: string, healthy: boolean): void {
  if (healthy) {
    freeProfiles.push(dir);
  } else {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// --- the conversion ---

export interface ConvertOptions {
  /** Kill soffice after this long (counted from its start, not from the queue). Default 60 s. */
  timeoutMs?: number;
}

/** Converts a DOCX into a PDF. Throws `office.unavailable` or `office.conversion_failed`. */
export async function docxToPdf(docx: Buffer, options: ConvertOptions = {}): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) {
    throw officeErrors.unavailable(process.env[SOFFICE_ENV] ? [process.env[SOFFICE_ENV]] : CANDIDATES);
  }
  await acquire();
  let work: string | null = null;
  let profile: string | null = null;
  let healthy = false;
  try {
    work = fs.mkdtempSync(path.join(poolFolder(), 'convert-'));
    profile = takeProfile();
    const input = path.join(work, 'document.docx');
    fs.writeFileSync(input, docx);
    const output = await runSoffice(soffice, profile, work, input, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const pdf = readPdf(path.join(work, 'document.pdf'), output);
    healthy = true;
    return pdf;
  } finally {
    if (profile) {
      returnProfile(profile, healthy);
    }
    if (work) {
      fs.rmSync(work, { recursive: true, force: true });
    }
    release();
  }
}

function readPdf(file: string, output: string): Buffer {
  const pdf = fs.existsSync(file) ? fs.readFileSync(file) : null;
  if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw officeErrors.conversionFailed({
      reason: 'no_output',
      stderr: output || 'soffice exited without writing a PDF',
    });
  }
  return pdf;
}

/** Runs one conversion; resolves with what soffice printed (its errors go to stdout as often as not). */
function runSoffice(
  soffice: string,
  profile: string,
  outdir: string,
  input: string,
  timeoutMs: number,
): Promise<string> {
  const args = [
    '--headless',
    '--norestore',
    '--nologo',
    '--nodefault',
    '--nolockcheck',
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--convert-to',
    'pdf',
    '--outdir',
    outdir,
    input,
  ];
  return new Promise((resolve, reject) => {
    // Its own process group: soffice is a shell script that starts oosplash, which starts
    // soffice.bin; a timeout kills the whole group.
    const child = spawn(soffice, args, { cwd: outdir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      if (output.length < STDERR_LIMIT) {
        output += chunk.toString('utf8');
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(officeErrors.conversionFailed({ reason: 'spawn', stderr: error.message }));
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          officeErrors.conversionFailed({
            reason: 'timeout',
            timeoutMs,
            stderr: output.slice(0, STDERR_LIMIT),
          }),
        );
      } else if (exitCode !== 0) {
        reject(
          officeErrors.conversionFailed({
            reason: 'exit',
            exitCode,
            signal,
            stderr: output.slice(0, STDERR_LIMIT),
          }),
        );
      } else {
        resolve(output);
      }
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) {
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
