import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { CalendarYear } from '../../../types/api';

/** POST /api/calendar/:year/confirm — the office confirms the year's calendar. */
export const confirmCalendar = (year: number) =>
  api<CalendarYear>(`/api/calendar/${year}/confirm`, { method: 'POST' });

export function useConfirmCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmCalendar,
    onSuccess: (data, year) => {
      queryClient.setQueryData(['calendar', year], data);
    },
  });
}
