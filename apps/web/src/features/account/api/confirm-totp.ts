import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { storeAuthResult } from '../../../lib/auth';
import type { LoginResult } from '../../../types/api';

/** POST /api/auth/totp/confirm */
export const confirmTotp = (code: string) =>
  api<LoginResult>('/api/auth/totp/confirm', { method: 'POST', body: { code } });

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: confirmTotp, onSuccess: (r) => storeAuthResult(queryClient, r) });
}
