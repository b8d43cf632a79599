import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { ConclusionDraft, TaskInputBody } from '../../tasks/types';
import type { Meeting, MeetingKind, MeetingSummary, Secrecy } from '../../schedule/types';

export const meetingKey = (id: number) => ['meetings', 'detail', id] as const;

/** GET /api/meetings — the meetings the caller may see. */
export const useMeetings = () =>
  useQuery({
    queryKey: ['meetings', 'list'],
    queryFn: ({ signal }) => api<{ items: MeetingSummary[]; abilities: Record<string, boolean> }>('/api/meetings', { signal }),
  });

/** GET /api/meetings/:id — agenda, invitees, the papers the caller may read, minutes, conclusions. */
export const useMeeting = (id: number) =>
  useQuery({
    queryKey: meetingKey(id),
    queryFn: ({ signal }) => api<Meeting>(`/api/meetings/${id}`, { signal }),
    enabled: id > 0,
    retry: (count, e) => !(e && typeof e === 'object' && 'status' in e && e.status === 404) && count < 2,
  });

export interface MeetingInputBody {
  committeeId: number;
  kind: MeetingKind;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  chairPersonId: number;
  agenda: { content: string; programmeItemId: number | null; presenter: string }[];
  inviteeUserIds: number[];
  resourceIds: number[];
}

function useSetMeeting() {
  const queryClient = useQueryClient();
  return (m: Meeting) => {
    // The answer is the meeting as saved; a read already under way could still land after it: read again.
    void queryClient.cancelQueries({ queryKey: meetingKey(m.id) });
    queryClient.setQueryData(meetingKey(m.id), m);
    void queryClient.invalidateQueries({ queryKey: meetingKey(m.id) });
    void queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['schedule'] });
    void queryClient.invalidateQueries({ queryKey: ['programmes'] });
  };
}

/** POST /api/meetings — also puts it on the weekly schedule. */
export function useCreateMeeting() {
  const set = useSetMeeting();
  return useMutation({
    mutationFn: (body: MeetingInputBody) => api<Meeting>('/api/meetings', { method: 'POST', body }),
    onSuccess: set,
  });
}

/** PUT /api/meetings/:id/attendance. */
export function useAttendance(id: number) {
  const set = useSetMeeting();
  return useMutation({
    mutationFn: (items: { userId: number; attended: boolean; absenceReason: string }[]) =>
      api<Meeting>(`/api/meetings/${id}/attendance`, { method: 'PUT', body: { items } }),
    onSuccess: set,
  });
}

/** POST /api/meetings/:id/papers — a file already uploaded through POST /api/files. */
export function useAddPaper(id: number) {
  const set = useSetMeeting();
  return useMutation({
    mutationFn: (body: { fileId: number; title: string; secrecy: Secrecy; readerUserIds: number[] | null }) =>
      api<Meeting>(`/api/meetings/${id}/papers`, { method: 'POST', body }),
    onSuccess: set,
  });
}

/** POST /api/meetings/:id/minutes/draft — nothing stored. */
export function useDraftMinutes(id: number) {
  return useMutation({
    mutationFn: () => api<{ minutes: string }>(`/api/meetings/${id}/minutes/draft`, { method: 'POST', body: {} }),
  });
}

/** PUT /api/meetings/:id/minutes. */
export function useSaveMinutes(id: number) {
  const set = useSetMeeting();
  return useMutation({
    mutationFn: (body: { version: number; minutes: string; conclusions: string }) =>
      api<Meeting>(`/api/meetings/${id}/minutes`, { method: 'PUT', body }),
    onSuccess: set,
  });
}

/** POST /api/meetings/:id/held — the agenda's programme items become presented. */
export function useMarkHeld(id: number) {
  const set = useSetMeeting();
  return useMutation({
    mutationFn: (version: number) => api<Meeting>(`/api/meetings/${id}/held`, { method: 'POST', body: { version } }),
    onSuccess: set,
  });
}

/** POST /api/meetings/:id/conclusions/outgoing — the "Thông báo kết luận" draft. */
export function useConclusionOutgoing(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ outgoingId: number; meetingId: number }>(`/api/meetings/${id}/conclusions/outgoing`, { method: 'POST', body: {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      void queryClient.invalidateQueries({ queryKey: ['outgoing'] });
    },
  });
}

/** POST /api/meetings/:id/conclusions/task-draft — draft tasks to review (nothing stored). */
export function useConclusionTaskDraft(id: number) {
  return useMutation({
    mutationFn: () => api<ConclusionDraft>(`/api/meetings/${id}/conclusions/task-draft`, { method: 'POST', body: {} }),
  });
}

/** POST /api/meetings/:id/conclusions/tasks — the reviewed tasks, all or none. */
export function useConclusionTasks(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: TaskInputBody[]) =>
      api<{ taskIds: number[]; meetingId: number }>(`/api/meetings/${id}/conclusions/tasks`, { method: 'POST', body: { items } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
