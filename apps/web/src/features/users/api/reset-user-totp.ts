import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** POST /api/users/:id/reset-totp — a lost phone: the second factor is turned off and the user's sessions end. */
export const resetUserTotp = ({ id }: { id: number }) => api<{ ok: true }>(`/api/users/${id}/reset-totp`, { method: 'POST' });

export function useResetUserTotp() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resetUserTotp, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }) });
}
