import { badRequest, conflict, notFound } from '../../platform/errors.ts';

export const calendarErrors = {
  notFound: () => notFound('calendar'),
  dateTaken: (date: string) =>
    conflict('calendar.date_taken', 'This date is already in the calendar', [
      { path: 'date', message: date },
    ]),
  invalidDate: (date: string) =>
    badRequest('calendar.invalid_date', 'This date does not exist', [{ path: 'date', message: date }]),
  wrongWeekday: (kind: string) =>
    badRequest('calendar.wrong_weekday', 'This kind of day does not fall on that day of the week', [
      { path: 'date', message: kind },
    ]),
  nothingToConfirm: (year: number) =>
    badRequest('calendar.nothing_to_confirm', 'The year has no holidays yet: generate them first', [
      { path: 'year', message: String(year) },
    ]),
};
