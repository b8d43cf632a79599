import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meeting } from '@vanphong/contracts';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { addUser, demoBodies, uploadPdf } from '../tasks/tasks.test-support.ts';
import { DEMO_SPARE_FILE_ID } from './meetings.seed.ts';

/** Wednesday 25/11/2026, 10:00 in Hà Nội. */
const NOW = new Date('2026-11-25T03:00:00Z');
const vn = (date: string, hm: string) => new Date(`${date}T${hm}:00+07:00`).toISOString();

/**
 * Issue 6 §3 end to end: a meeting created and put on the week (bad input refused with nothing written),
 * attendance, papers readable by the invitees only (404 for anyone else, on every profile; secret papers
 * refused on party-wan, encrypted on the isolated LAN), minutes drafted from the agenda, the meeting held
 * (programme items presented), conclusions turned into an outgoing draft and tasks.
 */
describe('meetings routes', () => {
  let t: TestApp;
  let chanhvp: Client;
  let bithu: Client;
  let chuyenvien: Client;
  let kiemtra: Client;
  let admin: Client;
  let ids: Awaited<ReturnType<typeof demoBodies>> & {
    biThu: number;
    bithuUser: number;
    kiemtraUser: number;
    openItem: number;
  };

  const n = async (
    table:
      | 'meetings'
      | 'meeting_agenda'
      | 'meeting_invitees'
      | 'meeting_papers'
      | 'schedule_events'
      | 'audit_events'
      | 'tasks'
      | 'meeting_tasks'
      | 'outgoing_documents',
  ) =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async () => ({
    meetings: await n('meetings'),
    agenda: await n('meeting_agenda'),
    invitees: await n('meeting_invitees'),
    papers: await n('meeting_papers'),
    events: await n('schedule_events'),
    audit: await n('audit_events'),
  });
  const auditOf = (action: string, entityId: number) =>
    t.ctx.db
      .selectFrom('audit_events')
      .select(['id', 'details'])
      .where('action', '=', action)
      .where('entity_id', '=', String(entityId))
      .execute();

  const input = (over: Record<string, unknown> = {}) => ({
    committeeId: ids.province,
    kind: 'btv',
    title: 'Hội nghị Ban Thường vụ Tỉnh ủy tháng 12/2026',
    startsAt: vn('2026-12-09', '08:00'),
    endsAt: vn('2026-12-09', '11:00'),
    place: 'Phòng họp số 1',
    chairPersonId: ids.biThu,
    agenda: [
      {
        content: 'Cho ý kiến về dự thảo Chương trình công tác năm 2027',
        programmeItemId: ids.openItem,
        presenter: 'Văn phòng Tỉnh ủy',
      },
      { content: 'Công tác cán bộ', presenter: 'Ban Tổ chức Tỉnh ủy' },
    ],
    inviteeUserIds: [ids.bithuUser, ids.kiemtraUser],
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(NOW) });
    const db = t.ctx.db;
    const bodies = await demoBodies(t);
    const user = async (u: string) =>
      (await db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
    // An open item of the December BTV programme not on the demo meeting's agenda.
    const open = await db
      .selectFrom('programme_items as i')
      .innerJoin('programmes as p', 'p.id', 'i.programme_id')
      .select(['i.id'])
      .where('p.committee_id', '=', bodies.province)
      .where('p.period', '=', 'month')
      .where('i.status', 'in', ['planned', 'prepared'])
      .where('i.meeting_id', 'is', null)
      .orderBy('i.id')
      .executeTakeFirstOrThrow();
    ids = {
      ...bodies,
      biThu: (
        await db
          .selectFrom('people')
          .select('id')
          .where('full_name', '=', 'Phạm Quang Vinh')
          .executeTakeFirstOrThrow()
      ).id,
      bithuUser: await user('bithu'),
      kiemtraUser: await user('kiemtra'),
      openItem: open.id,
    };
    chanhvp = await t.login('chanhvp');
    bithu = await t.login('bithu');
    chuyenvien = await t.login('chuyenvien');
    kiemtra = await t.login('kiemtra');
    admin = await t.login('admin');
  });
  afterAll(async () => t.cleanup());

  it('shows the demo meeting to its invitees and its papers to their readers; 404 to anyone else', async () => {
    const r = await bithu.get('/api/meetings/1');
    expect(r.statusCode, r.body).toBe(200);
    const m = meeting.parse(r.json());
    expect(m).toMatchObject({ kind: 'btv', status: 'planned', chair: { name: 'Phạm Quang Vinh' } });
    expect(m.eventId).not.toBeNull();
    expect(m.agenda.filter((a) => a.programmeItemId !== null).length).toBeGreaterThan(0);
    expect(m.papers.map((p) => p.id)).toEqual([1, 2]);
    expect(
      (
        await t.ctx.db
          .selectFrom('schedule_events')
          .select('meeting_id')
          .where('id', '=', m.eventId!)
          .executeTakeFirstOrThrow()
      ).meeting_id,
    ).toBe(1);
    // The demo's spare upload of chanhvp (the OpenAPI paper example attaches it).
    const spare = await t.ctx.db
      .selectFrom('files')
      .select(['id', 'created_by'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(spare).toEqual({
      id: DEMO_SPARE_FILE_ID,
      created_by: (
        await t.ctx.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', 'chanhvp')
          .executeTakeFirstOrThrow()
      ).id,
    });

    const paper = await bithu.get('/api/meetings/1/papers/2');
    expect(paper.statusCode).toBe(200);
    expect(paper.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // kiemtra is invited: paper 1 (every invitee) yes, paper 2 (bithu only) no — and not even listed.
    expect((await kiemtra.get('/api/meetings/1/papers/1')).statusCode).toBe(200);
    expect((await kiemtra.get('/api/meetings/1/papers/2')).statusCode).toBe(404);
    expect(meeting.parse((await kiemtra.get('/api/meetings/1')).json()).papers.map((p) => p.id)).toEqual([1]);
    // chuyenvien (schedule.view, not invited): neither the meeting nor its papers, nor in the list.
    expect((await chuyenvien.get('/api/meetings/1')).statusCode).toBe(404);
    expect((await chuyenvien.get('/api/meetings/1/papers/1')).statusCode).toBe(404);
    expect((await chuyenvien.get('/api/meetings')).json().items).toEqual([]);
    expect((await bithu.get('/api/meetings')).json().items.map((i: { id: number }) => i.id)).toContain(1);
    // The office chief of a commune (schedule.manage outside the province's scope): 404 too.
    await addUser(t, {
      username: 'cvp-tanphu',
      committeeId: ids.commune,
      agencyId: ids.communeOffice,
      role: 'office_leader',
    });
    const other = await t.login('cvp-tanphu');
    expect((await other.get('/api/meetings/1')).statusCode).toBe(404);
    expect((await other.get('/api/meetings/1/papers/1')).statusCode).toBe(404);
    expect((await other.get('/api/meetings')).json().items).toEqual([]);
    expect((await other.put('/api/meetings/1/attendance', { items: [] })).statusCode).toBe(404);
    // chanhvp manages the schedule: sees the meeting (organiser here too).
    expect((await chanhvp.get('/api/meetings/1')).statusCode).toBe(200);
  });

  it('refuses a meeting without a chair or ending before it starts, writing nothing', async () => {
    const before = await counts();
    const noChair = input();
    delete (noChair as Record<string, unknown>).chairPersonId;
    const a = await chanhvp.post('/api/meetings', noChair);
    expect(a.statusCode).toBe(400);
    expect(JSON.stringify(a.json().error.details)).toContain('chairPersonId');
    const b = await chanhvp.post('/api/meetings', input({ endsAt: vn('2026-12-09', '07:00') }));
    expect(b.statusCode).toBe(400);
    expect(b.json().error).toMatchObject({
      code: 'meetings.ends_before_start',
      details: [{ path: 'endsAt' }],
    });
    const far = await chanhvp.post('/api/meetings', input({ startsAt: '9999-12-31T23:00:00-07:00', endsAt: '9999-12-31T23:30:00-07:00' }));
    expect(far.statusCode).toBe(400);
    expect(far.json().error).toMatchObject({ code: 'meetings.out_of_range', details: [{ path: 'startsAt' }] });
    const c = await chanhvp.post(
      '/api/meetings',
      input({ agenda: [{ content: 'X', programmeItemId: 999_999 }] }),
    );
    expect(c.statusCode).toBe(400);
    expect(c.json().error.details[0].path).toBe('agenda.0.programmeItemId');
    const d = await chanhvp.post('/api/meetings', input({ inviteeUserIds: [ids.bithuUser, 999_999] }));
    expect(d.json().error.details[0].path).toBe('inviteeUserIds.1');
    // A room already booked refuses the whole meeting (the schedule's rule), nothing written either.
    expect((await bithu.post('/api/meetings', input())).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  let id: number;

  it('creates a meeting on the weekly schedule with its audit events in the same transaction', async () => {
    const before = await counts();
    const r = await chanhvp.post('/api/meetings', input());
    expect(r.statusCode, r.body).toBe(201);
    const m = meeting.parse(r.json());
    id = m.id;
    expect(m.agenda.map((a) => [a.ordinal, a.programmeItemId])).toEqual([
      [1, ids.openItem],
      [2, null],
    ]);
    expect(m.invitees.map((i) => [i.userId, i.attended])).toEqual([
      [ids.bithuUser, null],
      [ids.kiemtraUser, null],
    ]);
    const ev = await t.ctx.db
      .selectFrom('schedule_events')
      .select(['meeting_id', 'iso_week', 'content'])
      .where('id', '=', m.eventId!)
      .executeTakeFirstOrThrow();
    expect(ev).toEqual({ meeting_id: id, iso_week: '2026-W50', content: m.title });
    expect(await counts()).toEqual({
      ...before,
      meetings: before.meetings + 1,
      agenda: before.agenda + 2,
      invitees: before.invitees + 2,
      events: before.events + 1,
      audit: before.audit + 2,
    });
    expect(await auditOf('meetings.created', id)).toHaveLength(1);
    expect(await auditOf('schedule.event_created', m.eventId!)).toHaveLength(1);
  });

  it('records attendance, absences with their reasons', async () => {
    const bad = await chanhvp.put(`/api/meetings/${id}/attendance`, {
      items: [{ userId: ids.kiemtraUser, attended: false }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('items.0.absenceReason');
    const stranger = await chanhvp.put(`/api/meetings/${id}/attendance`, {
      items: [{ userId: 1, attended: true }],
    });
    expect(stranger.json().error.details[0].path).toBe('items.0.userId');
    expect((await bithu.put(`/api/meetings/${id}/attendance`, { items: [] })).statusCode).toBe(403);
    const r = await chanhvp.put(`/api/meetings/${id}/attendance`, {
      items: [
        { userId: ids.bithuUser, attended: true },
        { userId: ids.kiemtraUser, attended: false, absenceReason: 'Đi công tác Trung ương' },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(meeting.parse(r.json()).invitees).toEqual([
      { userId: ids.bithuUser, name: 'Phạm Quang Vinh', attended: true, absenceReason: '' },
      {
        userId: ids.kiemtraUser,
        name: 'Đặng Hữu Nghĩa',
        attended: false,
        absenceReason: 'Đi công tác Trung ương',
      },
    ]);
    expect(await auditOf('meetings.attendance_recorded', id)).toHaveLength(1);
  });

  it('serves a paper to an invitee and 404 to a non-invitee; audits each read; a secret paper is refused as a file on party-wan', async () => {
    const fileId = await uploadPdf(t, chanhvp, 'du-thao.pdf');
    const before = await counts();
    const secret = await chanhvp.post(`/api/meetings/${id}/papers`, {
      fileId,
      title: 'Tài liệu mật',
      secrecy: 'secret',
    });
    expect(secret.statusCode).toBe(422);
    expect(secret.json().error.code).toBe('meetings.secret_files_refused');
    const notInvited = await chanhvp.post(`/api/meetings/${id}/papers`, {
      fileId,
      title: 'Tài liệu',
      readerUserIds: [ids.bithuUser, 1],
    });
    expect(notInvited.json().error.details[0].path).toBe('readerUserIds.1');
    const othersFile = await chanhvp.post(`/api/meetings/${id}/papers`, { fileId: 1, title: 'Tài liệu' });
    expect(othersFile.json().error.details[0].path).toBe('fileId');
    expect(await counts()).toEqual(before);

    const r = await chanhvp.post(`/api/meetings/${id}/papers`, {
      fileId,
      title: 'Dự thảo Chương trình công tác năm 2027',
    });
    expect(r.statusCode, r.body).toBe(201);
    const p = meeting.parse(r.json()).papers[0]!;
    expect(p).toMatchObject({
      title: 'Dự thảo Chương trình công tác năm 2027',
      secrecy: 'none',
      fileName: 'du-thao.pdf',
    });
    const read = await bithu.get(p.url);
    expect(read.statusCode).toBe(200);
    expect(read.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await chuyenvien.get(p.url)).statusCode).toBe(404);
    expect((await chuyenvien.get(`/api/meetings/${id}`)).statusCode).toBe(404);
    expect((await vanthuClient()).statusCode).toBe(404);
    const reads = await auditOf('meetings.paper_read', id);
    expect(reads).toHaveLength(1);
    // The same file cannot be attached twice.
    expect(
      (await chanhvp.post(`/api/meetings/${id}/papers`, { fileId, title: 'Lần nữa' })).json().error.details[0]
        .path,
    ).toBe('fileId');

    async function vanthuClient() {
      return (await t.login('vanthu')).get(p.url);
    }
  });

  it('stores a secret paper encrypted on the isolated LAN, readable by invitees within clearance only', async () => {
    expect((await admin.patch('/api/settings', { deploymentProfile: 'isolated-lan' })).statusCode).toBe(200);
    let url = '';
    try {
      const fileId = await uploadPdf(t, chanhvp, 'mat.pdf');
      expect(
        (
          await t.ctx.db
            .selectFrom('files')
            .select('encryption')
            .where('id', '=', fileId)
            .executeTakeFirstOrThrow()
        ).encryption,
      ).not.toBeNull();
      const r = await chanhvp.post(`/api/meetings/${id}/papers`, {
        fileId,
        title: 'Báo cáo mật về công tác cán bộ',
        secrecy: 'top_secret',
      });
      expect(r.statusCode, r.body).toBe(201);
      const p = meeting.parse(r.json()).papers.find((x) => x.secrecy === 'top_secret')!;
      url = p.url;
      const read = await bithu.get(url);
      expect(read.statusCode).toBe(200);
      expect(read.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      // kiemtra is invited but cleared only to Mật: the Tuyệt mật paper does not exist for them.
      expect((await kiemtra.get(url)).statusCode).toBe(404);
      expect(
        meeting.parse((await kiemtra.get(`/api/meetings/${id}`)).json()).papers.map((x) => x.secrecy),
      ).toEqual(['none']);
      expect((await chuyenvien.get(url)).statusCode).toBe(404);
    } finally {
      expect((await admin.patch('/api/settings', { deploymentProfile: 'party-wan' })).statusCode).toBe(200);
    }
    // Networked again: secret content kept from the isolated-LAN period is not served, even to the invitee.
    expect((await bithu.get(url)).statusCode).toBe(404);
  });

  it('drafts the minutes from the agenda and attendance, and saves them with a version check', async () => {
    const r = await chanhvp.post(`/api/meetings/${id}/minutes/draft`, {});
    expect(r.statusCode, r.body).toBe(200);
    const text = r.json().minutes as string;
    expect(text.split('\n')[0]).toBe('BIÊN BẢN HỘI NGHỊ BAN THƯỜNG VỤ TỈNH ỦY HỒNG LAM');
    expect(text).toContain('Thời gian: 08 giờ 00, thứ tư, ngày 09/12/2026.');
    expect(text).toContain('Địa điểm: Phòng họp số 1.');
    expect(text).toContain('Chủ trì: đồng chí Phạm Quang Vinh, Bí thư Tỉnh ủy.');
    expect(text).toContain('Đặng Hữu Nghĩa, Chủ nhiệm Ủy ban Kiểm tra (lý do: Đi công tác Trung ương)');
    expect(text).toContain(
      '1. Cho ý kiến về dự thảo Chương trình công tác năm 2027\nTrình bày: Văn phòng Tỉnh ủy.',
    );
    expect(text).toContain('2. Công tác cán bộ');
    expect((await bithu.post(`/api/meetings/${id}/minutes/draft`, {})).statusCode).toBe(403);

    const conclusions =
      'Ban Thường vụ Tỉnh ủy kết luận như sau:\n1. Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy rà soát quy hoạch cán bộ, hoàn thành trước ngày 30/6/2027.\n2. Giao Ủy ban Kiểm tra Tỉnh ủy báo cáo kết quả kiểm tra, giám sát năm 2026 trước ngày 15/01/2027.';
    const s = await chanhvp.put(`/api/meetings/${id}/minutes`, { version: 1, minutes: text, conclusions });
    expect(s.statusCode, s.body).toBe(200);
    expect(meeting.parse(s.json())).toMatchObject({ version: 2, conclusions, minutes: text });
    expect(
      (await chanhvp.put(`/api/meetings/${id}/minutes`, { version: 1, minutes: 'x', conclusions: 'y' }))
        .statusCode,
    ).toBe(409);
  });

  it('refuses conclusions before the meeting is held', async () => {
    expect((await chanhvp.post(`/api/meetings/${id}/conclusions/outgoing`, {})).statusCode).toBe(409);
  });

  it('marks the meeting held: the programme item on the agenda is presented, with its history row', async () => {
    const r = await chanhvp.post(`/api/meetings/${id}/held`, {});
    expect(r.statusCode, r.body).toBe(200);
    expect(meeting.parse(r.json()).status).toBe('held');
    const item = await t.ctx.db
      .selectFrom('programme_items')
      .select(['status', 'meeting_id'])
      .where('id', '=', ids.openItem)
      .executeTakeFirstOrThrow();
    expect(item).toEqual({ status: 'presented', meeting_id: id });
    const events = await t.ctx.db
      .selectFrom('programme_item_events')
      .select(['action', 'details'])
      .where('item_id', '=', ids.openItem)
      .where('action', '=', 'status')
      .execute();
    expect(events.map((e) => JSON.parse(e.details))).toContainEqual(
      expect.objectContaining({ to: 'presented', meetingId: id }),
    );
    expect(await auditOf('meetings.held', id)).toHaveLength(1);
    expect(await auditOf('programmes.item_status', ids.openItem)).toHaveLength(1);
    expect((await chanhvp.post(`/api/meetings/${id}/held`, {})).statusCode).toBe(409);
  });

  it('turns the conclusions into a Thông báo kết luận draft, once (also for two requests at the same moment)', async () => {
    const drafts = await n('outgoing_documents');
    const both = await Promise.all([
      chanhvp.post(`/api/meetings/${id}/conclusions/outgoing`, {}),
      chanhvp.post(`/api/meetings/${id}/conclusions/outgoing`, {}),
    ]);
    expect(both.map((x) => x.statusCode).sort()).toEqual([201, 409]);
    expect(await n('outgoing_documents')).toBe(drafts + 1);
    const r = both.find((x) => x.statusCode === 201)!;
    const outgoingId = r.json().outgoingId as number;
    const doc = await chanhvp.get(`/api/outgoing/${outgoingId}`);
    expect(doc.statusCode, doc.body).toBe(200);
    const row = await t.ctx.db
      .selectFrom('outgoing_documents as o')
      .innerJoin('document_types as dt', 'dt.id', 'o.document_type_id')
      .select(['o.status', 'o.summary', 'o.content', 'dt.name'])
      .where('o.id', '=', outgoingId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'draft',
      name: 'Thông báo',
      summary: 'Kết luận của Ban Thường vụ Tỉnh ủy Hồng Lam tại hội nghị ngày 09/12/2026',
    });
    expect(JSON.parse(row.content).body).toContain('rà soát quy hoạch cán bộ');
    expect(meeting.parse((await chanhvp.get(`/api/meetings/${id}`)).json()).conclusionOutgoingId).toBe(
      outgoingId,
    );
    expect(await auditOf('meetings.conclusions_drafted', id)).toHaveLength(1);
    const before = await n('outgoing_documents');
    expect((await chanhvp.post(`/api/meetings/${id}/conclusions/outgoing`, {})).statusCode).toBe(409);
    expect(await n('outgoing_documents')).toBe(before);
  });

  it('drafts tasks from the conclusions and creates them with the meeting as source (all or none)', async () => {
    const d = await chanhvp.post(`/api/meetings/${id}/conclusions/task-draft`, {});
    expect(d.statusCode, d.body).toBe(200);
    const draft = d.json();
    expect(draft.source).toMatchObject({
      kind: 'meeting',
      reference: 'Hội nghị Ban Thường vụ Tỉnh ủy Hồng Lam ngày 09/12/2026',
    });
    expect(draft.items).toHaveLength(2);
    expect(draft.items[0]).toMatchObject({
      deadline: '2027-06-30',
      lead: { committeeId: ids.province, agencyId: ids.btc },
    });

    const items = draft.items.map(
      (i: { content: string; paragraph: string; deadline: string; lead: unknown; co: unknown[] }) => ({
        content: i.content,
        source: { paragraph: i.paragraph },
        lead: i.lead,
        co: i.co,
        deadline: i.deadline,
      }),
    );
    const tasksBefore = await n('tasks');
    const bad = await chanhvp.post(`/api/meetings/${id}/conclusions/tasks`, {
      items: [items[0], { ...items[1], lead: { committeeId: 999_999 } }],
    });
    expect(bad.statusCode).toBe(400);
    expect(await n('tasks')).toBe(tasksBefore);
    expect(await n('meeting_tasks')).toBe(0);

    const r = await chanhvp.post(`/api/meetings/${id}/conclusions/tasks`, { items });
    expect(r.statusCode, r.body).toBe(201);
    const taskIds = r.json().taskIds as number[];
    expect(taskIds).toHaveLength(2);
    const rows = await t.ctx.db
      .selectFrom('tasks')
      .select(['source_kind', 'source_reference', 'source_outgoing_id'])
      .where('id', 'in', taskIds)
      .execute();
    expect(rows).toEqual(
      taskIds.map(() => ({
        source_kind: 'meeting',
        source_reference: 'Hội nghị Ban Thường vụ Tỉnh ủy Hồng Lam ngày 09/12/2026',
        source_outgoing_id: null,
      })),
    );
    expect(meeting.parse((await bithu.get(`/api/meetings/${id}`)).json()).taskIds).toEqual(taskIds);
    expect(await auditOf('meetings.tasks_created', id)).toHaveLength(1);
  });
});
