import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { Position } from '../../../types/api';

/** GET /api/org/positions */
export const getPositions = ({ signal }: { signal?: AbortSignal } = {}) =>
  api<ListResponse<Position>>('/api/org/positions', { query: { limit: 200 }, signal });

export const positionsQueryOptions = () =>
  queryOptions({ queryKey: ['org', 'positions'], queryFn: ({ signal }) => getPositions({ signal }) });

export const usePositions = () => useQuery(positionsQueryOptions());
