import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { GapReport, Series } from '../types';

/** GET /api/outgoing/series — every numbering series in scope with its last number. */
export const useSeries = () =>
  useQuery({
    queryKey: ['outgoing', 'series'],
    queryFn: ({ signal }) => api<{ items: Series[] }>('/api/outgoing/series', { signal }),
  });

/** GET /api/outgoing/series/:id/gaps — every void, reserved-unused or unfinished number. */
export const useGaps = (seriesId: number | null) =>
  useQuery({
    queryKey: ['outgoing', 'series', seriesId, 'gaps'],
    queryFn: ({ signal }) => api<GapReport>(`/api/outgoing/series/${seriesId}/gaps`, { signal }),
    enabled: seriesId !== null,
  });

export interface ReserveBody {
  issuerCommitteeId: number;
  issuerAgencyId: number | null;
  documentTypeId: number;
  congress: boolean;
  reason: string;
}

export interface Reserved {
  id: number;
  number: number;
  notation: string;
}

export function useReserveNumber() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReserveBody) =>
      api<Reserved>('/api/outgoing/numbers/reserve', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['outgoing', 'series'] }),
  });
}

export function useVoidNumber() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      api<null>(`/api/outgoing/numbers/${id}/void`, { method: 'POST', body: { reason } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['outgoing', 'series'] }),
  });
}
