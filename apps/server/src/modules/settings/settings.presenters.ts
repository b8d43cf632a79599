import type { Actor } from '../auth/auth.models.ts';
import type { Settings } from './settings.models.ts';
import type { DocumentTypeRow } from './settings.repository.ts';

/** Settings and reference tables are changed with `settings.manage` only (issue 2 §8). */
const canManage = (actor: Actor): boolean => actor.permissions.has('settings.manage');

export function presentSettings(settings: Settings, actor: Actor) {
  return {
    settings: {
      deploymentProfile: settings.deploymentProfile,
      requireTotpForAdmins: settings.requireTotpForAdmins,
      passwordMinLength: settings.passwordMinLength,
      sessionIdleMinutes: settings.sessionIdleMinutes,
      sessionAbsoluteHours: settings.sessionAbsoluteHours,
      organisationName: settings.organisationName,
      taskReminderDaysBefore: settings.taskReminderDaysBefore,
      taskEscalateHeadAfterDays: settings.taskEscalateHeadAfterDays,
      taskEscalateAssignerAfterDays: settings.taskEscalateAssignerAfterDays,
    },
    abilities: { update: canManage(actor) },
  };
}

export function presentDocumentType(row: DocumentTypeRow, actor: Actor) {
  return {
    id: row.id,
    name: row.name,
    abbreviation: row.abbreviation,
    family: row.family,
    active: Boolean(row.active),
    abilities: { update: canManage(actor) },
  };
}
