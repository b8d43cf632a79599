/**
 * Attachment files named in the "Tệp" column, found in the `--files` folder and staged in the file
 * store BEFORE the row's transaction: content-addressed by SHA-256, so staging again after a kill
 * reuses the blob written the first time. A dry run reads and checks them and writes nothing.
 */
import { createHash } from 'node:crypto';
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

/** The path of `name` inside the folder, or an issue (no folder, outside it, missing). */
async function locate(dir: string | null, name: string): Promise<string | { message: string }> {
  if (dir === null) {
    return { message: `Dòng có tệp «${name}» nhưng lệnh không có --files <thư mục>.` };
  }
  const root = path.resolve(dir);
  const full = path.resolve(root, name.normalize('NFC'));
  if (!full.startsWith(root + path.sep)) {
    return { message: `Tên tệp «${name}» ra ngoài thư mục --files.` };
  }
  for (const candidate of [full, path.resolve(root, name.normalize('NFD'))]) {
    const st = await fs.stat(candidate).catch(() => null);
    if (st?.isFile()) {
      return candidate;
    }
  }
  return { message: `Không tìm thấy tệp «${name}» trong thư mục ${root}.` };
}

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
    if (typeof where !== 'string') {
      issues.push({ field: label, message: where.message });
      continue;
    }
    if (seen.has(where)) {
      issues.push({ field: label, message: `Tệp «${name}» được ghi hai lần.` });
      continue;
    }
    seen.add(where);
    try {
      const bytes = await fs.readFile(where);
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
