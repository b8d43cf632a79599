import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { CommitteeLevel } from '../../../types/api';

/** GET /api/org/levels */
export const getLevels = ({ signal }: { signal?: AbortSignal } = {}) =>
  api<ListResponse<CommitteeLevel>>('/api/org/levels', { signal });

export const levelsQueryOptions = () =>
  queryOptions({
    queryKey: ['org', 'levels'],
    queryFn: ({ signal }) => getLevels({ signal }),
    staleTime: 10 * 60_000,
  });

export const useLevels = () => useQuery(levelsQueryOptions());
