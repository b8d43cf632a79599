import { AppError } from '../errors.ts';

/** Errors of the LibreOffice converter; the web maps the codes to Vietnamese text. */
export const officeErrors = {
  /** No soffice on this machine: the signed PDF must be uploaded instead (issue 4 §5). */
  unavailable: (looked: string[]) =>
    new AppError({
      code: 'office.unavailable',
      status: 503,
      message:
        'LibreOffice is not installed: install the Debian package libreoffice-writer-nogui or set VANPHONG_SOFFICE',
      details: { looked },
    }),
  conversionFailed: (details: {
    reason: 'exit' | 'timeout' | 'no_output' | 'spawn';
    exitCode?: number | null;
    signal?: string | null;
    timeoutMs?: number;
    stderr: string;
  }) =>
    new AppError({
      code: 'office.conversion_failed',
      status: 500,
      message:
        details.reason === 'timeout'
          ? `LibreOffice did not convert the document within ${details.timeoutMs} ms`
          : `LibreOffice could not convert the document (${details.reason}): ${details.stderr.trim().slice(0, 300)}`,
      details,
    }),
};
