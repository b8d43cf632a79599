import type { X509Certificate } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { parsePemCertificates } from './signatures.pki.ts';
import * as repo from './signatures.repository.ts';

/**
 * Does a certificate chain up to an anchor of the trusted list? Walked with Node's X509Certificate:
 * each step needs an issuer whose name and key identifiers match (`checkIssued`, which also wants
 * keyCertSign when key usage is present), that is a CA, whose key verifies the certificate's
 * signature, and every certificate on the way valid at `at` (the claimed signing time: without a
 * timestamp authority that is the best we know). The anchor itself may be the signer's certificate.
 * No revocation check (no CRL/OCSP infrastructure on a closed network) — see the module's gaps.
 */
const MAX_DEPTH = 8;

const validAt = (c: X509Certificate, at: Date) => new Date(c.validFrom) <= at && at <= new Date(c.validTo);

export function chainsToTrusted(leaf: X509Certificate, pool: X509Certificate[], anchors: X509Certificate[], at: Date): boolean {
  const anchorPrints = new Set(anchors.map((a) => a.fingerprint256));
  const candidates = [...anchors, ...pool];
  let current = leaf;
  const seen = new Set<string>();
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (!validAt(current, at)) {
      return false;
    }
    if (anchorPrints.has(current.fingerprint256)) {
      return true;
    }
    seen.add(current.fingerprint256);
    const cur = current;
    const issuer = candidates.find(
      (c) => !seen.has(c.fingerprint256) && c.ca && cur.checkIssued(c) && safeVerify(cur, c),
    );
    if (!issuer) {
      return false;
    }
    current = issuer;
  }
  return false;
}

function safeVerify(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** The active anchors of the trusted list, parsed. */
export async function trustedAnchors(db: Kysely<Database>): Promise<X509Certificate[]> {
  const rows = await repo.listTrusted(db, { activeOnly: true });
  return rows.flatMap((r) => parsePemCertificates(r.certificate_pem));
}
