import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';

/** A 400 naming the field, in the `{ path, message }` shape of every bad-input answer. */
const field = (code: string, path: string, message: string) =>
  badRequest(`incoming.${code}`, message, [{ path, message }]);

const STEP_PERMISSION: Record<string, string[]> = {
  present: ['incoming.register'],
  update: ['incoming.register'],
  direct: ['incoming.direct'],
  redirect: ['incoming.direct'],
  file: ['incoming.direct'],
  cancel: ['incoming.register', 'incoming.direct'],
  start: ['incoming.handle', 'incoming.direct'],
  complete: ['incoming.handle', 'incoming.direct'],
};

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
  /** 403 when the actor could never take this step; 409 when the document is not in a state for it. */
  invalidTransitionOrForbidden: (action: string, status: string, actor: { permissions: ReadonlySet<string> }) =>
    STEP_PERMISSION[action] && !STEP_PERMISSION[action]!.some((p) => actor.permissions.has(p))
      ? forbidden('incoming.forbidden', `You may not ${action} incoming documents`)
      : new AppError({
          code: 'incoming.invalid_transition',
          status: 409,
          message: `Not possible now: ${action} (document status "${status}")`,
          details: { action, status },
        }),
  versionConflict: () => conflict('incoming.version_conflict', 'The document was changed by someone else; reload it'),
  registerExists: () => conflict('incoming.register_exists', 'This register already exists', [{ path: 'kind', message: 'exists' }]),
};
