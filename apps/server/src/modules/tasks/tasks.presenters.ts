/** The API shapes of tasks (packages/contracts/src/tasks.ts: taskListItem, taskDetail). */
import type { TaskCadence, TaskDetail, TaskEvaluation, TaskListItem, TaskSourceKind, TaskState, TaskStatus } from '@vanphong/contracts';
import { TASK_STATUSES } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { loadWorkingCalendar } from '../calendar/calendar.usecases.ts';
import type { WorkingCalendar } from '../calendar/calendar.workdays.ts';
import { overdueDays, parseBodyKey, statusOf } from './tasks.models.ts';
import * as repo from './tasks.repository.ts';
import type { TaskViewer } from './tasks.visibility.ts';

type Db = Kysely<Database>;

/** dd/mm/yyyy, as dates are shown. */
export const shownDate = (d: string | null | undefined): string => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '');

const CADENCE_VI: Record<TaskCadence, string> = {
  monthly: 'hằng tháng',
  quarterly: 'hằng quý',
  half_year: '6 tháng',
  nine_months: '9 tháng',
  yearly: 'hằng năm',
};

function bodyOf(key: string, names: Map<string, string>) {
  const p = parseBodyKey(key)!;
  return { key, committeeId: p.committeeId, agencyId: p.agencyId, name: names.get(key) ?? key };
}

/** The calendar covering the overdue rows (for the working days past due). */
async function calendarForOverdue(db: Db, rows: { due_on: string; status: TaskStatus }[], today: string): Promise<WorkingCalendar | null> {
  const overdue = rows.filter((r) => r.status === 'overdue').map((r) => r.due_on);
  if (overdue.length === 0) {
    return null;
  }
  const from = overdue.reduce((a, b) => (a < b ? a : b));
  return loadWorkingCalendar(db, { from, to: today });
}

/** List items, with names of bodies, status labels, sub-task counts and working days overdue. */
export async function presentList(db: Db, viewer: TaskViewer, rows: repo.TaskListRow[], today: string): Promise<TaskListItem[]> {
  const ids = rows.map((r) => r.id);
  const [bodies, counts, labels, cal] = await Promise.all([
    repo.loadBodies(db, ids),
    repo.subtaskCounts(db, viewer, ids),
    repo.statusLabels(db),
    calendarForOverdue(db, rows, today),
  ]);
  const keys = new Set<string>();
  for (const r of rows) {
    keys.add(r.assigner_key);
    keys.add(r.lead_key);
    for (const b of bodies.get(r.id) ?? []) {
      keys.add(b.key);
    }
  }
  const names = await repo.bodyNames(db, keys);
  return rows.map((r) => listItem(r, bodies.get(r.id) ?? [], names, labels, counts.get(r.id) ?? 0, cal, today));
}

function listItem(
  r: repo.TaskListRow,
  bodies: repo.BodyRow[],
  names: Map<string, string>,
  labels: Record<TaskStatus, string>,
  subtaskCount: number,
  cal: WorkingCalendar | null,
  today: string,
): TaskListItem {
  const facts = { dueOn: r.due_on, completedOn: r.completed_on, lastProgressOn: r.last_progress_on };
  return {
    id: r.id,
    parentId: r.parent_id,
    content: r.content,
    sourceKind: r.source_kind as TaskSourceKind,
    sourceReference: r.source_reference,
    assigner: bodyOf(r.assigner_key, names),
    lead: bodyOf(r.lead_key, names),
    co: bodies.filter((b) => b.role === 'co').map((b) => bodyOf(b.key, names)),
    assignedOn: r.assigned_on,
    deadline: r.deadline,
    cadence: r.cadence as TaskCadence | null,
    dueOn: r.due_on,
    status: r.status,
    statusLabel: labels[r.status],
    state: r.state as TaskState,
    progress: r.progress,
    completedOn: r.completed_on,
    overdueDays: cal && r.status === 'overdue' ? overdueDays(facts, today, cal) : 0,
    secrecy: r.secrecy as TaskListItem['secrecy'],
    subtaskCount,
  };
}

/** One history row as a Vietnamese sentence. */
export function eventSummary(action: string, d: Record<string, unknown>, names: Map<string, string>): string {
  const name = (k: unknown) => (typeof k === 'string' ? (names.get(k) ?? k) : '');
  switch (action) {
    case 'created': {
      const co = Array.isArray(d.co) && d.co.length ? `, phối hợp: ${d.co.map(name).join(', ')}` : '';
      const when = d.deadline ? `, hạn ${shownDate(d.deadline as string)}` : d.cadence ? `, báo cáo ${CADENCE_VI[d.cadence as TaskCadence] ?? d.cadence}` : '';
      return `${d.parentId ? 'Giao nhiệm vụ con' : 'Giao nhiệm vụ'}: ${name(d.lead)} chủ trì${co}${when}`;
    }
    case 'subtask_created':
      return d.subtaskId === undefined ? 'Đã giao nhiệm vụ con' : `Giao nhiệm vụ con số ${String(d.subtaskId)} cho ${name(d.lead)}`;
    case 'updated': {
      const changes = (d.changes ?? {}) as Record<string, { to: unknown }>;
      const labels: Record<string, string> = {
        content: 'nội dung',
        lead: 'đơn vị chủ trì',
        co: 'đơn vị phối hợp',
        deadline: 'thời hạn',
        cadence: 'kỳ báo cáo',
        expectedProducts: 'sản phẩm',
        secrecy: 'độ mật',
        source: 'nguồn giao',
      };
      const fields = Object.keys(changes).map((k) => labels[k] ?? k);
      const deadline = changes.deadline?.to ? ` (hạn mới ${shownDate(changes.deadline.to as string)})` : '';
      return fields.length ? `Sửa ${fields.join(', ')}${deadline}` : 'Sửa nhiệm vụ (không thay đổi)';
    }
    case 'progress_reported':
      return d.done
        ? `Báo cáo hoàn thành${d.completedOn ? ` ngày ${shownDate(d.completedOn as string)}` : ''}`
        : `Báo cáo tiến độ ${String(d.percent)}%${d.periodEnd ? ` (kỳ đến ${shownDate(d.periodEnd as string)})` : ''}`;
    case 'extension_requested':
      return `Đề nghị gia hạn đến ${shownDate(d.requestedDeadline as string)}`;
    case 'extension_decided':
      return d.granted ? `Đồng ý gia hạn đến ${shownDate(d.requestedDeadline as string)}` : `Không đồng ý gia hạn đến ${shownDate(d.requestedDeadline as string)}`;
    case 'evaluated':
      return d.result === 'met'
        ? `Đánh giá: Đạt${d.comment ? ` — ${String(d.comment)}` : ''}; kết thúc nhiệm vụ`
        : d.reopened
          ? `Đánh giá: Chưa đạt, giao thực hiện tiếp${d.comment ? ` — ${String(d.comment)}` : ''}`
          : `Đánh giá: Chưa đạt${d.comment ? ` — ${String(d.comment)}` : ''}; kết thúc nhiệm vụ`;
    case 'urged':
      return `Đôn đốc bằng công văn${d.body ? ` gửi ${name(d.body)}` : ''}`;
    case 'reminded': {
      const due = d.dueOn ? ` (hạn ${shownDate(d.dueOn as string)})` : '';
      return d.kind === 'due' ? `Nhắc: nhiệm vụ đến hạn hôm nay${due}` : d.kind === 'overdue' ? `Nhắc: nhiệm vụ đã quá hạn${due}` : `Nhắc: nhiệm vụ sắp đến hạn${due}`;
    }
    case 'escalated':
      return d.to === 'assigner'
        ? 'Báo cáo đơn vị giao: nhiệm vụ quá hạn'
        : 'Báo cáo người đứng đầu đơn vị chủ trì: nhiệm vụ quá hạn';
    default:
      return action;
  }
}

/** The task page: the list item plus source, sub-tasks and their roll-up, reports, extensions, history, abilities. */
export async function presentDetail(
  db: Db,
  viewer: TaskViewer,
  task: repo.TaskRow,
  abilities: Record<string, boolean>,
  today: string,
): Promise<TaskDetail> {
  const [subRows, progress, extensions, events] = await Promise.all([
    repo.visibleSubtasks(db, viewer, task.id, today),
    repo.progressOf(db, task.id),
    repo.extensionsOf(db, task.id),
    repo.eventsOf(db, task.id),
  ]);
  const self = { ...task, status: statusOf({ dueOn: task.due_on, completedOn: task.completed_on, lastProgressOn: task.last_progress_on }, today) };
  const [item] = await presentList(db, viewer, [self], today);
  const subtasks = await presentList(db, viewer, subRows, today);
  // A sub-task the viewer may not see is not named in the parent's history (neither its number nor its lead).
  const visibleSubIds = new Set(subRows.map((r) => r.id));
  const eventDetails = events.map((e) => {
    const d = JSON.parse(e.details) as Record<string, unknown>;
    return { e, d: e.action === 'subtask_created' && !visibleSubIds.has(Number(d.subtaskId)) ? {} : d };
  });
  const keys = new Set<string>();
  for (const { d } of eventDetails) {
    for (const v of [d.lead, d.assigner, d.body, ...(Array.isArray(d.co) ? d.co : [])]) {
      if (typeof v === 'string') {
        keys.add(v);
      }
    }
  }
  const names = await repo.bodyNames(db, keys);
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const s of subtasks) {
    counts[s.status] += 1;
  }
  return {
    ...item!,
    subtaskCount: subtasks.length,
    version: task.version,
    source: {
      kind: task.source_kind as TaskSourceKind,
      outgoingId: task.source_outgoing_id,
      incomingId: task.source_incoming_id,
      reference: task.source_reference,
      paragraph: task.source_paragraph,
    },
    expectedProducts: task.expected_products,
    evaluation: task.evaluation as TaskEvaluation | null,
    evaluationComment: task.evaluation_comment,
    rollup: subtasks.length
      ? { counts, progress: Math.round(subtasks.reduce((a, s) => a + s.progress, 0) / subtasks.length) }
      : null,
    subtasks,
    progressReports: progress.reports.map((p) => ({
      id: p.id,
      at: p.at,
      reportedBy: p.display_name ?? '',
      percent: p.percent,
      note: p.note,
      done: p.done === 1,
      files: progress.files
        .filter((f) => f.progress_id === p.id)
        .map((f) => ({ id: f.id, name: f.original_name, size: f.size, url: `/api/tasks/${task.id}/files/${f.id}` })),
    })),
    extensions: extensions.map((x) => ({
      id: x.id,
      requestedAt: x.requested_at,
      requestedBy: x.requested_by_name ?? '',
      requestedDeadline: x.requested_deadline,
      reason: x.reason,
      status: x.status as TaskDetail['extensions'][number]['status'],
      decidedBy: x.decided_by_name ?? null,
      decidedAt: x.decided_at,
      comment: x.comment,
    })),
    history: eventDetails.map(({ e, d }) => ({
      id: e.id,
      at: e.at,
      actorName: e.display_name ?? 'Hệ thống',
      action: e.action,
      summary: eventSummary(e.action, d, names),
      details: d,
    })),
    abilities,
  };
}

