import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Term } from '../../../types/api';
import type { TermInput } from './create-term';

/** PATCH /api/org/terms/:id */
export const updateTerm = ({ id, patch }: { id: number; patch: Partial<TermInput> }) =>
  api<{ term: Term }>(`/api/org/terms/${id}`, { method: 'PATCH', body: patch });

export function useUpdateTerm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTerm,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org'] }),
  });
}
