import type { Actor } from '../auth/auth.models.ts';
import { hasClearance } from '../auth/auth.models.ts';
import type { Secrecy } from '@vanphong/contracts';

/**
 * What an actor may do with a document they can see (visibility is checked before: incoming.visibility.ts).
 * Pure: every fact it needs is passed in. The flow (issue 3 §4):
 * registered → presented → directed → in_progress → done | filed; cancelled from anywhere but the end.
 */
export interface DocFacts {
  status: string;
  secrecy: Secrecy;
  stub: boolean;
  presentedTo: number | null;
  leadUserId: number | null;
  leadAgencyId: number | null;
  /** Agencies named as co-units (phối hợp). */
  coAgencyIds: number[];
  /** The actor is named in the handling trail or as a recipient. */
  named: boolean;
  deploymentProfile: string;
}

const has = (a: Actor, p: string) => a.permissions.has(p);

/** The lead handler: the lead person, or a handler of the lead unit. */
export function isLeadHandler(a: Actor, d: DocFacts): boolean {
  if (d.leadUserId !== null) {
    return d.leadUserId === a.userId;
  }
  return d.leadAgencyId !== null && d.leadAgencyId === a.scopeAgencyId && has(a, 'incoming.handle');
}

export function incomingAbilities(a: Actor, d: DocFacts): Record<string, boolean> {
  const s = d.status;
  const withOffice = s === 'registered' || s === 'presented';
  const directed = s === 'directed' || s === 'in_progress';
  const lead = isLeadHandler(a, d);
  const director = has(a, 'incoming.direct');
  const clerk = has(a, 'incoming.register');
  return {
    update: clerk && withOffice,
    present: clerk && withOffice,
    direct: director && withOffice,
    redirect: director && directed,
    start: lead && s === 'directed',
    complete: directed && (lead || director),
    // Filing for information is the leader's alternative to directing, not a way to close handled work.
    file: director && withOffice,
    return: (s === 'presented' && d.presentedTo === a.userId) || (directed && lead),
    cancel: (clerk || director) && s !== 'cancelled' && s !== 'done' && s !== 'filed',
    downloadAttachments: canReadContent(a, d),
  };
}

/**
 * Secret content (isolated-LAN only: elsewhere a secret document has none) is readable only by people
 * named in its handling trail who hold the clearance (spec §3). Ordinary content: anyone who sees the document.
 */
export function canReadContent(a: Actor, d: Pick<DocFacts, 'secrecy' | 'stub' | 'named' | 'deploymentProfile'>): boolean {
  if (d.secrecy === 'none') {
    return true;
  }
  // Content kept from an isolated-LAN period is not served once the installation is networked.
  return d.deploymentProfile === 'isolated-lan' && !d.stub && d.named && hasClearance(a, d.secrecy);
}
