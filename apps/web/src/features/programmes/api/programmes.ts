import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { BodyRef, ItemStatus, Programme, ProgrammeBoard, ProgrammeBody, ProgrammePeriod, ProgrammeSummary } from '../../schedule/types';

/** GET /api/programmes/board?year — the committee's programmes of the year by body, widest first. */
export const useProgrammeBoard = (year: number) =>
  useQuery({
    queryKey: ['programmes', 'board', year],
    queryFn: ({ signal }) => api<ProgrammeBoard>('/api/programmes/board', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });

/** GET /api/programmes — filtered list (for the wider programmes a month takes items from). */
export const useProgrammeList = (query: { body?: ProgrammeBody; year?: number; period?: ProgrammePeriod }, enabled = true) =>
  useQuery({
    queryKey: ['programmes', 'list', query],
    queryFn: ({ signal }) => api<{ items: ProgrammeSummary[] }>('/api/programmes', { query: { ...query }, signal }),
    enabled,
  });

export const programmeKey = (id: number) => ['programmes', 'detail', id] as const;

/** GET /api/programmes/:id — items with status, history, slipped, progress. */
export const useProgramme = (id: number, enabled = true) =>
  useQuery({
    queryKey: programmeKey(id),
    queryFn: ({ signal }) => api<Programme>(`/api/programmes/${id}`, { signal }),
    enabled: enabled && id > 0,
    retry: (count, e) => !(e && typeof e === 'object' && 'status' in e && e.status === 404) && count < 2,
  });

function useRefresh() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['programmes'] });
}

export interface ProgrammeInputBody {
  committeeId: number;
  body: ProgrammeBody;
  period: ProgrammePeriod;
  year: number;
  index: number | null;
  title?: string;
}

/** POST /api/programmes — one per committee, body and period (409 when it exists). */
export function useCreateProgramme() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ProgrammeInputBody) => api<Programme>('/api/programmes', { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export interface ItemInputBody {
  content: string;
  plannedMonth: string | null;
  plannedOn: string | null;
  lead: BodyRef | null;
  presenter: string;
  expectedDocument: string;
}

/** POST /api/programmes/:id/items. */
export function useAddItem() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ programmeId, body }: { programmeId: number; body: ItemInputBody }) =>
      api<Programme>(`/api/programmes/${programmeId}/items`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export type ItemPatchBody = Partial<ItemInputBody> & {
  version: number;
  status?: ItemStatus;
  reason?: string;
  postponedTo?: string | null;
};

/** PATCH /api/programmes/:id/items/:itemId — edits and status changes (postponed, dropped need a reason). */
export function useUpdateItem() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ programmeId, itemId, body }: { programmeId: number; itemId: number; body: ItemPatchBody }) =>
      api<Programme>(`/api/programmes/${programmeId}/items/${itemId}`, { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

/** POST /api/programmes/:id/items/move — items of a wider programme taken into this one. */
export function useMoveItems() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ programmeId, itemIds }: { programmeId: number; itemIds: number[] }) =>
      api<Programme>(`/api/programmes/${programmeId}/items/move`, { method: 'POST', body: { itemIds } }),
    onSuccess: refresh,
  });
}

/**
 * Where the items of a wider programme went: the month programmes of the same body and year, read whole,
 * give for each item id the months whose copies came from it ("Đã đưa vào tháng 11/2026").
 */
export function useMovedTo(p: Programme | undefined): Map<number, string[]> {
  const wide = !!p && p.period !== 'month';
  const months = useProgrammeList({ body: p?.body, year: p?.year, period: 'month' }, wide);
  const details = useQueries({
    queries: (months.data?.items ?? [])
      .filter((m) => m.committeeId === p?.committeeId && m.id !== p?.id)
      .map((m) => ({
        queryKey: programmeKey(m.id),
        queryFn: ({ signal }: { signal: AbortSignal }) => api<Programme>(`/api/programmes/${m.id}`, { signal }),
        enabled: wide,
      })),
  });
  const out = new Map<number, string[]>();
  for (const d of details) {
    const m = d.data;
    if (!m) {
      continue;
    }
    const label = `${String(m.index ?? 0).padStart(2, '0')}/${m.year}`;
    for (const i of m.items) {
      if (i.fromItemId !== null) {
        out.set(i.fromItemId, [...(out.get(i.fromItemId) ?? []).filter((x) => x !== label), label]);
      }
    }
  }
  return out;
}
