import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Urgency } from '../types';

export interface DeadlineRule {
  documentTypeId: number | null;
  documentTypeName?: string | null;
  urgency: Urgency | null;
  workingDays: number;
}

export interface DeadlineRulesAnswer {
  rules: DeadlineRule[];
  dueSoonWorkingDays: number;
  abilities: { update: boolean };
}

const KEY = ['incoming', 'deadline-rules'] as const;

/** GET /api/incoming/deadline-rules — the default rule (both null) comes first. */
export const getDeadlineRules = ({ signal }: { signal?: AbortSignal }) =>
  api<DeadlineRulesAnswer>('/api/incoming/deadline-rules', { signal });

export const deadlineRulesQueryOptions = () =>
  queryOptions({ queryKey: KEY, queryFn: ({ signal }) => getDeadlineRules({ signal }) });

export const useDeadlineRules = () => useQuery(deadlineRulesQueryOptions());

/** PUT /api/incoming/deadline-rules (settings.manage) — replaces the whole set. */
export const replaceDeadlineRules = (rules: Omit<DeadlineRule, 'documentTypeName'>[]) =>
  api<DeadlineRulesAnswer>('/api/incoming/deadline-rules', { method: 'PUT', body: { rules } });

export function useReplaceDeadlineRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replaceDeadlineRules,
    onSuccess: (data) => queryClient.setQueryData(KEY, data),
  });
}
