import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { FormDefaults } from '../types';

/** GET /api/incoming/form-defaults (incoming.register) — registers with their next number, the previous entry, leaders. */
export const getFormDefaults = ({ signal }: { signal?: AbortSignal } = {}) =>
  api<FormDefaults>('/api/incoming/form-defaults', { signal });

export const formDefaultsQueryOptions = () =>
  queryOptions({
    queryKey: ['incoming', 'form-defaults'],
    queryFn: ({ signal }) => getFormDefaults({ signal }),
  });

export const useFormDefaults = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...formDefaultsQueryOptions(), enabled });
