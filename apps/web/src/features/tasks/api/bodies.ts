import { useQuery } from '@tanstack/react-query';
import { api, type ListResponse } from '../../../lib/api';
import type { Agency, Committee } from '../../../types/api';
import { bodyKeyOf } from '../utils/labels';

/** A body that can assign or receive a task: a committee itself (c1) or one of its agencies (c1-a2). */
export interface BodyOption {
  key: string;
  committeeId: number;
  agencyId: number | null;
  name: string;
  /** The committee the body belongs to (for an agency), or the committee itself. */
  committeeName: string;
  parentCommitteeId: number | null;
}

/** Committees and agencies of the directory (small lists, loaded whole), as bodies. */
export const useBodies = () =>
  useQuery({
    queryKey: ['tasks', 'bodies'],
    queryFn: async ({ signal }): Promise<BodyOption[]> => {
      const [committees, agencies] = await Promise.all([
        api<ListResponse<Committee>>('/api/org/committees', { signal }),
        api<ListResponse<Agency>>('/api/org/agencies', { query: { limit: 200 }, signal }),
      ]);
      const active = committees.items.filter((c) => c.active);
      const byId = new Map(active.map((c) => [c.id, c]));
      const out: BodyOption[] = [];
      for (const c of active) {
        out.push({
          key: bodyKeyOf({ committeeId: c.id, agencyId: null }),
          committeeId: c.id,
          agencyId: null,
          name: c.name,
          committeeName: c.name,
          parentCommitteeId: c.parentId,
        });
        for (const a of agencies.items.filter((x) => x.active && x.committeeId === c.id)) {
          out.push({
            key: bodyKeyOf({ committeeId: c.id, agencyId: a.id }),
            committeeId: c.id,
            agencyId: a.id,
            name: a.name,
            committeeName: byId.get(c.id)?.name ?? '',
            parentCommitteeId: c.parentId,
          });
        }
      }
      return out;
    },
    staleTime: 5 * 60_000,
  });
