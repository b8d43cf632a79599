import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { clearSession } from '../../../lib/auth';

/** POST /api/auth/logout-everywhere — every session of the user ends, this one included. */
export const logoutEverywhere = () =>
  api<{ revoked: number }>('/api/auth/logout-everywhere', { method: 'POST' });

export function useLogoutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: logoutEverywhere, onSuccess: () => clearSession(queryClient) });
}
