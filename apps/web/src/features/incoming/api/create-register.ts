import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { RegisterKind, RegisterView } from '../types';

export interface RegisterInput {
  committeeId: number;
  year: number;
  kind: RegisterKind;
  name: string;
}

/** POST /api/incoming/registers (incoming.register) — opens a register ahead of its first use. */
export const createIncomingRegister = (input: RegisterInput) =>
  api<{ register: RegisterView }>('/api/incoming/registers', { method: 'POST', body: input });

export function useCreateIncomingRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createIncomingRegister,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['incoming', 'registers'] });
      void queryClient.invalidateQueries({ queryKey: ['incoming', 'form-defaults'] });
    },
  });
}
