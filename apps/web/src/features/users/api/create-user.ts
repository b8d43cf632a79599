import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Clearance, User } from '../../../types/api';

export interface CreateUserInput {
  username: string;
  password: string;
  displayName: string;
  personId: number | null;
  roleCodes: string[];
  clearance: Clearance;
  scopeCommitteeId: number | null;
  scopeAgencyId: number | null;
}

/** POST /api/users (users.manage) — the new user must change the password at first login. */
export const createUser = (input: CreateUserInput) =>
  api<{ user: User }>('/api/users', { method: 'POST', body: input });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['users'] }),
        queryClient.invalidateQueries({ queryKey: ['home'] }),
      ]),
  });
}
