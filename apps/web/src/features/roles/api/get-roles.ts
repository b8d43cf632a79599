import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { Role } from '../../../types/api';

/** GET /api/roles (users.view) */
export const getRoles = ({ signal }: { signal?: AbortSignal } = {}) =>
  api<ListResponse<Role>>('/api/roles', { signal });

export const rolesQueryOptions = () =>
  queryOptions({ queryKey: ['roles'], queryFn: ({ signal }) => getRoles({ signal }) });

export const useRoles = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...rolesQueryOptions(), enabled });
