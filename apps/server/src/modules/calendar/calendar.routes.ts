import { calendarYearParams, holidayInput, idParams } from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { auditContextOf, doc, requireActor, requirePermission, type App } from '../../platform/http/types.ts';
import { presentCalendarYear, presentHoliday } from './calendar.presenters.ts';
import {
  addHoliday,
  confirmYear,
  generateYear,
  loadCalendarYear,
  removeHoliday,
} from './calendar.usecases.ts';

const EXAMPLE_YEAR = 2026;

export function calendarRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/calendar/:year',
    {
      schema: {
        ...doc({
          vi: 'Lịch nghỉ lễ của năm',
          en: 'Holidays and swapped days of a year',
          tag: 'calendar',
          example: { url: `/api/calendar/${EXAMPLE_YEAR}` },
        }),
        params: calendarYearParams,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return presentCalendarYear(await loadCalendarYear(ctx.db, req.params.year), actor);
    },
  );

  app.post(
    '/api/calendar/:year/generate',
    {
      schema: {
        ...doc({
          vi: 'Tính lại ngày lễ theo luật',
          en: 'Recompute the statutory holidays of a year (admin-added days are kept)',
          tag: 'calendar',
          example: { method: 'POST', url: `/api/calendar/${EXAMPLE_YEAR}/generate` },
        }),
        params: calendarYearParams,
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'calendar.manage');
      return presentCalendarYear(
        await generateYear(ctx, { actor, audit: auditContextOf(req) }, req.params.year),
        actor,
      );
    },
  );

  app.post(
    '/api/calendar/holidays',
    {
      schema: {
        ...doc({
          vi: 'Thêm ngày nghỉ, nghỉ bù hoặc ngày làm bù',
          en: 'Add a holiday, a day off or a Saturday worked in exchange',
          tag: 'calendar',
          example: {
            method: 'POST',
            url: '/api/calendar/holidays',
            body: { date: `${EXAMPLE_YEAR}-01-10`, name: 'Làm bù cho ngày 02/01', kind: 'swapped_workday' },
          },
        }),
        body: holidayInput,
      },
    },
    async (req, reply) => {
      const actor = requirePermission(req, 'calendar.manage');
      const holiday = await addHoliday(ctx, { actor, audit: auditContextOf(req) }, req.body);
      return reply.status(201).send({ holiday: presentHoliday(holiday, actor) });
    },
  );

  app.delete(
    '/api/calendar/holidays/:id',
    {
      schema: {
        ...doc({
          vi: 'Xóa một ngày khỏi lịch',
          en: 'Remove a day from the calendar',
          tag: 'calendar',
          example: { method: 'DELETE', url: '/api/calendar/holidays/20' },
        }),
        params: idParams,
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'calendar.manage');
      await removeHoliday(ctx, { actor, audit: auditContextOf(req) }, req.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/api/calendar/:year/confirm',
    {
      schema: {
        ...doc({
          vi: 'Xác nhận lịch nghỉ của năm',
          en: "Confirm the year's list of days off",
          tag: 'calendar',
          example: { method: 'POST', url: `/api/calendar/${EXAMPLE_YEAR}/confirm` },
        }),
        params: calendarYearParams,
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'calendar.manage');
      return presentCalendarYear(
        await confirmYear(ctx, { actor, audit: auditContextOf(req) }, req.params.year),
        actor,
      );
    },
  );
}
