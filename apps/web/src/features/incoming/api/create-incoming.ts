import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { IncomingCreated, IncomingInputBody } from '../types';
import { incomingKey } from './get-incoming';

/** POST /api/incoming (incoming.register) — answers the record with its arrival number and soft warnings. */
export const createIncoming = (input: IncomingInputBody) =>
  api<IncomingCreated>('/api/incoming', { method: 'POST', body: input });

export function useCreateIncoming() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createIncoming,
    onSuccess: (doc) => {
      queryClient.setQueryData(incomingKey(doc.id), doc);
      void queryClient.invalidateQueries({
        queryKey: ['incoming'],
        predicate: (q) => q.queryKey[1] !== 'detail',
      });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}
