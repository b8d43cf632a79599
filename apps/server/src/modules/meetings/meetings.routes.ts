import {
  attendanceInput,
  conclusionDraft,
  idParams,
  meeting,
  meetingInput,
  minutesInput,
  paperInput,
  taskBatchInput,
  type ConclusionDraft,
} from '@vanphong/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';
import { auditContextOf, doc, requireActor, type App } from '../../platform/http/types.ts';
import { contentDisposition } from '../files/files.presenters.ts';
import { conclusionDirectory } from '../tasks/tasks.conclusion.routes.ts';
import { parseConclusion } from '../tasks/tasks.conclusion.ts';
import { vnDay } from '../schedule/schedule.models.ts';
import { meetingErrors as E } from './meetings.errors.ts';
import {
  conclusionOutgoing,
  conclusionTasks,
  heldInput,
  meetingList,
  meetingListQuery,
  minutesDraft,
  paperParams,
} from './meetings.models.ts';
import { presentMeeting, presentSummaries } from './meetings.presenters.ts';
import { DEMO_SPARE_FILE_ID } from './meetings.seed.ts';
import * as conclusions from './meetings.conclusions.ts';
import * as minutes from './meetings.minutes.ts';
import * as papers from './meetings.papers.ts';
import * as uc from './meetings.usecases.ts';

const tag = 'meetings';
const INLINE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/**
 * The demo (meetings.seed.ts) holds, on a fresh database: meeting 1, the BTV meeting of the province in
 * the demo week with bithu invited, papers 1 (every invitee) and 2 (bithu only), and an upload of
 * chanhvp not yet attached (DEMO_SPARE_FILE_ID) that the paper example attaches.
 */
export const EXAMPLE_MEETING = {
  committeeId: 1,
  kind: 'btv',
  title: 'Hội nghị Ban Thường vụ Tỉnh ủy tháng 12/2026',
  startsAt: '2026-12-15T01:00:00Z',
  endsAt: '2026-12-15T04:00:00Z',
  place: 'Phòng họp số 1, Tỉnh ủy',
  chairPersonId: 4,
  agenda: [
    {
      content: 'Cho ý kiến về dự thảo Chương trình công tác năm 2027',
      programmeItemId: null,
      presenter: 'Văn phòng Tỉnh ủy',
    },
  ],
  inviteeUserIds: [4],
  resourceIds: [],
};

/** Hội nghị (issue 6 §3): meetings, attendance, papers, minutes, held, conclusions → notice draft and tasks. */
export function meetingsRoutes(app: App, ctx: AppContext): void {
  const by = (req: FastifyRequest) => ({ actor: requireActor(req), audit: auditContextOf(req) });

  async function show(req: FastifyRequest, id: number) {
    const actor = requireActor(req);
    return presentMeeting(ctx.db, actor, await uc.accessOf(ctx.db, actor, id));
  }

  app.post(
    '/api/meetings',
    {
      schema: {
        ...doc({
          vi: 'Tạo hội nghị (chương trình, thành phần mời, đưa vào lịch công tác tuần)',
          en: 'Create a meeting with its agenda and invitees; it is put on the weekly schedule (a room or car already booked: 409)',
          tag,
          example: { method: 'POST', url: '/api/meetings', body: EXAMPLE_MEETING, as: 'chanhvp' },
          description:
            'Bắt buộc có chủ trì (chairPersonId); kết thúc sau khi bắt đầu (endsAt). Mục chương trình hội nghị có thể gắn với mục của chương trình công tác cùng cấp ủy (programmeItemId).\n\nA chair is required (chairPersonId); the meeting ends after it starts (endsAt). Agenda items may name programme items of the same committee.',
        }),
        body: meetingInput,
        response: { 201: meeting },
      },
    },
    async (req, reply) => {
      const id = await uc.createMeeting(ctx, by(req), req.body);
      return reply.status(201).send(await show(req, id));
    },
  );

  app.get(
    '/api/meetings',
    {
      schema: {
        ...doc({
          vi: 'Danh sách hội nghị được xem (được mời, tổ chức, hoặc quản lý lịch của cấp ủy)',
          en: 'Meetings the caller may see (invited, organiser, or schedule.manage of the committee)',
          tag,
          example: { url: '/api/meetings', as: 'bithu' },
        }),
        querystring: meetingListQuery,
        response: { 200: meetingList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const rows = await uc.listMeetings(ctx.db, actor, req.query);
      return {
        items: await presentSummaries(ctx.db, rows),
        abilities: { create: actor.permissions.has('schedule.manage') },
      };
    },
  );

  app.get(
    '/api/meetings/:id',
    {
      schema: {
        ...doc({
          vi: 'Trang hội nghị',
          en: 'A meeting: agenda, invitees and attendance, the papers the caller may read, minutes, conclusions',
          tag,
          example: { url: '/api/meetings/1', as: 'bithu' },
        }),
        params: idParams,
        response: { 200: meeting },
      },
    },
    async (req) => show(req, req.params.id),
  );

  app.put(
    '/api/meetings/:id/attendance',
    {
      schema: {
        ...doc({
          vi: 'Điểm danh (có mặt, vắng mặt và lý do)',
          en: 'Record attendance (an absence needs its reason)',
          tag,
          example: {
            method: 'PUT',
            url: '/api/meetings/1/attendance',
            body: {
              items: [
                { userId: 4, attended: true, absenceReason: '' },
                { userId: 9, attended: false, absenceReason: 'Đi công tác Trung ương' },
              ],
            },
            as: 'chanhvp',
          },
        }),
        params: idParams,
        body: attendanceInput,
        response: { 200: meeting },
      },
    },
    async (req) => {
      await uc.recordAttendance(ctx, by(req), req.params.id, req.body);
      return show(req, req.params.id);
    },
  );

  app.post(
    '/api/meetings/:id/papers',
    {
      schema: {
        ...doc({
          vi: 'Đính kèm tài liệu hội nghị (tệp đã tải lên qua POST /api/files)',
          en: 'Attach a paper (a file the caller uploaded through POST /api/files); readable by the invitees or only the listed readers',
          tag,
          example: {
            method: 'POST',
            url: '/api/meetings/1/papers',
            body: {
              fileId: DEMO_SPARE_FILE_ID,
              title: 'Báo cáo tình hình an ninh chính trị năm 2026',
              secrecy: 'none',
              readerUserIds: null,
            },
            as: 'chanhvp',
          },
          description:
            'Tài liệu mật chỉ lưu được ở cấu hình mạng LAN độc lập (được mã hóa); ở cấu hình nối mạng bị từ chối (422). Độ mật không vượt quá độ mật được tiếp cận của người đính kèm.\n\nSecret papers are stored only on the isolated-LAN profile (encrypted); on networked profiles they are refused (422). Secrecy at most the uploader’s clearance.',
        }),
        params: idParams,
        body: paperInput,
        response: { 201: meeting },
      },
    },
    async (req, reply) => {
      await papers.addPaper(ctx, by(req), req.params.id, req.body);
      return reply.status(201).send(await show(req, req.params.id));
    },
  );

  app.get(
    '/api/meetings/:id/papers/:paperId',
    {
      schema: {
        ...doc({
          vi: 'Xem, tải tài liệu hội nghị (người được mời, trong độ mật được tiếp cận)',
          en: 'A paper’s file: invitees (or the listed readers) within their clearance, the uploader and the organiser; everyone else 404. Audited.',
          tag,
          example: { url: '/api/meetings/1/papers/1', as: 'bithu' },
        }),
        params: paperParams,
        querystring: z.object({ download: z.enum(['0', '1']).default('0') }).strict(),
      },
    },
    async (req, reply) => {
      const { fileId } = await papers.readPaper(ctx, by(req), req.params.id, req.params.paperId);
      const { record, bytes } = await fileStoreOf(ctx, req.log).read(fileId);
      const inline = req.query.download === '0' && INLINE_TYPES.has(record.contentType);
      const disposition = contentDisposition(record.originalName);
      return reply
        .header('content-type', record.contentType)
        .header('content-disposition', inline ? disposition.replace(/^attachment/, 'inline') : disposition)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('x-frame-options', 'SAMEORIGIN')
        .header(
          'content-security-policy',
          "default-src 'none'; frame-ancestors 'self'; img-src 'self'; object-src 'self'",
        )
        .send(bytes);
    },
  );

  app.post(
    '/api/meetings/:id/minutes/draft',
    {
      schema: {
        ...doc({
          vi: 'Dự thảo biên bản hội nghị từ chương trình và điểm danh (không lưu)',
          en: 'Draft the minutes from the agenda and attendance (nothing stored; save with PUT /minutes)',
          tag,
          example: { method: 'POST', url: '/api/meetings/1/minutes/draft', body: {}, as: 'chanhvp' },
        }),
        params: idParams,
        response: { 200: minutesDraft },
      },
    },
    async (req) => ({ minutes: await minutes.draftMinutes(ctx.db, requireActor(req), req.params.id) }),
  );

  app.put(
    '/api/meetings/:id/minutes',
    {
      schema: {
        ...doc({
          vi: 'Lưu biên bản và kết luận hội nghị',
          en: 'Save the minutes and the conclusions (version check: 409 when stale)',
          tag,
          example: {
            method: 'PUT',
            url: '/api/meetings/1/minutes',
            body: {
              version: 1,
              minutes: 'BIÊN BẢN HỘI NGHỊ BAN THƯỜNG VỤ TỈNH ỦY HỒNG LAM\n…',
              conclusions:
                '1. Giao Văn phòng Tỉnh ủy hoàn chỉnh Kế hoạch tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 10, trình Thường trực trước ngày 10/12/2026.\n2. Giao Ban Tổ chức Tỉnh ủy rà soát quy hoạch cán bộ, báo cáo Ban Thường vụ trong quý I/2027.',
            },
            as: 'chanhvp',
          },
        }),
        params: idParams,
        body: minutesInput,
        response: { 200: meeting },
      },
    },
    async (req) => {
      await minutes.saveMinutes(ctx, by(req), req.params.id, req.body);
      return show(req, req.params.id);
    },
  );

  app.post(
    '/api/meetings/:id/held',
    {
      schema: {
        ...doc({
          vi: 'Ghi nhận hội nghị đã họp (các mục chương trình công tác trong nội dung chuyển “đã trình”)',
          en: 'Mark the meeting held: the programme items on its agenda become presented (with their history)',
          tag,
          example: { method: 'POST', url: '/api/meetings/1/held', body: {}, as: 'chanhvp' },
        }),
        params: idParams,
        body: heldInput,
        response: { 200: meeting },
      },
    },
    async (req) => {
      await minutes.markHeld(ctx, by(req), req.params.id, req.body ?? {});
      return show(req, req.params.id);
    },
  );

  app.post(
    '/api/meetings/:id/conclusions/outgoing',
    {
      schema: {
        ...doc({
          vi: 'Lập dự thảo Thông báo kết luận (văn bản đi) từ kết luận hội nghị',
          en: 'Turn the conclusions into a "Thông báo kết luận" outgoing draft (once per meeting)',
          tag,
          example: { method: 'POST', url: '/api/meetings/1/conclusions/outgoing', body: {}, as: 'chanhvp' },
        }),
        params: idParams,
        response: { 201: conclusionOutgoing },
      },
    },
    async (req, reply) => {
      const outgoingId = await conclusions.draftConclusionDocument(ctx, by(req), req.params.id);
      return reply.status(201).send({ outgoingId, meetingId: req.params.id });
    },
  );

  app.post(
    '/api/meetings/:id/conclusions/task-draft',
    {
      schema: {
        ...doc({
          vi: 'Tách kết luận hội nghị thành các nhiệm vụ dự thảo (không lưu)',
          en: 'Parse the meeting’s conclusions into draft tasks to review (nothing stored)',
          tag,
          example: { method: 'POST', url: '/api/meetings/1/conclusions/task-draft', body: {}, as: 'chanhvp' },
        }),
        params: idParams,
        response: { 200: conclusionDraft },
      },
    },
    async (req): Promise<ConclusionDraft> => {
      const actor = requireActor(req);
      const a = await uc.accessOf(ctx.db, actor, req.params.id);
      if (!a.manage || !actor.permissions.has('tasks.manage')) {
        throw E.forbidden('Only the office, managing tasks, turns conclusions into tasks');
      }
      const m = a.meeting;
      if (m.conclusions.trim() === '') {
        throw E.unprocessable('no_conclusions', 'conclusions', 'Write the conclusions first (PUT /minutes)');
      }
      const items = parseConclusion(m.conclusions, {
        directory: await conclusionDirectory(ctx.db, actor),
        documentDate: vnDay(m.starts_at).ymd,
      });
      return {
        source: {
          kind: 'meeting',
          outgoingId: null,
          incomingId: null,
          reference: await conclusions.referenceOf(ctx.db, m),
        },
        items,
      };
    },
  );

  app.post(
    '/api/meetings/:id/conclusions/tasks',
    {
      schema: {
        ...doc({
          vi: 'Giao nhiệm vụ từ kết luận hội nghị (các nhiệm vụ đã rà soát; tất cả hoặc không)',
          en: 'Create the reviewed tasks of the conclusions (all or none), source: this meeting',
          tag,
          example: {
            method: 'POST',
            url: '/api/meetings/1/conclusions/tasks',
            body: {
              items: [
                {
                  content: 'Rà soát quy hoạch cán bộ, báo cáo Ban Thường vụ Tỉnh ủy.',
                  lead: { committeeId: 1, agencyId: 2 },
                  co: [],
                  deadline: '2027-03-31',
                  expectedProducts: 'Báo cáo kết quả rà soát',
                },
              ],
            },
            as: 'chanhvp',
          },
          description:
            'Nguồn nhiệm vụ được ghi là hội nghị này ("Hội nghị Ban Thường vụ … ngày dd/mm/yyyy"), \nThe tasks’ source is this meeting ("Hội nghị … ngày dd/mm/yyyy").',
        }),
        params: idParams,
        body: taskBatchInput,
        response: { 201: conclusionTasks },
      },
    },
    async (req, reply) => {
      const taskIds = await conclusions.createConclusionTasks(ctx, by(req), req.params.id, req.body.items);
      return reply.status(201).send({ taskIds, meetingId: req.params.id });
    },
  );
}
