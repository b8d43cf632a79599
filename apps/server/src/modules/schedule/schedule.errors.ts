import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';

/** A 400 naming the field, in the `{ path, message }` shape of every bad-input answer. */
const field = (code: string, path: string, message: string) => badRequest(`schedule.${code}`, message, [{ path, message }]);

export const scheduleErrors = {
  notFound: (what = 'schedule') => notFound(what),
  field,
  forbidden: (message = 'You may not change the schedule') => forbidden('schedule.forbidden', message),
  endsBeforeStart: () => field('ends_before_start', 'endsAt', 'The event must end after it starts'),
  versionConflict: () => conflict('schedule.version_conflict', 'The event was changed by someone else; reload it', [{ path: 'version', message: 'stale' }]),
  cancelled: () => conflict('schedule.cancelled', 'The event is cancelled', [{ path: 'id', message: 'cancelled' }]),
  /** A room or car already booked at an overlapping time (refused; names the resource). */
  resourceTaken: (taken: { index: number; resourceId: number; name: string; eventId: number; startsAt: string; endsAt: string }[]) =>
    new AppError({
      code: 'schedule.resource_taken',
      status: 409,
      message: `Đã có lịch sử dụng ${taken.map((t) => `“${t.name}”`).join(', ')} trong thời gian này — already booked: ${taken.map((t) => t.name).join(', ')}`,
      details: taken.map((t) => ({
        path: `resourceIds.${t.index}`,
        message: `${t.name} is booked from ${t.startsAt} to ${t.endsAt}`,
        resourceId: t.resourceId,
        resourceName: t.name,
        eventId: t.eventId,
      })),
    }),
};
