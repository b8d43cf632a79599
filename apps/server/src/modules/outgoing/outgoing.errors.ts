import type { FormatViolation } from '@vanphong/contracts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';

/** A 400 naming the field, in the `{ path, message }` shape of every bad-input answer. */
const field = (code: string, path: string, message: string) =>
  badRequest(`outgoing.${code}`, message, [{ path, message }]);

export const outgoingErrors = {
  notFound: () => notFound('outgoing'),
  field,
  forbidden: (message = 'You may not do this with this document') => forbidden('outgoing.forbidden', message),
  invalidTransition: (action: string, status: string, message?: string) =>
    new AppError({
      code: 'outgoing.invalid_transition',
      status: 409,
      message: message ?? `Not possible now: ${action} (document status "${status}")`,
      details: { action, status },
    }),
  versionConflict: () => conflict('outgoing.version_conflict', 'The document was changed by someone else; reload it'),
  /** The format checker found violations: the draft cannot go to the signer (issue 4 §4). */
  format: (violations: FormatViolation[]) =>
    new AppError({
      code: 'outgoing.format_violations',
      status: 422,
      message: `Sai thể thức (${violations.length}): ${violations.map((v) => v.message).join('; ')}`,
      details: violations.map((v) => ({ path: v.field, message: v.message, code: v.code })),
    }),
  noCircuit: () =>
    badRequest('outgoing.no_circuit', 'No review circuit is set for this issuing body and document type; ask the administrator', [
      { path: 'documentTypeId', message: 'no review circuit' },
    ]),
  officeUnavailable: () =>
    new AppError({
      code: 'outgoing.pdf_unavailable',
      status: 503,
      message:
        'LibreOffice is not installed on this server, so the PDF cannot be made from the draft: upload the signed PDF as a new version, or install libreoffice-writer-nogui. Nothing was changed.',
    }),
  numberNotFound: () => notFound('outgoing_number'),
  seriesNotFound: () => notFound('outgoing_series'),
};
