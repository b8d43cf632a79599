/** Shapes of the task API (issue 5): the contract in @vanphong/contracts (packages/contracts/src/tasks.ts). */
import type {
  ConclusionDraft,
  Dashboard,
  TaskCadence,
  TaskDetail,
  TaskEvaluation,
  TaskListItem,
  TaskSourceKind,
  TaskStatus,
} from '@vanphong/contracts';

export type {
  ConclusionDraft,
  Dashboard,
  TaskCadence,
  TaskDetail,
  TaskEvaluation,
  TaskListItem,
  TaskSourceKind,
  TaskStatus,
};

export type TaskBody = TaskListItem['lead'];
export type TaskEvent = TaskDetail['history'][number];
export type TaskProgressEntry = TaskDetail['progressReports'][number];
export type TaskExtension = TaskDetail['extensions'][number];
export type DashboardUnit = Dashboard['units'][number];
export type ConclusionDraftItem = ConclusionDraft['items'][number];
export type TaskBox = 'all' | 'mine' | 'assigned';
export type TaskSecrecy = TaskListItem['secrecy'];

export interface BodyRef {
  committeeId: number;
  agencyId: number | null;
}

/** `POST /api/tasks` (taskInput). */
export interface TaskInputBody {
  parentId?: number | null;
  content: string;
  source?: {
    kind: TaskSourceKind;
    outgoingId?: number | null;
    incomingId?: number | null;
    reference?: string;
    paragraph?: string;
  };
  assigner?: BodyRef;
  assignedOn?: string;
  lead: BodyRef;
  co?: BodyRef[];
  deadline?: string | null;
  cadence?: TaskCadence | null;
  expectedProducts?: string;
  secrecy?: TaskSecrecy;
}

/** The query of `GET /api/tasks` (taskListQuery); the export takes the same filters. */
export interface TaskListParams {
  box?: TaskBox;
  status?: TaskStatus;
  state?: 'open' | 'reported_done' | 'closed';
  sourceKind?: TaskSourceKind;
  body?: string;
  /** Lead body only: what a dashboard figure counts. */
  lead?: string;
  assignedFrom?: string;
  assignedTo?: string;
  assignerCommitteeId?: number;
  parentId?: number;
  topLevel?: 'true' | 'false';
  dueFrom?: string;
  dueTo?: string;
  q?: string;
  sort?: 'due_asc' | 'due_desc' | 'assigned_desc';
  limit?: number;
  offset?: number;
}
