/**
 * Tasks (issue 5): creating (one, or a batch all or nothing), editing with a version check, reading one
 * task and the list. Every change is one transaction with its history row (task_events) and its audit
 * event; every check reads through the transaction; bad input answers 4xx naming the field.
 */
import type { BodyRef, Clearance, TaskCadence, TaskInput, TaskListQuery, taskUpdateInput } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { indexRecords } from '../search/search.index.ts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { clearanceRank, hasClearance, type Actor } from '../auth/auth.models.ts';
import { loadWorkingCalendar } from '../calendar/calendar.usecases.ts';
import { addCalendarDays, toVietnamDate, type WorkingCalendar } from '../calendar/calendar.workdays.ts';
import { incomingViewer, visibleTo as incomingVisibleTo } from '../incoming/incoming.visibility.ts';
import { committeeSubtreeIds } from '../org/org.scope.ts';
import { outgoingViewer, visibleTo as outgoingVisibleTo } from '../outgoing/outgoing.visibility.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { inItem, taskErrors as E } from './tasks.errors.ts';
import { bodyKeyOf, dueOnFor, parseBodyKey } from './tasks.models.ts';
import { canCreate, canCreateSubtask, canEdit, MAX_TASK_DEPTH, mayAttachFiles, taskAbilities, type TaskFacts } from './tasks.policies.ts';
import * as repo from './tasks.repository.ts';
import { canSee, taskViewer, type TaskViewer } from './tasks.visibility.ts';

export type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;
type Db = Kysely<Database>;

/** Who acts, and the audit context of the request. */
export interface By {
  actor: Actor;
  audit: AuditContext;
}

export const audited = (ctx: Ctx, trx: Trx, by: By) => ({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit });

export const todayOf = (ctx: Pick<AppContext, 'clock'>): string => toVietnamDate(ctx.clock.now());

/** The viewer, or 403 for someone without `tasks.view`. */
export async function viewerOrDeny(db: Db, actor: Actor): Promise<TaskViewer> {
  const v = await taskViewer(db, actor);
  if (!v) {
    throw E.forbidden('You may not read tasks');
  }
  return v;
}

/** The working calendar from `from` to a little after `to` (a deadline on a day off moves forward). */
export function calendarFor(db: Db, from: string, to: string): Promise<WorkingCalendar> {
  return loadWorkingCalendar(db, { from, to: addCalendarDays(to, 90) });
}

export interface LoadedTask {
  task: repo.TaskRow;
  bodies: repo.BodyRow[];
}

/** A task the viewer may see, or 404 (invisible and missing answer the same). */
export async function loadVisible(db: Db, viewer: TaskViewer, id: number): Promise<LoadedTask> {
  const task = await repo.loadTask(db, id);
  if (!task) {
    throw E.notFound();
  }
  const bodies = (await repo.loadBodies(db, [id])).get(id) ?? [];
  if (!canSee(viewer, task, bodies.map((b) => b.key))) {
    throw E.notFound();
  }
  return { task, bodies };
}

/**
 * Locks the task's row until the transaction ends (PostgreSQL; SQLite has one writer anyway), so that two
 * changes of one task — or a sub-task checked against its parent being edited — run one after the other.
 */
export async function lockTask(ctx: Ctx, trx: Trx, id: number): Promise<void> {
  await ctx.dialect.forUpdate(trx.selectFrom('tasks').select('id').where('id', '=', id)).execute();
}

/** 403 unless the actor holds `tasks.manage` (the inspection role reads only). */
export function mustManage(actor: Actor): void {
  if (!actor.permissions.has('tasks.manage')) {
    throw E.forbidden('Inspection is read-only: you may not change tasks');
  }
}

export async function factsOf(db: Db, t: repo.TaskRow): Promise<TaskFacts> {
  const settings = await getSettings(db);
  return {
    assignerKey: t.assigner_key,
    leadKey: t.lead_key,
    state: t.state,
    depth: t.depth,
    hasDeadline: t.deadline !== null,
    pendingExtension: await repo.hasPendingExtension(db, t.id),
    secrecy: t.secrecy,
    deploymentProfile: settings.deploymentProfile,
  };
}

export async function abilitiesFor(db: Db, actor: Actor, viewer: TaskViewer, t: repo.TaskRow): Promise<Record<string, boolean>> {
  return taskAbilities({ permissions: actor.permissions, units: viewer.units }, await factsOf(db, t));
}

/* ---------------------------------------------------------------- bodies */

interface Body {
  key: string;
  committeeId: number;
  agencyId: number | null;
}

/** A body that exists and is active, or 400 on `path`. */
async function resolveBody(db: Db, ref: BodyRef, path: string): Promise<Body> {
  const committee = await db.selectFrom('committees').select(['id', 'active']).where('id', '=', ref.committeeId).executeTakeFirst();
  if (!committee) {
    throw E.field('unknown_body', path, 'No such committee');
  }
  if (ref.agencyId !== null) {
    const agency = await db.selectFrom('agencies').select(['committee_id', 'active']).where('id', '=', ref.agencyId).executeTakeFirst();
    if (!agency || agency.committee_id !== ref.committeeId) {
      throw E.field('unknown_body', path, 'No such agency of this committee');
    }
    if (!agency.active) {
      throw E.field('inactive_body', path, 'This agency is no longer active');
    }
  } else if (!committee.active) {
    throw E.field('inactive_body', path, 'This committee is no longer active');
  }
  return { key: bodyKeyOf(ref.committeeId, ref.agencyId), committeeId: ref.committeeId, agencyId: ref.agencyId };
}

/**
 * Who a body may assign to. A committee's assignment (top-level task, assigner "c1" or "c1-a2") goes to
 * the agencies of committee 1 and to the committees under it. A sub-task goes to its assigner itself
 * (the parent's lead) or, when that lead is a committee, to its agencies and subordinate committees.
 */
async function assignableCheck(db: Db, assignerKey: string, subtask: boolean): Promise<(b: Body) => boolean> {
  const a = parseBodyKey(assignerKey)!;
  if (subtask && a.agencyId !== null) {
    return (b) => b.key === assignerKey;
  }
  const subtree = new Set(await committeeSubtreeIds(db, a.committeeId));
  return (b) =>
    (subtask && b.key === assignerKey) ||
    (b.agencyId !== null && b.committeeId === a.committeeId) ||
    (b.agencyId === null && b.committeeId !== a.committeeId && subtree.has(b.committeeId));
}

async function checkBodies(db: Db, assignerKey: string, subtask: boolean, lead: BodyRef, co: BodyRef[]): Promise<{ lead: Body; co: Body[] }> {
  const allowed = await assignableCheck(db, assignerKey, subtask);
  const outside = subtask
    ? 'A sub-task goes to the parent’s lead body itself or to its own agencies and subordinate committees'
    : 'Tasks go to agencies of the assigning committee or to its subordinate committees';
  const l = await resolveBody(db, lead, 'lead');
  if (!allowed(l)) {
    throw E.field('body_outside_tree', 'lead', outside);
  }
  if (!subtask && l.key === assignerKey) {
    // A body does not assign a task to itself: its own work is not the committee's follow-up.
    throw E.field('lead_is_assigner', 'lead', 'A body cannot assign a task to itself as the lead body');
  }
  const seen = new Set<string>();
  const cos: Body[] = [];
  for (const [i, ref] of co.entries()) {
    const b = await resolveBody(db, ref, `co.${i}`);
    if (b.key === l.key) {
      throw E.field('lead_also_co', `co.${i}`, 'The lead body cannot also be a co-body');
    }
    if (seen.has(b.key)) {
      throw E.field('duplicate_co', `co.${i}`, 'The same co-body is named twice');
    }
    if (!allowed(b)) {
      throw E.field('body_outside_tree', `co.${i}`, outside);
    }
    seen.add(b.key);
    cos.push(b);
  }
  return { lead: l, co: cos };
}

const bodyRows = (lead: Body, co: Body[]): repo.BodyRow[] => [
  { key: lead.key, committeeId: lead.committeeId, agencyId: lead.agencyId, role: 'lead' },
  ...co.map((b) => ({ key: b.key, committeeId: b.committeeId, agencyId: b.agencyId, role: 'co' as const })),
];

/* ---------------------------------------------------------------- shared checks */

interface Terms {
  deadline: string | null;
  cadence: TaskCadence | null;
  secrecy: string;
  assignedOn: string;
}

function checkTerms(actor: Actor, t: Terms, parent: repo.TaskRow | null): void {
  if (t.secrecy === 'top_secret') {
    throw E.topSecret();
  }
  if (!hasClearance(actor, t.secrecy as Actor['clearance'])) {
    throw E.field('secrecy_above_clearance', 'secrecy', 'You may not record a task above your clearance');
  }
  if ((t.deadline === null) === (t.cadence === null)) {
    throw E.field(
      'deadline_or_cadence',
      t.deadline === null ? 'deadline' : 'cadence',
      'Give either a deadline or a reporting cadence (standing task), not both',
    );
  }
  if (t.deadline !== null && t.deadline < t.assignedOn) {
    throw E.field('deadline_before_assignment', 'deadline', 'The deadline is before the assignment date');
  }
  if (parent && t.deadline !== null && t.deadline > parent.due_on) {
    throw E.rule('deadline_after_parent', 'deadline', `A sub-task is due no later than its parent task (${parent.due_on})`);
  }
  if (parent && secrecyRank(t.secrecy) < secrecyRank(parent.secrecy)) {
    throw E.rule('secrecy_below_parent', 'secrecy', 'A sub-task is at least as secret as its parent task');
  }
}

const secrecyRank = (s: string): number => clearanceRank(s as Clearance);

/** The oldest assignment date accepted without an older source document (a year and a day back). */
export const MAX_BACKDATE_DAYS = 366;
/** How far back a completion may be declared. */
export const MAX_COMPLETION_BACKDATE_DAYS = 30;

/** What the task's source document sets: a floor for the task's secrecy, and the document's date. */
interface SourceDoc {
  secrecy: string;
  date: string | null;
}

/**
 * The source document the actor names, under its own module's visibility filter: a document the actor
 * may not see answers like a missing one (400 `unknown_source`), so its existence is not revealed.
 */
async function checkSource(ctx: Ctx, db: Db, actor: Actor, s: TaskInput['source']): Promise<SourceDoc | null> {
  let doc: SourceDoc | null = null;
  if (s.kind === 'outgoing') {
    if (s.outgoingId === null) {
      throw E.field('source_required', 'source.outgoingId', 'Choose the outgoing document the task comes from');
    }
    const viewer = await outgoingViewer(db, actor, ctx.clock.now());
    const row = viewer
      ? await db
          .selectFrom('outgoing_documents')
          .select(['outgoing_documents.secrecy', 'outgoing_documents.issued_on'])
          .where('outgoing_documents.id', '=', s.outgoingId)
          .where(outgoingVisibleTo(viewer))
          .executeTakeFirst()
      : undefined;
    if (!row) {
      throw E.field('unknown_source', 'source.outgoingId', 'No such outgoing document');
    }
    doc = { secrecy: row.secrecy, date: row.issued_on };
  } else if (s.outgoingId !== null) {
    throw E.field('source_mismatch', 'source.outgoingId', 'Only a task from an outgoing document names one');
  }
  if (s.kind === 'incoming') {
    if (s.incomingId === null) {
      throw E.field('source_required', 'source.incomingId', 'Choose the incoming document the task comes from');
    }
    const viewer = await incomingViewer(db, actor);
    const row = viewer
      ? await db
          .selectFrom('incoming_documents')
          .select(['incoming_documents.secrecy', 'incoming_documents.document_date'])
          .where('incoming_documents.id', '=', s.incomingId)
          .where(incomingVisibleTo(viewer))
          .executeTakeFirst()
      : undefined;
    if (!row) {
      throw E.field('unknown_source', 'source.incomingId', 'No such incoming document');
    }
    doc = { secrecy: row.secrecy, date: row.document_date };
  } else if (s.incomingId !== null) {
    throw E.field('source_mismatch', 'source.incomingId', 'Only a task from an incoming document names one');
  }
  return doc;
}

/** The source document a task already names (its secrecy floor), read without the actor's filter. */
async function currentSource(db: Db, t: repo.TaskRow): Promise<SourceDoc | null> {
  if (t.source_outgoing_id !== null) {
    const r = await db.selectFrom('outgoing_documents').select(['secrecy', 'issued_on']).where('id', '=', t.source_outgoing_id).executeTakeFirst();
    return r ? { secrecy: r.secrecy, date: r.issued_on } : null;
  }
  if (t.source_incoming_id !== null) {
    const r = await db.selectFrom('incoming_documents').select(['secrecy', 'document_date']).where('id', '=', t.source_incoming_id).executeTakeFirst();
    return r ? { secrecy: r.secrecy, date: r.document_date } : null;
  }
  return null;
}

/** A task is at least as secret as the document it comes from. */
function checkSourceSecrecy(secrecy: string, doc: SourceDoc | null): void {
  if (doc && secrecyRank(secrecy) < secrecyRank(doc.secrecy)) {
    throw E.field('secrecy_below_source', 'secrecy', 'A task is at least as secret as the document it comes from');
  }
}

/**
 * The secrecy of a conclusion's source document, for the draft's pre-fill (the caller has already been
 * shown the document under its module's filter).
 */
export async function sourceSecrecy(db: Db, s: { outgoingId?: number; incomingId?: number }): Promise<Clearance | undefined> {
  if (s.outgoingId !== undefined) {
    const r = await db.selectFrom('outgoing_documents').select('secrecy').where('id', '=', s.outgoingId).executeTakeFirst();
    return r?.secrecy as Clearance | undefined;
  }
  if (s.incomingId !== undefined) {
    const r = await db.selectFrom('incoming_documents').select('secrecy').where('id', '=', s.incomingId).executeTakeFirst();
    return r?.secrecy as Clearance | undefined;
  }
  return undefined;
}

async function dueOn(db: Db, t: Terms, lastReportedPeriodEnd: string | null): Promise<string> {
  const cal = await calendarFor(db, t.assignedOn, t.deadline ?? addCalendarDays(lastReportedPeriodEnd ?? t.assignedOn, 370));
  return dueOnFor({ deadline: t.deadline, cadence: t.cadence, assignedOn: t.assignedOn, lastReportedPeriodEnd }, cal);
}

/* ---------------------------------------------------------------- create */

/** Creates one task inside the caller's transaction (single create and batch share it). */
async function createInTrx(ctx: Ctx, trx: Trx, by: By, viewer: TaskViewer, input: TaskInput): Promise<number> {
  const { actor } = by;
  mustManage(actor);
  const today = todayOf(ctx);
  let parent: repo.TaskRow | null = null;
  let assignerKey: string;
  if (input.parentId !== null) {
    await lockTask(ctx, trx, input.parentId);
    const p = await repo.loadTask(trx, input.parentId);
    const pBodies = p ? ((await repo.loadBodies(trx, [p.id])).get(p.id) ?? []) : [];
    if (!p || !canSee(viewer, p, pBodies.map((b) => b.key))) {
      throw E.field('unknown_parent', 'parentId', 'No such task');
    }
    const facts = { permissions: actor.permissions, units: viewer.units };
    if (!canCreateSubtask(facts, { leadKey: p.lead_key, state: p.state, depth: p.depth })) {
      if (!viewer.units.includes(p.lead_key)) {
        throw E.forbidden('Only the lead body of a task may split it into sub-tasks');
      }
      if (p.state !== 'open') {
        throw E.invalidState('create a sub-task', p.state);
      }
      throw E.field('too_deep', 'parentId', `Sub-tasks go at most ${MAX_TASK_DEPTH} levels below a task`);
    }
    parent = p;
    assignerKey = p.lead_key;
  } else {
    if (!canCreate({ permissions: actor.permissions, units: viewer.units })) {
      throw E.forbidden('You act for no body that may assign tasks');
    }
    if (input.assigner) {
      assignerKey = bodyKeyOf(input.assigner.committeeId, input.assigner.agencyId);
      if (!viewer.units.includes(assignerKey)) {
        throw E.field('assigner_not_yours', 'assigner', 'You may assign tasks only in the name of a body you act for');
      }
    } else {
      assignerKey = viewer.units.find((u) => parseBodyKey(u)!.agencyId === null) ?? viewer.units[0]!;
    }
  }
  const assignedOn = input.assignedOn ?? today;
  if (assignedOn > today) {
    throw E.field('assigned_in_future', 'assignedOn', 'The assignment date is after today');
  }
  if (parent && assignedOn < parent.assigned_on) {
    throw E.field('assigned_before_parent', 'assignedOn', 'A sub-task is assigned no earlier than its parent task');
  }
  const terms: Terms = { deadline: input.deadline, cadence: input.cadence, secrecy: input.secrecy, assignedOn };
  checkTerms(actor, terms, parent);
  const { lead, co } = await checkBodies(trx, assignerKey, parent !== null, input.lead, input.co);
  const sourceDoc = await checkSource(ctx, trx, actor, input.source);
  checkSourceSecrecy(input.secrecy, sourceDoc);
  // Backdating: a year and a day, or back to an older source document's date.
  const yearBack = addCalendarDays(today, -MAX_BACKDATE_DAYS);
  const earliest = sourceDoc?.date && sourceDoc.date < yearBack ? sourceDoc.date : yearBack;
  if (assignedOn < earliest) {
    throw E.field('assigned_too_early', 'assignedOn', `The assignment date is too far back (not before ${earliest})`);
  }
  const assigner = parseBodyKey(assignerKey)!;
  const now = ctx.clock.now().toISOString();
  const id = await repo.insertTask(trx, {
    parent_id: parent?.id ?? null,
    root_id: parent ? (parent.root_id ?? parent.id) : null,
    depth: parent ? parent.depth + 1 : 0,
    content: input.content,
    content_folded: foldVietnamese(input.content),
    source_kind: input.source.kind,
    source_outgoing_id: input.source.outgoingId,
    source_incoming_id: input.source.incomingId,
    source_reference: input.source.reference,
    source_paragraph: input.source.paragraph,
    assigner_committee_id: assigner.committeeId,
    assigner_agency_id: assigner.agencyId,
    assigner_key: assignerKey,
    root_assigner_key: parent ? parent.root_assigner_key : assignerKey,
    lead_committee_id: lead.committeeId,
    lead_agency_id: lead.agencyId,
    lead_key: lead.key,
    assigned_on: assignedOn,
    deadline: input.deadline,
    cadence: input.cadence,
    due_on: await dueOn(trx, terms, null),
    expected_products: input.expectedProducts,
    secrecy: input.secrecy,
    state: 'open',
    progress: 0,
    last_progress_on: null,
    completed_on: null,
    evaluation: null,
    evaluation_comment: '',
    evaluated_by: null,
    evaluated_at: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  if (!parent) {
    await trx.updateTable('tasks').set({ root_id: id }).where('id', '=', id).execute();
  }
  await repo.replaceBodies(trx, id, bodyRows(lead, co));
  const details = {
    parentId: parent?.id ?? null,
    assigner: assignerKey,
    lead: lead.key,
    co: co.map((b) => b.key),
    assignedOn,
    deadline: input.deadline,
    cadence: input.cadence,
    secrecy: input.secrecy,
  };
  await repo.insertEvent(trx, { task_id: id, at: now, actor_id: actor.userId, action: 'created', details });
  if (parent) {
    await repo.insertEvent(trx, { task_id: parent.id, at: now, actor_id: actor.userId, action: 'subtask_created', details: { subtaskId: id, lead: lead.key } });
  }
  await recordAudit(audited(ctx, trx, by), { action: 'tasks.created', entityType: 'task', entityId: id, details });
  // The one search (issue 7) follows the task in the same transaction.
  await indexRecords(trx, ctx.dialect, 'task', [id], ctx.clock.now());
  return id;
}

export async function createTask(ctx: Ctx, by: By, input: TaskInput): Promise<number> {
  const viewer = await viewerOrDeny(ctx.db, by.actor);
  return inTransaction(ctx, (trx) => createInTrx(ctx, trx, by, viewer, input));
}

/**
 * The reviewed drafts of one source, confirmed together: all are created or none (errors name `items.N.…`).
 * `within` runs in the same transaction once the tasks exist (another module's links to them, e.g. a
 * meeting's meeting_tasks): all or nothing.
 */
export async function createBatch(ctx: Ctx, by: By, items: TaskInput[], within?: (trx: Trx, ids: number[]) => Promise<void>): Promise<number[]> {
  const viewer = await viewerOrDeny(ctx.db, by.actor);
  mustManage(by.actor);
  return inTransaction(ctx, async (trx) => {
    const ids: number[] = [];
    for (const [i, item] of items.entries()) {
      try {
        ids.push(await createInTrx(ctx, trx, by, viewer, item));
      } catch (err) {
        throw inItem(err, i);
      }
    }
    if (within) {
      await within(trx, ids);
    }
    return ids;
  });
}

/* ---------------------------------------------------------------- update */

type TaskUpdate = z.infer<typeof taskUpdateInput>;

/** Edits an open task by its assigner; a stale `version` answers 409. */
export async function updateTask(ctx: Ctx, by: By, id: number, input: TaskUpdate): Promise<void> {
  const { actor } = by;
  const viewer = await viewerOrDeny(ctx.db, actor);
  await inTransaction(ctx, async (trx) => {
    await lockTask(ctx, trx, id);
    const { task, bodies } = await loadVisible(trx, viewer, id);
    mustManage(actor);
    if (!viewer.units.includes(task.assigner_key)) {
      throw E.forbidden('Only the assigning body may edit a task');
    }
    if (!canEdit({ permissions: actor.permissions, units: viewer.units }, { assignerKey: task.assigner_key, state: task.state })) {
      throw E.invalidState('edit', task.state);
    }
    if (task.version !== input.version) {
      throw E.versionConflict();
    }
    const parent = task.parent_id === null ? null : ((await repo.loadTask(trx, task.parent_id)) ?? null);
    const terms: Terms = {
      deadline: input.deadline !== undefined ? input.deadline : task.deadline,
      cadence: input.cadence !== undefined ? input.cadence : (task.cadence as TaskCadence | null),
      secrecy: input.secrecy ?? task.secrecy,
      assignedOn: task.assigned_on,
    };
    checkTerms(actor, terms, parent);
    const currentLead = bodies.find((b) => b.role === 'lead');
    const leadRef: BodyRef = input.lead ?? { committeeId: task.lead_committee_id, agencyId: task.lead_agency_id };
    const coRefs: BodyRef[] = input.co ?? bodies.filter((b) => b.role === 'co').map((b) => ({ committeeId: b.committeeId, agencyId: b.agencyId }));
    const { lead, co } = await checkBodies(trx, task.assigner_key, task.parent_id !== null, leadRef, coRefs);
    if (input.source) {
      checkSourceSecrecy(terms.secrecy, await checkSource(ctx, trx, actor, input.source));
    } else if (terms.secrecy !== task.secrecy) {
      checkSourceSecrecy(terms.secrecy, await currentSource(trx, task));
    }
    if (secrecyRank(terms.secrecy) > secrecyRank(task.secrecy)) {
      // Sub-tasks are at least as secret as their parent: raise theirs first (refused rather than raised silently).
      const lessSecret = await trx
        .selectFrom('tasks')
        .select('id')
        .where('parent_id', '=', id)
        .where('secrecy', 'in', ['none', 'confidential', 'secret', 'top_secret'].slice(0, secrecyRank(terms.secrecy)))
        .executeTakeFirst();
      if (lessSecret) {
        throw E.rule('subtasks_less_secret', 'secrecy', 'A sub-task of this task is less secret: raise the secrecy of its sub-tasks first');
      }
    }
    if (terms.secrecy !== 'none' && task.secrecy === 'none') {
      const settings = await getSettings(trx);
      const files = await trx
        .selectFrom('task_progress_files')
        .innerJoin('task_progress', 'task_progress.id', 'task_progress_files.progress_id')
        .select('task_progress_files.file_id')
        .where('task_progress.task_id', '=', id)
        .executeTakeFirst();
      if (files && !mayAttachFiles({ secrecy: terms.secrecy, deploymentProfile: settings.deploymentProfile })) {
        throw E.field('secret_with_files', 'secrecy', 'This task has files; on a networked deployment a secret task keeps no files');
      }
    }
    const due = await dueOn(trx, terms, terms.cadence ? await repo.lastReportedPeriodEnd(trx, id) : null);
    // Sub-tasks were assigned by the lead and are due within the task: neither may change under them.
    const children = await trx
      .selectFrom('tasks')
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('due_on').as('lastDue')])
      .where('parent_id', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(children.n) > 0 && lead.key !== task.lead_key) {
      throw E.field('lead_has_subtasks', 'lead', 'The lead body has split this task into sub-tasks; it cannot be changed');
    }
    if (Number(children.n) > 0 && children.lastDue !== null && due < (children.lastDue as string)) {
      // Name the date only of a sub-task the editor may see.
      const later = await trx.selectFrom('tasks').selectAll().where('parent_id', '=', id).where('due_on', '>', due).orderBy('due_on', 'desc').execute();
      const laterBodies = await repo.loadBodies(trx, later.map((c) => c.id));
      const shown = later.find((c) => canSee(viewer, c, (laterBodies.get(c.id) ?? []).map((b) => b.key)));
      throw E.field(
        'deadline_before_subtasks',
        'deadline',
        shown ? `A sub-task is due on ${shown.due_on}, after this deadline` : 'A sub-task is due after this deadline',
      );
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const note = (k: string, from: unknown, to: unknown) => {
      if (JSON.stringify(from) !== JSON.stringify(to)) {
        changes[k] = { from, to };
      }
    };
    note('content', task.content, input.content ?? task.content);
    note('lead', currentLead?.key ?? task.lead_key, lead.key);
    note(
      'co',
      bodies.filter((b) => b.role === 'co').map((b) => b.key),
      co.map((b) => b.key),
    );
    note('deadline', task.deadline, terms.deadline);
    note('cadence', task.cadence, terms.cadence);
    note('expectedProducts', task.expected_products, input.expectedProducts ?? task.expected_products);
    note('secrecy', task.secrecy, terms.secrecy);
    if (input.source) {
      note('source', { kind: task.source_kind, reference: task.source_reference }, { kind: input.source.kind, reference: input.source.reference });
    }
    const now = ctx.clock.now().toISOString();
    const content = input.content ?? task.content;
    const r = await trx
      .updateTable('tasks')
      .set({
        content,
        content_folded: foldVietnamese(content),
        lead_committee_id: lead.committeeId,
        lead_agency_id: lead.agencyId,
        lead_key: lead.key,
        deadline: terms.deadline,
        cadence: terms.cadence,
        due_on: due,
        expected_products: input.expectedProducts ?? task.expected_products,
        secrecy: terms.secrecy,
        ...(input.source
          ? {
              source_kind: input.source.kind,
              source_outgoing_id: input.source.outgoingId,
              source_incoming_id: input.source.incomingId,
              source_reference: input.source.reference,
              source_paragraph: input.source.paragraph,
            }
          : {}),
        updated_at: now,
        version: task.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      throw E.versionConflict();
    }
    await repo.replaceBodies(trx, id, bodyRows(lead, co));
    const details = { changes, dueOn: due };
    await repo.insertEvent(trx, { task_id: id, at: now, actor_id: actor.userId, action: 'updated', details });
    await recordAudit(audited(ctx, trx, by), { action: 'tasks.updated', entityType: 'task', entityId: id, details });
    // The one search (issue 7) follows the task in the same transaction.
    await indexRecords(trx, ctx.dialect, 'task', [id], ctx.clock.now());
  });
}

/* ---------------------------------------------------------------- reads */

export async function getTask(ctx: Ctx, actor: Actor, id: number): Promise<LoadedTask & { viewer: TaskViewer }> {
  const viewer = await viewerOrDeny(ctx.db, actor);
  return { ...(await loadVisible(ctx.db, viewer, id)), viewer };
}

/** Every view of a secret task's page is logged (spec §3). */
export async function auditSecretView(ctx: Ctx, by: By, task: repo.TaskRow): Promise<void> {
  if (task.secrecy === 'none') {
    return;
  }
  await inTransaction(ctx, (trx) =>
    recordAudit(audited(ctx, trx, by), { action: 'tasks.viewed', entityType: 'task', entityId: task.id, details: { secrecy: task.secrecy } }),
  );
}

export async function listTasks(ctx: Ctx, actor: Actor, q: TaskListQuery) {
  const viewer = await viewerOrDeny(ctx.db, actor);
  const today = todayOf(ctx);
  const { rows, total } = await repo.listTasks(ctx.db, viewer, q, today);
  return { viewer, rows, total, today };
}
