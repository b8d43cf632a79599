import type { Actor } from '../auth/auth.models.ts';
import type { HolidayRow } from './calendar.repository.ts';
import type { CalendarYear } from './calendar.usecases.ts';

const canManage = (actor: Actor): boolean => actor.permissions.has('calendar.manage');

export function presentHoliday(row: HolidayRow, actor: Actor) {
  return {
    id: row.id,
    date: row.date,
    name: row.name,
    kind: row.kind,
    source: row.source,
    abilities: { delete: canManage(actor) },
  };
}

export function presentCalendarYear(y: CalendarYear, actor: Actor) {
  return {
    year: y.year,
    confirmed: y.confirmedAt !== null,
    confirmedAt: y.confirmedAt,
    confirmedBy: y.confirmedBy,
    holidays: y.holidays.map((h) => presentHoliday(h, actor)),
    abilities: {
      generate: canManage(actor),
      addHoliday: canManage(actor),
      confirm: canManage(actor) && y.holidays.length > 0,
    },
  };
}
