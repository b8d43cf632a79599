import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { HomeSummary } from '../../../types/api';

/** GET /api/home — counts, today's working-day status and the next holiday. */
export const getHome = ({ signal }: { signal?: AbortSignal } = {}) =>
  api<HomeSummary>('/api/home', { signal });

export const homeQueryOptions = () =>
  queryOptions({ queryKey: ['home'], queryFn: ({ signal }) => getHome({ signal }), staleTime: 60_000 });

export const useHome = () => useQuery(homeQueryOptions());
