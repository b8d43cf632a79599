import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type {
  CreateDraftBody,
  OutgoingBox,
  OutgoingDetail,
  OutgoingListAnswer,
  OutgoingStatus,
  UpdateDraftBody,
} from '../types';

/** The query of `GET /api/outgoing` (outgoingListQuery). */
export interface OutgoingListParams {
  box: OutgoingBox;
  status?: OutgoingStatus;
  documentTypeId?: number;
  issuerKey?: string;
  from?: string;
  to?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** GET /api/outgoing — one box (all, mine, review, to_issue), newest first. */
export const getOutgoingList = ({ signal, ...query }: OutgoingListParams & { signal?: AbortSignal }) =>
  api<OutgoingListAnswer>('/api/outgoing', { query: { ...query }, signal });

export const useOutgoingList = (query: OutgoingListParams, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: ['outgoing', 'list', query],
    queryFn: ({ signal }) => getOutgoingList({ ...query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const outgoingKey = (id: number) => ['outgoing', 'detail', id] as const;

/** GET /api/outgoing/:id — versions, comments, circuit, recipients, format check and abilities. */
export const outgoingQueryOptions = (id: number) =>
  queryOptions({
    queryKey: outgoingKey(id),
    queryFn: ({ signal }) => api<OutgoingDetail>(`/api/outgoing/${id}`, { signal }),
    retry: (count, e) => !(e && typeof e === 'object' && 'status' in e && e.status === 404) && count < 2,
  });

export const useOutgoing = (id: number, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...outgoingQueryOptions(id), enabled });

/** After any change: the document as the server answered, and every list again. */
function useStoreDetail() {
  const queryClient = useQueryClient();
  return (doc: OutgoingDetail) => {
    queryClient.setQueryData(outgoingKey(doc.id), doc);
    void queryClient.invalidateQueries({
      queryKey: ['outgoing'],
      predicate: (q) => q.queryKey[1] !== 'detail',
    });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
}

/** POST /api/outgoing — a new draft from the type template. */
export function useCreateOutgoing() {
  const store = useStoreDetail();
  return useMutation({
    mutationFn: (body: CreateDraftBody) => api<OutgoingDetail>('/api/outgoing', { method: 'POST', body }),
    onSuccess: store,
  });
}

/** PATCH /api/outgoing/:id — a content change is kept as a new version. */
export function useUpdateOutgoing() {
  const store = useStoreDetail();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateDraftBody }) =>
      api<OutgoingDetail>(`/api/outgoing/${id}`, { method: 'PATCH', body }),
    onSuccess: store,
  });
}

/** One step of the circuit and the body its endpoint takes; each answers the updated document. */
export type OutgoingStepAction =
  | { action: 'submit'; body: { version: number } }
  | { action: 'approve' | 'sign'; body: { version: number; comment: string } }
  | { action: 'return'; body: { version: number; comment: string } }
  | { action: 'recall'; body: { version: number; reason: string } }
  | { action: 'comments'; body: { body: string } }
  | { action: 'versions'; body: { fileId: number; note: string } };

export function useOutgoingAction() {
  const store = useStoreDetail();
  return useMutation({
    mutationFn: ({ id, step }: { id: number; step: OutgoingStepAction }) =>
      api<OutgoingDetail>(`/api/outgoing/${id}/${step.action}`, { method: 'POST', body: step.body }),
    onSuccess: store,
  });
}

/** POST /api/outgoing/:id/issue — number, date, signed PDF, liên thông; then the document is read again. */
export function useIssueOutgoing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api<import('../types').IssueResult>(`/api/outgoing/${id}/issue`, { method: 'POST', body: { version } }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['outgoing'] });
      void queryClient.invalidateQueries({ queryKey: ['incoming'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      return r;
    },
  });
}

export const pdfUrl = (id: number, download = false) =>
  `/api/outgoing/${id}/pdf${download ? '?download=1' : ''}`;
export const docxUrl = (id: number) => `/api/outgoing/${id}/docx`;
export const versionFileUrl = (id: number, versionId: number) =>
  `/api/outgoing/${id}/versions/${versionId}/file`;
