import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Term } from '../../../types/api';

export interface TermInput {
  ordinal: number;
  label: string;
  congressClosedOn: string | null;
  firstPlenumDuringCongressOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
}

/** POST /api/org/committees/:committeeId/terms — startsOn is computed from the congress dates when omitted. */
export const createTerm = ({ committeeId, input }: { committeeId: number; input: TermInput }) =>
  api<{ term: Term }>(`/api/org/committees/${committeeId}/terms`, { method: 'POST', body: input });

export function useCreateTerm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTerm,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org'] }),
  });
}
