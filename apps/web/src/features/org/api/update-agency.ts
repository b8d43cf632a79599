import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Agency } from '../../../types/api';
import type { AgencyInput } from './create-agency';

/** PATCH /api/org/agencies/:id — only the changed fields. */
export const updateAgency = ({ id, patch }: { id: number; patch: Partial<AgencyInput> }) =>
  api<{ agency: Agency }>(`/api/org/agencies/${id}`, { method: 'PATCH', body: patch });

export function useUpdateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAgency,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org'] }),
  });
}
