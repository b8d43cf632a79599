import { AppError, notFound } from '../errors.ts';

/** Errors of the file store; the web maps the codes to Vietnamese text. */
export const fileErrors = {
  notFound: () => notFound('files'),
  missing: () =>
    new AppError({
      code: 'validation.failed',
      status: 400,
      message: 'A file is required',
      details: [{ path: 'file', message: 'required' }],
    }),
  tooLarge: (maxBytes: number) =>
    new AppError({
      code: 'files.too_large',
      status: 413,
      message: `The file is larger than ${maxBytes} bytes`,
      details: { maxBytes },
    }),
  /** Executables, scripts and types outside the allowed list. */
  forbiddenType: (reason: string, details: Record<string, unknown> = {}) =>
    new AppError({
      code: 'files.forbidden_type',
      status: 415,
      message: 'This kind of file may not be stored',
      details: { reason, ...details },
    }),
  /** The bytes are not what the name claims (a ".pdf" that is not a PDF). */
  typeMismatch: (extension: string, detected: string) =>
    new AppError({
      code: 'files.type_mismatch',
      status: 415,
      message: `The content does not match the extension .${extension}`,
      details: { extension, detected },
    }),
  /** The stored bytes no longer hash to their name: never served, always logged (500-class). */
  integrity: (id: number) =>
    new AppError({
      code: 'files.integrity',
      status: 500,
      message: 'The stored file is damaged',
      details: { id },
    }),
  /**
   * Encrypted files (isolated-LAN profile) cannot be read or written without the key: an installation
   * restored without its key file, or a lost `VANPHONG_FILE_KEY`. Operator problem, 500-class, logged.
   */
  keyMissing: (where: string) =>
    new AppError({
      code: 'files.key_missing',
      status: 500,
      message: `The file encryption key is missing: set VANPHONG_FILE_KEY or restore the key file ${where}`,
      details: { where },
    }),
  keyInvalid: (where: string) =>
    new AppError({
      code: 'files.key_invalid',
      status: 500,
      message: `The file encryption key in ${where} is not the base64 of 32 bytes`,
      details: { where },
    }),
  /** The blob was encrypted with another key than the configured one (never decrypted into garbage). */
  keyMismatch: (id: number, where: string) =>
    new AppError({
      code: 'files.key_mismatch',
      status: 500,
      message: `The stored file was encrypted with another key than the one in ${where}`,
      details: { id, where },
    }),
};
