import type { CapturedFields } from '@vanphong/contracts';
import { AppError } from '../../platform/errors.ts';
import { fileErrors } from '../../platform/files/files.errors.ts';

/** Extensions the first-page reader reads (a scan, a PDF, a Word file, plain text). */
export const CAPTURE_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'docx', 'txt'] as const;

export const captureErrors = {
  ...fileErrors,
  /** A file the store accepts but no text can be read from for capture (a spreadsheet, a ZIP…). */
  notReadable: (extension: string) =>
    fileErrors.forbiddenType('not_readable', { extension, allowed: CAPTURE_EXTENSIONS }),
  /**
   * Spec §3: on an Internet-connected or shared network no secret content is stored. The first page
   * carries a secrecy mark, so the scan is not kept; the fields read are returned for a metadata stub.
   */
  secretNotStored: (secrecy: string, fields: CapturedFields) =>
    new AppError({
      code: 'capture.secret_not_stored',
      status: 422,
      message: `The first page is marked ${secrecy}: on this network profile the file is not stored (register a metadata stub)`,
      details: { secrecy, fields },
    }),
};
