import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { authKey } from '../../../lib/auth';

/** POST /api/auth/password — other sessions of the user end; this one stays. */
export const changePassword = (input: { currentPassword: string; newPassword: string }) =>
  api<{ ok: true }>('/api/auth/password', { method: 'POST', body: input });

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKey }),
  });
}
