import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Position } from '../../../types/api';
import type { PositionInput } from './create-position';

/** PATCH /api/org/positions/:id — only the changed fields. */
export const updatePosition = ({ id, patch }: { id: number; patch: Partial<PositionInput> }) =>
  api<{ position: Position }>(`/api/org/positions/${id}`, { method: 'PATCH', body: patch });

export function useUpdatePosition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePosition,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org'] }),
  });
}
