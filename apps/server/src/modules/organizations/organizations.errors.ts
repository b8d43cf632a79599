import { conflict, notFound } from '../../platform/errors.ts';

export const organizationErrors = {
  notFound: () => notFound('organizations'),
  /** Names are unique ignoring case, tones and marks: "Bộ Nội vụ" and "bo noi vu" are one issuer. */
  duplicate: (existingId: number | null) =>
    conflict('organizations.duplicate', 'An organization with this name is already in the directory', [
      { path: 'name', message: 'taken', ...(existingId === null ? {} : { existingId }) },
    ]),
};
