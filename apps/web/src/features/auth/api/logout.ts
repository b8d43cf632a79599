import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { clearSession } from '../../../lib/auth';

/** POST /api/auth/logout */
export const logout = () => api<{ ok: true }>('/api/auth/logout', { method: 'POST' });

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Whatever the answer, this browser is logged out.
    onSettled: () => clearSession(queryClient),
  });
}
