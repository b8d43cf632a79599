/**
 * Application errors carry a dotted code (`module.reason`), an HTTP status and optional details.
 * The HTTP layer turns them into `{ error: { code, message, details } }`; the web maps codes to text.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor({ code, status, message, details }: { code: string; status: number; message: string; details?: unknown }) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export const notFound = (entity: string, details?: unknown) =>
  new AppError({ code: `${entity}.not_found`, status: 404, message: `${entity} not found`, details });

export const forbidden = (code = 'auth.forbidden', message = 'You may not do this') =>
  new AppError({ code, status: 403, message });

export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError({ code, status: 409, message, details });

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError({ code, status: 400, message, details });

export const unauthenticated = (code = 'auth.unauthenticated', message = 'Please log in') =>
  new AppError({ code, status: 401, message });
