import { randomBytes, X509Certificate } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { recordAudit, systemAuditContext } from '../../platform/audit/audit.ts';
import type { Database, SigningIdentitiesTable } from '../../platform/db/schema.ts';
import { findAgency, findCommittee, listCommittees } from '../org/org.repository.ts';
import { signatureErrors as E } from './signatures.errors.ts';
import { sealP12, unsealP12 } from './signatures.keystore.ts';
import { buildP12, issueCertificate, nameText, newRsaKeyPair, openP12, toIsoInstant, type KeyMaterial } from './signatures.pki.ts';
import * as repo from './signatures.repository.ts';

/**
 * Signing identities: one PKCS#12 per issuing body (a committee, or one of its agencies). Until the
 * admin uploads a real one, a development certificate is issued on first need by the installation's
 * own development CA (made on first need too, and put on the trusted list). Creation is race-safe:
 * keys are generated outside any lock, the row is inserted unless the issuer key exists, and
 * whoever lost the race reads the winner's row — two processes never end with two CAs.
 *
 * `ctx.db` may be a transaction (a caller signing inside its own transaction passes `{ ...ctx, db: trx }`).
 */
export type SigCtx = Pick<AppContext, 'db' | 'dialect' | 'clock' | 'config'>;

export interface Issuer {
  committeeId: number;
  agencyId: number | null;
}

/** The same key as incoming registers use for a body: "c1" or "c1-a2". */
export const issuerKeyOf = (i: Issuer) => (i.agencyId === null ? `c${i.committeeId}` : `c${i.committeeId}-a${i.agencyId}`);
export const CA_ISSUER_KEY = 'ca';

const DAY_MS = 86_400_000;
const CA_YEARS = 10;
const BODY_YEARS = 5;
/** Certificates start a day early: a clock a little behind elsewhere must not see them "not yet valid". */
const BACKDATE_MS = DAY_MS;

export interface SigningIdentity {
  id: number;
  issuerKey: string;
  committeeId: number;
  agencyId: number | null;
  subject: string;
  fingerprint: string;
  notAfter: string;
  source: 'generated' | 'uploaded';
  /** The signer's certificate, then the chain above it (PEM). */
  certificatePem: string;
}

export type Row = Selectable<SigningIdentitiesTable>;

const present = (r: Row): SigningIdentity => ({
  id: r.id,
  issuerKey: r.issuer_key,
  committeeId: r.committee_id,
  agencyId: r.agency_id,
  subject: r.subject,
  fingerprint: r.fingerprint,
  notAfter: r.not_after,
  source: r.source as SigningIdentity['source'],
  certificatePem: r.certificate_pem,
});

/** Runs `fn` in the caller's transaction when there is one, else in a new one. */
export const withTrx = <T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db as Transaction<Database>) : db.transaction().execute(fn);

const addYears = (d: Date, years: number) => new Date(d.getTime() + Math.round(years * 365.25 * DAY_MS));

/** The body's printed name and its committee's name (the certificate's CN and O). */
export async function bodyOf(db: Kysely<Database>, issuer: Issuer): Promise<{ name: string; committeeName: string }> {
  const committee = await findCommittee(db, issuer.committeeId);
  if (!committee) {
    throw E.bodyNotFound();
  }
  if (issuer.agencyId === null) {
    return { name: committee.name, committeeName: committee.name };
  }
  const agency = await findAgency(db, issuer.agencyId);
  if (!agency || agency.committeeId !== committee.id) {
    throw E.bodyNotFound();
  }
  return { name: agency.name, committeeName: committee.name };
}

interface NewIdentity {
  issuerKey: string;
  committeeId: number;
  agencyId: number | null;
  privateKeyPem: string;
  certificatePems: string[];
  friendlyName: string;
}

/** Seals the new identity and inserts it unless one exists; audits only what it inserted. */
async function insertGenerated(ctx: SigCtx, n: NewIdentity, onInserted: (trx: Transaction<Database>, id: number) => Promise<void>) {
  const password = randomBytes(24).toString('base64');
  const p12 = buildP12({ privateKeyPem: n.privateKeyPem, certificatePems: n.certificatePems, password, friendlyName: n.friendlyName });
  const sealed = await sealP12(ctx.config, n.issuerKey, p12, password);
  const cert = new X509Certificate(n.certificatePems[0]!);
  const now = ctx.clock.now().toISOString();
  await withTrx(ctx.db, async (trx) => {
    const id = await repo.insertIdentityIfAbsent(trx, {
      issuer_key: n.issuerKey,
      committee_id: n.committeeId,
      agency_id: n.agencyId,
      subject: nameText(cert.subject),
      certificate_pem: n.certificatePems.join(''),
      fingerprint: cert.fingerprint256,
      ...sealed,
      not_after: toIsoInstant(cert.validTo),
      source: 'generated',
      created_at: now,
      updated_at: now,
    });
    if (id !== null) {
      await onInserted(trx, id);
    }
  });
  return (await repo.findIdentity(ctx.db, n.issuerKey)) as Row;
}

const systemAudit = (ctx: SigCtx, trx: Transaction<Database>) => ({
  trx,
  dialect: ctx.dialect,
  clock: ctx.clock,
  ctx: systemAuditContext('signatures'),
});

/** The development CA "vanphong development CA — <installation>", made and trusted on first need. */
async function ensureCa(ctx: SigCtx): Promise<Row> {
  const existing = await repo.findIdentity(ctx.db, CA_ISSUER_KEY);
  return existing ?? shared(ctx, CA_ISSUER_KEY, () => generateCa(ctx));
}

async function generateCa(ctx: SigCtx): Promise<Row> {
  const committees = await listCommittees(ctx.db, { ids: null, includeInactive: true });
  const root = committees.find((c) => c.parentId === null) ?? committees[0];
  if (!root) {
    throw E.bodyNotFound();
  }
  const keys = await newRsaKeyPair(3072);
  const now = ctx.clock.now();
  const commonName = `vanphong development CA — ${root.name}`;
  const certificatePem = issueCertificate({
    subject: { commonName, country: 'VN' },
    publicKeyPem: keys.publicKeyPem,
    issuer: { privateKeyPem: keys.privateKeyPem, certificatePem: null },
    ca: true,
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter: addYears(now, CA_YEARS),
  });
  return insertGenerated(
    ctx,
    { issuerKey: CA_ISSUER_KEY, committeeId: root.id, agencyId: null, privateKeyPem: keys.privateKeyPem, certificatePems: [certificatePem], friendlyName: commonName },
    async (trx, id) => {
      const cert = new X509Certificate(certificatePem);
      await repo.insertTrustedIfAbsent(trx, {
        fingerprint: cert.fingerprint256,
        subject: nameText(cert.subject),
        certificate_pem: certificatePem,
        not_after: toIsoInstant(cert.validTo),
        note: 'CA phát triển của hệ thống, tự tạo khi ký lần đầu (development CA, generated on first need)',
        active: 1,
        created_by: null,
        created_at: now.toISOString(),
      });
      await recordAudit(systemAudit(ctx, trx), {
        action: 'signatures.ca_generated',
        entityType: 'signing_identity',
        entityId: id,
        details: { subject: nameText(cert.subject), fingerprint: cert.fingerprint256, notAfter: toIsoInstant(cert.validTo) },
      });
    },
  );
}

// Signings that start together in one process share one generation (outside a caller's transaction,
// whose rollback would take the row with it); across processes the unique issuer key decides.
const inFlight = new Map<string, Promise<unknown>>();

function shared<T>(ctx: SigCtx, issuerKey: string, make: () => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) {
    return make();
  }
  const key = `${ctx.config.dataDir}|${ctx.config.databaseUrl}|${issuerKey}`;
  let flight = inFlight.get(key) as Promise<T> | undefined;
  if (!flight) {
    flight = make().finally(() => inFlight.delete(key));
    inFlight.set(key, flight);
  }
  return flight;
}

/** The body's signing identity; a development certificate is issued by the development CA on first need. */
export async function ensureIdentity(ctx: SigCtx, issuer: Issuer): Promise<SigningIdentity> {
  const issuerKey = issuerKeyOf(issuer);
  const existing = await repo.findIdentity(ctx.db, issuerKey);
  if (existing) {
    return present(existing);
  }
  return shared(ctx, issuerKey, () => generateIdentity(ctx, issuer));
}

async function generateIdentity(ctx: SigCtx, issuer: Issuer): Promise<SigningIdentity> {
  const issuerKey = issuerKeyOf(issuer);
  const body = await bodyOf(ctx.db, issuer);
  const ca = await openRow(ctx, await ensureCa(ctx));
  const keys = await newRsaKeyPair(2048);
  const now = ctx.clock.now();
  const caPem = ca.certificate.toString();
  const notAfter = addYears(now, BODY_YEARS);
  const caNotAfter = new Date(ca.certificate.validTo);
  const certificatePem = issueCertificate({
    subject: { commonName: body.name, organization: body.committeeName, country: 'VN' },
    publicKeyPem: keys.publicKeyPem,
    issuer: { privateKeyPem: ca.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), certificatePem: caPem },
    ca: false,
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter: notAfter < caNotAfter ? notAfter : caNotAfter,
  });
  const row = await insertGenerated(
    ctx,
    { issuerKey, ...issuer, privateKeyPem: keys.privateKeyPem, certificatePems: [certificatePem, caPem], friendlyName: body.name },
    async (trx, id) => {
      const cert = new X509Certificate(certificatePem);
      await recordAudit(systemAudit(ctx, trx), {
        action: 'signatures.identity_generated',
        entityType: 'signing_identity',
        entityId: id,
        details: { issuerKey, subject: nameText(cert.subject), fingerprint: cert.fingerprint256, notAfter: toIsoInstant(cert.validTo) },
      });
    },
  );
  return present(row);
}

// Opening a PKCS#12 costs a key derivation; the opened key is kept per row version (a replaced
// identity has another fingerprint and time, so the cache never serves a stale key).
const opened = new Map<string, KeyMaterial>();
const OPENED_MAX = 64;

async function openRow(ctx: SigCtx, row: Row): Promise<KeyMaterial> {
  const cacheKey = `${ctx.config.dataDir}|${row.issuer_key}|${row.fingerprint}|${row.updated_at}`;
  const hit = opened.get(cacheKey);
  if (hit) {
    return hit;
  }
  const { p12, password } = await unsealP12(ctx.config, row);
  const material = openP12(p12, password);
  if (opened.size >= OPENED_MAX) {
    opened.delete(opened.keys().next().value!);
  }
  opened.set(cacheKey, material);
  return material;
}

/** The private key and certificates a body signs with (ensuring the identity first). */
export async function loadSigningKey(ctx: SigCtx, issuer: Issuer): Promise<KeyMaterial> {
  await ensureIdentity(ctx, issuer);
  return openRow(ctx, (await repo.findIdentity(ctx.db, issuerKeyOf(issuer))) as Row);
}
