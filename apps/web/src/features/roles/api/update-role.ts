import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { authKey } from '../../../lib/auth';
import type { Role } from '../../../types/api';

/** PATCH /api/roles/:id (roles.manage) — name and/or permissions. */
export const updateRole = ({ id, patch }: { id: number; patch: { name?: string; permissions?: string[] } }) =>
  api<{ role: Role }>(`/api/roles/${id}`, { method: 'PATCH', body: patch });

export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRole,
    // The current user's own permissions may have changed.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['roles'] }),
        queryClient.invalidateQueries({ queryKey: authKey }),
      ]),
  });
}
