import type { Dayjs } from '../../../lib/dates';
import { toIsoDate } from '../../../lib/dates';
import type { TaskCadence, TaskInputBody, TaskSecrecy, TaskSourceKind } from '../types';
import { parseBodyKey } from './labels';

export interface TaskFormValues {
  content: string;
  sourceKind: TaskSourceKind;
  sourceDocId?: number | null;
  reference?: string;
  paragraph?: string;
  assigner?: string;
  assignedOn?: Dayjs | null;
  lead?: string;
  co?: string[];
  mode: 'deadline' | 'cadence';
  deadline?: Dayjs | null;
  cadence?: TaskCadence | null;
  expectedProducts?: string;
  secrecy: TaskSecrecy;
}

/** The form's values as `POST /api/tasks` takes them. */
export function formToBody(v: TaskFormValues, parentId: number | null = null): TaskInputBody {
  const lead = parseBodyKey(v.lead);
  if (!lead) {
    throw new Error('lead required');
  }
  const assigner = parseBodyKey(v.assigner);
  return {
    parentId,
    content: v.content.trim(),
    source: {
      kind: v.sourceKind,
      outgoingId: v.sourceKind === 'outgoing' ? (v.sourceDocId ?? null) : null,
      incomingId: v.sourceKind === 'incoming' ? (v.sourceDocId ?? null) : null,
      reference: (v.reference ?? '').trim(),
      paragraph: (v.paragraph ?? '').trim(),
    },
    ...(assigner && parentId === null ? { assigner } : {}),
    ...(v.assignedOn ? { assignedOn: toIsoDate(v.assignedOn) } : {}),
    lead,
    co: (v.co ?? []).map(parseBodyKey).filter((b) => b !== null),
    deadline: v.mode === 'deadline' && v.deadline ? toIsoDate(v.deadline) : null,
    cadence: v.mode === 'cadence' ? (v.cadence ?? null) : null,
    expectedProducts: (v.expectedProducts ?? '').trim(),
    secrecy: v.secrecy,
  };
}

/** Server paths (body.lead.committeeId, body.source.outgoingId …) → form fields. */
export const TASK_FIELD_ALIASES: Record<string, string> = {
  source: 'sourceDocId',
  cadence: 'deadline',
};
