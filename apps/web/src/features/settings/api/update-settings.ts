import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Settings } from '../../../types/api';

/** PATCH /api/settings (settings.manage) — only the changed settings. */
export const updateSettings = (patch: Partial<Settings>) =>
  api<{ settings: Settings }>('/api/settings', { method: 'PATCH', body: patch });

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['settings'] }),
  });
}
