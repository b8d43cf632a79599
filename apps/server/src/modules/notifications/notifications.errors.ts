import { badRequest, notFound } from '../../platform/errors.ts';

export const notificationErrors = {
  /** Missing, or another user's: the same answer (docs/API.md: invisible records answer 404). */
  notFound: () => notFound('notifications'),
  /** A programming error of the calling module, named by the field (it never comes from a request). */
  invalid: (index: number, field: string, message: string) =>
    badRequest('notifications.invalid', `Notification ${index}: ${field} ${message}`, [
      { path: `items.${index}.${field}`, message },
    ]),
};
