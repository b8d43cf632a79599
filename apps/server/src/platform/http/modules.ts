import type { AppContext } from '../context.ts';
import type { App } from './types.ts';
import { healthRoutes } from '../../modules/health/health.routes.ts';
import { authRoutes } from '../../modules/auth/auth.routes.ts';
import { usersRoutes } from '../../modules/users/users.routes.ts';
import { orgRoutes } from '../../modules/org/org.routes.ts';
import { filesRoutes } from '../../modules/files/files.routes.ts';
import { rolesRoutes } from '../../modules/users/roles.routes.ts';
import { settingsRoutes } from '../../modules/settings/settings.routes.ts';
import { calendarRoutes } from '../../modules/calendar/calendar.routes.ts';
import { auditRoutes } from '../../modules/audit/audit.routes.ts';
import { homeRoutes } from '../../modules/home/home.routes.ts';
import { notificationsRoutes } from '../../modules/notifications/notifications.routes.ts';
import { incomingRoutes } from '../../modules/incoming/incoming.routes.ts';
import { incomingOutputsRoutes } from '../../modules/incoming/incoming.outputs.routes.ts';
import { organizationsRoutes } from '../../modules/organizations/organizations.routes.ts';
import { incomingDeadlineRoutes } from '../../modules/incoming/incoming.deadlines.routes.ts';
import { registerIncomingReminders } from '../../modules/incoming/incoming.reminders.ts';
import { incomingLiaisonRoutes } from '../../modules/incoming/incoming.liaison.routes.ts';
import { outgoingRoutes } from '../../modules/outgoing/outgoing.routes.ts';
import { outgoingOutputsRoutes } from '../../modules/outgoing/outgoing.outputs.routes.ts';
import { signaturesRoutes } from '../../modules/signatures/signatures.routes.ts';
import { outgoingAdminRoutes } from '../../modules/outgoing/outgoing.admin.routes.ts';
import { searchRoutes } from '../../modules/search/search.routes.ts';
import { captureRoutes } from '../../modules/capture/capture.routes.ts';
import { tasksConclusionRoutes } from '../../modules/tasks/tasks.conclusion.routes.ts';
import { registerTaskReminders } from '../../modules/tasks/tasks.reminders.ts';
import { tasksDashboardRoutes } from '../../modules/tasks/tasks.dashboard.routes.ts';
import { tasksRoutes } from '../../modules/tasks/tasks.routes.ts';
import { tasksProgressRoutes } from '../../modules/tasks/tasks.progress.routes.ts';
import { scheduleRoutes } from '../../modules/schedule/schedule.routes.ts';
import { programmesRoutes } from '../../modules/programmes/programmes.routes.ts';

/** Every module's routes, registered in one place. */
export async function registerModules(app: App, ctx: AppContext): Promise<void> {
  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  usersRoutes(app, ctx);
  orgRoutes(app, ctx);
  filesRoutes(app, ctx);
  rolesRoutes(app, ctx);
  settingsRoutes(app, ctx);
  calendarRoutes(app, ctx);
  auditRoutes(app, ctx);
  homeRoutes(app, ctx);
  notificationsRoutes(app, ctx);
  incomingRoutes(app, ctx);
  incomingOutputsRoutes(app, ctx);
  organizationsRoutes(app, ctx);
  incomingDeadlineRoutes(app, ctx);
  outgoingAdminRoutes(app, ctx);
  outgoingRoutes(app, ctx);
  outgoingOutputsRoutes(app, ctx);
  signaturesRoutes(app, ctx);
  // After outgoing: its OpenAPI example answers a recall that the outgoing examples request.
  incomingLiaisonRoutes(app, ctx);
  searchRoutes(app, ctx);
  captureRoutes(app, ctx);
  tasksConclusionRoutes(app, ctx);
  tasksDashboardRoutes(app, ctx);
  tasksRoutes(app, ctx);
  tasksProgressRoutes(app, ctx);
  scheduleRoutes(app, ctx);
  programmesRoutes(app, ctx);
  // Module crons register here too: buildApp runs in every process mode, before the worker starts.
  registerIncomingReminders();
  registerTaskReminders();
}
