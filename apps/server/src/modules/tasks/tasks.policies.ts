/**
 * What an actor may do with a task (issue 5). Pure: visibility is checked before (tasks.visibility.ts),
 * and every fact needed is passed in.
 *
 * - `tasks.manage` is needed for every change; `tasks.inspect` alone (kiểm tra) reads and changes nothing;
 * - the **lead body** (lead_key among the units the actor acts for) reports progress, asks for an
 *   extension, and splits the task into sub-tasks;
 * - the **assigner body** (assigner_key among the units) edits the open task, decides on extensions and
 *   evaluates the result, which closes the task.
 */
import type { TaskState } from '@vanphong/contracts';

export interface ActorFacts {
  permissions: ReadonlySet<string>;
  /** Body keys the actor acts for (TaskViewer.units). */
  units: readonly string[];
}

export interface TaskFacts {
  assignerKey: string;
  leadKey: string;
  state: TaskState | string;
  depth: number;
  /** A standing task (cadence) has no deadline to extend. */
  hasDeadline: boolean;
  pendingExtension: boolean;
  secrecy: string;
  deploymentProfile: string;
}

/** A task, its sub-tasks and theirs: three levels (depth 0, 1, 2). */
export const MAX_TASK_DEPTH = 2;

const manages = (a: ActorFacts) => a.permissions.has('tasks.manage');
const isLead = (a: ActorFacts, t: Pick<TaskFacts, 'leadKey'>) => a.units.includes(t.leadKey);
const isAssigner = (a: ActorFacts, t: Pick<TaskFacts, 'assignerKey'>) => a.units.includes(t.assignerKey);

/** A top-level task is assigned in the name of a body the actor acts for. */
export function canCreate(a: ActorFacts): boolean {
  return manages(a) && a.units.length > 0;
}

export function canCreateSubtask(a: ActorFacts, t: Pick<TaskFacts, 'leadKey' | 'state' | 'depth'>): boolean {
  return manages(a) && isLead(a, t) && t.state === 'open' && t.depth < MAX_TASK_DEPTH;
}

export function canReport(a: ActorFacts, t: Pick<TaskFacts, 'leadKey' | 'state'>): boolean {
  return manages(a) && isLead(a, t) && t.state === 'open';
}

export function canRequestExtension(a: ActorFacts, t: Pick<TaskFacts, 'leadKey' | 'state' | 'hasDeadline' | 'pendingExtension'>): boolean {
  return canReport(a, t) && t.hasDeadline && !t.pendingExtension;
}

export function canDecide(a: ActorFacts, t: Pick<TaskFacts, 'assignerKey' | 'state' | 'pendingExtension'>): boolean {
  return manages(a) && isAssigner(a, t) && t.state === 'open' && t.pendingExtension;
}

export function canEvaluate(a: ActorFacts, t: Pick<TaskFacts, 'assignerKey' | 'state'>): boolean {
  return manages(a) && isAssigner(a, t) && t.state === 'reported_done';
}

export function canEdit(a: ActorFacts, t: Pick<TaskFacts, 'assignerKey' | 'state'>): boolean {
  return manages(a) && isAssigner(a, t) && t.state === 'open';
}

/**
 * Files on a secret task: only on the isolated LAN (spec §3); on a networked profile a secret task is
 * tracked as metadata only.
 */
export function mayAttachFiles(t: Pick<TaskFacts, 'secrecy' | 'deploymentProfile'>): boolean {
  return t.secrecy === 'none' || t.deploymentProfile === 'isolated-lan';
}

/** The abilities the task page shows (buttons), one per action. */
export function taskAbilities(a: ActorFacts, t: TaskFacts): Record<string, boolean> {
  return {
    edit: canEdit(a, t),
    createSubtask: canCreateSubtask(a, t),
    reportProgress: canReport(a, t),
    attachFiles: canReport(a, t) && mayAttachFiles(t),
    requestExtension: canRequestExtension(a, t),
    decideExtension: canDecide(a, t),
    evaluate: canEvaluate(a, t),
  };
}
