/** Reading and writing tasks (issue 5). Every read of tasks by a person goes through `visibleTo`. */
import type { TaskListQuery, TaskStatus } from '@vanphong/contracts';
import { TASK_STATUSES } from '@vanphong/contracts';
import { sql, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database, TaskEventsTable, TasksTable } from '../../platform/db/schema.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { parseBodyKey, statusCondition, statusSql } from './tasks.models.ts';
import { visibleTo, type TaskViewer } from './tasks.visibility.ts';

type Db = Kysely<Database>;
export type TaskRow = Selectable<TasksTable>;
export type TaskListRow = TaskRow & { status: TaskStatus };

export interface BodyRow {
  key: string;
  committeeId: number;
  agencyId: number | null;
  role: 'lead' | 'co';
}

/* ---------------------------------------------------------------- writes */

export async function insertTask(db: Db, row: Insertable<TasksTable>): Promise<number> {
  const r = await db.insertInto('tasks').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The lead and co-bodies, one row each (the "tasks of my unit" lookups). */
export async function replaceBodies(db: Db, taskId: number, bodies: BodyRow[]): Promise<void> {
  await db.deleteFrom('task_bodies').where('task_id', '=', taskId).execute();
  if (bodies.length > 0) {
    await db
      .insertInto('task_bodies')
      .values(bodies.map((b) => ({ task_id: taskId, body_key: b.key, committee_id: b.committeeId, agency_id: b.agencyId, role: b.role })))
      .execute();
  }
}

export async function insertEvent(db: Db, e: Omit<Insertable<TaskEventsTable>, 'details'> & { details: Record<string, unknown> }): Promise<number> {
  const r = await db
    .insertInto('task_events')
    .values({ ...e, details: JSON.stringify(e.details) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/* ---------------------------------------------------------------- reads */

export async function loadTask(db: Db, id: number): Promise<TaskRow | undefined> {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function loadBodies(db: Db, taskIds: number[]): Promise<Map<number, BodyRow[]>> {
  const out = new Map<number, BodyRow[]>();
  if (taskIds.length === 0) {
    return out;
  }
  const rows = await db
    .selectFrom('task_bodies')
    .select(['task_id', 'body_key', 'committee_id', 'agency_id', 'role'])
    .where('task_id', 'in', taskIds)
    .orderBy('task_id')
    .orderBy('role', 'desc') // lead before co
    .orderBy('body_key')
    .execute();
  for (const r of rows) {
    const list = out.get(r.task_id) ?? [];
    list.push({ key: r.body_key, committeeId: r.committee_id, agencyId: r.agency_id, role: r.role === 'lead' ? 'lead' : 'co' });
    out.set(r.task_id, list);
  }
  return out;
}

/** The shown names of bodies: an agency's name, or the committee's. */
export async function bodyNames(db: Db, keys: Iterable<string>): Promise<Map<string, string>> {
  const parsed = [...new Set(keys)].map((k) => ({ k, p: parseBodyKey(k) })).filter((x) => x.p !== null);
  const committeeIds = [...new Set(parsed.filter((x) => x.p!.agencyId === null).map((x) => x.p!.committeeId))];
  const agencyIds = [...new Set(parsed.filter((x) => x.p!.agencyId !== null).map((x) => x.p!.agencyId!))];
  const [committees, agencies] = await Promise.all([
    committeeIds.length ? db.selectFrom('committees').select(['id', 'name']).where('id', 'in', committeeIds).execute() : [],
    agencyIds.length ? db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).execute() : [],
  ]);
  const cn = new Map(committees.map((c) => [c.id, c.name]));
  const an = new Map(agencies.map((a) => [a.id, a.name]));
  return new Map(parsed.map(({ k, p }) => [k, (p!.agencyId === null ? cn.get(p!.committeeId) : an.get(p!.agencyId)) ?? k]));
}

/** The shown names of the computed statuses (reference data); the built-in names when none are stored. */
export const DEFAULT_STATUS_LABELS: Record<TaskStatus, { vi: string; en: string }> = {
  not_due: { vi: 'Chưa đến hạn', en: 'Not yet due' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  done_late: { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  overdue: { vi: 'Quá hạn chưa hoàn thành', en: 'Overdue, not done' },
};

export async function statusLabels(db: Db): Promise<Record<TaskStatus, string>> {
  const rows = await db.selectFrom('task_status_labels').select(['code', 'label_vi']).execute();
  const stored = new Map(rows.map((r) => [r.code, r.label_vi]));
  return Object.fromEntries(TASK_STATUSES.map((s) => [s, stored.get(s) ?? DEFAULT_STATUS_LABELS[s].vi])) as Record<TaskStatus, string>;
}

/** Seeds the five labels where missing (reference data; an administrator may edit them later). Idempotent. */
export async function ensureStatusLabels(db: Db): Promise<number> {
  const have = new Set((await db.selectFrom('task_status_labels').select('code').execute()).map((r) => r.code));
  const missing = TASK_STATUSES.map((s, i) => ({ code: s, label_vi: DEFAULT_STATUS_LABELS[s].vi, label_en: DEFAULT_STATUS_LABELS[s].en, sort: i + 1 })).filter(
    (r) => !have.has(r.code),
  );
  if (missing.length > 0) {
    await db.insertInto('task_status_labels').values(missing).onConflict((oc) => oc.column('code').doNothing()).execute();
  }
  return missing.length;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A query over `tasks` (the list, its count, the export). */
export type TaskQuery = SelectQueryBuilder<Database, 'tasks', object>;

/** The list's filters (contract taskListQuery, paging aside) — one definition for the list, its total and the export. */
export function applyListFilters(base: TaskQuery, viewer: TaskViewer, q: Partial<Omit<TaskListQuery, 'limit' | 'offset'>>, today: string): TaskQuery {
  let b = base;
  if (q.box === 'mine') {
    b =
      viewer.units.length === 0
        ? b.where(sql<boolean>`1 = 0`)
        : b.where((eb) => eb('tasks.id', 'in', eb.selectFrom('task_bodies').select('task_bodies.task_id').where('task_bodies.body_key', 'in', viewer.units)));
  } else if (q.box === 'assigned') {
    b = b.where((eb) => eb.or([eb('tasks.created_by', '=', viewer.userId), ...(viewer.units.length ? [eb('tasks.assigner_key', 'in', viewer.units)] : [])]));
  }
  if (q.status) {
    b = b.where(statusCondition(q.status, today));
  }
  if (q.state) {
    b = b.where('tasks.state', '=', q.state);
  }
  if (q.sourceKind) {
    b = b.where('tasks.source_kind', '=', q.sourceKind);
  }
  if (q.body) {
    const key = q.body;
    b = b.where((eb) => eb('tasks.id', 'in', eb.selectFrom('task_bodies').select('task_bodies.task_id').where('task_bodies.body_key', '=', key)));
  }
  if (q.lead) {
    b = b.where('tasks.lead_key', '=', q.lead);
  }
  if (q.assignedFrom) {
    b = b.where('tasks.assigned_on', '>=', q.assignedFrom);
  }
  if (q.assignedTo) {
    b = b.where('tasks.assigned_on', '<=', q.assignedTo);
  }
  if (q.assignerCommitteeId !== undefined) {
    b = b.where('tasks.assigner_committee_id', '=', q.assignerCommitteeId);
  }
  if (q.parentId !== undefined) {
    b = b.where('tasks.parent_id', '=', q.parentId);
  }
  if (q.topLevel === 'true') {
    b = b.where('tasks.parent_id', 'is', null);
  } else if (q.topLevel === 'false') {
    b = b.where('tasks.parent_id', 'is not', null);
  }
  if (q.dueFrom) {
    b = b.where('tasks.due_on', '>=', q.dueFrom);
  }
  if (q.dueTo) {
    b = b.where('tasks.due_on', '<=', q.dueTo);
  }
  const text = q.q ? foldVietnamese(q.q) : '';
  if (text !== '') {
    b = b.where(sql<boolean>`tasks.content_folded like ${`%${escapeLike(text)}%`} escape '\\'`);
  }
  return b;
}

/** The list of tasks the viewer may see, filtered, with the total under the same filter. */
export async function listTasks(db: Db, viewer: TaskViewer, q: TaskListQuery, today: string): Promise<{ rows: TaskListRow[]; total: number }> {
  const base = applyListFilters(db.selectFrom('tasks').where((eb) => visibleTo(eb, viewer)) as unknown as TaskQuery, viewer, q, today);
  let page = base.selectAll('tasks').select(statusSql(today).as('status'));
  page =
    q.sort === 'due_desc'
      ? page.orderBy('tasks.due_on', 'desc').orderBy('tasks.id', 'desc')
      : q.sort === 'assigned_desc'
        ? page.orderBy('tasks.assigned_on', 'desc').orderBy('tasks.id', 'desc')
        : page.orderBy('tasks.due_on', 'asc').orderBy('tasks.id', 'asc');
  const [rows, count] = await Promise.all([
    page.limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as TaskListRow[], total: Number(count.n) };
}

/** Visible sub-tasks of a task, with their status. */
export async function visibleSubtasks(db: Db, viewer: TaskViewer, parentId: number, today: string): Promise<TaskListRow[]> {
  const rows = await db
    .selectFrom('tasks')
    .selectAll('tasks')
    .select(statusSql(today).as('status'))
    .where('tasks.parent_id', '=', parentId)
    .where((eb) => visibleTo(eb, viewer))
    .orderBy('tasks.due_on')
    .orderBy('tasks.id')
    .execute();
  return rows as TaskListRow[];
}

/** How many visible sub-tasks each task has. */
export async function subtaskCounts(db: Db, viewer: TaskViewer, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('tasks')
    .select(['tasks.parent_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('tasks.parent_id', 'in', ids)
    .where((eb) => visibleTo(eb, viewer))
    .groupBy('tasks.parent_id')
    .execute();
  return new Map(rows.map((r) => [r.parent_id as number, Number(r.n)]));
}

export async function progressOf(db: Db, taskId: number) {
  const reports = await db
    .selectFrom('task_progress as p')
    .leftJoin('users as u', 'u.id', 'p.actor_id')
    .select(['p.id', 'p.at', 'p.percent', 'p.note', 'p.done', 'p.period_end', 'u.display_name'])
    .where('p.task_id', '=', taskId)
    .orderBy('p.id')
    .execute();
  const files = reports.length
    ? await db
        .selectFrom('task_progress_files as pf')
        .innerJoin('files as f', 'f.id', 'pf.file_id')
        .select(['pf.progress_id', 'f.id', 'f.original_name', 'f.size'])
        .where(
          'pf.progress_id',
          'in',
          reports.map((r) => r.id),
        )
        .orderBy('f.id')
        .execute()
    : [];
  return { reports, files };
}

export async function extensionsOf(db: Db, taskId: number) {
  return db
    .selectFrom('task_extensions as e')
    .leftJoin('users as r', 'r.id', 'e.requested_by')
    .leftJoin('users as d', 'd.id', 'e.decided_by')
    .select([
      'e.id',
      'e.requested_at',
      'e.requested_deadline',
      'e.reason',
      'e.status',
      'e.decided_at',
      'e.comment',
      'r.display_name as requested_by_name',
      'd.display_name as decided_by_name',
    ])
    .where('e.task_id', '=', taskId)
    .orderBy('e.id')
    .execute();
}

export async function eventsOf(db: Db, taskId: number) {
  return db
    .selectFrom('task_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.at', 'e.action', 'e.details', 'u.display_name'])
    .where('e.task_id', '=', taskId)
    .orderBy('e.id')
    .execute();
}

export async function hasPendingExtension(db: Db, taskId: number): Promise<boolean> {
  const r = await db.selectFrom('task_extensions').select('id').where('task_id', '=', taskId).where('status', '=', 'pending').executeTakeFirst();
  return r !== undefined;
}

/** The end of the last reporting period covered by a report (standing tasks). */
export async function lastReportedPeriodEnd(db: Db, taskId: number): Promise<string | null> {
  const r = await db
    .selectFrom('task_progress')
    .select((eb) => eb.fn.max('period_end').as('p'))
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  return (r?.p as string | null | undefined) ?? null;
}
