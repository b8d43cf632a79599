import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';

/** `POST /api/tasks/conclusion-draft` on the demo province (both engines). */
describe('conclusion to draft tasks (route)', () => {
  let t: TestApp;
  let chuyenvien: Client;
  const body: Record<string, number> = {};
  const committee: Record<string, number> = {};

  const NOTICE = `TỈNH ỦY HỒNG LAM
Số 230-TB/TU
Hồng Lam, ngày 24 tháng 11 năm 2026
THÔNG BÁO KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY
Ban Thường vụ Tỉnh ủy kết luận như sau:
1. Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy tham mưu sơ kết mô hình chính quyền địa phương hai cấp, trước ngày 31/3/2027.
2. Giao Ủy ban Kiểm tra Tỉnh ủy kiểm tra việc thực hiện quy chế làm việc tại Đảng ủy xã Tân Phú trong quý I/2027.
3. Đề nghị Đảng ủy phường Đông Thành chỉ đạo giải quyết dứt điểm đơn thư kéo dài, xong trước 31/12.
Nơi nhận:
- Như trên,
- Lưu Văn phòng Tỉnh ủy.`;

  beforeAll(async () => {
    t = await createTestApp();
    chuyenvien = await t.login('chuyenvien');
    for (const a of await t.ctx.db.selectFrom('agencies').innerJoin('committees', 'committees.id', 'agencies.committee_id').select(['agencies.id', 'agencies.abbreviation', 'committees.parent_id']).where('committees.parent_id', 'is', null).execute()) {
      body[a.abbreviation] = a.id;
    }
    for (const c of await t.ctx.db.selectFrom('committees').select(['id', 'name']).execute()) {
      committee[c.name] = c.id;
    }
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('pasted text: drafts with leads, co-bodies and deadlines matched against the province directory; the notation as the reference', async () => {
    const r = await chuyenvien.post('/api/tasks/conclusion-draft', { text: NOTICE });
    expect(r.statusCode).toBe(200);
    const province = committee['Tỉnh ủy Hồng Lam']!;
    expect(r.json()).toEqual({
      source: { kind: 'ad_hoc', outgoingId: null, incomingId: null, reference: '230-TB/TU ngày 24/11/2026' },
      items: [
        {
          label: '1.',
          content: 'Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy tham mưu sơ kết mô hình chính quyền địa phương hai cấp, trước ngày 31/3/2027.',
          paragraph: '1. Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy tham mưu sơ kết mô hình chính quyền địa phương hai cấp, trước ngày 31/3/2027.',
          deadline: '2027-03-31',
          lead: { committeeId: province, agencyId: body.BTCTU },
          co: [{ committeeId: province, agencyId: body.VPTU }],
        },
        expect.objectContaining({ label: '2.', deadline: '2027-03-31', lead: { committeeId: province, agencyId: body.UBKTTU }, co: [] }),
        expect.objectContaining({ label: '3.', deadline: '2026-12-31', lead: { committeeId: committee['Đảng ủy phường Đông Thành'], agencyId: null }, co: [] }),
      ],
    });
  });

  it('nothing is stored: no task, no history, no audit event', async () => {
    const counts = async () => ({
      tasks: (await t.ctx.db.selectFrom('tasks').select('id').execute()).length,
      events: (await t.ctx.db.selectFrom('task_events').select('id').execute()).length,
      audit: (await t.ctx.db.selectFrom('audit_events').select('id').execute()).length,
    });
    const before = await counts();
    expect((await chuyenvien.post('/api/tasks/conclusion-draft', { text: NOTICE })).statusCode).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it('from an outgoing document the caller may see: its content, with the notation and issue date as the reference', async () => {
    const d = await t.ctx.db
      .selectFrom('outgoing_documents')
      .select(['id', 'notation', 'issued_on'])
      .where('summary', 'like', 'Kết luận của Ban Thường vụ Tỉnh ủy về công tác chuẩn bị đại hội%')
      .executeTakeFirstOrThrow();
    const r = await chuyenvien.post('/api/tasks/conclusion-draft', { outgoingId: d.id });
    expect(r.statusCode).toBe(200);
    const draft = r.json();
    const issued = d.issued_on as string;
    expect(draft.source).toEqual({ kind: 'outgoing', outgoingId: d.id, incomingId: null, reference: `${d.notation} ngày ${issued.slice(8, 10)}/${issued.slice(5, 7)}/${issued.slice(0, 4)}` });
    expect(draft.items.map((i: { label: string }) => i.label)).toContain('2.');
    const two = draft.items.find((i: { label: string }) => i.label === '2.');
    expect(two.lead).toEqual({ committeeId: committee['Tỉnh ủy Hồng Lam'], agencyId: body.BTCTU });
  });

  it('an outgoing document outside the caller\'s visibility answers 404, as a missing one does', async () => {
    const d = await t.ctx.db.selectFrom('outgoing_documents').select(['id', 'drafter_id', 'secrecy']).orderBy('id').executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('outgoing_documents').set({ secrecy: 'secret', secrecy_rank: 2 }).where('id', '=', d.id).execute();
    try {
      // chuyenvien holds clearance "confidential": a Mật document is not his to read.
      const r = await chuyenvien.post('/api/tasks/conclusion-draft', { outgoingId: d.id });
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('outgoing.not_found');
      expect((await chuyenvien.post('/api/tasks/conclusion-draft', { outgoingId: 999_999 })).statusCode).toBe(404);
    } finally {
      await t.ctx.db.updateTable('outgoing_documents').set({ secrecy: d.secrecy, secrecy_rank: 0 }).where('id', '=', d.id).execute();
    }
  });

  it('from an incoming document: the extracted text of its files, for those who may see it; 404 for the others', async () => {
    const d = await t.ctx.db
      .selectFrom('incoming_documents')
      .innerJoin('incoming_attachments', 'incoming_attachments.document_id', 'incoming_documents.id')
      .select(['incoming_documents.id', 'incoming_documents.notation', 'incoming_documents.document_date', 'incoming_attachments.file_id'])
      .where('incoming_documents.status', '=', 'registered')
      .where('incoming_documents.secrecy', '=', 'none')
      .orderBy('incoming_documents.id')
      .executeTakeFirstOrThrow();
    const at = t.ctx.clock.now().toISOString();
    const text = 'Hồng Lam, ngày 10 tháng 11 năm 2026\n1. Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Đảng ủy xã Hòa Bình tổ chức hội nghị học tập, hoàn thành trong tháng 12/2026.';
    await t.ctx.db.deleteFrom('file_texts').where('file_id', '=', d.file_id).execute();
    await t.ctx.db
      .insertInto('file_texts')
      .values({ file_id: d.file_id, status: 'done', method: 'plain', pages: 1, pages_done: 1, legacy_encoding: null, text, searchable_file_id: null, message: null, attempts: 1, locked_by: null, locked_at: null, updated_at: at })
      .execute();
    // A registered document is seen by the office's wide roles (chanhvp directs), not by a specialist.
    const chanhvp = await t.login('chanhvp');
    const r = await chanhvp.post('/api/tasks/conclusion-draft', { incomingId: d.id });
    expect(r.statusCode).toBe(200);
    expect(r.json().source).toMatchObject({ kind: 'incoming', incomingId: d.id, outgoingId: null });
    expect(r.json().source.reference.startsWith(d.notation)).toBe(true);
    expect(r.json().items).toEqual([
      expect.objectContaining({
        label: '1.',
        deadline: '2026-12-31',
        lead: { committeeId: committee['Tỉnh ủy Hồng Lam'], agencyId: body.BTGDVTU },
        co: [{ committeeId: committee['Đảng ủy xã Hòa Bình'], agencyId: null }],
      }),
    ]);
    const hidden = await chuyenvien.post('/api/tasks/conclusion-draft', { incomingId: d.id });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('incoming.not_found');
  });

  it('a document with no text yet answers 422 with a clear message; two sources or none answer 400', async () => {
    const d = await t.ctx.db
      .selectFrom('incoming_documents')
      .select('id')
      .where('status', '=', 'registered')
      .where('secrecy', '=', 'none')
      .where('id', 'not in', (eb) => eb.selectFrom('incoming_attachments').select('document_id'))
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const chanhvp = await t.login('chanhvp');
    const r = await chanhvp.post('/api/tasks/conclusion-draft', { incomingId: d.id });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'tasks.conclusion_no_text', details: { field: 'text' } });
    const two = await chuyenvien.post('/api/tasks/conclusion-draft', { text: NOTICE, outgoingId: 1 });
    expect(two.statusCode).toBe(400);
    expect(two.json().error).toMatchObject({ code: 'tasks.conclusion_source', details: { field: 'outgoingId' } });
    expect((await chuyenvien.post('/api/tasks/conclusion-draft', {})).statusCode).toBe(400);
    expect((await chuyenvien.post('/api/tasks/conclusion-draft', { text: 'x', extra: 1 })).statusCode).toBe(400);
  });

  it('tasks.manage is required: the inspection role and a clerk get 403, an anonymous caller 401', async () => {
    for (const u of ['kiemtra', 'vanthu']) {
      const c = await t.login(u);
      expect((await c.post('/api/tasks/conclusion-draft', { text: NOTICE })).statusCode).toBe(403);
    }
    const anon = await t.app.inject({ method: 'POST', url: '/api/tasks/conclusion-draft', payload: { text: NOTICE } });
    expect(anon.statusCode).toBe(401);
  });
});
