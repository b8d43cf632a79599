import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Gender, Person } from '../../../types/api';

export interface PersonInput {
  fullName: string;
  gender: Gender | null;
  birthYear: number | null;
  committeeId: number | null;
  agencyId: number | null;
  positionId: number | null;
  email: string | null;
  phone: string | null;
  active: boolean;
}

/** POST /api/org/people */
export const createPerson = (input: PersonInput) =>
  api<{ person: Person }>('/api/org/people', { method: 'POST', body: input });

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org'] }),
  });
}
