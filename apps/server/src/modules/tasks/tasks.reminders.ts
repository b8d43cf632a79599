/**
 * Urging of tasks (issue 5 §6, đôn đốc): a job reminds the lead body of an open task N working days
 * before its due date (settings `taskReminderDaysBefore`, default 3 and 1), on the due day and on the
 * first working day after it (overdue); after `taskEscalateHeadAfterDays` working days overdue
 * (default 3) it tells the head of the lead unit, after `taskEscalateAssignerAfterDays` (default 7)
 * the assigner body's people.
 *
 * Exactly once: each (task, slot) is a row of `task_reminders` (primary key task_id + slot), inserted
 * with ON CONFLICT DO NOTHING in the same transaction as the notifications and the history row — a
 * second pass, a second worker or a second process inserting the same slot inserts nothing and
 * notifies nobody (on PostgreSQL the second insert waits for the first transaction and then finds the
 * row; on SQLite writers are serialised). Slots carry the due date they were for ("before:3:2026-12-04",
 * "due:…", "overdue:…", "escalate:head:…", "escalate:assigner:…"), so a granted extension — a new due
 * date — gets fresh reminders. Slots are taken in (task id, slot) order, so two concurrent passes on
 * PostgreSQL queue behind each other instead of deadlocking.
 *
 * Rules chosen here:
 * - The job sends on working days only (the "day after" is the next working day); a slot missed while
 *   no worker ran is sent on the next pass. Of the "before" slots only the nearest one applies (a task
 *   assigned two days before its due date gets "before:3" once, not also a late "before:3" later).
 * - Only open tasks (not reported done, not closed) are reminded.
 * - The lead body's people: active users acting for the lead body (its agency's users; for a committee,
 *   its leaders without an agency and its office's users — the rule of tasks.visibility.ts).
 * - The head of the lead unit: those of them whose person holds a leader position (positions.is_leader:
 *   Trưởng ban, Chánh Văn phòng, Bí thư Đảng ủy …). If no such account exists the slot is still taken
 *   (with 0 recipients, seen in the history) — the assigner escalation follows anyway.
 * - The assigner body's people: active users acting for the assigner body.
 * - Every recipient passes the task visibility rule (`canSee`, with their clearance and `tasks.view`).
 * Each slot also writes a history row (task_events: `reminded` or `escalated`) with its recipients.
 */
import type { Clearance } from '@vanphong/contracts';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Trx } from '../../platform/context.ts';
import { registerCron } from '../../platform/jobs/jobs.registry.ts';
import type { Actor } from '../auth/auth.models.ts';
import { loadWorkingCalendar } from '../calendar/calendar.usecases.ts';
import { addCalendarDays, isWorkingDay, toVietnamDate, workingDaysBetween, type WorkingCalendar } from '../calendar/calendar.workdays.ts';
import { notifyUsers, type NotificationInput } from '../notifications/notifications.usecases.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { parseBodyKey } from './tasks.models.ts';
import { bodyNames, insertEvent } from './tasks.repository.ts';
import { canSee, taskViewer, type TaskViewer } from './tasks.visibility.ts';

export const TASK_REMINDERS_CRON = { name: 'tasks.reminders', everyMinutes: 60 } as const;

export interface ReminderSettings {
  daysBefore: number[];
  headAfter: number;
  assignerAfter: number;
}

export type SlotKind = 'before' | 'due' | 'overdue' | 'escalate:head' | 'escalate:assigner';

export interface Slot {
  kind: SlotKind;
  /** For "before": the configured number of working days. */
  days: number | null;
  /** The slot's name in task_reminders. */
  name: string;
}

const slotName = (kind: SlotKind, days: number | null, dueOn: string) => (kind === 'before' ? `before:${days}:${dueOn}` : `${kind}:${dueOn}`);

/**
 * The slots a task is in on `today` (a working day), before looking at what was sent: at most one
 * "before" slot (the nearest configured day at or above the working days left), "due" on the day,
 * and — overdue — "overdue", then the escalations once their number of working days has passed.
 */
export function slotsFor(dueOn: string, today: string, cal: WorkingCalendar, s: ReminderSettings): Slot[] {
  const slot = (kind: SlotKind, days: number | null = null): Slot => ({ kind, days, name: slotName(kind, days, dueOn) });
  if (today < dueOn) {
    const left = workingDaysBetween(today, dueOn, cal);
    const nearest = [...s.daysBefore].sort((a, b) => a - b).find((n) => n >= left);
    return nearest === undefined ? [] : [slot('before', nearest)];
  }
  if (today === dueOn) {
    return [slot('due')];
  }
  const late = workingDaysBetween(dueOn, today, cal);
  const out = [slot('overdue')];
  if (late >= s.headAfter) {
    out.push(slot('escalate:head'));
  }
  if (late >= s.assignerAfter) {
    out.push(slot('escalate:assigner'));
  }
  return out;
}

/** dd/mm/yyyy, as the office writes dates. */
const vnDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

interface OpenTask {
  id: number;
  content: string;
  secrecy: string;
  created_by: number | null;
  assigner_key: string;
  root_assigner_key: string;
  assigner_committee_id: number;
  lead_committee_id: number;
  lead_key: string;
  due_on: string;
}

interface Person {
  id: number;
  actor: Actor;
  leader: boolean;
  viewer: TaskViewer | null;
}

/** Bound lists inside `IN (…)` well below both engines' parameter limits. */
const CHUNK = 500;
const chunks = <T>(xs: T[]): T[][] => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Active users acting for each body key (tasks.visibility.ts: an agency's users; for a committee, its
 * users without an agency and the users of its office), with what `canSee` needs.
 */
async function peopleOf(trx: Trx, keys: string[]): Promise<Map<string, Person[]>> {
  const out = new Map<string, Person[]>();
  const agencyKey = new Map<number, string>();
  const committeeIds = new Set<number>();
  for (const k of keys) {
    const p = parseBodyKey(k);
    if (p && p.agencyId !== null) {
      agencyKey.set(p.agencyId, k);
    } else if (p) {
      committeeIds.add(p.committeeId);
    }
  }
  const offices = committeeIds.size
    ? await trx.selectFrom('agencies').select(['id', 'committee_id']).where('kind', '=', 'office').where('committee_id', 'in', [...committeeIds]).execute()
    : [];
  const officeOf = new Map(offices.map((o) => [o.id, o.committee_id]));
  const wantedAgencies = [...new Set([...agencyKey.keys(), ...officeOf.keys()])];
  const rows = [];
  for (const ids of chunks(wantedAgencies)) {
    rows.push(...(await usersWhere(trx, 'agency', ids)));
  }
  for (const ids of chunks([...committeeIds])) {
    rows.push(...(await usersWhere(trx, 'committee', ids)));
  }
  const byUser = new Map<number, Person>();
  for (const r of rows) {
    const known = byUser.get(r.id);
    const perms = known ? (known.actor.permissions as Set<string>) : new Set<string>();
    for (const p of JSON.parse(r.permissions) as string[]) {
      perms.add(p);
    }
    if (!known) {
      byUser.set(r.id, {
        id: r.id,
        leader: r.is_leader === 1,
        viewer: null,
        actor: {
          userId: r.id,
          username: r.username,
          displayName: r.display_name,
          roles: [],
          permissions: perms,
          clearance: r.clearance as Clearance,
          scopeCommitteeId: r.scope_committee_id,
          scopeAgencyId: r.scope_agency_id,
          sessionId: null,
        },
      });
    }
  }
  const add = (key: string, p: Person) => out.set(key, [...(out.get(key) ?? []), p]);
  for (const p of byUser.values()) {
    const a = p.actor.scopeAgencyId;
    if (a !== null) {
      const key = agencyKey.get(a);
      if (key !== undefined) {
        add(key, p);
      }
      const officeCommittee = officeOf.get(a);
      if (officeCommittee !== undefined) {
        add(`c${officeCommittee}`, p);
      }
    } else if (p.actor.scopeCommitteeId !== null && committeeIds.has(p.actor.scopeCommitteeId)) {
      add(`c${p.actor.scopeCommitteeId}`, p);
    }
  }
  return out;
}

function usersWhere(trx: Trx, by: 'agency' | 'committee', ids: number[]) {
  let q = trx
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .leftJoin('people', 'people.id', 'users.person_id')
    .leftJoin('positions', 'positions.id', 'people.position_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.clearance', 'users.scope_committee_id', 'users.scope_agency_id', 'roles.permissions', 'positions.is_leader'])
    .where('users.disabled', '=', 0);
  q = by === 'agency' ? q.where('users.scope_agency_id', 'in', ids) : q.where('users.scope_agency_id', 'is', null).where('users.scope_committee_id', 'in', ids);
  return q.orderBy('users.id').execute();
}

function message(t: OpenTask, slot: Slot, today: string, cal: WorkingCalendar, leadName: string): { kind: string; title: string; body: string } {
  const due = vnDate(t.due_on);
  // The content of a secret task stays on its page (read under the clearance rules), not in a notice.
  const about = t.secrecy === 'none' ? t.content.slice(0, 300) : 'Nhiệm vụ có độ mật — xem chi tiết trong hệ thống';
  const late = workingDaysBetween(t.due_on, today, cal);
  switch (slot.kind) {
    case 'before': {
      const left = workingDaysBetween(today, t.due_on, cal);
      return { kind: 'tasks.deadline_soon', title: `Nhiệm vụ sắp đến hạn (${due}, còn ${left} ngày làm việc)`, body: about };
    }
    case 'due':
      return { kind: 'tasks.deadline_today', title: `Nhiệm vụ đến hạn hôm nay (${due})`, body: about };
    case 'overdue':
      return { kind: 'tasks.overdue', title: `Nhiệm vụ đã quá hạn (${due})`, body: about };
    case 'escalate:head':
      return { kind: 'tasks.escalated', title: `Nhiệm vụ do ${leadName} chủ trì quá hạn ${late} ngày làm việc (hạn ${due})`, body: about };
    case 'escalate:assigner':
      return { kind: 'tasks.escalated', title: `Nhiệm vụ đã giao cho ${leadName} quá hạn ${late} ngày làm việc (hạn ${due})`, body: about };
  }
}

export async function reminderSettings(trx: Trx): Promise<ReminderSettings> {
  const s = await getSettings(trx, { fresh: true });
  return { daysBefore: s.taskReminderDaysBefore, headAfter: s.taskEscalateHeadAfterDays, assignerAfter: s.taskEscalateAssignerAfterDays };
}

/**
 * One pass, inside the caller's (the job's) transaction. Answers how many slots were taken now and
 * how many notifications were created (0 and 0 when everything due was sent already).
 */
export async function sendTaskReminders(trx: Trx, clock: Clock): Promise<{ slots: number; notifications: number }> {
  const today = toVietnamDate(clock.now());
  const settings = await reminderSettings(trx);
  const cal = await loadWorkingCalendar(trx, { from: addCalendarDays(today, -400), to: addCalendarDays(today, 60) });
  if (!isWorkingDay(today, cal)) {
    return { slots: 0, notifications: 0 };
  }
  // The last day any "before" slot may apply: N working days ahead (at most 30 → 60 calendar days).
  const maxBefore = Math.max(0, ...settings.daysBefore);
  let horizon = today;
  for (let i = 0; i < maxBefore; i++) {
    horizon = addCalendarDays(horizon, 1);
    while (!isWorkingDay(horizon, cal)) {
      horizon = addCalendarDays(horizon, 1);
    }
  }
  const tasks: OpenTask[] = await trx
    .selectFrom('tasks')
    .select(['id', 'content', 'secrecy', 'created_by', 'assigner_key', 'root_assigner_key', 'assigner_committee_id', 'lead_committee_id', 'lead_key', 'due_on'])
    .where('state', '=', 'open')
    .where('completed_on', 'is', null)
    .where('due_on', '<=', horizon)
    // Done with: the last escalation for this due date was sent.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('task_reminders')
            .select('task_reminders.task_id')
            .whereRef('task_reminders.task_id', '=', 'tasks.id')
            .where('task_reminders.slot', '=', sql<string>`'escalate:assigner:' || tasks.due_on`),
        ),
      ),
    )
    .orderBy('id')
    .execute();
  if (tasks.length === 0) {
    return { slots: 0, notifications: 0 };
  }
  const wanted = tasks.map((t) => ({ t, slots: slotsFor(t.due_on, today, cal, settings) })).filter((w) => w.slots.length > 0);
  // What was sent already (one lookup per chunk of tasks), so a quiet pass writes nothing.
  const sent = new Set<string>();
  for (const ids of chunks(wanted.map((w) => w.t.id))) {
    for (const r of await trx.selectFrom('task_reminders').select(['task_id', 'slot']).where('task_id', 'in', ids).execute()) {
      sent.add(`${r.task_id}|${r.slot}`);
    }
  }
  const todo = wanted.map((w) => ({ t: w.t, slots: w.slots.filter((s) => !sent.has(`${w.t.id}|${s.name}`)) })).filter((w) => w.slots.length > 0);
  if (todo.length === 0) {
    return { slots: 0, notifications: 0 };
  }
  const keys = new Set<string>();
  for (const { t } of todo) {
    keys.add(t.lead_key).add(t.assigner_key);
  }
  const people = await peopleOf(trx, [...keys]);
  const names = await bodyNames(trx, keys);
  const bodyKeysOf = new Map<number, string[]>();
  for (const ids of chunks(todo.map((w) => w.t.id))) {
    for (const r of await trx.selectFrom('task_bodies').select(['task_id', 'body_key']).where('task_id', 'in', ids).execute()) {
      bodyKeysOf.set(r.task_id, [...(bodyKeysOf.get(r.task_id) ?? []), r.body_key]);
    }
  }
  const viewerOf = async (p: Person): Promise<TaskViewer | null> => (p.viewer ??= await taskViewer(trx, p.actor));
  const at = clock.now().toISOString();
  let slotsTaken = 0;
  let notifications = 0;
  for (const { t, slots } of todo) {
    for (const slot of slots) {
      const taken = await trx
        .insertInto('task_reminders')
        .values({ task_id: t.id, slot: slot.name, sent_at: at, recipients: 0 })
        .onConflict((oc) => oc.columns(['task_id', 'slot']).doNothing())
        .returning('task_id')
        .executeTakeFirst();
      if (!taken) {
        continue; // Another pass (worker, process) took this slot first.
      }
      slotsTaken += 1;
      const group =
        slot.kind === 'escalate:assigner'
          ? (people.get(t.assigner_key) ?? [])
          : slot.kind === 'escalate:head'
            ? (people.get(t.lead_key) ?? []).filter((p) => p.leader)
            : (people.get(t.lead_key) ?? []);
      const recipients: Person[] = [];
      for (const p of group) {
        const v = await viewerOf(p);
        if (v && canSee(v, t, bodyKeysOf.get(t.id) ?? [])) {
          recipients.push(p);
        }
      }
      const m = message(t, slot, today, cal, names.get(t.lead_key) ?? t.lead_key);
      const items: NotificationInput[] = recipients.map((p) => ({
        userId: p.id,
        kind: m.kind,
        entityType: 'task',
        entityId: String(t.id),
        title: m.title,
        body: m.body,
        url: `/tasks/${t.id}`,
        dedupeKey: `tasks.remind:${t.id}:${slot.name}:${p.id}`,
      }));
      const { ids } = await notifyUsers(trx, clock, items);
      notifications += ids.length;
      await trx.updateTable('task_reminders').set({ recipients: recipients.length }).where('task_id', '=', t.id).where('slot', '=', slot.name).execute();
      await insertEvent(trx, {
        task_id: t.id,
        at,
        actor_id: null,
        action: slot.kind.startsWith('escalate') ? 'escalated' : 'reminded',
        details: { slot: slot.name, kind: slot.kind, dueOn: t.due_on, to: slot.kind === 'escalate:assigner' ? 'assigner' : slot.kind === 'escalate:head' ? 'head' : 'lead', recipients: recipients.map((p) => p.actor.displayName) },
      });
    }
  }
  return { slots: slotsTaken, notifications };
}

/** Registers the hourly cron (the worker enqueues one job per slot; `cron:<name>:<slot>` runs once). */
export function registerTaskReminders(): void {
  registerCron(TASK_REMINDERS_CRON, async ({ trx, ctx }) => {
    await sendTaskReminders(trx, ctx.clock);
  });
}
