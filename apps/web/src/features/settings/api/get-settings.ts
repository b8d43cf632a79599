import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Abilities, Settings } from '../../../types/api';

export interface SettingsResponse {
  settings: Settings;
  abilities: Abilities;
}

/** GET /api/settings (settings.view) */
export const getSettings = ({ signal }: { signal?: AbortSignal } = {}) =>
  api<SettingsResponse>('/api/settings', { signal });

export const settingsQueryOptions = () =>
  queryOptions({
    queryKey: ['settings'],
    queryFn: ({ signal }) => getSettings({ signal }),
    staleTime: 5 * 60_000,
  });

export const useSettings = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...settingsQueryOptions(), enabled });
