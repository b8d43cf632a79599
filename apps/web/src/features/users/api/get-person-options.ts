import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { Person } from '../../../types/api';

/** GET /api/org/people?q= — for the "person" select of the account form (search without diacritics). */
export const getPersonOptions = ({ q, signal }: { q: string; signal?: AbortSignal }) =>
  api<ListResponse<Person>>('/api/org/people', {
    query: { q: q.trim() || undefined, limit: 20, offset: 0 },
    signal,
  });

export const personOptionsQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['org', 'people', 'options', q],
    queryFn: ({ signal }) => getPersonOptions({ q, signal }),
    placeholderData: keepPreviousData,
  });

export const usePersonOptions = (q: string, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...personOptionsQueryOptions(q), enabled });
