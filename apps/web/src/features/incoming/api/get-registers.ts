import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { RegisterView } from '../types';

/** GET /api/incoming/registers?year= — the registers of the caller's committees. */
export const getIncomingRegisters = ({ year, signal }: { year?: number; signal?: AbortSignal }) =>
  api<{ items: RegisterView[] }>('/api/incoming/registers', { query: { year }, signal });

export const incomingRegistersQueryOptions = (year?: number) =>
  queryOptions({
    queryKey: ['incoming', 'registers', { year: year ?? null }],
    queryFn: ({ signal }) => getIncomingRegisters({ year, signal }),
    staleTime: 60_000,
  });

export const useIncomingRegisters = (year?: number) => useQuery(incomingRegistersQueryOptions(year));
