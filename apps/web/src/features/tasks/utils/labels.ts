import type { BodyRef, TaskCadence, TaskSourceKind, TaskStatus } from '../types';

// The contract's lists, written out: the web bundle takes only types from @vanphong/contracts (no zod at run time).
export const TASK_STATUSES: readonly TaskStatus[] = [
  'not_due',
  'in_progress',
  'done_on_time',
  'done_late',
  'overdue',
];
export const TASK_SOURCE_KINDS: readonly TaskSourceKind[] = ['outgoing', 'incoming', 'meeting', 'ad_hoc'];
export const TASK_CADENCES: readonly TaskCadence[] = [
  'monthly',
  'quarterly',
  'half_year',
  'nine_months',
  'yearly',
];

/** Status colours: overdue red, done late orange, done on time green, in progress blue, not due grey. */
export const STATUS_COLORS: Record<TaskStatus, string> = {
  not_due: 'default',
  in_progress: 'processing',
  done_on_time: 'success',
  done_late: 'warning',
  overdue: 'error',
};

/** The same colours for charts (antd's palette). */
export const STATUS_CHART_COLORS: Record<TaskStatus, string> = {
  not_due: '#8c8c8c',
  in_progress: '#1677ff',
  done_on_time: '#389e0d',
  done_late: '#d48806',
  overdue: '#cf1322',
};

/** "c1" is committee 1 itself, "c1-a2" its agency 2 (the contract's body key). */
export const bodyKeyOf = (b: BodyRef): string =>
  b.agencyId ? `c${b.committeeId}-a${b.agencyId}` : `c${b.committeeId}`;

export function parseBodyKey(key: string | null | undefined): BodyRef | null {
  const m = /^c(\d{1,10})(?:-a(\d{1,10}))?$/.exec(key ?? '');
  if (!m) {
    return null;
  }
  return { committeeId: Number(m[1]), agencyId: m[2] ? Number(m[2]) : null };
}

export const isBodyKey = (key: string | null | undefined): key is string => parseBodyKey(key) !== null;

/** A rate 0..1 as "87,5 %" (Vietnamese decimal comma) or "—". */
export function formatRate(rate: number | null | undefined, lng = 'vi'): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) {
    return '—';
  }
  const n = Math.round(rate * 1000) / 10;
  return `${n.toLocaleString(lng === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 })} %`;
}
