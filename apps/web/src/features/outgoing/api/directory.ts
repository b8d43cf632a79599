import { useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { Agency, Committee } from '../../../types/api';
import type { Organization } from '../../incoming/types';
import type { Issuer } from '../types';

/** GET /api/outgoing/issuers — the issuing bodies in scope, with the lines their header prints. */
export const useIssuers = () =>
  useQuery({
    queryKey: ['outgoing', 'issuers'],
    queryFn: ({ signal }) => api<{ items: Issuer[] }>('/api/outgoing/issuers', { signal }),
    staleTime: 5 * 60_000,
  });

export interface Directory {
  committees: Committee[];
  agencies: Agency[];
  organizations: Organization[];
}

/**
 * The recipient directory: committees and agencies of this installation (liên thông) and the
 * organizations of the directory (edXML or paper). Small lists, loaded whole.
 */
export const useRecipientDirectory = () =>
  useQuery({
    queryKey: ['outgoing', 'directory'],
    queryFn: async ({ signal }): Promise<Directory> => {
      const [committees, agencies, organizations] = await Promise.all([
        api<ListResponse<Committee>>('/api/org/committees', { signal }),
        api<ListResponse<Agency>>('/api/org/agencies', { query: { limit: 200 }, signal }),
        api<ListResponse<Organization>>('/api/organizations', { query: { limit: 200 }, signal }),
      ]);
      return {
        committees: committees.items.filter((c) => c.active),
        agencies: agencies.items.filter((a) => a.active),
        organizations: organizations.items.filter((o) => o.active),
      };
    },
    staleTime: 5 * 60_000,
  });
