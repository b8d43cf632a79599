import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Position } from '../../../types/api';

export interface PositionInput {
  name: string;
  signatureTitle: string;
  isLeader: boolean;
  rank: number;
}

/** POST /api/org/positions */
export const createPosition = (input: PositionInput) =>
  api<{ position: Position }>('/api/org/positions', { method: 'POST', body: input });

export function useCreatePosition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPosition,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org'] }),
  });
}
