import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Assignee } from '../types';

/** GET /api/incoming/assignees — people a document can be presented or directed to. */
export const getAssignees = ({ signal }: { signal?: AbortSignal } = {}) =>
  api<{ users: Assignee[] }>('/api/incoming/assignees', { signal });

export const assigneesQueryOptions = () =>
  queryOptions({
    queryKey: ['incoming', 'assignees'],
    queryFn: ({ signal }) => getAssignees({ signal }),
    staleTime: 5 * 60_000,
  });

export const useAssignees = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...assigneesQueryOptions(), enabled });
