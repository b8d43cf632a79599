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
    expect(draft.source).toEqual({ kind: 'outgoing', outgoingId: d.id, incomingId: null, reference: `${d.notation} ngày ${issued.slice(8, 10)}/${issued.slice(5, 7)}/${issued.slice(0, 4)}`, secrecy: 'none' });
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

  it('more than 50,000 characters answers 422 tasks.conclusion_too_long naming text, pasted or read from a document; the reported pattern at the cap is answered', async () => {
    const repro = (n: number) => `1. ${'Ban Tổ chức Tỉnh ủy phối hợp '.repeat(Math.ceil(n / 29))}`.slice(0, n);
    const atCap = await chuyenvien.post('/api/tasks/conclusion-draft', { text: repro(50_000) });
    expect(atCap.statusCode).toBe(200);
    expect(atCap.json().items).toHaveLength(1);
    const over = await chuyenvien.post('/api/tasks/conclusion-draft', { text: repro(50_001) });
    expect(over.statusCode).toBe(422);
    expect(over.json().error).toMatchObject({ code: 'tasks.conclusion_too_long', details: { field: 'text', max: 50_000, length: 50_001 } });
    // A document's text (here its content body) is held to the same limit after it is read.
    const d = await t.ctx.db.selectFrom('outgoing_documents').select(['id', 'content']).where('summary', 'like', 'Kết luận của Ban Thường vụ Tỉnh ủy về công tác chuẩn bị đại hội%').executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('outgoing_documents').set({ content: JSON.stringify({ ...JSON.parse(d.content), body: repro(200_000) }) }).where('id', '=', d.id).execute();
    try {
      const long = await chuyenvien.post('/api/tasks/conclusion-draft', { outgoingId: d.id });
      expect(long.statusCode).toBe(422);
      expect(long.json().error).toMatchObject({ code: 'tasks.conclusion_too_long', details: { field: 'text', length: 200_000 } });
    } finally {
      await t.ctx.db.updateTable('outgoing_documents').set({ content: d.content }).where('id', '=', d.id).execute();
    }
  });

  it('more than 500 drafts answers 422 tasks.conclusion_too_long (a batch confirms 100)', async () => {
    const r = await chuyenvien.post('/api/tasks/conclusion-draft', { text: '1. Ban Tổ chức Tỉnh ủy báo cáo.\n'.repeat(501) });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'tasks.conclusion_too_long', details: { field: 'text', maxItems: 500 } });
  });

  it('a secret outgoing document is read through the outgoing module: its secret read is audited outgoing.viewed', async () => {
    const d = await t.ctx.db
      .selectFrom('outgoing_documents')
      .select(['id', 'secrecy', 'secrecy_rank'])
      .where('summary', 'like', 'Kết luận của Ban Thường vụ Tỉnh ủy về công tác chuẩn bị đại hội%')
      .executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('outgoing_documents').set({ secrecy: 'secret', secrecy_rank: 2 }).where('id', '=', d.id).execute();
    const viewed = () => t.ctx.db.selectFrom('audit_events').select(['action', 'entity_id', 'details']).where('action', '=', 'outgoing.viewed').where('entity_type', '=', 'outgoing').execute();
    try {
      const before = (await viewed()).length;
      // chuyenvien (Mật clearance: "confidential") may not see it; chanhvp (Tuyệt mật) may, and the read is logged.
      expect((await chuyenvien.post('/api/tasks/conclusion-draft', { outgoingId: d.id })).statusCode).toBe(404);
      const chanhvp = await t.login('chanhvp');
      const r = await chanhvp.post('/api/tasks/conclusion-draft', { outgoingId: d.id });
      expect(r.statusCode).toBe(200);
      expect(r.json().items.length).toBeGreaterThan(0);
      const after = await viewed();
      expect(after).toHaveLength(before + 1);
      expect(String(after.at(-1)!.entity_id)).toBe(String(d.id));
      expect(JSON.parse(after.at(-1)!.details)).toMatchObject({ secrecy: 'secret', via: 'tasks.conclusion_draft' });
    } finally {
      await t.ctx.db.updateTable('outgoing_documents').set({ secrecy: d.secrecy, secrecy_rank: d.secrecy_rank }).where('id', '=', d.id).execute();
    }
  });

  it('a secret incoming document: 404 to one who sees the record but may not read its content; read (and audited) by one named on it on the isolated LAN', async () => {
    const d = await t.ctx.db
      .selectFrom('incoming_documents')
      .innerJoin('incoming_attachments', 'incoming_attachments.document_id', 'incoming_documents.id')
      .select(['incoming_documents.id', 'incoming_documents.presented_to', 'incoming_attachments.file_id'])
      .where('incoming_documents.status', '=', 'registered')
      .where('incoming_documents.secrecy', '=', 'none')
      .orderBy('incoming_documents.id')
      .executeTakeFirstOrThrow();
    const at = t.ctx.clock.now().toISOString();
    await t.ctx.db.deleteFrom('file_texts').where('file_id', '=', d.file_id).execute();
    await t.ctx.db
      .insertInto('file_texts')
      .values({ file_id: d.file_id, status: 'done', method: 'plain', pages: 1, pages_done: 1, legacy_encoding: null, text: '1. Giao Ban Tổ chức Tỉnh ủy rà soát quy hoạch cán bộ, trước ngày 30/6/2027.', searchable_file_id: null, message: null, attempts: 1, locked_by: null, locked_at: null, updated_at: at })
      .execute();
    await t.ctx.db.updateTable('incoming_documents').set({ secrecy: 'confidential', secrecy_rank: 1 }).where('id', '=', d.id).execute();
    const admin = await t.login('admin');
    const chanhvp = await t.login('chanhvp');
    const me = await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'chanhvp').executeTakeFirstOrThrow();
    const viewed = async () => (await t.ctx.db.selectFrom('audit_events').select('details').where('action', '=', 'incoming.viewed').where('entity_id', '=', String(d.id)).execute()).length;
    try {
      // On a networked profile a secret document's content is never served: the record is seen, the draft is 404.
      expect((await chanhvp.get(`/api/incoming/${d.id}`)).statusCode).toBe(200);
      const networked = await chanhvp.post('/api/tasks/conclusion-draft', { incomingId: d.id });
      expect(networked.statusCode).toBe(404);
      expect(networked.json().error.code).toBe('incoming.not_found');
      // On the isolated LAN: only for the people named on it.
      expect((await admin.patch('/api/settings', { deploymentProfile: 'isolated-lan' })).statusCode).toBe(200);
      expect((await chanhvp.post('/api/tasks/conclusion-draft', { incomingId: d.id })).statusCode).toBe(404);
      const before = await viewed();
      await t.ctx.db.updateTable('incoming_documents').set({ presented_to: me.id }).where('id', '=', d.id).execute();
      const named = await chanhvp.post('/api/tasks/conclusion-draft', { incomingId: d.id });
      expect(named.statusCode).toBe(200);
      expect(named.json().items).toEqual([expect.objectContaining({ label: '1.', deadline: '2027-06-30', lead: { committeeId: committee['Tỉnh ủy Hồng Lam'], agencyId: body.BTCTU } })]);
      expect(await viewed()).toBe(before + 1);
    } finally {
      await admin.patch('/api/settings', { deploymentProfile: 'party-wan' });
      await t.ctx.db.updateTable('incoming_documents').set({ secrecy: 'none', secrecy_rank: 0, presented_to: d.presented_to }).where('id', '=', d.id).execute();
    }
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
