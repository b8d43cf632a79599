import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** DELETE /api/calendar/holidays/:id */
export const deleteHoliday = (id: number) =>
  api<{ ok: true }>(`/api/calendar/holidays/${id}`, { method: 'DELETE' });

export function useDeleteHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteHoliday,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['calendar'] }),
        queryClient.invalidateQueries({ queryKey: ['home'] }),
      ]),
  });
}
