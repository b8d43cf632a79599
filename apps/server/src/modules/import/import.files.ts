/**
 * Attachment files named in the "Tệp" column, found in the `--files` folder and staged in the file
 * store BEFORE the row's transaction: content-addressed by SHA-256, so staging again after a kill
 * reuses the blob written the first time. A dry run reads and checks them and writes nothing.
 */
import { createHash } from 'node:crypto';
import { constants as fsConstants, type Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileStore, StagedFile } from '../../platform/files/files.store.ts';
import { ENCRYPTION_ALGORITHM } from '../../platform/files/files.crypto.ts';
import { cleanFileName, sniffUpload } from '../../platform/files/files.sniff.ts';
import { AppError } from '../../platform/errors.ts';
import { ATTACHMENT_TYPES } from '../incoming/incoming.models.ts';
import type { RowIssue } from './import.rows.ts';

export interface FileSource {
  dir: string | null;
  store: FileStore;
  dryRun: boolean;
}

const FILE_MESSAGES: Record<string, string> = {
  'files.too_large': 'tệp quá lớn',
  'files.forbidden_type': 'loại tệp không được nhận',
  'files.type_mismatch': 'nội dung tệp không khớp với phần mở rộng',
};

interface Located {
  path: string;
  /** lstat of the file: a regular file, not a link, inside the folder. */
  st: Stats;
}

/**
 * The file `name` inside the folder, or an issue (no folder, outside it, a symbolic link, missing).
 * The folder's and the file's real paths are compared, so neither `..` nor a link on the way (the file
 * itself or a folder above it) reads anything outside `--files`.
 */
async function locate(dir: string | null, name: string): Promise<Located | { message: string }> {
  if (dir === null) {
    return { message: `Dòng có tệp «${name}» nhưng lệnh không có --files <thư mục>.` };
  }
  const root = path.resolve(dir);
  const realRoot = await fs.realpath(root).catch(() => null);
  const outside = { message: `Tên tệp «${name}» ra ngoài thư mục --files.` };
  if (realRoot === null) {
    return { message: `Không mở được thư mục ${root} (--files).` };
  }
  for (const form of [name.normalize('NFC'), name.normalize('NFD')]) {
    const full = path.resolve(root, form);
    if (!full.startsWith(root + path.sep)) {
      return outside;
    }
    const st = await fs.lstat(full).catch(() => null);
    if (st === null) {
      continue;
    }
    if (st.isSymbolicLink()) {
      return { message: `Tệp «${name}» là một liên kết (symlink); chép chính tệp vào thư mục --files.` };
    }
    const real = await fs.realpath(full).catch(() => null);
    if (real === null || !real.startsWith(realRoot + path.sep)) {
      return outside;
    }
    if (st.isFile()) {
      return { path: real, st };
    }
  }
  return { message: `Không tìm thấy tệp «${name}» trong thư mục ${root}.` };
}

/**
 * The bytes of a located file, size checked on its metadata first: an oversized file is never read.
 * Opened without following a link, and only if it is still the file `locate` checked (same inode).
 */
async function readChecked(where: Located, maxBytes: number): Promise<Buffer | 'too_large' | 'changed'> {
  if (where.st.size > maxBytes) {
    return 'too_large';
  }
  const fh = await fs.open(where.path, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW).catch(() => null);
  if (fh === null) {
    return 'changed';
  }
  try {
    const st = await fh.stat();
    if (!st.isFile() || st.ino !== where.st.ino || st.dev !== where.st.dev) {
      return 'changed';
    }
    if (st.size > maxBytes) {
      return 'too_large';
    }
    return await fh.readFile();
  } finally {
    await fh.close();
  }
}

const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB` : `${Math.ceil(n / 1024).toLocaleString('vi-VN')} KB`;

/** Reads, checks and stages the files of one row; issues name the column `label`. */
export async function stageRowFiles(
  src: FileSource,
  names: string[],
  { encrypt, label }: { encrypt: boolean; label: string },
): Promise<{ staged: StagedFile[]; issues: RowIssue[] }> {
  const staged: StagedFile[] = [];
  const issues: RowIssue[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const where = await locate(src.dir, name);
    if ('message' in where) {
      issues.push({ field: label, message: where.message });
      continue;
    }
    if (seen.has(where.path)) {
      issues.push({ field: label, message: `Tệp «${name}» được ghi hai lần.` });
      continue;
    }
    seen.add(where.path);
    const bytes = await readChecked(where, src.store.maxBytes);
    if (bytes === 'too_large') {
      issues.push({ field: label, message: `Tệp «${name}»: tệp quá lớn (${sizeText(where.st.size)}, tối đa ${sizeText(src.store.maxBytes)}).` });
      continue;
    }
    if (bytes === 'changed') {
      issues.push({ field: label, message: `Tệp «${name}» đã bị thay đổi trong khi đọc; chạy lại lệnh.` });
      continue;
    }
    try {
      const s = src.dryRun ? await checkOnly(src.store.maxBytes, bytes, name, encrypt) : await src.store.stage({ bytes, name, encrypt });
      if (!ATTACHMENT_TYPES.has(s.contentType)) {
        issues.push({ field: label, message: `Tệp «${name}» không phải PDF, văn bản Word hay ảnh.` });
        continue;
      }
      staged.push(s);
    } catch (err) {
      if (!(err instanceof AppError)) {
        throw err;
      }
      issues.push({ field: label, message: `Tệp «${name}»: ${FILE_MESSAGES[err.code] ?? err.message}.` });
    }
  }
  return { staged, issues };
}

/** What `stage` checks, without writing a byte. */
async function checkOnly(maxBytes: number, bytes: Buffer, name: string, encrypt: boolean): Promise<StagedFile> {
  if (bytes.length > maxBytes) {
    throw new AppError({ code: 'files.too_large', status: 413, message: 'too large' });
  }
  const originalName = cleanFileName(name);
  const { contentType } = await sniffUpload({ bytes, name: originalName });
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    contentType,
    originalName,
    encryption: encrypt ? ENCRYPTION_ALGORITHM : null,
  };
}
