import { AppError, notFound } from '../../platform/errors.ts';

export const userErrors = {
  notFound: () => notFound('users'),
  usernameTaken: () => new AppError({ code: 'users.username_taken', status: 409, message: 'Username already exists', details: [{ path: 'username', message: 'taken' }] }),
  unknownRole: (codes: string[]) =>
    new AppError({ code: 'users.unknown_role', status: 400, message: 'Unknown role', details: codes.map((c) => ({ path: 'roleCodes', message: c })) }),
  unknownReference: (path: string) =>
    new AppError({ code: 'users.unknown_reference', status: 400, message: 'Referenced record does not exist', details: [{ path, message: 'not found' }] }),
  outOfScope: (path: string) =>
    new AppError({ code: 'users.out_of_scope', status: 403, message: 'Outside your scope', details: [{ path, message: 'out of scope' }] }),
  selfChange: () =>
    new AppError({ code: 'users.self_change', status: 400, message: 'Your own roles, clearance, scope and status are changed by another administrator' }),
  grantAboveActor: (path: string) =>
    new AppError({ code: 'users.grant_above_actor', status: 403, message: 'You cannot grant more than you hold', details: [{ path, message: 'above your own' }] }),
  targetAboveActor: () =>
    new AppError({ code: 'users.target_above_actor', status: 403, message: 'This account holds more rights or a higher clearance than you' }),
};
