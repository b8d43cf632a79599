import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { IncomingDetail, IncomingPatchBody } from '../types';
import { incomingKey } from './get-incoming';

/** PATCH /api/incoming/:id — corrections while the document is still with the office (optimistic `version`). */
export const updateIncoming = ({ id, patch }: { id: number; patch: IncomingPatchBody }) =>
  api<IncomingDetail>(`/api/incoming/${id}`, { method: 'PATCH', body: patch });

export function useUpdateIncoming() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateIncoming,
    onSuccess: (doc) => {
      queryClient.setQueryData(incomingKey(doc.id), doc);
      void queryClient.invalidateQueries({ queryKey: ['incoming', 'list'] });
    },
  });
}
