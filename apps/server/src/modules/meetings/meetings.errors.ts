import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';

/** A 400 naming the field, in the `{ path, message }` shape of every bad-input answer. */
const field = (code: string, path: string, message: string) =>
  badRequest(`meetings.${code}`, message, [{ path, message }]);

export const meetingErrors = {
  /** Missing and invisible answer the same. */
  notFound: (what = 'meeting') => notFound(what),
  field,
  forbidden: (message = 'Only the office (schedule.manage) prepares meetings') =>
    forbidden('meetings.forbidden', message),
  endsBeforeStart: () => field('ends_before_start', 'endsAt', 'The meeting must end after it starts'),
  versionConflict: () =>
    conflict('meetings.version_conflict', 'The meeting was changed by someone else; reload it', [
      { path: 'version', message: 'stale' },
    ]),
  invalidState: (action: string, status: string) =>
    conflict('meetings.invalid_state', `Cannot ${action}: the meeting is ${status}`, [
      { path: 'status', message: status },
    ]),
  /** Spec §3: on a networked deployment no secret content is stored; a secret paper stays on paper. */
  secretFileRefused: () =>
    new AppError({
      code: 'meetings.secret_files_refused',
      status: 422,
      message:
        'Tài liệu mật không được lưu trên hệ thống nối mạng: phát hành bản giấy — on a networked deployment a secret paper is not stored as a file',
      details: [
        { path: 'secrecy', message: 'secret papers are distributed on paper on this deployment profile' },
      ],
    }),
  unprocessable: (code: string, path: string, message: string) =>
    new AppError({ code: `meetings.${code}`, status: 422, message, details: [{ path, message }] }),
};
