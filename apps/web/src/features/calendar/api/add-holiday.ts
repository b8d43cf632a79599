import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Holiday, HolidayKind } from '../../../types/api';

export interface HolidayInput {
  date: string;
  name: string;
  kind: HolidayKind;
}

/** POST /api/calendar/holidays */
export const addHoliday = (input: HolidayInput) =>
  api<{ holiday: Holiday }>('/api/calendar/holidays', { method: 'POST', body: input });

export function useAddHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addHoliday,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['calendar'] }),
        queryClient.invalidateQueries({ queryKey: ['home'] }),
      ]),
  });
}
