import { z } from 'zod';
import { abilities, clearance, dbId, isoDate, isoInstant, pageQuery } from './common.ts';

/**
 * Follow-up of assigned tasks (issue 5; spec §8, Quy chế 08-QC/TW): what every unit and every
 * subordinate committee was asked to do, by when, and whether it is done.
 *
 * A **body** (đơn vị) is a committee or one of its agencies, written as a body key: "c1" is committee 1
 * itself, "c1-a2" is agency 2 of committee 1 (the same keys as outgoing issuers).
 */
export const bodyKey = z.string().regex(/^c\d{1,10}(?:-a\d{1,10})?$/, 'expected a body key such as c1 or c1-a2');

export const bodyRef = z
  .object({
    committeeId: dbId,
    /** null: the committee itself (its Standing Committee, as the assigner; the commune, as an assignee). */
    agencyId: dbId.nullable().default(null),
  })
  .strict();
export type BodyRef = z.infer<typeof bodyRef>;

/** Where a task comes from: a document (with its paragraph), a meeting, or nothing (ad hoc). */
export const TASK_SOURCE_KINDS = ['outgoing', 'incoming', 'meeting', 'ad_hoc'] as const;
export type TaskSourceKind = (typeof TASK_SOURCE_KINDS)[number];

/** Reporting cadence of a standing task (nhiệm vụ thường xuyên): a report is due at the end of each period. */
export const TASK_CADENCES = ['monthly', 'quarterly', 'half_year', 'nine_months', 'yearly'] as const;
export type TaskCadence = (typeof TASK_CADENCES)[number];

/**
 * Status computed from dates on the working calendar (spec §8 vocabulary; the shown names are reference
 * data): chưa đến hạn, đang thực hiện, hoàn thành đúng hạn, hoàn thành quá hạn, quá hạn chưa hoàn thành.
 */
export const TASK_STATUSES = ['not_due', 'in_progress', 'done_on_time', 'done_late', 'overdue'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The lifecycle: open → reported done by the lead body → closed by the assigner's evaluation. */
export const TASK_STATES = ['open', 'reported_done', 'closed'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_EVALUATIONS = ['met', 'not_met'] as const;
export type TaskEvaluation = (typeof TASK_EVALUATIONS)[number];

export const EXTENSION_STATUSES = ['pending', 'granted', 'refused'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

/** Tasks may be Mật or Tối mật; Tuyệt mật tasks are tracked off-system (08-QC/TW, spec §3) and refused. */
export const taskSecrecy = clearance;

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

export const taskSourceInput = z
  .object({
    kind: z.enum(TASK_SOURCE_KINDS).default('ad_hoc'),
    outgoingId: dbId.nullable().default(null),
    incomingId: dbId.nullable().default(null),
    /** As people cite it: "215-KL/TW ngày 12/3/2026, mục 2" or "Hội nghị BTV ngày 05/11/2026". */
    reference: text(300).default(''),
    /** The paragraph of the source the task comes from, as written there. */
    paragraph: text(4000).default(''),
  })
  .strict();

/** `POST /api/tasks`. With `parentId` the task is a sub-task: its assigner is the parent's lead body. */
export const taskInput = z
  .object({
    parentId: dbId.nullable().default(null),
    content: required(4000),
    source: taskSourceInput.default({ kind: 'ad_hoc', outgoingId: null, incomingId: null, reference: '', paragraph: '' }),
    /** The body in whose name the task is assigned; ignored for a sub-task (the parent's lead assigns). */
    assigner: bodyRef.optional(),
    /** Defaults to today (Asia/Ho_Chi_Minh). */
    assignedOn: isoDate.optional(),
    lead: bodyRef,
    co: z.array(bodyRef).max(40).default([]),
    /** A deadline, or a reporting cadence for a standing task — exactly one of the two. */
    deadline: isoDate.nullable().default(null),
    cadence: z.enum(TASK_CADENCES).nullable().default(null),
    expectedProducts: text(2000).default(''),
    secrecy: taskSecrecy.default('none'),
  })
  .strict();
export type TaskInput = z.infer<typeof taskInput>;

/** `POST /api/tasks/batch`: the reviewed drafts of one source confirmed together (all or nothing). */
export const taskBatchInput = z.object({ items: z.array(taskInput).min(1).max(100) }).strict();

/** `PATCH /api/tasks/:id` by the assigner while the task is open. */
export const taskUpdateInput = z
  .object({
    version: z.number().int().min(1),
    content: required(4000).optional(),
    lead: bodyRef.optional(),
    co: z.array(bodyRef).max(40).optional(),
    deadline: isoDate.nullable().optional(),
    cadence: z.enum(TASK_CADENCES).nullable().optional(),
    expectedProducts: text(2000).optional(),
    secrecy: taskSecrecy.optional(),
    source: taskSourceInput.optional(),
  })
  .strict();

/** `POST /api/tasks/:id/progress` by the lead body: a percentage, a note, files; `done` reports completion. */
export const progressInput = z
  .object({
    percent: z.number().int().min(0).max(100),
    note: required(4000),
    fileIds: z.array(dbId).max(20).default([]),
    done: z.boolean().default(false),
    /** The day the work was completed (defaults to today); only with `done`. */
    completedOn: isoDate.optional(),
  })
  .strict();

/** `POST /api/tasks/:id/extensions` by the lead body. */
export const extensionInput = z.object({ requestedDeadline: isoDate, reason: required(2000) }).strict();

/** `POST /api/tasks/:id/extensions/:extensionId/decision` by the assigner. */
export const extensionDecisionInput = z.object({ granted: z.boolean(), comment: text(2000).default('') }).strict();
export const extensionParams = z
  .object({ id: z.coerce.number().int().positive().max(2_147_483_647), extensionId: z.coerce.number().int().positive().max(2_147_483_647) })
  .strict();

/** `POST /api/tasks/:id/evaluation` by the assigner: đạt / chưa đạt with a comment, and the task is closed. */
export const evaluationInput = z.object({ result: z.enum(TASK_EVALUATIONS), comment: text(2000).default('') }).strict();

/** `POST /api/tasks/conclusion-draft`: the numbered items of a conclusion become draft tasks (nothing is stored). */
export const conclusionDraftInput = z
  .object({
    text: z.string().max(200_000).optional(),
    outgoingId: dbId.optional(),
    incomingId: dbId.optional(),
  })
  .strict();

export const conclusionDraftItem = z.object({
  /** "1.", "2.", "a)", "-" as in the source. */
  label: z.string(),
  /** The item's text, ready to be the task's content. */
  content: z.string(),
  /** The whole paragraph with its label, kept as the task's source paragraph. */
  paragraph: z.string(),
  /** A deadline read from the item ("trước ngày 30/6/2026", "trong quý III/2026"), if any. */
  deadline: isoDate.nullable(),
  /** Bodies named in the item, matched against the directory. */
  lead: bodyRef.nullable(),
  co: z.array(bodyRef),
});
export const conclusionDraft = z.object({
  source: z.object({
    kind: z.enum(TASK_SOURCE_KINDS),
    outgoingId: dbId.nullable(),
    incomingId: dbId.nullable(),
    reference: z.string(),
    /** The source document's secrecy: the tasks drawn from it are at least as secret. */
    secrecy: clearance.optional(),
  }),
  items: z.array(conclusionDraftItem),
});
export type ConclusionDraft = z.infer<typeof conclusionDraft>;

export const taskListQuery = pageQuery
  .extend({
    /** mine: my unit leads or co-handles; assigned: my unit (or I) assigned; all: everything I may see. */
    box: z.enum(['all', 'mine', 'assigned']).default('all'),
    status: z.enum(TASK_STATUSES).optional(),
    state: z.enum(TASK_STATES).optional(),
    sourceKind: z.enum(TASK_SOURCE_KINDS).optional(),
    /** Lead or co-body. */
    body: bodyKey.optional(),
    /** Lead body only (what the dashboard counts per unit). */
    lead: bodyKey.optional(),
    /** Only tasks the committee (and its agencies) assigned. */
    assignerCommitteeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    parentId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    /** Only top-level tasks (no sub-tasks). */
    topLevel: z.enum(['true', 'false']).optional(),
    dueFrom: isoDate.optional(),
    dueTo: isoDate.optional(),
    /** Assignment date range (the dashboard's `from`/`to`). */
    assignedFrom: isoDate.optional(),
    assignedTo: isoDate.optional(),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(['due_asc', 'due_desc', 'assigned_desc']).default('due_asc'),
  })
  .strict();
export type TaskListQuery = z.infer<typeof taskListQuery>;

const body = z.object({ key: bodyKey, committeeId: dbId, agencyId: dbId.nullable(), name: z.string() });

export const taskListItem = z.object({
  id: dbId,
  parentId: dbId.nullable(),
  content: z.string(),
  sourceKind: z.enum(TASK_SOURCE_KINDS),
  sourceReference: z.string(),
  assigner: body,
  lead: body,
  co: z.array(body),
  assignedOn: isoDate,
  deadline: isoDate.nullable(),
  cadence: z.enum(TASK_CADENCES).nullable(),
  /** The effective due date: the deadline moved to the next working day, or the current period's report date. */
  dueOn: isoDate,
  status: z.enum(TASK_STATUSES),
  statusLabel: z.string(),
  state: z.enum(TASK_STATES),
  progress: z.number().int(),
  completedOn: isoDate.nullable(),
  /** Working days past due (0 when not overdue). */
  overdueDays: z.number().int(),
  secrecy: taskSecrecy,
  subtaskCount: z.number().int(),
});
export type TaskListItem = z.infer<typeof taskListItem>;
export const taskList = z.object({ items: z.array(taskListItem), total: z.number().int() });

export const taskEvent = z.object({
  id: dbId,
  at: isoInstant,
  actorName: z.string(),
  action: z.string(),
  /** Vietnamese sentence for the history, already composed by the server. */
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const taskProgressEntry = z.object({
  id: dbId,
  at: isoInstant,
  reportedBy: z.string(),
  percent: z.number().int(),
  note: z.string(),
  done: z.boolean(),
  files: z.array(z.object({ id: dbId, name: z.string(), size: z.number().int(), url: z.string() })),
});

export const taskExtension = z.object({
  id: dbId,
  requestedAt: isoInstant,
  requestedBy: z.string(),
  requestedDeadline: isoDate,
  reason: z.string(),
  status: z.enum(EXTENSION_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: isoInstant.nullable(),
  comment: z.string(),
});

export const taskDetail = taskListItem.extend({
  version: z.number().int(),
  source: z.object({
    kind: z.enum(TASK_SOURCE_KINDS),
    outgoingId: dbId.nullable(),
    incomingId: dbId.nullable(),
    reference: z.string(),
    paragraph: z.string(),
  }),
  expectedProducts: z.string(),
  evaluation: z.enum(TASK_EVALUATIONS).nullable(),
  evaluationComment: z.string(),
  /** Roll-up of the sub-tasks: counts by status and their mean progress (null without sub-tasks). */
  rollup: z.object({ counts: z.record(z.enum(TASK_STATUSES), z.number().int()), progress: z.number().int() }).nullable(),
  subtasks: z.array(taskListItem),
  progressReports: z.array(taskProgressEntry),
  extensions: z.array(taskExtension),
  history: z.array(taskEvent),
  abilities,
});
export type TaskDetail = z.infer<typeof taskDetail>;

/** `GET /api/tasks/dashboard`: counts by status per lead body, with ids so every figure can be checked in SQL. */
export const dashboardQuery = z
  .object({
    /** Tasks assigned by this committee (and its agencies); default: the caller's scope committee. */
    committeeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    /** Assignment date range (inclusive); default: the whole history. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Include sub-tasks (default: top-level tasks only, so nothing is counted twice). */
    subtasks: z.enum(['true', 'false']).default('false'),
  })
  .strict();
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const statusCounts = z.object({
  not_due: z.number().int(),
  in_progress: z.number().int(),
  done_on_time: z.number().int(),
  done_late: z.number().int(),
  overdue: z.number().int(),
});
export type StatusCounts = z.infer<typeof statusCounts>;

export const dashboardUnit = z.object({
  key: bodyKey,
  committeeId: dbId,
  agencyId: dbId.nullable(),
  name: z.string(),
  /** An agency of the assigning committee, or a subordinate committee. */
  kind: z.enum(['agency', 'committee']),
  counts: statusCounts,
  total: z.number().int(),
  /** done_on_time ÷ (done_on_time + done_late + overdue); null when nothing is due yet. */
  onTimeRate: z.number().nullable(),
});

export const dashboard = z.object({
  asOf: isoDate,
  committeeId: dbId,
  totals: statusCounts,
  onTimeRate: z.number().nullable(),
  units: z.array(dashboardUnit),
  /** Per month of the due date (YYYY-MM), the last 12 months: how the due tasks ended. */
  trend: z.array(z.object({ month: z.string(), done_on_time: z.number().int(), done_late: z.number().int(), overdue: z.number().int() })),
});
export type Dashboard = z.infer<typeof dashboard>;

/** `POST /api/tasks/urging-letter`: a công văn đôn đốc listing a body's overdue tasks, as an outgoing draft. */
export const urgingLetterInput = z.object({ body: bodyKey, committeeId: dbId.optional() }).strict();

/** `GET /api/tasks/report.docx`: the periodic report (monthly, quarterly, yearly) by unit in the Party layout. */
export const taskReportQuery = z
  .object({
    period: z.enum(['month', 'quarter', 'year']),
    year: z.coerce.number().int().min(2000).max(2999),
    /** Month 1–12 or quarter 1–4; ignored for a year. */
    index: z.coerce.number().int().min(1).max(12).default(1),
    committeeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  })
  .strict();
