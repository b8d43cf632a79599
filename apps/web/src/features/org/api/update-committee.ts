import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Committee } from '../../../types/api';
import type { CommitteeInput } from './create-committee';

/** PATCH /api/org/committees/:id — only the changed fields. */
export const updateCommittee = ({ id, patch }: { id: number; patch: Partial<CommitteeInput> }) =>
  api<{ committee: Committee }>(`/api/org/committees/${id}`, { method: 'PATCH', body: patch });

export function useUpdateCommittee() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCommittee,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org'] }),
  });
}
