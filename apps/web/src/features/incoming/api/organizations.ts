import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { Organization } from '../types';

/** GET /api/organizations?q= — the issuer directory (diacritic-insensitive search). */
export const getOrganizations = ({ q, signal }: { q: string; signal?: AbortSignal }) =>
  api<ListResponse<Organization>>('/api/organizations', { query: { q, limit: 20 }, signal });

export const useOrganizations = (q: string) =>
  useQuery({
    queryKey: ['organizations', { q }],
    queryFn: ({ signal }) => getOrganizations({ q, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

export interface OrganizationInput {
  name: string;
  code: string;
  kind: Organization['kind'];
}

/** POST /api/organizations — promotes a free-text issuer into the directory. */
export const createOrganization = (input: OrganizationInput) =>
  api<{ organization: Organization }>('/api/organizations', { method: 'POST', body: input });

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganization,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organizations'] }),
  });
}
