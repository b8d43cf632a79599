import type { Actor } from '../auth/auth.models.ts';
import type { FileRecord } from '../../platform/files/files.store.ts';
import { abilitiesForFile } from './files.policies.ts';

/** The API shape of a stored file (docs/API.md): fields listed explicitly, plus abilities. */
export function presentFile(file: FileRecord, actor: Actor) {
  return {
    id: file.id,
    sha256: file.sha256,
    size: file.size,
    contentType: file.contentType,
    originalName: file.originalName,
    createdAt: file.createdAt,
    encrypted: file.encryption !== null,
    abilities: abilitiesForFile(actor, file),
  };
}

/** RFC 5987 value: percent-encode everything outside attr-char (encodeURIComponent leaves ' ( ) * ! alone). */
const rfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` (never inline: the browser must not render stored content in our origin) with the NFC
 * original name as `filename*` (RFC 6266), and an ASCII fallback without diacritics for old clients.
 */
export function contentDisposition(originalName: string): string {
  const name = originalName.normalize('NFC');
  const ascii =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]|["\\]/g, '_') || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}
