import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Committee, NumberingRule } from '../../../types/api';

export interface CommitteeInput {
  parentId: number | null;
  levelCode: string;
  name: string;
  superiorLine: string;
  placeName: string;
  abbreviation: string;
  numberingRule: NumberingRule;
  active: boolean;
}

/** POST /api/org/committees */
export const createCommittee = (input: CommitteeInput) =>
  api<{ committee: Committee }>('/api/org/committees', { method: 'POST', body: input });

export function useCreateCommittee() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCommittee,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org'] }),
  });
}
