import { z } from 'zod';
import { dbId, isoInstant } from './common.ts';

/**
 * Digital signatures (issue 4 §5): the trusted list the admin manages and the signing identity
 * (a PKCS#12 per issuing body). The verification answer is `signatureVerification` in outgoing.ts.
 */

/** Adding a certificate to the trusted list: a PEM text ("-----BEGIN CERTIFICATE-----…"). */
export const trustedCertificateInput = z
  .object({
    pem: z.string().trim().min(1).max(20_000),
    note: z.string().trim().max(500).default(''),
  })
  .strict();
export type TrustedCertificateInput = z.infer<typeof trustedCertificateInput>;

export const trustedCertificateView = z.object({
  id: z.number(),
  subject: z.string(),
  issuer: z.string(),
  /** SHA-256 of the DER, upper-case hex pairs joined by ":" (as `openssl x509 -fingerprint -sha256` prints it). */
  fingerprint: z.string(),
  notAfter: isoInstant,
  note: z.string(),
  active: z.boolean(),
  createdAt: isoInstant,
});
export type TrustedCertificateView = z.infer<typeof trustedCertificateView>;

export const trustedCertificateList = z.object({ items: z.array(trustedCertificateView) });

export const SIGNING_IDENTITY_SOURCES = ['generated', 'uploaded'] as const;

/** One issuing body (committee or agency) and the certificate it signs with, if one exists yet. */
export const signingIdentityView = z.object({
  issuerKey: z.string(),
  committeeId: z.number(),
  agencyId: z.number().nullable(),
  bodyName: z.string(),
  /** Null until the body signs for the first time (a development certificate is made then) or the admin uploads one. */
  subject: z.string().nullable(),
  fingerprint: z.string().nullable(),
  notAfter: isoInstant.nullable(),
  source: z.enum(SIGNING_IDENTITY_SOURCES).nullable(),
  /** The certificate chains to an active certificate of the trusted list. */
  trusted: z.boolean(),
  updatedAt: isoInstant.nullable(),
});
export type SigningIdentityView = z.infer<typeof signingIdentityView>;

export const signingIdentityList = z.object({
  items: z.array(signingIdentityView),
  /** The installation's development CA, once it exists. */
  developmentCa: z.object({ subject: z.string(), fingerprint: z.string(), notAfter: isoInstant }).nullable(),
});

/** The text fields of `PUT /api/signatures/identities` (multipart, with the file in `p12`). */
export const identityUploadFields = z
  .object({
    committeeId: z.coerce.number().pipe(dbId),
    /** Empty or absent for the committee itself. */
    agencyId: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === undefined || v === '' || v === 'null' ? null : Number(v)))
      .pipe(dbId.nullable()),
    password: z.string().max(500).default(''),
  })
  .strict();
export type IdentityUploadFields = z.infer<typeof identityUploadFields>;
