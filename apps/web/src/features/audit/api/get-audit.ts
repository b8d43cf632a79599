import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { AuditEvent } from '../../../types/api';

export interface AuditQuery {
  action?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** GET /api/audit (audit.view) — newest first. */
export const getAudit = ({ signal, ...query }: AuditQuery & { signal?: AbortSignal }) =>
  api<ListResponse<AuditEvent>>('/api/audit', { query: { ...query }, signal });

export const auditQueryOptions = (query: AuditQuery) =>
  queryOptions({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => getAudit({ ...query, signal }),
    placeholderData: keepPreviousData,
  });

export const useAudit = (query: AuditQuery) => useQuery(auditQueryOptions(query));
