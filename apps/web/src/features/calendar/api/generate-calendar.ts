import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { CalendarYear } from '../../../types/api';

/** POST /api/calendar/:year/generate — recomputes the statutory holidays (keeps admin-added rows). */
export const generateCalendar = (year: number) =>
  api<CalendarYear>(`/api/calendar/${year}/generate`, { method: 'POST' });

export function useGenerateCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: generateCalendar,
    onSuccess: (data, year) => {
      queryClient.setQueryData(['calendar', year], data);
      return queryClient.invalidateQueries({ queryKey: ['home'] });
    },
  });
}
