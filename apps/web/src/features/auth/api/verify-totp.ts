import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { storeAuthResult } from '../../../lib/auth';
import type { LoginResult } from '../../../types/api';

/** POST /api/auth/totp/verify — the second step of login. */
export const verifyTotp = (code: string) =>
  api<LoginResult>('/api/auth/totp/verify', { method: 'POST', body: { code } });

export function useVerifyTotp() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: verifyTotp, onSuccess: (r) => storeAuthResult(queryClient, r) });
}
