/**
 * Work programmes (issue 6 §1; spec §8): programmes of BCH, BTV and Thường trực for a term, year, half,
 * quarter or month; their items; items taken from a wider programme into a narrower one; postponement
 * with carry-over; status changes with their reason. Every change is one transaction with its history
 * rows (programme_item_events) and its audit event; every check reads through the transaction; bad input
 * answers 4xx naming the field with nothing written.
 *
 * Who: `schedule.view` reads the programmes of the committees in the actor's scope; `schedule.manage`
 * changes them. Programmes of other committees answer 404, as if they did not exist.
 */
import type { BodyRef, ItemStatus, ProgrammeBody, ProgrammePeriod, moveItemsInput, programmeInput, programmeItemInput, programmeItemPatch, programmeListQuery } from '@vanphong/contracts';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { ProgrammeItemsTable, ProgrammesTable } from '../../platform/db/schema.schedule.ts';
import type { Actor } from '../auth/auth.models.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { committeeSubtreeIds, scopeCommitteeIds } from '../org/org.scope.ts';
import { bodyKeyOf } from '../tasks/tasks.models.ts';
import { programmeErrors as E } from './programmes.errors.ts';
import { contains, dayInside, defaultTitle, mayChangeStatus, monthInside, periodDates, periodIndex, periodLabel, termEnd } from './programmes.models.ts';

export type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;
type Db = Kysely<Database>;
export type ProgrammeRow = Selectable<ProgrammesTable>;
export type ItemRow = Selectable<ProgrammeItemsTable>;

export interface By {
  actor: Actor;
  audit: AuditContext;
}

const audited = (ctx: Ctx, trx: Trx, by: By) => ({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit });

export const todayOf = (ctx: Pick<AppContext, 'clock'>): string => toVietnamDate(ctx.clock.now());

/* ---------------------------------------------------------------- scope */

export interface Scope {
  /** Committees whose programmes the actor reads (null: every committee). */
  committeeIds: number[] | null;
  manage: boolean;
}

/** The actor's reach, or 403 for someone who may not read programmes at all. */
export async function scopeOf(db: Db, actor: Actor): Promise<Scope> {
  const manage = actor.permissions.has('schedule.manage');
  if (!manage && !actor.permissions.has('schedule.view')) {
    throw E.noRead();
  }
  return { committeeIds: await scopeCommitteeIds(db, actor), manage };
}

export const inScope = (s: Scope, committeeId: number): boolean => s.committeeIds === null || s.committeeIds.includes(committeeId);

function mustManage(s: Scope): void {
  if (!s.manage) {
    throw E.forbidden();
  }
}

/** A programme in the actor's scope, or 404 (missing and invisible answer the same). */
export async function loadProgramme(db: Db, s: Scope, id: number): Promise<ProgrammeRow> {
  const p = await db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p || !inScope(s, p.committee_id)) {
    throw E.notFound();
  }
  return p;
}

export const periodOf = (p: ProgrammeRow) => ({ period: p.period as ProgrammePeriod, startsOn: p.starts_on, endsOn: p.ends_on });

/* ---------------------------------------------------------------- programmes */

type ProgrammeInput = z.infer<typeof programmeInput>;

export async function createProgramme(ctx: Ctx, by: By, input: ProgrammeInput): Promise<number> {
  const s = await scopeOf(ctx.db, by.actor);
  mustManage(s);
  try {
    return await inTransaction(ctx, async (trx) => {
      const committee = await trx.selectFrom('committees').select(['id', 'name', 'active']).where('id', '=', input.committeeId).executeTakeFirst();
      if (!committee || !inScope(s, committee.id)) {
        throw E.field('unknown_committee', 'committeeId', 'No such committee in your scope');
      }
      if (!committee.active) {
        throw E.field('inactive_committee', 'committeeId', 'This committee is no longer active');
      }
      const index = periodIndex(input.period, input.index);
      if (typeof index === 'string') {
        throw E.field('bad_index', 'index', index);
      }
      let startsOn: string;
      let endsOn: string;
      let termId: number | null = null;
      let label: string;
      if (input.period === 'term') {
        if (input.termId === null) {
          throw E.field('term_required', 'termId', 'A term programme names its term');
        }
        const term = await trx.selectFrom('terms').selectAll().where('id', '=', input.termId).where('committee_id', '=', committee.id).executeTakeFirst();
        if (!term) {
          throw E.field('unknown_term', 'termId', 'No such term of this committee');
        }
        if (Number(term.starts_on.slice(0, 4)) !== input.year) {
          throw E.field('term_year', 'year', `The term begins in ${term.starts_on.slice(0, 4)}`);
        }
        startsOn = term.starts_on;
        endsOn = termEnd(term.starts_on, term.ends_on);
        termId = term.id;
        label = periodLabel('term', input.year, 0, term.label);
      } else {
        ({ startsOn, endsOn } = periodDates(input.period, input.year, index));
        label = periodLabel(input.period, input.year, index);
        if (input.termId !== null) {
          const term = await trx.selectFrom('terms').select('id').where('id', '=', input.termId).where('committee_id', '=', committee.id).executeTakeFirst();
          if (!term) {
            throw E.field('unknown_term', 'termId', 'No such term of this committee');
          }
          termId = term.id;
        } else {
          const term = await trx
            .selectFrom('terms')
            .select('id')
            .where('committee_id', '=', committee.id)
            .where('starts_on', '<=', startsOn)
            .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', startsOn)]))
            .orderBy('starts_on', 'desc')
            .executeTakeFirst();
          termId = term?.id ?? null;
        }
      }
      const existing = await trx
        .selectFrom('programmes')
        .select('id')
        .where('committee_id', '=', committee.id)
        .where('body', '=', input.body)
        .where('period', '=', input.period)
        .where('year', '=', input.year)
        .where('period_index', '=', index)
        .executeTakeFirst();
      if (existing) {
        throw E.duplicate();
      }
      const title = input.title || defaultTitle(input.body, label, committee.name);
      const row = await trx
        .insertInto('programmes')
        .values({
          committee_id: committee.id,
          body: input.body,
          period: input.period,
          year: input.year,
          period_index: index,
          term_id: termId,
          title: title.normalize('NFC'),
          starts_on: startsOn,
          ends_on: endsOn,
          created_by: by.actor.userId,
          created_at: ctx.clock.now().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(audited(ctx, trx, by), {
        action: 'programmes.created',
        entityType: 'programme',
        entityId: row.id,
        details: { committeeId: committee.id, body: input.body, period: input.period, year: input.year, index, startsOn, endsOn },
      });
      return row.id;
    });
  } catch (err) {
    // Two saves of the same programme at once: the unique key refuses the second.
    if (ctx.dialect.isUniqueViolation(err)) {
      throw E.duplicate();
    }
    throw err;
  }
}

export async function listProgrammes(db: Db, actor: Actor, q: z.infer<typeof programmeListQuery>): Promise<ProgrammeRow[]> {
  const s = await scopeOf(db, actor);
  if (q.committeeId !== undefined && !inScope(s, q.committeeId)) {
    return [];
  }
  let query = db.selectFrom('programmes').selectAll();
  if (s.committeeIds !== null) {
    query = query.where('committee_id', 'in', s.committeeIds);
  }
  if (q.committeeId !== undefined) {
    query = query.where('committee_id', '=', q.committeeId);
  }
  if (q.body !== undefined) {
    query = query.where('body', '=', q.body);
  }
  if (q.period !== undefined) {
    query = query.where('period', '=', q.period);
  }
  if (q.year !== undefined) {
    query = query.where('year', '=', q.year);
  }
  return query.orderBy('year', 'desc').orderBy('committee_id').orderBy('starts_on').orderBy('id').limit(2000).execute();
}

/** The committee of the board: the one asked for (in scope, else 404), or the actor's own. */
export async function boardCommittee(db: Db, actor: Actor, committeeId: number | undefined): Promise<{ scope: Scope; committeeId: number }> {
  const s = await scopeOf(db, actor);
  const id = committeeId ?? actor.scopeCommitteeId;
  if (id === null || id === undefined) {
    throw E.field('committee_required', 'committeeId', 'Choose the committee');
  }
  if (!inScope(s, id) || !(await db.selectFrom('committees').select('id').where('id', '=', id).executeTakeFirst())) {
    throw E.notFound();
  }
  return { scope: s, committeeId: id };
}

/* ---------------------------------------------------------------- items: checks */

interface Planned {
  month: string | null;
  on: string | null;
}

const shown = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const periodText = (p: ProgrammeRow) => `${shown(p.starts_on)}–${shown(p.ends_on)}`;

/**
 * The planned month or day of an item of `p`, inside its period (400 naming the field otherwise). A day
 * sets the month; an item of a monthly programme without either is planned for that month.
 */
function checkPlanned(p: ProgrammeRow, month: string | null, on: string | null, prefix = ''): Planned {
  if (on !== null) {
    if (month !== null && month !== on.slice(0, 7)) {
      throw E.field('planned_mismatch', `${prefix}plannedOn`, 'The day is not in the planned month');
    }
    if (!dayInside(on, periodOf(p))) {
      throw E.field('item_outside_period', `${prefix}plannedOn`, `The day is outside the programme's period (${periodText(p)})`);
    }
    return { month: on.slice(0, 7), on };
  }
  if (month !== null) {
    if (!monthInside(month, periodOf(p))) {
      throw E.field('item_outside_period', `${prefix}plannedMonth`, `The month is outside the programme's period (${periodText(p)})`);
    }
    return { month, on: null };
  }
  if (p.period === 'month') {
    return { month: p.starts_on.slice(0, 7), on: null };
  }
  throw E.field('planned_required', `${prefix}plannedMonth`, 'Give the planned month or day');
}

interface Lead {
  key: string;
  committeeId: number;
  agencyId: number | null;
}

/**
 * The lead body of an item: the committee itself, one of its agencies, or a committee under it; active.
 */
async function resolveLead(trx: Trx, p: ProgrammeRow, ref: BodyRef, path = 'lead'): Promise<Lead> {
  const committee = await trx.selectFrom('committees').select(['id', 'active']).where('id', '=', ref.committeeId).executeTakeFirst();
  if (!committee) {
    throw E.field('unknown_body', path, 'No such committee');
  }
  if (ref.agencyId !== null) {
    const agency = await trx.selectFrom('agencies').select(['committee_id', 'active']).where('id', '=', ref.agencyId).executeTakeFirst();
    if (!agency || agency.committee_id !== ref.committeeId) {
      throw E.field('unknown_body', path, 'No such agency of this committee');
    }
    if (!agency.active) {
      throw E.field('inactive_body', path, 'This agency is no longer active');
    }
    if (ref.committeeId !== p.committee_id) {
      throw E.field('body_outside', path, 'The lead body is the committee, one of its agencies or a committee under it');
    }
  } else {
    if (!committee.active) {
      throw E.field('inactive_body', path, 'This committee is no longer active');
    }
    if (ref.committeeId !== p.committee_id && !(await committeeSubtreeIds(trx, p.committee_id)).includes(ref.committeeId)) {
      throw E.field('body_outside', path, 'The lead body is the committee, one of its agencies or a committee under it');
    }
  }
  return { key: bodyKeyOf(ref.committeeId, ref.agencyId), committeeId: ref.committeeId, agencyId: ref.agencyId };
}

async function nextSort(trx: Trx, programmeId: number): Promise<number> {
  const r = await trx.selectFrom('programme_items').select((eb) => eb.fn.max('sort').as('m')).where('programme_id', '=', programmeId).executeTakeFirst();
  return r?.m == null ? 10 : Number(r.m) + 10;
}

async function insertItem(trx: Trx, row: Insertable<ProgrammeItemsTable>): Promise<number> {
  const r = await trx.insertInto('programme_items').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

async function insertEvent(ctx: Ctx, trx: Trx, by: By, itemId: number, action: string, details: Record<string, unknown>): Promise<void> {
  await trx
    .insertInto('programme_item_events')
    .values({ item_id: itemId, at: ctx.clock.now().toISOString(), actor_id: by.actor.userId, action, details: JSON.stringify(details) })
    .execute();
}

/** Locks an item's row until the transaction ends (PostgreSQL; SQLite has one writer) and reads it. */
async function lockItem(ctx: Ctx, trx: Trx, id: number): Promise<ItemRow | undefined> {
  return ctx.dialect.forUpdate(trx.selectFrom('programme_items').selectAll().where('id', '=', id)).executeTakeFirst();
}

/* ---------------------------------------------------------------- items: add */

export async function addItem(ctx: Ctx, by: By, programmeId: number, input: z.infer<typeof programmeItemInput>): Promise<number> {
  const s = await scopeOf(ctx.db, by.actor);
  await loadProgramme(ctx.db, s, programmeId);
  mustManage(s);
  return inTransaction(ctx, async (trx) => {
    const p = await loadProgramme(trx, s, programmeId);
    const planned = checkPlanned(p, input.plannedMonth, input.plannedOn);
    const lead = input.lead === null ? null : await resolveLead(trx, p, input.lead);
    const id = await insertItem(trx, {
      programme_id: p.id,
      content: input.content.normalize('NFC'),
      planned_month: planned.month,
      planned_on: planned.on,
      lead_key: lead?.key ?? null,
      lead_committee_id: lead?.committeeId ?? null,
      lead_agency_id: lead?.agencyId ?? null,
      presenter: input.presenter.normalize('NFC'),
      expected_document: input.expectedDocument.normalize('NFC'),
      status: 'planned',
      status_reason: '',
      from_item_id: null,
      carried_from_item_id: null,
      meeting_id: null,
      sort: input.sort ?? (await nextSort(trx, p.id)),
      version: 1,
      updated_at: ctx.clock.now().toISOString(),
    });
    await insertEvent(ctx, trx, by, id, 'created', { plannedMonth: planned.month, plannedOn: planned.on, lead: lead?.key ?? null });
    await recordAudit(audited(ctx, trx, by), {
      action: 'programmes.item_added',
      entityType: 'programme_item',
      entityId: id,
      details: { programmeId: p.id, plannedMonth: planned.month, plannedOn: planned.on, lead: lead?.key ?? null },
    });
    return id;
  });
}

/* ---------------------------------------------------------------- items: change */

type Patch = z.infer<typeof programmeItemPatch>;

const OPEN = new Set(['planned', 'prepared']);

/**
 * A presented or prepared copy moves the item it was taken from (and that one's origin) along: the
 * yearly programme's progress follows what its months did.
 */
async function propagateStatus(ctx: Ctx, trx: Trx, by: By, item: ItemRow, p: ProgrammeRow, status: ItemStatus): Promise<void> {
  let fromId = item.from_item_id;
  for (let guard = 0; fromId !== null && guard < 5; guard++) {
    const src = await lockItem(ctx, trx, fromId);
    if (!src || !OPEN.has(src.status) || src.status === status) {
      return;
    }
    await trx
      .updateTable('programme_items')
      .set({ status, status_reason: '', version: src.version + 1, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', src.id)
      .execute();
    await insertEvent(ctx, trx, by, src.id, 'status_from_copy', { from: src.status, to: status, itemId: item.id, programmeId: p.id, programmeTitle: p.title });
    fromId = src.from_item_id;
  }
}

/**
 * A postponed copy moves the planned month of the item it was taken from, when that programme still
 * covers the new month (a yearly item postponed from November to December stays in the year).
 * Answers whether it did.
 */
async function replanSource(ctx: Ctx, trx: Trx, by: By, item: ItemRow, to: string, reason: string): Promise<boolean> {
  if (item.from_item_id === null) {
    return false;
  }
  const src = await lockItem(ctx, trx, item.from_item_id);
  if (!src) {
    return false;
  }
  const sp = await trx.selectFrom('programmes').selectAll().where('id', '=', src.programme_id).executeTakeFirstOrThrow();
  if (!monthInside(to, periodOf(sp))) {
    return false;
  }
  if (OPEN.has(src.status) && src.planned_month !== to) {
    await trx
      .updateTable('programme_items')
      .set({ planned_month: to, planned_on: null, version: src.version + 1, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', src.id)
      .execute();
    await insertEvent(ctx, trx, by, src.id, 'replanned', { from: src.planned_on ?? src.planned_month, to, reason, itemId: item.id });
  }
  return true;
}

export async function patchItem(ctx: Ctx, by: By, programmeId: number, itemId: number, patch: Patch): Promise<void> {
  const s = await scopeOf(ctx.db, by.actor);
  await loadProgramme(ctx.db, s, programmeId);
  mustManage(s);
  await inTransaction(ctx, async (trx) => {
    const p = await loadProgramme(trx, s, programmeId);
    const item = await lockItem(ctx, trx, itemId);
    if (!item || item.programme_id !== p.id) {
      throw E.itemNotFound();
    }
    if (item.version !== patch.version) {
      throw E.versionConflict();
    }
    const now = ctx.clock.now().toISOString();
    const set: Partial<Insertable<ProgrammeItemsTable>> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const change = <K extends keyof ItemRow>(col: K, name: string, to: ItemRow[K]) => {
      if (item[col] !== to) {
        (set as Record<string, unknown>)[col] = to;
        changes[name] = { from: item[col], to };
      }
    };

    if (patch.content !== undefined) {
      change('content', 'content', patch.content.normalize('NFC'));
    }
    if (patch.presenter !== undefined) {
      change('presenter', 'presenter', patch.presenter.normalize('NFC'));
    }
    if (patch.expectedDocument !== undefined) {
      change('expected_document', 'expectedDocument', patch.expectedDocument.normalize('NFC'));
    }
    if (patch.lead !== undefined) {
      const lead = patch.lead === null ? null : await resolveLead(trx, p, patch.lead);
      change('lead_key', 'lead', lead?.key ?? null);
      set.lead_committee_id = lead?.committeeId ?? null;
      set.lead_agency_id = lead?.agencyId ?? null;
    }
    let planned: Planned = { month: item.planned_month, on: item.planned_on };
    if (patch.plannedMonth !== undefined || patch.plannedOn !== undefined) {
      const on =
        patch.plannedOn !== undefined
          ? patch.plannedOn
          : patch.plannedMonth !== undefined && item.planned_on !== null && item.planned_on.slice(0, 7) !== patch.plannedMonth
            ? null
            : item.planned_on;
      const month = patch.plannedMonth !== undefined ? patch.plannedMonth : patch.plannedOn ? null : item.planned_month;
      planned = checkPlanned(p, month, on);
      change('planned_month', 'plannedMonth', planned.month);
      change('planned_on', 'plannedOn', planned.on);
    }

    const from = item.status as ItemStatus;
    const to = patch.status !== undefined && patch.status !== from ? patch.status : null;
    const reason = (patch.reason ?? '').normalize('NFC');
    if (to === null) {
      if (patch.reason !== undefined && patch.reason !== '') {
        throw E.field('reason_without_status', 'reason', 'A reason goes with a change of status');
      }
      if (patch.postponedTo !== undefined && patch.postponedTo !== null) {
        throw E.field('postponed_to_without_postponing', 'postponedTo', 'A month to postpone to goes with status "postponed"');
      }
    }
    const statusDetails: Record<string, unknown> = { from, to, reason };
    if (to !== null) {
      if (!mayChangeStatus(from, to)) {
        throw E.invalidStatus(from, to);
      }
      if ((to === 'postponed' || to === 'dropped') && reason === '') {
        throw E.field('reason_required', 'reason', to === 'postponed' ? 'Give the reason for postponing' : 'Give the reason for dropping the item');
      }
      const postponedTo = patch.postponedTo ?? null;
      if (postponedTo !== null && to !== 'postponed') {
        throw E.field('postponed_to_without_postponing', 'postponedTo', 'A month to postpone to goes with status "postponed"');
      }
      set.status = to;
      set.status_reason = reason;
      if (postponedTo !== null) {
        const current = planned.month ?? p.starts_on.slice(0, 7);
        if (postponedTo <= current) {
          throw E.field('postponed_to_not_later', 'postponedTo', `Postpone to a month after ${current.slice(5, 7)}/${current.slice(0, 4)}`);
        }
        statusDetails.postponedTo = postponedTo;
        const [y, m] = postponedTo.split('-').map(Number) as [number, number];
        const target = await trx
          .selectFrom('programmes')
          .selectAll()
          .where('committee_id', '=', p.committee_id)
          .where('body', '=', p.body)
          .where('period', '=', 'month')
          .where('year', '=', y)
          .where('period_index', '=', m)
          .where('id', '!=', p.id)
          .executeTakeFirst();
        const movedSource = await replanSource(ctx, trx, by, item, postponedTo, reason);
        if (target) {
          // Carried over: a new item in that month's programme, linked to this one (and to the same origin).
          const carried = await insertItem(trx, {
            programme_id: target.id,
            content: patch.content?.normalize('NFC') ?? item.content,
            planned_month: postponedTo,
            planned_on: null,
            lead_key: set.lead_key !== undefined ? (set.lead_key ?? null) : item.lead_key,
            lead_committee_id: set.lead_committee_id !== undefined ? (set.lead_committee_id ?? null) : item.lead_committee_id,
            lead_agency_id: set.lead_agency_id !== undefined ? (set.lead_agency_id ?? null) : item.lead_agency_id,
            presenter: patch.presenter?.normalize('NFC') ?? item.presenter,
            expected_document: patch.expectedDocument?.normalize('NFC') ?? item.expected_document,
            status: 'planned',
            status_reason: '',
            from_item_id: item.from_item_id,
            carried_from_item_id: item.id,
            meeting_id: null,
            sort: await nextSort(trx, target.id),
            version: 1,
            updated_at: now,
          });
          await insertEvent(ctx, trx, by, carried, 'carried_in', { fromItemId: item.id, fromProgrammeId: p.id, fromTitle: p.title, reason });
          statusDetails.carriedToItemId = carried;
          statusDetails.carriedToProgrammeId = target.id;
          statusDetails.carriedToTitle = target.title;
        } else if (monthInside(postponedTo, periodOf(p))) {
          // No programme for that month: the item stays here, planned for the new month.
          change('planned_month', 'plannedMonth', postponedTo);
          change('planned_on', 'plannedOn', null);
        } else if (!movedSource) {
          throw E.field('no_programme_for_month', 'postponedTo', `There is no programme for ${m}/${y} of this body, and the month is outside this programme; create that month's programme first`);
        }
      } else if (to === 'presented' || to === 'prepared') {
        await propagateStatus(ctx, trx, by, item, p, to);
      }
    }

    if (Object.keys(set).length === 0) {
      return;
    }
    await trx
      .updateTable('programme_items')
      .set({ ...set, version: item.version + 1, updated_at: now })
      .where('id', '=', item.id)
      .execute();
    const fieldChanges = Object.fromEntries(Object.entries(changes).filter(([k]) => k !== 'status'));
    if (Object.keys(fieldChanges).length > 0) {
      await insertEvent(ctx, trx, by, item.id, 'updated', { changes: fieldChanges });
    }
    if (to !== null) {
      await insertEvent(ctx, trx, by, item.id, 'status', statusDetails);
    }
    await recordAudit(audited(ctx, trx, by), {
      action: to === 'postponed' ? 'programmes.item_postponed' : to !== null ? 'programmes.item_status' : 'programmes.item_updated',
      entityType: 'programme_item',
      entityId: item.id,
      details: { programmeId: p.id, changes: fieldChanges, ...(to !== null ? { status: statusDetails } : {}) },
    });
  });
}

/* ---------------------------------------------------------------- items: move */

/**
 * Items of a wider programme (same committee and body, its period containing this one's) taken into
 * this one: a copy here with `from_item_id`; the original keeps its status and its history says where
 * it went. An original planned outside a monthly programme's month is planned for that month (both).
 */
export async function moveItems(ctx: Ctx, by: By, programmeId: number, input: z.infer<typeof moveItemsInput>): Promise<number[]> {
  const s = await scopeOf(ctx.db, by.actor);
  await loadProgramme(ctx.db, s, programmeId);
  mustManage(s);
  return inTransaction(ctx, async (trx) => {
    const target = await loadProgramme(trx, s, programmeId);
    const seen = new Set<number>();
    const moved: { from: number; to: number }[] = [];
    const now = ctx.clock.now().toISOString();
    let sort = await nextSort(trx, target.id);
    for (const [i, id] of input.itemIds.entries()) {
      const path = `itemIds.${i}`;
      if (seen.has(id)) {
        throw E.field('duplicate_item', path, 'The same item is named twice');
      }
      seen.add(id);
      const src = await lockItem(ctx, trx, id);
      const sp = src ? await trx.selectFrom('programmes').selectAll().where('id', '=', src.programme_id).executeTakeFirst() : undefined;
      if (!src || !sp || !inScope(s, sp.committee_id)) {
        throw E.field('unknown_item', path, 'No such programme item');
      }
      if (sp.committee_id !== target.committee_id || sp.body !== target.body) {
        throw E.field('other_body', path, 'The item belongs to a programme of another committee or body');
      }
      if (!contains(periodOf(sp), periodOf(target))) {
        throw E.field('not_containing', path, `The item's programme (${sp.title}) is not a wider programme containing this one`);
      }
      if (!OPEN.has(src.status)) {
        throw E.field('item_closed', path, `Only planned or prepared items move (this one is ${src.status})`);
      }
      const already = await trx.selectFrom('programme_items').select('id').where('programme_id', '=', target.id).where('from_item_id', '=', src.id).executeTakeFirst();
      if (already) {
        throw E.field('already_moved', path, 'The item is already in this programme');
      }
      let planned: Planned;
      let replanned = false;
      if (src.planned_on !== null && dayInside(src.planned_on, periodOf(target))) {
        planned = { month: src.planned_on.slice(0, 7), on: src.planned_on };
      } else if (src.planned_on === null && src.planned_month !== null && monthInside(src.planned_month, periodOf(target))) {
        planned = { month: src.planned_month, on: null };
      } else if (target.period === 'month') {
        planned = { month: target.starts_on.slice(0, 7), on: null };
        replanned = true;
      } else {
        throw E.field('planned_outside', path, `The item is planned outside this programme's period (${periodText(target)})`);
      }
      const copy = await insertItem(trx, {
        programme_id: target.id,
        content: src.content,
        planned_month: planned.month,
        planned_on: planned.on,
        lead_key: src.lead_key,
        lead_committee_id: src.lead_committee_id,
        lead_agency_id: src.lead_agency_id,
        presenter: src.presenter,
        expected_document: src.expected_document,
        status: src.status,
        status_reason: '',
        from_item_id: src.id,
        carried_from_item_id: null,
        meeting_id: null,
        sort,
        version: 1,
        updated_at: now,
      });
      sort += 10;
      if (replanned) {
        await trx
          .updateTable('programme_items')
          .set({ planned_month: planned.month, planned_on: null, version: src.version + 1, updated_at: now })
          .where('id', '=', src.id)
          .execute();
      }
      await insertEvent(ctx, trx, by, src.id, 'moved', {
        toItemId: copy,
        toProgrammeId: target.id,
        toTitle: target.title,
        ...(replanned ? { replanned: { from: src.planned_on ?? src.planned_month, to: planned.month } } : {}),
      });
      await insertEvent(ctx, trx, by, copy, 'moved_in', { fromItemId: src.id, fromProgrammeId: sp.id, fromTitle: sp.title });
      moved.push({ from: src.id, to: copy });
    }
    await recordAudit(audited(ctx, trx, by), { action: 'programmes.items_moved', entityType: 'programme', entityId: target.id, details: { items: moved } });
    return moved.map((m) => m.to);
  });
}

/** What the actor may do with a programme (buttons of the programme page). */
export function programmeAbilities(s: Scope, p: ProgrammeRow): Record<string, boolean> {
  return { addItem: s.manage, editItems: s.manage, moveItems: s.manage && p.period !== 'term' };
}

export type { ProgrammeBody };
