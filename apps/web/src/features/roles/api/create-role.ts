import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Role } from '../../../types/api';

export interface RoleInput {
  code: string;
  name: string;
  permissions: string[];
}

/** POST /api/roles (roles.manage) */
export const createRole = (input: RoleInput) =>
  api<{ role: Role }>('/api/roles', { method: 'POST', body: input });

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['roles'] }),
  });
}
