import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { Committee } from '../../../types/api';

/** GET /api/org/committees — flat, with parentId; the UI builds the tree. */
export const getCommittees = ({
  includeInactive,
  signal,
}: {
  includeInactive: boolean;
  signal?: AbortSignal;
}) =>
  api<ListResponse<Committee>>('/api/org/committees', {
    query: { includeInactive: includeInactive ? 'true' : undefined },
    signal,
  });

export const committeesQueryOptions = (includeInactive = false) =>
  queryOptions({
    queryKey: ['org', 'committees', { includeInactive }],
    queryFn: ({ signal }) => getCommittees({ includeInactive, signal }),
  });

export const useCommittees = (includeInactive = false) => useQuery(committeesQueryOptions(includeInactive));
