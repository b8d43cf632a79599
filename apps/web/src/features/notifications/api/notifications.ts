import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export interface NotificationView {
  id: number;
  kind: string;
  entityType: string;
  entityId: string;
  title: string;
  body: string;
  url: string;
  createdAt: string;
  readAt: string | null;
}

/** Polled: a clerk's Hỏa tốc document must reach the leader's bell without a reload. */
const POLL_MS = 60_000;

/** GET /api/notifications/unread-count */
export const getUnreadCount = ({ signal }: { signal?: AbortSignal } = {}) =>
  api<{ count: number }>('/api/notifications/unread-count', { signal });

export const useUnreadCount = () =>
  useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: ({ signal }) => getUnreadCount({ signal }),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    retry: false,
  });

/** GET /api/notifications — the latest ones, read or not (loaded when the bell opens). */
export const getNotifications = ({ signal }: { signal?: AbortSignal } = {}) =>
  api<{ items: NotificationView[]; total: number }>('/api/notifications', { query: { limit: 10 }, signal });

export const useNotifications = ({ enabled }: { enabled: boolean }) =>
  useQuery({
    queryKey: ['notifications', 'list'],
    queryFn: ({ signal }) => getNotifications({ signal }),
    enabled,
    retry: false,
  });

/** POST /api/notifications/:id/read */
export const markRead = (id: number) => api<unknown>(`/api/notifications/${id}/read`, { method: 'POST' });

/** POST /api/notifications/read-all */
export const markAllRead = () => api<unknown>('/api/notifications/read-all', { method: 'POST' });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
