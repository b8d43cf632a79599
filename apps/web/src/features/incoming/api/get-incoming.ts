import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../../lib/api';
import type { IncomingDetail } from '../types';

export const incomingKey = (id: number) => ['incoming', 'detail', id] as const;

/** GET /api/incoming/:id — one document with its trail, attachments, stamp and abilities (404 when invisible). */
export const getIncoming = ({ id, signal }: { id: number; signal?: AbortSignal }) =>
  api<IncomingDetail>(`/api/incoming/${id}`, { signal });

export const incomingQueryOptions = (id: number) =>
  queryOptions({
    queryKey: incomingKey(id),
    queryFn: ({ signal }) => getIncoming({ id, signal }),
    retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 2,
  });

export const useIncoming = (id: number, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...incomingQueryOptions(id), enabled });
