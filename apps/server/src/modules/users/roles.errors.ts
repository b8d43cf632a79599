import { badRequest, conflict, notFound } from '../../platform/errors.ts';

export const roleErrors = {
  notFound: () => notFound('roles'),
  codeTaken: () =>
    conflict('roles.code_taken', 'A role with this code already exists', [
      { path: 'code', message: 'taken' },
    ]),
  unknownPermission: (names: string[]) =>
    badRequest(
      'roles.unknown_permission',
      'Unknown permission',
      names.map((n) => ({ path: 'permissions', message: n })),
    ),
  adminLockout: (missing: string[]) =>
    badRequest(
      'roles.admin_lockout',
      'The admin role must keep the permissions that manage accounts and roles',
      missing.map((n) => ({ path: 'permissions', message: n })),
    ),
};
