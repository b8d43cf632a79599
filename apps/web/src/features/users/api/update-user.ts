import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Clearance, User } from '../../../types/api';

export interface UserPatch {
  displayName?: string;
  personId?: number | null;
  roleCodes?: string[];
  clearance?: Clearance;
  scopeCommitteeId?: number | null;
  scopeAgencyId?: number | null;
  disabled?: boolean;
}

/** PATCH /api/users/:id (users.manage) — also used to disable / enable an account. */
export const updateUser = ({ id, patch }: { id: number; patch: UserPatch }) =>
  api<{ user: User }>(`/api/users/${id}`, { method: 'PATCH', body: patch });

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
