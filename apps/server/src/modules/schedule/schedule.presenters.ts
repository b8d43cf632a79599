/** The weekly schedule as the API answers it (contracts scheduleEvent, scheduleWeek; the month view). */
import type { scheduleEvent, scheduleWeek } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/auth.models.ts';
import { bodyNames } from '../tasks/tasks.repository.ts';
import { parseBodyKey } from '../tasks/tasks.models.ts';
import type { scheduleMonth } from './schedule.models.ts';
import type { EventsView, MonthView, WeekView } from './schedule.usecases.ts';

type Db = Kysely<Database>;
export type ScheduleEvent = z.infer<typeof scheduleEvent>;

const iso = (s: string) => new Date(s).toISOString();

export async function presentEvents(db: Db, v: EventsView, opts: { hideNotes?: boolean } = {}): Promise<ScheduleEvent[]> {
  const names = await bodyNames(db, v.rows.map((r) => r.preparing_key).filter((k): k is string => k !== null));
  return v.rows.map((r) => {
    const p = r.preparing_key ? parseBodyKey(r.preparing_key) : null;
    return {
      id: r.id,
      committeeId: r.committee_id,
      week: r.iso_week,
      startsAt: iso(r.starts_at),
      endsAt: iso(r.ends_at),
      content: r.content,
      place: r.place,
      leaders: (v.parts.leaders.get(r.id) ?? []).map((l) => ({ id: l.id, name: l.name, position: l.position })),
      preparingBody: p && r.preparing_key ? { key: r.preparing_key, committeeId: p.committeeId, agencyId: p.agencyId, name: names.get(r.preparing_key) ?? r.preparing_key } : null,
      participants: r.participants,
      notes: opts.hideNotes ? '' : r.notes,
      resources: (v.parts.resources.get(r.id) ?? []).map((x) => ({ id: x.id, kind: x.kind as 'room' | 'car', name: x.name })),
      meetingId: r.meeting_id,
      cancelled: r.cancelled === 1,
      changedAfterPublish: r.changed_after_publish === 1,
      version: r.version,
      conflicts: v.conflicts.get(r.id) ?? [],
    };
  });
}

const manages = (actor: Actor) => actor.permissions.has('schedule.manage');

export async function presentWeek(db: Db, actor: Actor, w: WeekView, opts: { office?: boolean } = {}): Promise<z.infer<typeof scheduleWeek>> {
  const m = manages(actor) && !opts.office;
  return {
    week: w.week,
    committeeId: w.committee.id,
    startsOn: w.startsOn,
    endsOn: w.endsOn,
    status: w.status,
    publishedAt: w.publishedAt ? iso(w.publishedAt) : null,
    revision: w.revision,
    events: await presentEvents(db, w, { hideNotes: opts.office }),
    abilities: opts.office ? {} : { createEvent: m, editEvents: m, publish: m, seeDraft: m, print: w.status === 'published' || w.draft },
  };
}

export async function presentMonth(db: Db, actor: Actor, v: MonthView): Promise<z.infer<typeof scheduleMonth>> {
  return {
    month: v.month,
    committeeId: v.committee.id,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    weeks: v.weeks,
    events: await presentEvents(db, v),
    abilities: { createEvent: manages(actor), seeDraft: manages(actor) },
  };
}
