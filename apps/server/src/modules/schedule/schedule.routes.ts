import { eventInput, eventPatch, icalTokenInput, idParams, resourceInput, scheduleEvent, scheduleWeek, weekQuery } from '@vanphong/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { auditContextOf, doc, requireActor, type App } from '../../platform/http/types.ts';
import { createIcalToken, feedPath, icalFeed, listIcalTokens, revokeIcalToken } from './schedule.ical.ts';
import { cancelInput, icalParams, icalTokenCreated, icalTokenList, monthParams, publishInput, resource, resourceList, resourceListQuery, scheduleMonth, weekParams } from './schedule.models.ts';
import { renderWeekPdf } from './schedule.pdf.ts';
import { presentEvents, presentMonth, presentWeek } from './schedule.presenters.ts';
import { scheduleErrors as E } from './schedule.errors.ts';
import * as uc from './schedule.usecases.ts';

const tag = 'schedule';

/** An example event of the demo province (Monday of the demo's week, 08:00–11:00 in Hà Nội). */
export const EXAMPLE_EVENT = {
  committeeId: 1,
  startsAt: '2026-11-23T01:00:00Z',
  endsAt: '2026-11-23T04:00:00Z',
  content: 'Hội nghị Ban Thường vụ Tỉnh ủy cho ý kiến về dự thảo Báo cáo chính trị',
  place: 'Phòng họp số 1, Tỉnh ủy',
  leaderIds: [4],
  preparingBody: { committeeId: 1, agencyId: 1 },
  participants: 'Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy',
  notes: '',
  resourceIds: [],
};

/** Lịch công tác tuần (issue 6 §2, §4): events, rooms and cars, the week and its publication, print, month, iCalendar. */
export function scheduleRoutes(app: App, ctx: AppContext): void {
  const by = (req: FastifyRequest) => ({ actor: requireActor(req), audit: auditContextOf(req) });

  async function eventAnswer(req: FastifyRequest, id: number) {
    const v = await uc.eventView(ctx, requireActor(req), id);
    return (await presentEvents(ctx.db, v))[0]!;
  }

  app.get(
    '/api/schedule/resources',
    {
      schema: {
        ...doc({ vi: 'Phòng họp, xe của cấp ủy', en: 'Rooms and cars of a committee', tag, example: { url: '/api/schedule/resources', as: 'chanhvp' } }),
        querystring: resourceListQuery,
        response: { 200: resourceList },
      },
    },
    async (req) => {
      const rows = await uc.listResources(ctx, requireActor(req), req.query.committeeId);
      return { items: rows.map((r) => ({ id: r.id, committeeId: r.committee_id, kind: r.kind as 'room' | 'car', name: r.name, note: r.note, active: r.active === 1 })) };
    },
  );

  app.post(
    '/api/schedule/resources',
    {
      schema: {
        ...doc({
          vi: 'Thêm phòng họp hoặc xe',
          en: 'Add a room or a car',
          tag,
          example: { method: 'POST', url: '/api/schedule/resources', body: { committeeId: 1, kind: 'room', name: 'Phòng họp tầng 3', note: '20 chỗ' }, as: 'chanhvp' },
        }),
        body: resourceInput,
        response: { 201: resource },
      },
    },
    async (req, reply) => {
      const id = await uc.createResource(ctx, by(req), req.body);
      const r = (await uc.listResources(ctx, requireActor(req), req.body.committeeId)).find((x) => x.id === id)!;
      return reply.status(201).send({ id: r.id, committeeId: r.committee_id, kind: r.kind as 'room' | 'car', name: r.name, note: r.note, active: r.active === 1 });
    },
  );

  app.post(
    '/api/schedule/events',
    {
      schema: {
        ...doc({
          vi: 'Thêm lịch công tác (báo trùng lịch lãnh đạo; từ chối trùng phòng, xe)',
          en: 'Add an event (leader double bookings reported in conflicts; a room or car booked twice is refused, 409)',
          tag,
          example: { method: 'POST', url: '/api/schedule/events', body: EXAMPLE_EVENT, as: 'chanhvp' },
          description:
            'Thời gian kết thúc phải sau thời gian bắt đầu (400 schedule.ends_before_start, trường endsAt). Lãnh đạo bị trùng lịch được báo trong `conflicts`; phòng họp, xe đã có lịch trùng thời gian bị từ chối (409 schedule.resource_taken). Sau khi tuần đã phát hành, lịch thêm được đánh dấu điều chỉnh và lãnh đạo liên quan được thông báo.\n\nendsAt must be after startsAt. Leader double bookings are flagged in `conflicts`; rooms and cars booked at an overlapping time are refused (409). After the week is published, the event is marked as a change and the leaders notified.',
        }),
        body: eventInput,
        response: { 201: scheduleEvent },
      },
    },
    async (req, reply) => {
      const id = await uc.createEvent(ctx, by(req), req.body);
      return reply.status(201).send(await eventAnswer(req, id));
    },
  );

  app.get(
    '/api/schedule/events/:id',
    {
      schema: {
        ...doc({ vi: 'Xem một lịch công tác', en: 'One event with its conflicts', tag, example: { url: '/api/schedule/events/1', as: 'chanhvp' } }),
        params: idParams,
        response: { 200: scheduleEvent },
      },
    },
    async (req) => eventAnswer(req, req.params.id),
  );

  app.patch(
    '/api/schedule/events/:id',
    {
      schema: {
        ...doc({
          vi: 'Sửa lịch công tác (kiểm tra phiên bản; sau khi phát hành: đánh dấu điều chỉnh, thông báo lãnh đạo)',
          en: 'Edit an event (version check; after publishing it is marked and the leaders notified)',
          tag,
          example: { method: 'PATCH', url: '/api/schedule/events/1', body: { version: 1, place: 'Hội trường Tỉnh ủy' }, as: 'chanhvp' },
        }),
        params: idParams,
        body: eventPatch,
        response: { 200: scheduleEvent },
      },
    },
    async (req) => {
      await uc.updateEvent(ctx, by(req), req.params.id, req.body);
      return eventAnswer(req, req.params.id);
    },
  );

  app.post(
    '/api/schedule/events/:id/cancel',
    {
      schema: {
        ...doc({
          vi: 'Hoãn, hủy lịch công tác (giải phóng phòng, xe)',
          en: 'Cancel an event (frees its rooms and cars)',
          tag,
          example: { method: 'POST', url: '/api/schedule/events/1/cancel', body: { reason: 'Lãnh đạo đi công tác Trung ương' }, as: 'chanhvp' },
        }),
        params: idParams,
        body: cancelInput,
        response: { 200: scheduleEvent },
      },
    },
    async (req) => {
      await uc.cancelEvent(ctx, by(req), req.params.id, req.body);
      return eventAnswer(req, req.params.id);
    },
  );

  app.get(
    '/api/schedule/weeks/:isoWeek',
    {
      schema: {
        ...doc({
          vi: 'Lịch công tác tuần đã phát hành (draft=true: bản làm việc, cho người quản lý lịch)',
          en: 'The published week (draft=true: the working copy, schedule.manage)',
          tag,
          example: { url: '/api/schedule/weeks/2026-W48', as: 'bithu' },
        }),
        params: weekParams,
        querystring: weekQuery,
        response: { 200: scheduleWeek },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return presentWeek(ctx.db, actor, await uc.getWeek(ctx, actor, req.params.isoWeek, req.query));
    },
  );

  app.get(
    '/api/schedule/weeks/:isoWeek/office',
    {
      schema: {
        ...doc({
          vi: 'Lịch tuần trình chiếu tại cơ quan (chỉ xem; không có ghi chú nội bộ)',
          en: 'The published week for the read-only office display (without the internal notes)',
          tag,
          example: { url: '/api/schedule/weeks/2026-W48/office', as: 'vanthu' },
          description: 'Ghi chú (notes) là nội bộ của văn phòng, không hiển thị. Notes are internal to the office and left out.',
        }),
        params: weekParams,
        querystring: weekQuery.omit({ draft: true }),
        response: { 200: scheduleWeek },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return presentWeek(ctx.db, actor, await uc.getWeek(ctx, actor, req.params.isoWeek, { committeeId: req.query.committeeId, draft: 'false' }), { office: true });
    },
  );

  app.post(
    '/api/schedule/weeks/:isoWeek/publish',
    {
      schema: {
        ...doc({
          vi: 'Phát hành lịch công tác tuần',
          en: 'Publish the week (revision + 1)',
          tag,
          example: { method: 'POST', url: '/api/schedule/weeks/2026-W48/publish', body: { committeeId: 1 }, as: 'chanhvp' },
        }),
        params: weekParams,
        body: publishInput,
        response: { 200: scheduleWeek },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await uc.publishWeek(ctx, by(req), req.params.isoWeek, req.body.committeeId);
      return presentWeek(ctx.db, actor, await uc.getWeek(ctx, actor, req.params.isoWeek, { committeeId: req.body.committeeId, draft: 'true' }));
    },
  );

  app.get(
    '/api/schedule/weeks/:isoWeek/print.pdf',
    {
      schema: {
        ...doc({
          vi: 'In lịch công tác tuần (PDF, A4 ngang)',
          en: 'The printed week (PDF, A4 landscape); draft=true previews the working copy',
          tag,
          example: { url: '/api/schedule/weeks/2026-W48/print.pdf', as: 'bithu' },
        }),
        params: weekParams,
        querystring: weekQuery,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const w = await uc.getWeek(ctx, actor, req.params.isoWeek, req.query);
      const office = await ctx.db.selectFrom('agencies').select('name').where('committee_id', '=', w.committee.id).where('kind', '=', 'office').where('active', '=', 1).orderBy('id').executeTakeFirst();
      const events = await presentEvents(ctx.db, w);
      const pdf = await renderWeekPdf(
        { committeeName: w.committee.name, officeName: office?.name ?? '', week: w.week, startsOn: w.startsOn, endsOn: w.endsOn, status: w.status, revision: w.revision, publishedAt: w.publishedAt, draft: w.draft },
        events,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="lich-cong-tac-${w.week}.pdf"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/schedule/months/:month',
    {
      schema: {
        ...doc({ vi: 'Lịch công tác theo tháng', en: 'The month view (published events; draft=true for schedule.manage)', tag, example: { url: '/api/schedule/months/2026-11', as: 'bithu' } }),
        params: monthParams,
        querystring: weekQuery,
        response: { 200: scheduleMonth },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return presentMonth(ctx.db, actor, await uc.getMonth(ctx, actor, req.params.month, req.query));
    },
  );

  app.post(
    '/api/schedule/ical-tokens',
    {
      schema: {
        ...doc({
          vi: 'Tạo đường dẫn iCalendar (lịch của một lãnh đạo hoặc một đơn vị; chỉ hiển thị một lần)',
          en: 'Create an iCalendar feed URL of a leader or a body (shown once)',
          tag,
          example: { method: 'POST', url: '/api/schedule/ical-tokens', body: { personId: 4 }, as: 'bithu' },
        }),
        body: icalTokenInput,
        response: { 201: icalTokenCreated },
      },
    },
    async (req, reply) => {
      const { id, token } = await createIcalToken(ctx, by(req), req.body);
      return reply.status(201).send({ id, url: `${req.protocol}://${req.host}${feedPath(token)}` });
    },
  );

  app.get(
    '/api/schedule/ical-tokens',
    {
      schema: {
        ...doc({ vi: 'Các đường dẫn iCalendar của tôi', en: 'My iCalendar feeds (without their secrets)', tag, example: { url: '/api/schedule/ical-tokens', as: 'bithu' } }),
        response: { 200: icalTokenList },
      },
    },
    async (req) => ({ items: await listIcalTokens(ctx, requireActor(req)) }),
  );

  app.delete(
    '/api/schedule/ical-tokens/:id',
    {
      schema: {
        ...doc({ vi: 'Thu hồi đường dẫn iCalendar', en: 'Revoke an iCalendar feed', tag, example: { method: 'DELETE', url: '/api/schedule/ical-tokens/2', as: 'bithu' } }),
        params: idParams,
      },
    },
    async (req, reply) => {
      await revokeIcalToken(ctx, by(req), req.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/schedule/ical/:token',
    {
      schema: {
        ...doc({
          vi: 'Nguồn iCalendar (không cần đăng nhập; đường dẫn bí mật)',
          en: 'iCalendar feed (no session; the secret URL is the credential; unknown or revoked → 404)',
          tag,
          example: { url: '/api/schedule/ical/demo-lich-cong-tac-bi-thu-tinh-uy.ics' },
        }),
        params: icalParams,
      },
    },
    async (req, reply) => {
      const body = await icalFeed(ctx, req.params.token);
      if (body === null) {
        throw E.notFound('schedule.ical');
      }
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(body);
    },
  );
}
