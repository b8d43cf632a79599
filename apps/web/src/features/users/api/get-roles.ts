import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { Role } from '../../../types/api';

/** GET /api/roles — the roles an account can be given. */
export const getRoles = ({ signal }: { signal?: AbortSignal } = {}) =>
  api<ListResponse<Role>>('/api/roles', { signal });

export const rolesQueryOptions = () =>
  queryOptions({ queryKey: ['roles'], queryFn: ({ signal }) => getRoles({ signal }) });

export const useRoles = () => useQuery(rolesQueryOptions());
