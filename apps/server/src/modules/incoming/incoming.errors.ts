import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';

/** A 400 naming the field, in the `{ path, message }` shape of every bad-input answer. */
const field = (code: string, path: string, message: string) =>
  badRequest(`incoming.${code}`, message, [{ path, message }]);

export const incomingErrors = {
  notFound: () => notFound('incoming'),
  registerNotFound: () => notFound('incoming_register'),
  field,
  forbidden: (message = 'You may not do this with this document') => forbidden('incoming.forbidden', message),
  invalidTransition: (action: string, status: string) =>
    new AppError({
      code: 'incoming.invalid_transition',
      status: 409,
      message: `A document in status "${status}" cannot be ${action}`,
      details: { action, status },
    }),
  versionConflict: () => conflict('incoming.version_conflict', 'The document was changed by someone else; reload it'),
  registerExists: () => conflict('incoming.register_exists', 'This register already exists', [{ path: 'kind', message: 'exists' }]),
};
