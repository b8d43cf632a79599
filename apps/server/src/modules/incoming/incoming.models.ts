import {
  OPEN_INCOMING_STATUSES,
  URGENCIES,
  type IncomingStatus,
  type RegisterKind,
  type Secrecy,
  type Urgency,
} from '@vanphong/contracts';
import type { DeploymentProfile } from '@vanphong/contracts';

export const urgencyRank = (u: Urgency): number => URGENCIES.indexOf(u);

/** Khẩn and above are presented and delivered at once (ND30 Điều 4): they notify the leaders on registration. */
export const isUrgent = (u: Urgency): boolean => urgencyRank(u) >= urgencyRank('urgent');

export const isOpen = (s: string): boolean => (OPEN_INCOMING_STATUSES as readonly string[]).includes(s);

/** On a networked profile a secret document is a metadata stub: no content on this system (spec §3). */
export const isNetworked = (p: DeploymentProfile): boolean => p !== 'isolated-lan';
export const isSecret = (s: Secrecy): boolean => s !== 'none';

/** Secret documents always go to the secret register; complaints to their own. */
export const registerKindFor = (secrecy: Secrecy, requested: 'ordinary' | 'complaint'): RegisterKind =>
  isSecret(secrecy) ? 'secret' : requested;

export const REGISTER_NAMES: Record<RegisterKind, string> = {
  ordinary: 'Sổ đăng ký văn bản đến',
  secret: 'Sổ đăng ký văn bản mật đến',
  complaint: 'Sổ đăng ký đơn thư',
};

export const registerScopeKey = (committeeId: number, agencyId: number | null) =>
  agencyId === null ? `c${committeeId}` : `c${committeeId}-a${agencyId}`;

/** Attachments an incoming document may carry: PDF, Word, images. */
export const ATTACHMENT_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'image/jpeg',
  'image/png',
  'image/tiff',
]);

export interface DueFlags {
  overdue: boolean;
  dueSoon: boolean;
}

/** Flags of an open document's deadline: overdue after the day, due soon up to `soonLimit` (inclusive). */
export function dueFlagsOf(
  { status, deadline }: { status: string; deadline: string | null },
  today: string,
  soonLimit: string,
): DueFlags {
  if (!deadline || !isOpen(status)) {
    return { overdue: false, dueSoon: false };
  }
  return { overdue: deadline < today, dueSoon: deadline >= today && deadline <= soonLimit };
}

export type { IncomingStatus };
