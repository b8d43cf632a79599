import type { meeting } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/auth.models.ts';
import type { meetingSummary } from './meetings.models.ts';
import { meetingAbilities, type Access, type MeetingRow } from './meetings.usecases.ts';
import { taskIdsOf } from './meetings.conclusions.ts';
import { agendaOf, chairOf, inviteesOf } from './meetings.minutes.ts';
import { readablePapers } from './meetings.papers.ts';

type Db = Kysely<Database>;
type Kind = z.infer<typeof meeting>['kind'];
type Status = z.infer<typeof meeting>['status'];

export const paperUrl = (meetingId: number, paperId: number) =>
  `/api/meetings/${meetingId}/papers/${paperId}`;

/** The meeting page: papers listed are only those the actor may read. */
export async function presentMeeting(db: Db, actor: Actor, a: Access): Promise<z.infer<typeof meeting>> {
  const m = a.meeting;
  const chair = await chairOf(db, m.chair_person_id);
  const papers = await readablePapers(db, actor, a);
  return {
    id: m.id,
    committeeId: m.committee_id,
    kind: m.kind as Kind,
    title: m.title,
    startsAt: m.starts_at,
    endsAt: m.ends_at,
    place: m.place,
    chair: { id: chair.id, name: chair.name },
    status: m.status as Status,
    eventId: m.event_id,
    agenda: (await agendaOf(db, m.id)).map((i) => ({
      id: i.id,
      ordinal: i.ordinal,
      content: i.content,
      programmeItemId: i.programme_item_id,
      presenter: i.presenter,
    })),
    invitees: (await inviteesOf(db, m.id)).map((i) => ({
      userId: i.userId,
      name: i.name,
      attended: i.attended,
      absenceReason: i.absenceReason,
    })),
    papers: papers.map((p) => ({
      id: p.id,
      title: p.title,
      secrecy: p.secrecy as z.infer<typeof meeting>['papers'][number]['secrecy'],
      fileName: p.original_name,
      url: paperUrl(m.id, p.id),
    })),
    minutes: m.minutes,
    conclusions: m.conclusions,
    conclusionOutgoingId: m.conclusion_outgoing_id,
    taskIds: await taskIdsOf(db, m.id),
    version: m.version,
    abilities: meetingAbilities(a),
  };
}

export async function presentSummaries(
  db: Db,
  rows: MeetingRow[],
): Promise<z.infer<typeof meetingSummary>[]> {
  const ids = [...new Set(rows.map((r) => r.chair_person_id))];
  const names = new Map(
    ids.length === 0
      ? []
      : (await db.selectFrom('people').select(['id', 'full_name']).where('id', 'in', ids).execute()).map(
          (p) => [p.id, p.full_name],
        ),
  );
  return rows.map((m) => ({
    id: m.id,
    committeeId: m.committee_id,
    kind: m.kind as Kind,
    title: m.title,
    startsAt: m.starts_at,
    endsAt: m.ends_at,
    place: m.place,
    chair: { id: m.chair_person_id, name: names.get(m.chair_person_id) ?? '' },
    status: m.status as Status,
  }));
}
