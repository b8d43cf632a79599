import type { AppContext } from '../../platform/context.ts';
import { doc, requireActor, type App } from '../../platform/http/types.ts';
import { countAuditEventsOn } from '../audit/audit.repository.ts';
import { loadWorkingCalendar, nextDayOff } from '../calendar/calendar.usecases.ts';
import { isWorkingDay, toVietnamDate } from '../calendar/calendar.workdays.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';
import { countJobs, countOrganisation } from './home.repository.ts';

export function homeRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/home',
    {
      schema: doc({
        vi: 'Trang chủ: số liệu tổng quan và lịch làm việc',
        en: 'Home page: counts and the working calendar',
        tag: 'home',
        example: { url: '/api/home' },
        description:
          'Counts cover the caller’s scope; each is null unless the caller may list what it counts (`org.view`, `users.view`). `auditToday`, `jobsQueued`, `jobsFailed` are null without `audit.view`. Today is the Vietnam date (Asia/Ho_Chi_Minh).',
      }),
    },
    async (req) => {
      const actor = requireActor(req);
      const today = toVietnamDate(ctx.clock.now());
      const operator = actor.permissions.has('audit.view');
      const orgView = actor.permissions.has('org.view');
      const [org, auditToday, jobs, calendar, nextHoliday] = await Promise.all([
        countOrganisation(ctx.db, await scopeCommitteeIds(ctx.db, actor)),
        operator ? countAuditEventsOn(ctx.db, today) : null,
        operator ? countJobs(ctx.db) : null,
        loadWorkingCalendar(ctx.db, { from: today, to: today }),
        nextDayOff(ctx.db, today),
      ]);
      return {
        // A count is shown only to someone who may list what it counts.
        counts: {
          committees: orgView ? org.committees : null,
          agencies: orgView ? org.agencies : null,
          people: orgView ? org.people : null,
          users: actor.permissions.has('users.view') ? org.users : null,
          auditToday,
          jobsQueued: jobs?.queued ?? null,
          jobsFailed: jobs?.failed ?? null,
        },
        workingDayToday: isWorkingDay(today, calendar),
        nextHoliday,
      };
    },
  );
}
