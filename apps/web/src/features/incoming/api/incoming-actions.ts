import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { DirectBody, IncomingDetail } from '../types';
import { incomingKey } from './get-incoming';

/** One step of the handling flow and the body its endpoint takes. */
export type IncomingAction =
  | { action: 'present'; body: { toUserId: number; note: string } }
  | { action: 'direct' | 'redirect'; body: DirectBody }
  | { action: 'start' | 'file'; body: { note: string } }
  | { action: 'complete'; body: { resultNote: string; replyOutgoingId: number | null } }
  | { action: 'return' | 'cancel'; body: { reason: string } };

export type IncomingActionName = IncomingAction['action'];

/** POST /api/incoming/:id/{present|direct|redirect|start|complete|file|return|cancel} → the updated document. */
export const runIncomingAction = ({ id, step }: { id: number; step: IncomingAction }) =>
  api<IncomingDetail>(`/api/incoming/${id}/${step.action}`, { method: 'POST', body: step.body });

export function useIncomingAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runIncomingAction,
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
