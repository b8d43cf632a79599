import { X509Certificate } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { TrustedCertificateInput, TrustedCertificateView } from '@vanphong/contracts';
import { inTransaction } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { TrustedCertificatesTable } from '../../platform/db/schema.ts';
import { signatureErrors as E } from './signatures.errors.ts';
import type { SigCtx } from './signatures.identities.ts';
import type { By } from './signatures.identity-admin.ts';
import { nameText, parsePemCertificates, toIsoInstant } from './signatures.pki.ts';
import * as repo from './signatures.repository.ts';

/**
 * The trusted list: certificates (usually CAs) a signature must chain to for verification to say
 * "trusted". The admin adds them as PEM and deactivates them; nothing is deleted, so the list's history
 * stays in the audit trail and re-adding a deactivated certificate turns it back on.
 */
type Row = Selectable<TrustedCertificatesTable>;

export function presentTrusted(r: Row): TrustedCertificateView {
  const [cert] = parsePemCertificates(r.certificate_pem);
  return {
    id: r.id,
    subject: r.subject,
    issuer: cert ? nameText(cert.issuer) : '',
    fingerprint: r.fingerprint,
    notAfter: r.not_after,
    note: r.note,
    active: r.active === 1,
    createdAt: r.created_at,
  };
}

export async function listTrustedViews(ctx: Pick<SigCtx, 'db'>): Promise<TrustedCertificateView[]> {
  return (await repo.listTrusted(ctx.db, { activeOnly: false })).map(presentTrusted);
}

/** One certificate from a PEM text (or bare base64 of the DER); `signatures.bad_certificate` on `pem` otherwise. */
export function parseOneCertificate(text: string): X509Certificate {
  let certs: X509Certificate[];
  try {
    certs = text.includes('-----BEGIN')
      ? parsePemCertificates(text)
      : [new X509Certificate(Buffer.from(text.replace(/\s+/g, ''), 'base64'))];
  } catch (err) {
    throw E.badCertificate('pem', err instanceof Error ? err.message : String(err));
  }
  if (certs.length === 0) {
    throw E.badCertificate('pem', 'no "-----BEGIN CERTIFICATE-----" block');
  }
  if (certs.length > 1) {
    throw E.badCertificate('pem', 'one certificate at a time');
  }
  return certs[0]!;
}

/** Adds a certificate, or turns a deactivated one back on (409 when it is already active). */
export async function addTrusted(
  ctx: SigCtx,
  by: By,
  input: TrustedCertificateInput,
): Promise<{ certificate: TrustedCertificateView; created: boolean }> {
  const cert = parseOneCertificate(input.pem);
  return inTransaction(ctx, async (trx) => {
    const audit = { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit };
    const existing = await repo.findTrustedByFingerprint(trx, cert.fingerprint256);
    if (existing?.active === 1) {
      throw E.alreadyTrusted(existing.id);
    }
    const details = { subject: nameText(cert.subject), fingerprint: cert.fingerprint256, note: input.note };
    if (existing) {
      await repo.setTrustedActive(trx, existing.id, true);
      await recordAudit(audit, { action: 'signatures.trusted_reactivated', entityType: 'trusted_certificate', entityId: existing.id, details });
      return { certificate: presentTrusted((await repo.findTrusted(trx, existing.id))!), created: false };
    }
    const id = await repo.insertTrustedIfAbsent(trx, {
      fingerprint: cert.fingerprint256,
      subject: nameText(cert.subject),
      certificate_pem: cert.toString(),
      not_after: toIsoInstant(cert.validTo),
      note: input.note,
      active: 1,
      created_by: by.actor.userId,
      created_at: ctx.clock.now().toISOString(),
    });
    if (id === null) {
      // Added by someone else between our read and our insert.
      throw E.alreadyTrusted((await repo.findTrustedByFingerprint(trx, cert.fingerprint256))!.id);
    }
    await recordAudit(audit, { action: 'signatures.trusted_added', entityType: 'trusted_certificate', entityId: id, details });
    return { certificate: presentTrusted((await repo.findTrusted(trx, id))!), created: true };
  });
}

/** Takes a certificate off the trusted list (kept, inactive). Deactivating an inactive one changes nothing. */
export async function deactivateTrusted(ctx: SigCtx, by: By, id: number): Promise<TrustedCertificateView> {
  return inTransaction(ctx, async (trx) => {
    const row = await repo.findTrusted(trx, id);
    if (!row) {
      throw E.trustedNotFound();
    }
    if (row.active === 1) {
      await repo.setTrustedActive(trx, id, false);
      await recordAudit(
        { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit },
        { action: 'signatures.trusted_deactivated', entityType: 'trusted_certificate', entityId: id, details: { subject: row.subject, fingerprint: row.fingerprint } },
      );
    }
    return presentTrusted((await repo.findTrusted(trx, id))!);
  });
}
