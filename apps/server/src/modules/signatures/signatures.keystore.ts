import type { Config } from '../../config.ts';
import { decryptBlob, encryptBlob, ENCRYPTION_ALGORITHM, fileKeySource, type FileKeySource } from '../../platform/files/files.crypto.ts';
import { signatureErrors as E } from './signatures.errors.ts';

/**
 * A signing identity at rest: the PKCS#12 and its password in one JSON envelope, sealed with the
 * installation's file key (AES-256-GCM, the format of encrypted files: "VPE1", key id, IV, tag,
 * ciphertext). The authenticated data names the row's issuer key, so a sealed key copied onto another
 * body's row does not open. Without the file key nothing opens: the key is not part of backups
 * (ARCHITECTURE.md, Files), which is the point for private keys too.
 */

interface Envelope {
  v: 1;
  password: string;
  /** base64 of the PKCS#12 bytes. */
  p12: string;
}

const sources = new Map<string, FileKeySource>();

/** One key source per data directory (the source caches the key it loaded). */
function keySource(config: Pick<Config, 'dataDir'>): FileKeySource {
  let s = sources.get(config.dataDir);
  if (!s) {
    s = fileKeySource({ dataDir: config.dataDir });
    sources.set(config.dataDir, s);
  }
  return s;
}

const label = (issuerKey: string) => `signing-identity:${issuerKey}`;

export async function sealP12(
  config: Pick<Config, 'dataDir'>,
  issuerKey: string,
  p12: Buffer,
  password: string,
): Promise<{ p12: string; p12_encryption: string }> {
  const key = await keySource(config).getOrCreate();
  const envelope: Envelope = { v: 1, password, p12: p12.toString('base64') };
  const plain = Buffer.from(JSON.stringify(envelope), 'utf8');
  const sealed = encryptBlob(plain, label(issuerKey), key);
  plain.fill(0);
  return { p12: sealed.toString('base64'), p12_encryption: ENCRYPTION_ALGORITHM };
}

export async function unsealP12(
  config: Pick<Config, 'dataDir'>,
  row: { issuer_key: string; p12: string; p12_encryption: string },
): Promise<{ p12: Buffer; password: string }> {
  if (row.p12_encryption !== ENCRYPTION_ALGORITHM) {
    throw E.keyUnavailable(row.issuer_key, `unknown encryption "${row.p12_encryption}"`);
  }
  let key;
  try {
    key = await keySource(config).get();
  } catch {
    throw E.keyUnavailable(row.issuer_key, `file key missing (${keySource(config).describe()})`);
  }
  const opened = decryptBlob(Buffer.from(row.p12, 'base64'), label(row.issuer_key), key);
  if (!opened.ok) {
    throw E.keyUnavailable(row.issuer_key, opened.reason === 'other_key' ? 'sealed with another file key' : opened.reason);
  }
  const envelope = JSON.parse(opened.bytes.toString('utf8')) as Envelope;
  opened.bytes.fill(0);
  return { p12: Buffer.from(envelope.p12, 'base64'), password: envelope.password };
}
