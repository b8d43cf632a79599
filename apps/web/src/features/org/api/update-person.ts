import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Person } from '../../../types/api';
import type { PersonInput } from './create-person';

/** PATCH /api/org/people/:id — only the changed fields. */
export const updatePerson = ({ id, patch }: { id: number; patch: Partial<PersonInput> }) =>
  api<{ person: Person }>(`/api/org/people/${id}`, { method: 'PATCH', body: patch });

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org'] }),
  });
}
