import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { CalendarYear } from '../../../types/api';

/** GET /api/calendar/:year — the year's holidays, swapped days and whether the year is confirmed. */
export const getCalendar = (year: number, { signal }: { signal?: AbortSignal } = {}) =>
  api<CalendarYear>(`/api/calendar/${year}`, { signal });

export const calendarQueryOptions = (year: number) =>
  queryOptions({ queryKey: ['calendar', year], queryFn: ({ signal }) => getCalendar(year, { signal }) });

export const useCalendar = (year: number) => useQuery(calendarQueryOptions(year));
