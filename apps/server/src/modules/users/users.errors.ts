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
  selfLockout: () => new AppError({ code: 'users.self_lockout', status: 400, message: 'You cannot disable your own account or remove your own admin role' }),
};
