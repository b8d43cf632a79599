import { isUtf8 } from 'node:buffer';
import { fileTypeFromBuffer } from 'file-type';
import { fileErrors } from './files.errors.ts';

/**
 * What may be stored (issue: file store). A whitelist by extension, and for each extension the content
 * types `file-type` must see in the bytes, so a renamed file is caught: the name is what people click
 * on, the bytes are what their software opens.
 */
interface AllowedType {
  contentType: string;
  /** `file-type` results that match; `text` means "valid UTF-8 without NUL bytes, not a binary format". */
  accepts: readonly string[] | 'text' | 'xml';
}

const OOXML_WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const OOXML_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ALLOWED: Record<string, AllowedType> = {
  pdf: { contentType: 'application/pdf', accepts: ['pdf'] },
  // OOXML and ODF are ZIP containers; `file-type` names the flavour when it finds the marker part, and a
  // plain "zip" is still a container of the right family. A .docx holding a spreadsheet is a mismatch.
  docx: { contentType: OOXML_WORD, accepts: ['docx', 'zip'] },
  xlsx: { contentType: OOXML_SHEET, accepts: ['xlsx', 'zip'] },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', accepts: ['odt', 'zip'] },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', accepts: ['ods', 'zip'] },
  // Legacy Office files are OLE2 compound files ("cfb").
  doc: { contentType: 'application/msword', accepts: ['cfb'] },
  xls: { contentType: 'application/vnd.ms-excel', accepts: ['cfb'] },
  jpg: { contentType: 'image/jpeg', accepts: ['jpg'] },
  jpeg: { contentType: 'image/jpeg', accepts: ['jpg'] },
  png: { contentType: 'image/png', accepts: ['png'] },
  tif: { contentType: 'image/tiff', accepts: ['tif'] },
  tiff: { contentType: 'image/tiff', accepts: ['tif'] },
  zip: { contentType: 'application/zip', accepts: ['zip', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'] },
  txt: { contentType: 'text/plain; charset=utf-8', accepts: 'text' },
  csv: { contentType: 'text/csv; charset=utf-8', accepts: 'text' },
  xml: { contentType: 'application/xml', accepts: 'xml' },
};

export const ALLOWED_EXTENSIONS: readonly string[] = Object.keys(ALLOWED);

/** Names that run code when opened on a workstation (the brief's list plus their close relatives). */
const EXECUTABLE_EXTENSIONS = new Set([
  'exe',
  'dll',
  'bat',
  'cmd',
  'sh',
  'js',
  'msi',
  'ps1',
  'vbs',
  'jar',
  'apk',
  'com',
  'scr',
  'cpl',
  'msp',
  'hta',
  'wsf',
  'wsh',
  'vbe',
  'jse',
  'mjs',
  'cjs',
  'psm1',
  'bash',
  'lnk',
  'reg',
  'so',
  'dylib',
]);

/** `file-type` results that are programs or installers, whatever the name says. */
const EXECUTABLE_DETECTIONS = new Set([
  'exe',
  'elf',
  'macho',
  'class',
  'jar',
  'apk',
  'crx',
  'xpi',
  'deb',
  'rpm',
  'dmg',
  'wasm',
  'lnk',
  'reg',
  'chm',
  'swf',
]);

/** Text formats `file-type` recognises; a text file may legitimately look like one of them. */
const TEXT_DETECTIONS = new Set(['xml', 'ics', 'vcf', 'vtt']);

const startsWith = (bytes: Buffer, hex: string) =>
  bytes.subarray(0, hex.length / 2).equals(Buffer.from(hex, 'hex'));

/** PE ("MZ"), ELF, Mach-O (both byte orders, 32/64-bit, universal) and a script's shebang line. */
export function executableSignature(bytes: Buffer): string | null {
  if (startsWith(bytes, '4d5a')) {
    return 'pe';
  }
  if (startsWith(bytes, '7f454c46')) {
    return 'elf';
  }
  if (['feedface', 'feedfacf', 'cefaedfe', 'cffaedfe', 'cafebabe'].some((m) => startsWith(bytes, m))) {
    return 'mach-o';
  }
  if (startsWith(bytes, '2321')) {
    return 'script';
  }
  return null;
}

export const isUtf8Text = (bytes: Buffer): boolean => !bytes.includes(0) && isUtf8(bytes);

/** The lower-case extension after the last dot, or '' (".bashrc" has none). */
export function extensionOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i <= 0 ? '' : name.slice(i + 1).toLowerCase();
}

/**
 * The name as it will be stored and offered back: NFC (issue 2: text is NFC), without any folder part
 * (browsers on Windows send "C:\fakepath\…"), without control characters, at most 255 characters
 * keeping the extension.
 */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (clean.length <= 255) {
    return clean;
  }
  const ext = extensionOf(clean);
  const keep = ext && ext.length < 20 ? `.${ext}` : '';
  return `${clean.slice(0, 255 - keep.length)}${keep}`;
}

function accepted(type: AllowedType, detected: string | undefined, bytes: Buffer): boolean {
  if (type.accepts === 'text') {
    return (detected === undefined || TEXT_DETECTIONS.has(detected)) && isUtf8Text(bytes);
  }
  if (type.accepts === 'xml') {
    const text = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    return (detected === undefined || detected === 'xml') && isUtf8Text(bytes) && text.startsWith('<');
  }
  return detected !== undefined && type.accepts.includes(detected);
}

/**
 * Decides whether bytes named `name` may be stored and under which content type.
 * Refuses executables and scripts by name or by content (415 `files.forbidden_type`), anything outside
 * the whitelist (same code, reason `not_allowed`), and content that does not match the extension
 * (415 `files.type_mismatch`).
 */
export async function sniffUpload({
  bytes,
  name,
}: {
  bytes: Buffer;
  name: string;
}): Promise<{ extension: string; contentType: string }> {
  const extension = extensionOf(name);
  if (EXECUTABLE_EXTENSIONS.has(extension)) {
    throw fileErrors.forbiddenType('executable_name', { extension });
  }
  const detected = (await fileTypeFromBuffer(bytes))?.ext;
  const signature =
    executableSignature(bytes) ?? (detected && EXECUTABLE_DETECTIONS.has(detected) ? detected : null);
  if (signature) {
    throw fileErrors.forbiddenType('executable_content', { signature });
  }
  const type = ALLOWED[extension];
  if (!type) {
    throw fileErrors.forbiddenType('not_allowed', { extension, allowed: ALLOWED_EXTENSIONS });
  }
  if (!accepted(type, detected, bytes)) {
    throw fileErrors.typeMismatch(extension, detected ?? (isUtf8Text(bytes) ? 'text' : 'unknown'));
  }
  return { extension, contentType: type.contentType };
}
