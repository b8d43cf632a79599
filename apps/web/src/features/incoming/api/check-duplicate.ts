import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export interface DuplicateQuery {
  issuerId: number | null;
  issuerName: string;
  notation: string;
  documentDate: string;
}

export interface Duplicate {
  id: number;
  arrivalNumber: number;
  arrivalDate: string;
}

/** GET /api/incoming/check-duplicate — documents already registered with the same issuer, notation and date. */
export const checkDuplicate = ({ signal, ...q }: DuplicateQuery & { signal?: AbortSignal }) =>
  api<{ duplicates: Duplicate[] }>('/api/incoming/check-duplicate', {
    query: {
      issuerId: q.issuerId ?? undefined,
      issuerName: q.issuerId ? undefined : q.issuerName,
      notation: q.notation,
      documentDate: q.documentDate,
    },
    signal,
  });

/** Asked only once the three parts are known (the caller debounces what the clerk types). */
export const useDuplicateCheck = (q: DuplicateQuery) =>
  useQuery({
    queryKey: ['incoming', 'check-duplicate', q],
    queryFn: ({ signal }) => checkDuplicate({ ...q, signal }),
    enabled:
      (q.issuerId !== null || q.issuerName.trim() !== '') &&
      q.notation.trim() !== '' &&
      q.documentDate !== '',
    staleTime: 10_000,
    retry: false,
  });
