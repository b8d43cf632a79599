import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { AuditVerifyResult } from '../../../types/api';

/** GET /api/audit/verify — re-checks the hash chain of the audit log. */
export const verifyAudit = ({ signal }: { signal?: AbortSignal } = {}) =>
  api<AuditVerifyResult>('/api/audit/verify', { signal });

export const verifyAuditQueryOptions = () =>
  queryOptions({
    queryKey: ['audit-verify'],
    queryFn: ({ signal }) => verifyAudit({ signal }),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });

/** Runs only when asked (the button calls `refetch`). */
export const useVerifyAudit = () => useQuery({ ...verifyAuditQueryOptions(), enabled: false });
