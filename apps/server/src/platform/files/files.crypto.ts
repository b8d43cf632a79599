import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileErrors } from './files.errors.ts';

/**
 * Encryption at rest for the isolated-LAN profile (spec §3: secret content only there, and encrypted).
 * AES-256-GCM, a random 96-bit IV per blob, the 128-bit tag stored with the blob. One blob on disk:
 *
 *   "VPE1" (4) | key id (8) | IV (12) | tag (16) | ciphertext
 *
 * The key id (first 8 bytes of a hash of the key) tells "encrypted with another key" apart from
 * "tampered", so a restored installation without its key gets a clear error instead of a vague one.
 * The header and the SHA-256 of the plaintext are authenticated data: a blob copied under another
 * name, or with a changed header, fails the tag like changed ciphertext does.
 */
export const ENCRYPTION_ALGORITHM = 'aes-256-gcm';
export type Encryption = typeof ENCRYPTION_ALGORITHM;

/** The environment variable that holds the key (base64 of 32 bytes); wins over the key file. */
export const FILE_KEY_ENV = 'VANPHONG_FILE_KEY';
/** The key file created in DATA_DIR on first need when the variable is not set. */
export const FILE_KEY_NAME = 'file-encryption.key';

const MAGIC = Buffer.from('VPE1');
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + KEY_ID_BYTES + IV_BYTES + TAG_BYTES;

export interface FileKey {
  key: Buffer;
  /** Hex of the key id written into every blob. */
  id: string;
  /** Where it came from, for error messages: the variable name or the key file's path. */
  source: string;
}

const keyIdOf = (key: Buffer) =>
  createHash('sha256').update('vanphong-file-key:').update(key).digest().subarray(0, KEY_ID_BYTES);

/** Decodes base64 of exactly 32 bytes; anything else is refused (a short key is not "almost right"). */
export function parseFileKey(text: string, source: string): FileKey {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) {
    throw fileErrors.keyInvalid(source);
  }
  return { key, id: keyIdOf(key).toString('hex'), source };
}

export const newFileKeyText = () => `${randomBytes(32).toString('base64')}\n`;

const isCode = (err: unknown, code: string) =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === code;

/**
 * Where the key comes from: `VANPHONG_FILE_KEY` if set, else `${dataDir}/file-encryption.key`.
 * Encrypting creates the key file (mode 0600) if neither exists; reading never creates one — a missing
 * key on read means a lost key, and a fresh key would only hide that.
 */
export function fileKeySource({ dataDir, env = process.env }: { dataDir: string; env?: NodeJS.ProcessEnv }) {
  const file = path.join(dataDir, FILE_KEY_NAME);
  const fromEnv = env[FILE_KEY_ENV];
  let loaded: FileKey | null = null;

  async function readKeyFile(): Promise<FileKey | null> {
    try {
      return parseFileKey(await fs.readFile(file, 'utf8'), file);
    } catch (err) {
      if (isCode(err, 'ENOENT')) {
        return null;
      }
      throw err;
    }
  }

  /** Created under a temporary name and linked into place: two processes starting together agree on one key. */
  async function createKeyFile(): Promise<FileKey> {
    await fs.mkdir(dataDir, { recursive: true });
    const tmp = path.join(dataDir, `.${FILE_KEY_NAME}-${randomBytes(6).toString('hex')}`);
    try {
      const fh = await fs.open(tmp, 'wx', 0o600);
      try {
        await fh.writeFile(newFileKeyText());
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.link(tmp, file).catch((err: unknown) => {
        if (!isCode(err, 'EEXIST')) {
          throw err;
        }
      });
    } finally {
      await fs.rm(tmp, { force: true });
    }
    const key = await readKeyFile();
    if (!key) {
      throw fileErrors.keyMissing(file);
    }
    return key;
  }

  const load = async (): Promise<FileKey | null> =>
    fromEnv !== undefined && fromEnv !== '' ? parseFileKey(fromEnv, FILE_KEY_ENV) : readKeyFile();

  return {
    /** What an operator should look at when the key is wrong or missing. */
    describe: () => (fromEnv !== undefined && fromEnv !== '' ? FILE_KEY_ENV : file),
    /** The key to decrypt with; `files.key_missing` when there is none. */
    async get(): Promise<FileKey> {
      loaded ??= await load();
      if (!loaded) {
        throw fileErrors.keyMissing(file);
      }
      return loaded;
    },
    /** The key to encrypt with: the key file is created on the first encrypted upload. */
    async getOrCreate(): Promise<FileKey> {
      loaded ??= (await load()) ?? (await createKeyFile());
      return loaded;
    },
  };
}

export type FileKeySource = ReturnType<typeof fileKeySource>;

/** Additional authenticated data: the header up to the IV and the plaintext's hash (the blob's name). */
const aadOf = (header: Buffer, sha256: string) => Buffer.concat([header, Buffer.from(sha256, 'ascii')]);

export function encryptBlob(plain: Buffer, sha256: string, k: FileKey): Buffer {
  const iv = randomBytes(IV_BYTES);
  const head = Buffer.concat([MAGIC, Buffer.from(k.id, 'hex'), iv]);
  const cipher = createCipheriv('aes-256-gcm', k.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aadOf(head, sha256));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([head, cipher.getAuthTag(), body]);
}

export type DecryptResult =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: 'malformed' | 'other_key' | 'tag_mismatch'; keyId?: string };

/**
 * The plaintext, or why not. Never returns unauthenticated bytes: GCM releases nothing until the tag
 * of the whole blob has been checked (`final()` throws first).
 */
export function decryptBlob(blob: Buffer, sha256: string, k: FileKey): DecryptResult {
  if (blob.length < HEADER_BYTES || !blob.subarray(0, MAGIC.length).equals(MAGIC)) {
    return { ok: false, reason: 'malformed' };
  }
  const keyId = blob.subarray(MAGIC.length, MAGIC.length + KEY_ID_BYTES).toString('hex');
  if (keyId !== k.id) {
    return { ok: false, reason: 'other_key', keyId };
  }
  const head = blob.subarray(0, MAGIC.length + KEY_ID_BYTES + IV_BYTES);
  const iv = head.subarray(MAGIC.length + KEY_ID_BYTES);
  const tag = blob.subarray(head.length, HEADER_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', k.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aadOf(head, sha256));
  decipher.setAuthTag(tag);
  const out = decipher.update(blob.subarray(HEADER_BYTES));
  try {
    return { ok: true, bytes: Buffer.concat([out, decipher.final()]) };
  } catch {
    out.fill(0);
    return { ok: false, reason: 'tag_mismatch' };
  }
}
