import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api';
import type { EventInputBody, Resource, ScheduleEvent, ScheduleMonth, ScheduleWeek } from '../types';

/** GET /api/schedule/weeks/:isoWeek — draft=true: the working copy (schedule.manage). */
export const useWeek = (week: string, { draft, committeeId }: { draft: boolean; committeeId?: number }) =>
  useQuery({
    queryKey: ['schedule', 'week', week, draft, committeeId ?? null],
    queryFn: ({ signal }) =>
      api<ScheduleWeek>(`/api/schedule/weeks/${week}`, {
        query: { draft: draft ? 'true' : 'false', committeeId },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

/** GET /api/schedule/months/:month. */
export const useMonth = (month: string, { draft }: { draft: boolean }) =>
  useQuery({
    queryKey: ['schedule', 'month', month, draft],
    queryFn: ({ signal }) =>
      api<ScheduleMonth>(`/api/schedule/months/${month}`, { query: { draft: draft ? 'true' : 'false' }, signal }),
    placeholderData: keepPreviousData,
  });

/** GET /api/schedule/resources — rooms and cars. */
export const useResources = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: ['schedule', 'resources'],
    queryFn: ({ signal }) => api<{ items: Resource[] }>('/api/schedule/resources', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });

function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['schedule'] });
    void queryClient.invalidateQueries({ queryKey: ['meetings'] });
  };
}

/** POST /api/schedule/events — answers the event with its leader conflicts. */
export function useCreateEvent() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: EventInputBody) => api<ScheduleEvent>('/api/schedule/events', { method: 'POST', body }),
    onSuccess: refresh,
  });
}

/** PATCH /api/schedule/events/:id — only the fields sent change. */
export function useUpdateEvent() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: Partial<EventInputBody> & { version: number } }) =>
      api<ScheduleEvent>(`/api/schedule/events/${id}`, { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

/** POST /api/schedule/events/:id/cancel — frees its rooms and cars. */
export function useCancelEvent() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: number; version: number; reason: string }) =>
      api<ScheduleEvent>(`/api/schedule/events/${id}/cancel`, { method: 'POST', body: { version, reason } }),
    onSuccess: refresh,
  });
}

/** POST /api/schedule/weeks/:isoWeek/publish. */
export function usePublishWeek() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ week, committeeId }: { week: string; committeeId?: number }) =>
      api<ScheduleWeek>(`/api/schedule/weeks/${week}/publish`, { method: 'POST', body: { committeeId } }),
    onSuccess: refresh,
  });
}

/** POST /api/schedule/ical-tokens — the secret URL is answered once. */
export function useCreateIcalToken() {
  return useMutation({
    mutationFn: (body: { personId: number | null; body: { committeeId: number; agencyId: number | null } | null }) =>
      api<{ id: number; url: string }>('/api/schedule/ical-tokens', { method: 'POST', body }),
  });
}

/** The printed week (PDF, A4 landscape). */
export const printUrl = (week: string, draft: boolean) =>
  withQuery(`/api/schedule/weeks/${week}/print.pdf`, { draft: draft ? 'true' : undefined });
