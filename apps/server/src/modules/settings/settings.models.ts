import type { DeploymentProfile } from '@vanphong/contracts';

/** Settings are data an admin edits (issue 2 §8); these are the values a fresh install starts with. */
export interface Settings {
  deploymentProfile: DeploymentProfile;
  requireTotpForAdmins: boolean;
  passwordMinLength: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  organisationName: string;
  /** Task reminders (issue 5 §6, tasks.reminders.ts): working days before the due date. */
  taskReminderDaysBefore: number[];
  /** Working days overdue before the head of the lead unit, then the assigner, is told. */
  taskEscalateHeadAfterDays: number;
  taskEscalateAssignerAfterDays: number;
}

export const DEFAULT_SETTINGS: Settings = {
  deploymentProfile: 'party-wan',
  requireTotpForAdmins: false,
  passwordMinLength: 10,
  sessionIdleMinutes: 60,
  sessionAbsoluteHours: 12,
  organisationName: 'Văn phòng cấp ủy',
  taskReminderDaysBefore: [3, 1],
  taskEscalateHeadAfterDays: 3,
  taskEscalateAssignerAfterDays: 7,
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
