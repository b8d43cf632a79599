import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** POST /api/users/:id/reset-password — the user is logged out everywhere and must change it at next login. */
export const resetUserPassword = ({ id, password }: { id: number; password: string }) =>
  api<{ ok: true }>(`/api/users/${id}/reset-password`, { method: 'POST', body: { password } });

export const useResetUserPassword = () => useMutation({ mutationFn: resetUserPassword });
