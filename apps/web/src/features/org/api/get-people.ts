import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { Person } from '../../../types/api';

export interface PeopleQuery {
  q?: string;
  committeeId?: number | null;
  agencyId?: number | null;
  limit: number;
  offset: number;
}

/** GET /api/org/people — `q` is matched without diacritics by the server. */
export const getPeople = ({ signal, ...query }: PeopleQuery & { signal?: AbortSignal }) =>
  api<ListResponse<Person>>('/api/org/people', {
    query: {
      q: query.q?.trim() || undefined,
      committeeId: query.committeeId,
      agencyId: query.agencyId,
      limit: query.limit,
      offset: query.offset,
    },
    signal,
  });

export const peopleQueryOptions = (query: PeopleQuery) =>
  queryOptions({
    queryKey: ['org', 'people', query],
    queryFn: ({ signal }) => getPeople({ ...query, signal }),
    placeholderData: keepPreviousData,
  });

export const usePeople = (query: PeopleQuery) => useQuery(peopleQueryOptions(query));
