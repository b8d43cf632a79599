import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { Committee } from '../../../types/api';

/** GET /api/org/committees — the scope choices of an account, and committee names for the table. */
export const getCommitteeOptions = ({ signal }: { signal?: AbortSignal } = {}) =>
  api<ListResponse<Committee>>('/api/org/committees', { query: { includeInactive: 'true' }, signal });

export const committeeOptionsQueryOptions = () =>
  queryOptions({
    queryKey: ['org', 'committees', { includeInactive: true }],
    queryFn: ({ signal }) => getCommitteeOptions({ signal }),
  });

export const useCommitteeOptions = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...committeeOptionsQueryOptions(), enabled });
