import { AppError } from '../errors.ts';

/** Errors of backup and restore; the CLI prints `code: message` and exits non-zero. */
export const backupErrors = {
  noDatabase: (file: string) =>
    new AppError({ code: 'backup.no_database', status: 404, message: `No database at ${file}` }),
  unreadable: (reason: string) =>
    new AppError({
      code: 'backup.unreadable',
      status: 400,
      message: `The archive cannot be read: ${reason}`,
    }),
  corrupt: (problems: string[]) =>
    new AppError({
      code: 'backup.corrupt',
      status: 400,
      message: `The archive is damaged or was altered (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.slice(0, 5).join('; ')}`,
      details: problems,
    }),
  engineMismatch: (archive: string, target: string) =>
    new AppError({
      code: 'backup.engine_mismatch',
      status: 400,
      message: `The archive holds a ${archive} database but the target is ${target}`,
    }),
  newerVersion: (unknown: string[]) =>
    new AppError({
      code: 'backup.newer_version',
      status: 400,
      message: `The archive was made by a newer version (unknown migrations: ${unknown.join(', ')}); upgrade first`,
    }),
  targetNotEmpty: (what: string) =>
    new AppError({
      code: 'backup.target_not_empty',
      status: 409,
      message: `The target already holds data (${what}); restore again with --force to replace it`,
    }),
  verifyFailed: (tables: string[]) =>
    new AppError({
      code: 'backup.verify_failed',
      status: 500,
      message: `The restored data does not match the archive's checksums (${tables.join(', ')}); nothing was committed`,
      details: tables,
    }),
};
