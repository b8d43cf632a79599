import type { MeetingKind, MeetingStatus, Secrecy } from '../../schedule/types';

export const MEETING_KINDS: readonly MeetingKind[] = ['bch', 'btv', 'thuong_truc', 'giao_ban'];
export const SECRECY_LEVELS: readonly Secrecy[] = ['none', 'confidential', 'secret', 'top_secret'];
export const MEETING_STATUS_COLORS: Record<MeetingStatus, string> = { planned: 'blue', held: 'green', closed: 'default' };
