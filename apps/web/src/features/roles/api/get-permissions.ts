import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** GET /api/permissions — every permission name a role can carry. */
export const getPermissions = ({ signal }: { signal?: AbortSignal } = {}) =>
  api<{ items: string[] }>('/api/permissions', { signal });

export const permissionsQueryOptions = () =>
  queryOptions({
    queryKey: ['permissions'],
    queryFn: ({ signal }) => getPermissions({ signal }),
    staleTime: 10 * 60_000,
  });

export const usePermissionNames = () => useQuery(permissionsQueryOptions());
