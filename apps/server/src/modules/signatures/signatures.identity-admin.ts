import type { SigningIdentityView } from '@vanphong/contracts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../auth/auth.models.ts';
import { listAgencies, listCommittees } from '../org/org.repository.ts';
import { chainsToTrusted, trustedAnchors } from './signatures.chain.ts';
import { signatureErrors as E } from './signatures.errors.ts';
import { bodyOf, CA_ISSUER_KEY, issuerKeyOf, withTrx, type Issuer, type SigCtx } from './signatures.identities.ts';
import { sealP12 } from './signatures.keystore.ts';
import { nameText, openP12, parsePemCertificates, toIsoInstant } from './signatures.pki.ts';
import * as repo from './signatures.repository.ts';

/** The admin's side of signing identities: the list of bodies and their certificates, and the upload. */

export interface By {
  actor: Actor;
  audit: AuditContext;
}

/** The admin replaces a body's identity with an uploaded PKCS#12 (audited; the old key is gone). */
export async function uploadIdentity(
  ctx: SigCtx,
  by: By,
  input: Issuer & { p12: Buffer; password: string },
): Promise<SigningIdentityView> {
  const issuer = { committeeId: input.committeeId, agencyId: input.agencyId };
  const issuerKey = issuerKeyOf(issuer);
  const body = await bodyOf(ctx.db, issuer);
  const material = openP12(input.p12, input.password);
  const now = ctx.clock.now();
  const cert = material.certificate;
  if (new Date(cert.validTo) < now) {
    throw E.certificateExpired('p12', toIsoInstant(cert.validTo));
  }
  const sealed = await sealP12(ctx.config, issuerKey, input.p12, input.password);
  const at = now.toISOString();
  await withTrx(ctx.db, async (trx) => {
    const previous = await repo.findIdentity(trx, issuerKey);
    await repo.upsertIdentity(trx, {
      issuer_key: issuerKey,
      committee_id: issuer.committeeId,
      agency_id: issuer.agencyId,
      subject: nameText(cert.subject),
      certificate_pem: [cert, ...material.chain].map((c) => c.toString()).join(''),
      fingerprint: cert.fingerprint256,
      ...sealed,
      not_after: toIsoInstant(cert.validTo),
      source: 'uploaded',
      created_at: at,
      updated_at: at,
    });
    const row = (await repo.findIdentity(trx, issuerKey))!;
    await recordAudit({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit }, {
      action: 'signatures.identity_uploaded',
      entityType: 'signing_identity',
      entityId: row.id,
      details: {
        issuerKey,
        subject: row.subject,
        fingerprint: row.fingerprint,
        notAfter: row.not_after,
        replacedFingerprint: previous?.fingerprint ?? null,
        replacedSource: previous?.source ?? null,
      },
    });
  });
  const views = await listIdentityViews(ctx);
  return views.items.find((v) => v.issuerKey === issuerKey) ?? { ...emptyView(issuer, body.name) };
}

const emptyView = (issuer: Issuer, bodyName: string): SigningIdentityView => ({
  issuerKey: issuerKeyOf(issuer),
  committeeId: issuer.committeeId,
  agencyId: issuer.agencyId,
  bodyName,
  subject: null,
  fingerprint: null,
  notAfter: null,
  source: null,
  trusted: false,
  updatedAt: null,
});

/** Every active body with its certificate (or none yet), and the development CA. */
export async function listIdentityViews(ctx: SigCtx) {
  const [committees, agencies, rows, anchors] = await Promise.all([
    listCommittees(ctx.db, { ids: null, includeInactive: false }),
    listAgencies(ctx.db, { ids: null, limit: 100_000, offset: 0 }),
    repo.listIdentities(ctx.db),
    trustedAnchors(ctx.db),
  ]);
  const byKey = new Map(rows.map((r) => [r.issuer_key, r]));
  const now = ctx.clock.now();
  const bodies = committees.flatMap((c) => [
    { issuer: { committeeId: c.id, agencyId: null as number | null }, name: c.name },
    ...agencies.items.filter((a) => a.committeeId === c.id && a.active).map((a) => ({ issuer: { committeeId: c.id, agencyId: a.id as number | null }, name: a.name })),
  ]);
  const items = bodies.map(({ issuer, name }): SigningIdentityView => {
    const r = byKey.get(issuerKeyOf(issuer));
    if (!r) {
      return emptyView(issuer, name);
    }
    const [leaf, ...chain] = parsePemCertificates(r.certificate_pem);
    return {
      ...emptyView(issuer, name),
      subject: r.subject,
      fingerprint: r.fingerprint,
      notAfter: r.not_after,
      source: r.source as 'generated' | 'uploaded',
      trusted: leaf ? chainsToTrusted(leaf, chain, anchors, now) : false,
      updatedAt: r.updated_at,
    };
  });
  const ca = byKey.get(CA_ISSUER_KEY);
  return {
    items,
    developmentCa: ca ? { subject: ca.subject, fingerprint: ca.fingerprint, notAfter: ca.not_after } : null,
  };
}
