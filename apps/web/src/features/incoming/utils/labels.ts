import type { IncomingStatus, Secrecy, Urgency } from '../types';

export const URGENCY_VALUES: Urgency[] = ['normal', 'urgent', 'very_urgent', 'flash', 'flash_timed'];
export const SECRECY_VALUES: Secrecy[] = ['none', 'confidential', 'secret', 'top_secret'];
export const STATUS_VALUES: IncomingStatus[] = [
  'registered',
  'presented',
  'directed',
  'in_progress',
  'done',
  'filed',
  'cancelled',
];
export const CHANNEL_VALUES = ['paper', 'email', 'edxml', 'hand'] as const;

/** Hỏa tốc in red, Thượng khẩn in orange (spec §3: urgent documents go first). */
export const URGENCY_COLORS: Record<Urgency, string | undefined> = {
  normal: undefined,
  urgent: 'gold',
  very_urgent: 'orange',
  flash: 'red',
  flash_timed: 'red',
};

export const SECRECY_COLORS: Record<Secrecy, string | undefined> = {
  none: undefined,
  confidential: 'magenta',
  secret: 'volcano',
  top_secret: 'red',
};

export const STATUS_COLORS: Record<IncomingStatus, string> = {
  registered: 'default',
  presented: 'blue',
  directed: 'geekblue',
  in_progress: 'processing',
  done: 'success',
  filed: 'cyan',
  cancelled: 'default',
};

/** Urgency levels that go to the top of an inbox with a mark. */
export const isUrgent = (u: Urgency) => u !== 'normal';
export const isFlash = (u: Urgency) => u === 'flash' || u === 'flash_timed' || u === 'very_urgent';

/** A secret document on a networked profile is a metadata stub (spec §3). */
export const isSecret = (s: Secrecy) => s !== 'none';
export const isNetworked = (profile: string | undefined) => profile === 'internet' || profile === 'party-wan';

/** Secrecy and clearance share one scale (spec §3). */
export const secrecyRank = (s: Secrecy | undefined | null): number => SECRECY_VALUES.indexOf(s ?? 'none');
