import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';

/** A 400 naming the field, in the `{ path, message }` shape of every bad-input answer. */
const field = (code: string, path: string, message: string) => badRequest(`signatures.${code}`, message, [{ path, message }]);

/** Errors of the signatures module; the web maps the codes to Vietnamese text. */
export const signatureErrors = {
  badCertificate: (path: string, reason: string) => field('bad_certificate', path, `Not an X.509 certificate: ${reason}`),
  badP12: (reason: string) => field('bad_p12', 'p12', `The PKCS#12 file cannot be opened: ${reason}`),
  certificateExpired: (path: string, notAfter: string) =>
    field('certificate_expired', path, `The certificate expired on ${notAfter}`),
  notPdf: () => field('not_pdf', 'file', 'The file is not a PDF'),
  badPdf: (reason: string) => field('bad_pdf', 'file', `The PDF cannot be signed: ${reason}`),
  alreadySigned: () =>
    field('already_signed', 'file', 'The PDF already carries a signature; signing it again would invalidate that signature'),
  alreadyTrusted: (id: number) => conflict('signatures.already_trusted', 'This certificate is already in the trusted list', { id }),
  trustedNotFound: () => notFound('trusted_certificate'),
  bodyNotFound: () => notFound('issuing_body'),
  /** The stored key cannot be decrypted: the installation's file key is missing or another one. */
  keyUnavailable: (issuerKey: string, reason: string) =>
    new AppError({
      code: 'signatures.key_unavailable',
      status: 500,
      message: `The signing key of ${issuerKey} cannot be decrypted (${reason}); restore the file key or upload a new PKCS#12`,
      details: { issuerKey, reason },
    }),
};
