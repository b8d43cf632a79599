import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { storeAuthResult } from '../../../lib/auth';
import type { LoginResult } from '../../../types/api';

export interface LoginInput {
  username: string;
  password: string;
}

/** POST /api/auth/login */
export const login = (input: LoginInput) =>
  api<LoginResult>('/api/auth/login', {
    method: 'POST',
    body: { username: input.username.trim(), password: input.password },
  });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      // A new session: nothing loaded for a previous user may leak into it.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      storeAuthResult(queryClient, result);
    },
  });
}
