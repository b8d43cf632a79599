import fs from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import type { DbKind } from '../db/dialect.ts';
import { sha256OfFile } from '../files/files.store.ts';
import { backupErrors } from './backup.errors.ts';

export const MANIFEST_NAME = 'manifest.json';
export const FORMAT = 'vanphong-backup';
export const FORMAT_VERSION = 1;

/**
 * An archive holds every password hash and TOTP secret of the installation: whatever a backup writes
 * (the archive, its temporary name, the database snapshot, the manifest) is readable by the service's
 * own account only, and the backups folder is closed to others (security review, fix 5). Explicit
 * chmod after creation: the mode given to open/mkdir is only an upper bound under the process umask.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates `dir` (and missing parents) owner-only, and tightens it if it already existed. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await fs.chmod(dir, PRIVATE_DIR_MODE);
}

export interface TableSummary {
  name: string;
  rows: number;
  /** `databaseChecksums` of the table: restore compares the restored rows against it. */
  sha256: string;
}

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

/** `manifest.json`: what the archive holds and a SHA-256 for every other entry in it. */
export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  db: { kind: DbKind; migrations: string[]; tables: TableSummary[] };
  files: { count: number; bytes: number };
  entries: ManifestEntry[];
  warnings: string[];
}

/** Every regular file under `dir`, as sorted POSIX paths relative to it; links and devices are refused. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string) => {
    for (const d of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) {
        await walk(child);
      } else if (d.isFile()) {
        out.push(child);
      } else {
        throw backupErrors.corrupt([`${child}: not a regular file`]);
      }
    }
  };
  await walk('');
  return out.sort();
}

export async function describeEntries(dir: string, paths: string[]): Promise<ManifestEntry[]> {
  const out: ManifestEntry[] = [];
  for (const p of paths) {
    const abs = path.join(dir, p);
    out.push({ path: p, size: (await fs.stat(abs)).size, sha256: await sha256OfFile(abs) });
  }
  return out;
}

/**
 * Places `src` into `dest` as hard links (same file system: instant, no extra space; the blobs are
 * immutable), copying when linking is not possible.
 */
export async function linkOrCopy(src: string, dest: string): Promise<void> {
  await fs.mkdir(path.dirname(dest), { recursive: true });
  try {
    await fs.link(src, dest);
  } catch {
    await fs.copyFile(src, dest);
  }
}

/**
 * Writes the gzip'd tar next to `out` under a temporary name and renames it: no half archive is left.
 * The temporary file is created 0600 before a byte is written, so the secrets are never readable by
 * others, not even while the archive is being packed. Folders created for `out` are 0700; an existing
 * folder the operator chose is left as it is (it may be shared, like /tmp).
 */
export async function packArchive({ staging, out }: { staging: string; out: string }): Promise<void> {
  await fs.mkdir(path.dirname(out), { recursive: true, mode: PRIVATE_DIR_MODE });
  const tmp = `${out}.partial-${process.pid}`;
  try {
    // chmod too: a leftover of a crashed run under the same name would keep its old mode.
    await (await fs.open(tmp, 'w', PRIVATE_FILE_MODE)).close();
    await fs.chmod(tmp, PRIVATE_FILE_MODE);
    const top = (await fs.readdir(staging)).filter((n) => n !== MANIFEST_NAME).sort();
    // The manifest first, so `tar -tzf` and a reader see what follows.
    await tar.c({ gzip: true, file: tmp, mode: PRIVATE_FILE_MODE, cwd: staging, portable: true }, [
      MANIFEST_NAME,
      ...top,
    ]);
    await fs.rename(tmp, out);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** Extracts into an empty directory; anything but plain files and folders is refused. */
export async function extractArchive({ archive, into }: { archive: string; into: string }): Promise<void> {
  const odd: string[] = [];
  try {
    await tar.x({
      file: archive,
      cwd: into,
      strict: true,
      preservePaths: false,
      filter: (p, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        if (type !== 'File' && type !== 'OldFile' && type !== 'Directory') {
          odd.push(`${p}: ${type} entries are not allowed`);
          return false;
        }
        return true;
      },
    });
  } catch (err) {
    throw backupErrors.unreadable(err instanceof Error ? err.message : String(err));
  }
  if (odd.length > 0) {
    throw backupErrors.corrupt(odd);
  }
}

function parseManifest(text: string): Manifest {
  let m: Manifest;
  try {
    m = JSON.parse(text) as Manifest;
  } catch {
    throw backupErrors.corrupt([`${MANIFEST_NAME}: not JSON`]);
  }
  if (
    m?.format !== FORMAT ||
    typeof m.formatVersion !== 'number' ||
    !Array.isArray(m.entries) ||
    !m.db ||
    !Array.isArray(m.db.tables)
  ) {
    throw backupErrors.corrupt([`${MANIFEST_NAME}: not a vanphong backup manifest`]);
  }
  if (m.formatVersion > FORMAT_VERSION) {
    throw backupErrors.unreadable(
      `format version ${m.formatVersion} is newer than this program (${FORMAT_VERSION})`,
    );
  }
  return m;
}

/**
 * Checks an extracted archive against its manifest: every listed entry present with its size and
 * SHA-256, and nothing present that is not listed. Runs before anything in the target is touched.
 */
export async function verifyExtracted(dir: string): Promise<Manifest> {
  const manifestText = await fs.readFile(path.join(dir, MANIFEST_NAME), 'utf8').catch(() => null);
  if (manifestText === null) {
    throw backupErrors.corrupt([`${MANIFEST_NAME} is missing`]);
  }
  const manifest = parseManifest(manifestText);
  const present = new Set((await listFiles(dir)).filter((p) => p !== MANIFEST_NAME));
  const problems: string[] = [];
  for (const e of manifest.entries) {
    if (!present.delete(e.path)) {
      problems.push(`${e.path}: missing`);
      continue;
    }
    const abs = path.join(dir, e.path);
    const size = (await fs.stat(abs)).size;
    if (size !== e.size) {
      problems.push(`${e.path}: size ${size}, expected ${e.size}`);
    } else if ((await sha256OfFile(abs)) !== e.sha256) {
      problems.push(`${e.path}: checksum does not match`);
    }
  }
  for (const extra of present) {
    problems.push(`${extra}: not listed in the manifest`);
  }
  if (problems.length > 0) {
    throw backupErrors.corrupt(problems);
  }
  return manifest;
}
