import { AppError, badRequest } from '../../platform/errors.ts';

/** A 400 naming the field, in the `{ path, message }` shape of every bad-input answer. */
const field = (code: string, path: string, message: string, extra: Record<string, unknown> = {}) =>
  badRequest(`import.${code}`, message, [{ path, message, ...extra }]);

export const importErrors = {
  field,
  numberTaken: (n: number, documentId: number) =>
    field('number_taken', 'arrivalNumber', `Arrival number ${n} is already in this register (document ${documentId})`, { number: n, documentId }),
  /** The file cannot be imported at all (unreadable, no header row, a required column missing, …). */
  unusable: (message: string) => new AppError({ code: 'import.unusable_file', status: 400, message }),
};
