import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Agency, Committee, Term } from '../../../types/api';

export interface CommitteeDetail {
  committee: Committee;
  terms: Term[];
  agencies: Agency[];
}

/** GET /api/org/committees/:id — the committee with its terms and agencies. */
export const getCommittee = (id: number, { signal }: { signal?: AbortSignal } = {}) =>
  api<CommitteeDetail>(`/api/org/committees/${id}`, { signal });

export const committeeQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['org', 'committee', id], queryFn: ({ signal }) => getCommittee(id, { signal }) });

export const useCommittee = (id: number | null) =>
  useQuery({ ...committeeQueryOptions(id ?? 0), enabled: id !== null && id > 0 });
