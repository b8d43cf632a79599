import type { SearchKind, SearchResult, SearchSort } from '@vanphong/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** The query of `GET /api/search` (contract `searchQuery`); absent filters are not sent. */
export interface SearchParams {
  q?: string;
  kind?: SearchKind;
  documentTypeId?: number;
  issuer?: string;
  year?: number;
  status?: string;
  secrecy?: string;
  sort?: SearchSort;
  limit: number;
  offset: number;
}

/** GET /api/search — one search over what the caller may see: hits, counted facets, a capped total. */
export const getSearch = ({ signal, ...query }: SearchParams & { signal?: AbortSignal }) =>
  api<SearchResult>('/api/search', { query: { ...query }, signal });

export const searchQueryOptions = (query: SearchParams) =>
  queryOptions({
    queryKey: ['search', query],
    queryFn: ({ signal }) => getSearch({ ...query, signal }),
    // The previous page stays on screen while the next one loads (no flash of an empty list).
    placeholderData: keepPreviousData,
  });

export const useSearch = (query: SearchParams, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...searchQueryOptions(query), enabled });
