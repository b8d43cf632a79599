import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { IncomingListAnswer, IncomingStatus, Secrecy, Urgency } from '../types';

export type IncomingSort = 'arrival_desc' | 'arrival_asc' | 'deadline_asc' | 'urgency_desc';

/** The query of `GET /api/incoming` (incomingListQuery). */
export interface IncomingListParams {
  year?: number;
  registerId?: number;
  status?: IncomingStatus;
  agencyId?: number;
  urgency?: Urgency;
  secrecy?: Secrecy;
  overdue?: boolean;
  dueSoon?: boolean;
  inbox?: 'mine';
  q?: string;
  from?: string;
  to?: string;
  sort?: IncomingSort;
  limit: number;
  offset: number;
}

/** GET /api/incoming — the register list, filtered, sorted and paginated on the server. */
export const getIncomingList = ({ signal, ...query }: IncomingListParams & { signal?: AbortSignal }) =>
  api<IncomingListAnswer>('/api/incoming', {
    query: {
      ...query,
      overdue: query.overdue ? 'true' : undefined,
      dueSoon: query.dueSoon ? 'true' : undefined,
    },
    signal,
  });

export const incomingListQueryOptions = (query: IncomingListParams) =>
  queryOptions({
    queryKey: ['incoming', 'list', query],
    queryFn: ({ signal }) => getIncomingList({ ...query, signal }),
    placeholderData: keepPreviousData,
  });

export const useIncomingList = (query: IncomingListParams, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...incomingListQueryOptions(query), enabled });
