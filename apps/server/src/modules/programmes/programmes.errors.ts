import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';

/** A 400 naming the field, in the `{ path, message }` shape of every bad-input answer. */
const field = (code: string, path: string, message: string) => badRequest(`programmes.${code}`, message, [{ path, message }]);

export const programmeErrors = {
  notFound: () => notFound('programmes'),
  itemNotFound: () => notFound('programmes.item'),
  field,
  forbidden: (message = 'You may not change work programmes') => forbidden('programmes.forbidden', message),
  noRead: () => forbidden('programmes.forbidden', 'You may not read work programmes'),
  duplicate: () =>
    conflict('programmes.duplicate', 'This committee already has a programme of this body for this period', [
      { path: 'period', message: 'a programme of this body and period exists' },
    ]),
  versionConflict: () =>
    conflict('programmes.version_conflict', 'The item was changed by someone else; reload it', [{ path: 'version', message: 'stale' }]),
  invalidStatus: (from: string, to: string) =>
    new AppError({
      code: 'programmes.invalid_status',
      status: 409,
      message: `An item "${from}" cannot become "${to}"`,
      details: [{ path: 'status', message: `not from ${from}` }],
    }),
};
