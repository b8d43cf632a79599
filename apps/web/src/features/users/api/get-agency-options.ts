import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { Agency } from '../../../types/api';

/** GET /api/org/agencies?committeeId= — agencies of the chosen scope committee (all when null). */
export const getAgencyOptions = ({
  committeeId,
  signal,
}: {
  committeeId: number | null;
  signal?: AbortSignal;
}) =>
  api<ListResponse<Agency>>('/api/org/agencies', {
    query: { committeeId: committeeId ?? undefined, limit: 200 },
    signal,
  });

export const agencyOptionsQueryOptions = (committeeId: number | null) =>
  queryOptions({
    queryKey: ['org', 'agencies', { committeeId }],
    queryFn: ({ signal }) => getAgencyOptions({ committeeId, signal }),
  });

export const useAgencyOptions = (
  committeeId: number | null,
  { enabled = true }: { enabled?: boolean } = {},
) => useQuery({ ...agencyOptionsQueryOptions(committeeId), enabled });
