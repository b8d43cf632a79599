import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { Agency } from '../../../types/api';

/** GET /api/org/agencies?committeeId= */
export const getAgencies = ({ committeeId, signal }: { committeeId?: number | null; signal?: AbortSignal }) =>
  api<ListResponse<Agency>>('/api/org/agencies', {
    query: { committeeId: committeeId ?? undefined, limit: 200 },
    signal,
  });

export const agenciesQueryOptions = (committeeId?: number | null) =>
  queryOptions({
    queryKey: ['org', 'agencies', { committeeId: committeeId ?? null }],
    queryFn: ({ signal }) => getAgencies({ committeeId, signal }),
  });

export const useAgencies = (committeeId?: number | null, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...agenciesQueryOptions(committeeId), enabled });
