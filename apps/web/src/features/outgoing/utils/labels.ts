import { foldText } from '../../../lib/forms';
import type { Delivery, GapState, OutgoingStatus, ReviewStepStatus } from '../types';

export const OUTGOING_STATUSES: OutgoingStatus[] = [
  'draft',
  'in_review',
  'returned',
  'awaiting_signature',
  'signed',
  'issuing',
  'issued',
  'recalled',
  'cancelled',
];

export const STATUS_COLORS: Record<OutgoingStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  returned: 'warning',
  awaiting_signature: 'purple',
  signed: 'cyan',
  issuing: 'orange',
  issued: 'success',
  recalled: 'error',
  cancelled: 'default',
};

export const STEP_COLORS: Record<ReviewStepStatus, string> = {
  waiting: 'default',
  pending: 'blue',
  approved: 'green',
  signed: 'green',
  returned: 'red',
  skipped: 'default',
};

export const GAP_COLORS: Record<GapState, string> = {
  reserved: 'blue',
  void: 'default',
  consumed: 'orange',
  missing: 'red',
};

export const DELIVERIES: Delivery[] = ['internal', 'edxml', 'paper'];

/** A recipient's key in the picker: committee `c3`, agency `a2`, organization `o5`. */
export type RecipientKey = `c${number}` | `a${number}` | `o${number}`;

export function recipientKey(r: {
  committeeId: number | null;
  agencyId: number | null;
  organizationId: number | null;
}): RecipientKey {
  if (r.organizationId !== null) {
    return `o${r.organizationId}`;
  }
  return r.agencyId !== null ? `a${r.agencyId}` : `c${r.committeeId ?? 0}`;
}

export function parseRecipientKey(key: string): {
  committeeId: number | null;
  agencyId: number | null;
  organizationId: number | null;
} {
  const id = Number(key.slice(1));
  if (key.startsWith('o')) {
    return { committeeId: null, agencyId: null, organizationId: id };
  }
  if (key.startsWith('a')) {
    return { committeeId: null, agencyId: id, organizationId: null };
  }
  return { committeeId: id, agencyId: null, organizationId: null };
}

/** A công văn has no type-name heading: "V/v …" under the number and a "Kính gửi:" block (36-HD/VPTW). */
export const isLetter = (type: { abbreviation: string; name: string } | null | undefined): boolean =>
  !!type &&
  (type.abbreviation === 'CV' || type.name.normalize('NFC').toLocaleLowerCase('vi') === 'công văn');

/** Select search that ignores diacritics and case: "tan phu" finds "Đảng ủy xã Tân Phú". */
export const foldedFilter = (input: string, option?: { label?: unknown }): boolean =>
  foldText(String(option?.label ?? '')).includes(foldText(input.trim()));
