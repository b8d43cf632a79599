import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Agency } from '../../../types/api';

export interface AgencyInput {
  committeeId: number;
  name: string;
  abbreviation: string;
  kind: string;
  active: boolean;
}

/** POST /api/org/agencies */
export const createAgency = (input: AgencyInput) =>
  api<{ agency: Agency }>('/api/org/agencies', { method: 'POST', body: input });

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAgency,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org'] }),
  });
}
