/** Shapes of the meetings API not in the shared contracts (list, query, answers of the conclusion steps). */
import { abilities, dbId, isoInstant } from '@vanphong/contracts';
import { MEETING_KINDS, MEETING_STATUSES } from '@vanphong/contracts';
import { z } from 'zod';

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const meetingListQuery = z
  .object({ committeeId: id.optional(), status: z.enum(MEETING_STATUSES).optional() })
  .strict();

export const meetingSummary = z.object({
  id: dbId,
  committeeId: dbId,
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  startsAt: isoInstant,
  endsAt: isoInstant,
  place: z.string(),
  chair: z.object({ id: dbId, name: z.string() }),
  status: z.enum(MEETING_STATUSES),
});

export const meetingList = z.object({ items: z.array(meetingSummary), abilities });

export const paperParams = z.object({ id, paperId: id }).strict();

export const heldInput = z.object({ version: z.number().int().min(1).optional() }).strict();

export const minutesDraft = z.object({ minutes: z.string() });

export const conclusionOutgoing = z.object({ outgoingId: dbId, meetingId: dbId });

export const conclusionTasks = z.object({ taskIds: z.array(dbId), meetingId: dbId });

/** Kinds of meeting as printed: "Hội nghị Ban Thường vụ Tỉnh ủy …". */
export const KIND_LABELS: Record<(typeof MEETING_KINDS)[number], string> = {
  bch: 'Ban Chấp hành',
  btv: 'Ban Thường vụ',
  thuong_truc: 'Thường trực',
  giao_ban: 'giao ban',
};

/** The body that meets, named with its committee: "Ban Thường vụ Tỉnh ủy Hồng Lam"; giao ban: the committee. */
export function bodyName(kind: string, committeeName: string): string {
  const label = KIND_LABELS[kind as keyof typeof KIND_LABELS];
  return kind === 'giao_ban' || !label ? committeeName : `${label} ${committeeName}`;
}
