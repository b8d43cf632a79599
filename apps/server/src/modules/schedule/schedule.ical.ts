/**
 * iCalendar feeds of the published schedule (issue 6 §2): one per leader (a person of the directory) or
 * per body, behind a secret URL so calendar applications can subscribe without a session. The token is
 * shown once; only its SHA-256 is stored. A revoked or unknown token, or one whose owner is disabled or
 * no longer reads the schedule, answers 404. The feed holds the published events (a cancellation after
 * publishing stays as STATUS:CANCELLED so subscribed calendars drop it); each event's SEQUENCE is its
 * version, so clients take an edit as an update of the same UID.
 *
 * Body feeds: "c1" is the whole committee's week; "c1-a2" the events that agency prepares.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { icalTokenInput } from '@vanphong/contracts';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/auth.models.ts';
import { committeeSubtreeIds } from '../org/org.scope.ts';
import { bodyKeyOf, parseBodyKey } from '../tasks/tasks.models.ts';
import { bodyNames } from '../tasks/tasks.repository.ts';
import { scheduleErrors as E } from './schedule.errors.ts';
import * as repo from './schedule.repository.ts';
import { mustView, scopeOf, type By, type Ctx } from './schedule.usecases.ts';

type Db = Kysely<Database>;

export const sha256 = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** The path of a feed (the route also answers without ".ics"). */
export const feedPath = (token: string): string => `/api/schedule/ical/${token}.ics`;

/** Creates a feed token of a person or body in the actor's scope; answers its id and the token (shown once). */
export async function createIcalToken(ctx: Ctx, by: By, input: z.infer<typeof icalTokenInput>): Promise<{ id: number; token: string }> {
  const { actor } = by;
  mustView(actor);
  const scope = await scopeOf(ctx.db, actor);
  const visible = (committeeId: number | null) => committeeId !== null && (scope === null || scope.includes(committeeId));
  let bodyKey: string | null = null;
  if (input.personId !== null) {
    const p = await ctx.db.selectFrom('people').select(['id', 'committee_id']).where('id', '=', input.personId).executeTakeFirst();
    if (!p || !visible(p.committee_id)) {
      throw E.field('unknown_person', 'personId', 'No such person in your scope');
    }
  } else if (input.body) {
    if (!visible(input.body.committeeId)) {
      throw E.field('unknown_body', 'body', 'No such body in your scope');
    }
    if (input.body.agencyId !== null) {
      const a = await ctx.db.selectFrom('agencies').select('committee_id').where('id', '=', input.body.agencyId).executeTakeFirst();
      if (!a || a.committee_id !== input.body.committeeId) {
        throw E.field('unknown_body', 'body', 'No such agency of this committee');
      }
    }
    bodyKey = bodyKeyOf(input.body.committeeId, input.body.agencyId);
  }
  const token = randomBytes(32).toString('base64url');
  const id = await inTransaction(ctx, async (trx) => {
    const r = await trx
      .insertInto('ical_tokens')
      .values({ user_id: actor.userId, token_sha256: sha256(token), person_id: input.personId, body_key: bodyKey, created_at: ctx.clock.now().toISOString(), revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit }, { action: 'schedule.ical_token_created', entityType: 'ical_token', entityId: r.id, details: { personId: input.personId, body: bodyKey } });
    return r.id;
  });
  return { id, token };
}

export async function listIcalTokens(ctx: Ctx, actor: Actor) {
  mustView(actor);
  const rows = await ctx.db.selectFrom('ical_tokens').select(['id', 'person_id', 'body_key', 'created_at', 'revoked_at']).where('user_id', '=', actor.userId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, personId: r.person_id, bodyKey: r.body_key, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

/** Revokes one of the actor's tokens (another user's token answers 404). Idempotent. */
export async function revokeIcalToken(ctx: Ctx, by: By, id: number): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const t = await trx.selectFrom('ical_tokens').select(['id', 'revoked_at']).where('id', '=', id).where('user_id', '=', by.actor.userId).executeTakeFirst();
    if (!t) {
      throw E.notFound('schedule.ical_token');
    }
    if (t.revoked_at !== null) {
      return;
    }
    await trx.updateTable('ical_tokens').set({ revoked_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
    await recordAudit({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit }, { action: 'schedule.ical_token_revoked', entityType: 'ical_token', entityId: id, details: {} });
  });
}

/** Whether the token's owner may still read the schedule (not disabled; a role with schedule.view or manage). */
async function ownerReads(db: Db, userId: number): Promise<{ scope: number | null } | null> {
  const u = await db.selectFrom('users').select(['disabled', 'scope_committee_id']).where('id', '=', userId).executeTakeFirst();
  if (!u || u.disabled) {
    return null;
  }
  const roles = await db.selectFrom('user_roles').innerJoin('roles', 'roles.id', 'user_roles.role_id').select('roles.permissions').where('user_roles.user_id', '=', userId).execute();
  const perms = new Set(roles.flatMap((r) => JSON.parse(r.permissions) as string[]));
  return perms.has('schedule.view') || perms.has('schedule.manage') ? { scope: u.scope_committee_id } : null;
}

/** The feed of a token as text/calendar, or null (→ 404). */
export async function icalFeed(ctx: Ctx, rawToken: string): Promise<string | null> {
  const token = rawToken.endsWith('.ics') ? rawToken.slice(0, -4) : rawToken;
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
    return null;
  }
  const db = ctx.db;
  const t = await db.selectFrom('ical_tokens').selectAll().where('token_sha256', '=', sha256(token)).executeTakeFirst();
  if (!t || t.revoked_at !== null) {
    return null;
  }
  const owner = await ownerReads(db, t.user_id);
  if (!owner) {
    return null;
  }
  const scope = owner.scope === null ? null : await committeeSubtreeIds(db, owner.scope);
  // The published events of the last 60 days and the next year.
  const now = ctx.clock.now().getTime();
  const from = new Date(now - 60 * 86_400_000).toISOString();
  const to = new Date(now + 366 * 86_400_000).toISOString();
  let q = db
    .selectFrom('schedule_events as e')
    .selectAll('e')
    .where('e.starts_at', '>=', from)
    .where('e.starts_at', '<', to)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('schedule_weeks as w')
          .select('w.id')
          .whereRef('w.committee_id', '=', 'e.committee_id')
          .whereRef('w.iso_week', '=', 'e.iso_week')
          .where('w.status', '=', 'published'),
      ),
    )
    .where((eb) => eb.or([eb('e.cancelled', '=', 0), eb('e.changed_after_publish', '=', 1)]));
  if (scope !== null) {
    q = q.where('e.committee_id', 'in', scope.length ? scope : [0]);
  }
  let name: string;
  if (t.person_id !== null) {
    const personId = t.person_id;
    q = q.where((eb) => eb.exists(eb.selectFrom('schedule_event_leaders as l').select('l.event_id').whereRef('l.event_id', '=', 'e.id').where('l.person_id', '=', personId)));
    const p = await db.selectFrom('people').select('full_name').where('id', '=', personId).executeTakeFirst();
    name = `Lịch công tác — ${p?.full_name ?? ''}`;
  } else {
    const key = t.body_key ?? '';
    const b = parseBodyKey(key);
    if (!b) {
      return null;
    }
    q = b.agencyId === null ? q.where('e.committee_id', '=', b.committeeId) : q.where('e.preparing_key', '=', key);
    name = `Lịch công tác — ${(await bodyNames(db, [key])).get(key) ?? key}`;
  }
  const rows = await q.orderBy('e.starts_at').orderBy('e.id').limit(5000).execute();
  const parts = await repo.loadParts(db, rows.map((r) => r.id));
  const cal = ical({ name, prodId: { company: 'vanphong', product: 'lich-cong-tac', language: 'VI' }, ttl: 15 * 60 });
  for (const r of rows) {
    const leaders = (parts.leaders.get(r.id) ?? []).map((l) => l.name);
    const rooms = (parts.resources.get(r.id) ?? []).map((x) => x.name);
    cal.createEvent({
      id: `schedule-event-${r.id}@vanphong`,
      sequence: r.version,
      stamp: new Date(r.updated_at),
      start: new Date(r.starts_at),
      end: new Date(r.ends_at),
      summary: r.changed_after_publish && !r.cancelled ? `[Điều chỉnh] ${r.content}` : r.content,
      location: [r.place, ...rooms.filter((x) => !r.place.includes(x))].filter((s) => s !== '').join(', ') || null,
      description: [leaders.length ? `Lãnh đạo dự: ${leaders.join(', ')}` : '', r.participants ? `Thành phần: ${r.participants}` : ''].filter((s) => s !== '').join('\n') || null,
      status: r.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
