import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';

/** A 400 naming the field, in the `{ path, message }` shape of every bad-input answer. */
const field = (code: string, path: string, message: string) => badRequest(`tasks.${code}`, message, [{ path, message }]);

/** A 422: the input is well formed but a rule of the domain refuses it (still naming the field). */
const rule = (code: string, path: string, message: string) =>
  new AppError({ code: `tasks.${code}`, status: 422, message, details: [{ path, message }] });

export const taskErrors = {
  notFound: () => notFound('tasks'),
  fileNotFound: () => notFound('tasks.file'),
  field,
  rule,
  forbidden: (message = 'You may not do this with this task') => forbidden('tasks.forbidden', message),
  topSecret: (path = 'secrecy') =>
    rule('top_secret_off_system', path, 'Nhiệm vụ Tuyệt mật được theo dõi ngoài hệ thống (Quy chế 08-QC/TW)'),
  versionConflict: () => conflict('tasks.version_conflict', 'The task was changed by someone else; reload it', [{ path: 'version', message: 'stale' }]),
  openSubtasks: () =>
    conflict('tasks.open_subtasks', 'Sub-tasks of this task are still open: they are reported done (or closed) first', [
      { path: 'done', message: 'open sub-tasks' },
    ]),
  invalidState: (action: string, state: string) =>
    conflict('tasks.invalid_state', `Not possible now: ${action} (task state "${state}")`, { action, state }),
};

/** Re-bases the field paths of an error raised for one item of a batch (`lead` → `items.2.lead`). */
export function inItem(err: unknown, index: number): unknown {
  if (err instanceof AppError && Array.isArray(err.details)) {
    return new AppError({
      code: err.code,
      status: err.status,
      message: err.message,
      details: (err.details as { path: string; message: string }[]).map((d) => ({ ...d, path: `items.${index}.${d.path}` })),
    });
  }
  return err;
}
