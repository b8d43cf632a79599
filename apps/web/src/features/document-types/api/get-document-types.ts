import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { DocumentFamily, DocumentType } from '../../../types/api';

/** GET /api/document-types?family= */
export const getDocumentTypes = ({
  family,
  signal,
}: {
  family: DocumentFamily | null;
  signal?: AbortSignal;
}) =>
  api<ListResponse<DocumentType>>('/api/document-types', {
    query: { family: family ?? undefined, limit: 200 },
    signal,
  });

export const documentTypesQueryOptions = (family: DocumentFamily | null) =>
  queryOptions({
    queryKey: ['document-types', { family }],
    queryFn: ({ signal }) => getDocumentTypes({ family, signal }),
  });

export const useDocumentTypes = (family: DocumentFamily | null) =>
  useQuery(documentTypesQueryOptions(family));
