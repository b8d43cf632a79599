import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { User } from '../../../types/api';

export interface UsersQuery {
  q?: string;
  limit: number;
  offset: number;
}

/** GET /api/users (users.view) */
export const getUsers = ({ signal, ...query }: UsersQuery & { signal?: AbortSignal }) =>
  api<ListResponse<User>>('/api/users', {
    query: { q: query.q?.trim() || undefined, limit: query.limit, offset: query.offset },
    signal,
  });

export const usersQueryOptions = (query: UsersQuery) =>
  queryOptions({
    queryKey: ['users', query],
    queryFn: ({ signal }) => getUsers({ ...query, signal }),
    placeholderData: keepPreviousData,
  });

export const useUsers = (query: UsersQuery) => useQuery(usersQueryOptions(query));
