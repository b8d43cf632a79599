import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery, type QueryParams } from '../../../lib/api';
import type {
  ConclusionDraft,
  Dashboard,
  TaskDetail,
  TaskEvaluation,
  TaskInputBody,
  TaskListItem,
  TaskListParams,
} from '../types';

const is404 = (e: unknown) => !!e && typeof e === 'object' && 'status' in e && e.status === 404;

/** GET /api/tasks — filters and pagination (taskListQuery). */
export const useTaskList = (query: TaskListParams, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: ['tasks', 'list', query],
    queryFn: ({ signal }) =>
      api<{ items: TaskListItem[]; total: number }>('/api/tasks', {
        query: { ...query } as QueryParams,
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const taskKey = (id: number) => ['tasks', 'detail', id] as const;

/** GET /api/tasks/:id — sub-tasks with roll-up, progress, extensions, history and abilities. */
export const useTask = (id: number) =>
  useQuery({
    queryKey: taskKey(id),
    queryFn: ({ signal }) => api<TaskDetail>(`/api/tasks/${id}`, { signal }),
    retry: (count, e) => !is404(e) && count < 2,
    enabled: id > 0,
  });

/** GET /api/tasks/dashboard — counts by status per lead body, on-time rates, trend by month. */
export const useTaskDashboard = (query: {
  committeeId?: number;
  from?: string;
  to?: string;
  subtasks?: 'true' | 'false';
}) =>
  useQuery({
    queryKey: ['tasks', 'dashboard', query],
    queryFn: ({ signal }) => api<Dashboard>('/api/tasks/dashboard', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });

/** After a change: the task as answered (when it is one), and every list and dashboard again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (answer?: unknown) => {
    if (
      answer &&
      typeof answer === 'object' &&
      'id' in answer &&
      'abilities' in answer &&
      'history' in answer
    ) {
      const task = answer as TaskDetail;
      queryClient.setQueryData(taskKey(task.id), task);
    }
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
}

/** The id of the created task, whatever the exact shape of the answer (the detail, or `{ id }`). */
export const createdId = (answer: unknown): number | null =>
  answer && typeof answer === 'object' && 'id' in answer && typeof answer.id === 'number' ? answer.id : null;

/** POST /api/tasks — one task (with parentId: a sub-task). */
export function useCreateTask() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TaskInputBody) => api<TaskDetail>('/api/tasks', { method: 'POST', body }),
    onSuccess: refresh,
  });
}

/** POST /api/tasks/batch — the reviewed drafts of a conclusion, all or nothing. */
export function useCreateTaskBatch() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (items: TaskInputBody[]) =>
      api<{ items?: { id: number }[]; ids?: number[] }>('/api/tasks/batch', {
        method: 'POST',
        body: { items },
      }),
    onSuccess: () => refresh(),
  });
}

/** PATCH /api/tasks/:id — by the assigner while the task is open. */
export function useUpdateTask() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: Record<string, unknown> & { version: number } }) =>
      api<TaskDetail>(`/api/tasks/${id}`, { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

export type TaskAction =
  | {
      action: 'progress';
      body: { percent: number; note: string; fileIds: number[]; done: boolean; completedOn?: string };
    }
  | { action: 'extensions'; body: { requestedDeadline: string; reason: string } }
  | { action: 'decision'; extensionId: number; body: { granted: boolean; comment: string } }
  | { action: 'evaluation'; body: { result: TaskEvaluation; comment: string } };

const actionPath = (id: number, a: TaskAction) =>
  a.action === 'decision'
    ? `/api/tasks/${id}/extensions/${a.extensionId}/decision`
    : `/api/tasks/${id}/${a.action}`;

/** Progress report, extension request and decision, evaluation: each answers the task (or is read again). */
export function useTaskAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, step }: { id: number; step: TaskAction }) =>
      api<unknown>(actionPath(id, step), { method: 'POST', body: step.body }),
    onSuccess: refresh,
  });
}

/** POST /api/tasks/conclusion-draft — nothing is stored. */
export function useConclusionDraft() {
  return useMutation({
    mutationFn: (body: { text?: string; outgoingId?: number; incomingId?: number }) =>
      api<ConclusionDraft>('/api/tasks/conclusion-draft', { method: 'POST', body }),
  });
}

/** POST /api/tasks/urging-letter — a công văn đôn đốc as an outgoing draft. */
export function useUrgingLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; committeeId?: number }) =>
      api<{ outgoingId: number }>('/api/tasks/urging-letter', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['outgoing'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

/** GET /api/tasks/export.xlsx — the same filters as the list (no paging). */
export const exportUrl = (query: TaskListParams) => {
  const { limit: _limit, offset: _offset, ...filters } = query;
  return withQuery('/api/tasks/export.xlsx', filters as QueryParams);
};

/** GET /api/tasks/report.docx — the periodic report (taskReportQuery). */
export const reportUrl = (query: {
  period: 'month' | 'quarter' | 'year';
  year: number;
  index?: number;
  committeeId?: number;
}) => withQuery('/api/tasks/report.docx', query);
