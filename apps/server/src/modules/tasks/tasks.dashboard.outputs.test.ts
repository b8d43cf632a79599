import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { auditEvents } from '../org/org.test-support.ts';
import { agencyKey, insertAgency, insertSeedTask, loginUnitUser, userId } from './tasks.dashboard.test-support.ts';
import { actorOf } from '../seed/seed.incoming.ts';
import { taskReport } from './tasks.report.ts';
import { HEADER_ROW, SECRET_MASK } from './tasks.export-xlsx.ts';
import { renderTaskReportDocx } from './tasks.report-docx.ts';

/**
 * Issue 5 §6–7: the outputs of task follow-up on a known mix — the XLSX export (reopened with exceljs),
 * the periodic report DOCX (its text read from word/document.xml), and the urging letter that becomes an
 * outgoing draft with its audit event and history rows in one transaction.
 */

/** One entry of a ZIP (DOCX) read through its central directory. */
export function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`${name} not in the package`);
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Paragraph texts of a DOCX, and each table row as its cells' texts joined by " | ". */
export function docxText(docx: Buffer): { paragraphs: string[]; rows: string[] } {
  const xml = zipEntry(docx, 'word/document.xml');
  const text = (p: string) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1] ?? '')).join('');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => text(p[0]));
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => text(c[0])).join(' | '));
  return { paragraphs, rows };
}

describe('task outputs', () => {
  let t: TestApp;
  let chanhvp: Client;
  let kiemtra: Client;
  let X: string;
  let Y: string;
  let Z: string;
  let BTC: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    // Thursday 26/11/2026, 09:00 in Hà Nội.
    t = await createTestApp({ clock: fixedClock(new Date('2026-11-26T02:00:00Z')) });
    const db = t.ctx.db;
    X = await insertAgency(db, 1, 'Ban Thử nghiệm Tỉnh ủy', 'BTNTU');
    Y = await insertAgency(db, 1, 'Ban Đúng hạn Tỉnh ủy', 'BĐHTU');
    Z = await insertAgency(db, 1, 'Ban Phối hợp Tỉnh ủy', 'BPHTU');
    BTC = await agencyKey(db, 'BTCTU');
    const cv = await userId(db, 'chuyenvien');
    const add = async (name: string, task: Omit<Parameters<typeof insertSeedTask>[1], 'assigner' | 'assignedOn'> & { assigner?: string; assignedOn?: string }) => {
      ids[name] = await insertSeedTask(db, { assigner: 'c1', assignedOn: '2026-10-01', createdBy: cv, ...task });
    };
    await add('a', { content: 'Tổng kết 5 năm thực hiện Chỉ thị 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', lead: X, deadline: '2026-11-13', co: [BTC], sourceReference: 'Kết luận 215-KL/TU ngày 01/10/2026, mục 2' });
    await add('b', { content: 'Báo cáo sơ kết công tác kiểm tra, giám sát quý IV', lead: X, deadline: '2026-11-21', lastProgressOn: '2026-11-15' });
    await add('c', { content: 'Xây dựng đề án sắp xếp tổ chức bộ máy', lead: X, deadline: '2026-11-05', completedOn: '2026-11-10' });
    await add('d', { content: 'Rà soát quy hoạch cán bộ', lead: X, deadline: '2026-12-20' });
    await add('e', { content: 'Nhiệm vụ mật quá hạn của ban', lead: X, deadline: '2026-11-02', secrecy: 'confidential' });
    await add('y1', { content: 'Hoàn thành đúng hạn', lead: Y, deadline: '2026-11-06', completedOn: '2026-11-06' });
    // Assigned by a board (Ban Tổ chức), not by the committee: the office does not see it, the board urges it.
    await add('f', { content: 'Nhiệm vụ Ban Tổ chức giao, quá hạn', lead: X, deadline: '2026-11-16', assigner: BTC, createdBy: null });
    // Assigned by the committee, Ban Tổ chức only co-handles it.
    await add('g', { content: 'Nhiệm vụ Ban Phối hợp chủ trì, quá hạn', lead: Z, deadline: '2026-11-12', co: [BTC] });
    chanhvp = await t.login('chanhvp');
    kiemtra = await t.login('kiemtra');
  });
  afterAll(async () => t.cleanup());

  /** The data rows of an exported sheet, each without exceljs's empty first cell. */
  async function sheetRows(payload: Buffer): Promise<{ sheet: ExcelJS.Worksheet; rows: unknown[][] }> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(payload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    for (let i = HEADER_ROW + 2; i <= sheet.rowCount; i++) {
      rows.push((sheet.getRow(i).values as unknown[]).slice(1));
    }
    return { sheet, rows };
  }

  it('exports the visible tasks of the filters as XLSX: Vietnamese headers, secrecy, dd/mm/yyyy dates, status names, days late; audited', async () => {
    const r = await chanhvp.get(`/api/tasks/export.xlsx?body=${X}&sort=due_asc`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const { sheet, rows } = await sheetRows(r.rawPayload);
    expect(sheet.getRow(HEADER_ROW).values).toEqual([
      undefined,
      'STT',
      'Nội dung nhiệm vụ',
      'Độ mật',
      'Nguồn giao',
      'Đơn vị giao',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Ngày giao',
      'Hạn hoàn thành',
      'Ngày hoàn thành',
      'Tiến độ (%)',
      'Tình trạng',
      'Số ngày quá hạn',
    ]);
    // Due dates ascending: e (02/11), c (05/11), a (13/11), b (21/11 → Monday 23/11), d (21/12 → 21/12).
    // On the networked profile (party-wan, the default) the secret task's content does not leave in clear.
    expect(rows.map((v) => v[1])).toEqual([
      SECRET_MASK,
      'Xây dựng đề án sắp xếp tổ chức bộ máy',
      'Tổng kết 5 năm thực hiện Chỉ thị 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      'Báo cáo sơ kết công tác kiểm tra, giám sát quý IV',
      'Rà soát quy hoạch cán bộ',
    ]);
    expect(rows.map((v) => v[2])).toEqual(['Mật', 'Thường', 'Thường', 'Thường', 'Thường']);
    const a = rows[2]!;
    expect(a.slice(0, 7)).toEqual([3, a[1], 'Thường', 'Kết luận 215-KL/TU ngày 01/10/2026, mục 2', 'Tỉnh ủy Hồng Lam', 'Ban Thử nghiệm Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy']);
    expect(a[7]).toEqual(new Date(Date.UTC(2026, 9, 1)));
    expect(a[8]).toEqual(new Date(Date.UTC(2026, 10, 13)));
    expect(a.slice(10)).toEqual([0, 'Quá hạn chưa hoàn thành', 9]);
    expect(sheet.getRow(HEADER_ROW + 4).getCell(9).numFmt).toBe('dd/mm/yyyy');
    expect(rows[1]!.slice(9, 12)).toEqual([new Date(Date.UTC(2026, 10, 10)), 100, 'Hoàn thành quá hạn']);
    expect(rows[3]!.slice(8, 13)).toEqual([new Date(Date.UTC(2026, 10, 23)), undefined, 40, 'Quá hạn chưa hoàn thành', 3]);
    expect(rows[4]![11]).toBe('Chưa đến hạn');
    expect(rows[4]![12] ?? null).toBeNull();
    expect(String(sheet.getCell(3, 1).value)).toContain('26/11/2026');
    // No byte of the secret content in the package (shared strings or inline).
    const xml = zipEntry(r.rawPayload, 'xl/sharedStrings.xml') + zipEntry(r.rawPayload, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toContain('Nhiệm vụ mật quá hạn của ban');
    const audit = await auditEvents(t, 'tasks.exported');
    expect(audit.at(-1)?.details).toMatchObject({ format: 'xlsx', rows: 5, secretTaskIds: [ids.e], secretContent: 'masked' });

    // A unit user of another body sees none of these; the secret task is above a confidential-less clearance.
    const other = await loginUnitUser(t, { username: 'uy_ban_kiem_tra', agencyKey: await agencyKey(t.ctx.db, 'UBKTTU') });
    const o = await other.get(`/api/tasks/export.xlsx?body=${X}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(o.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.rowCount).toBe(HEADER_ROW + 1);
  });

  it('exports the secret task\'s content on the isolated LAN only (the clearance holder\'s own export), still marked Mật; audited with its id', async () => {
    const admin = await t.login('admin');
    expect((await admin.patch('/api/settings', { deploymentProfile: 'isolated-lan' })).statusCode).toBe(200);
    try {
      const r = await chanhvp.get(`/api/tasks/export.xlsx?body=${X}&sort=due_asc`);
      expect(r.statusCode, r.body).toBe(200);
      const { rows } = await sheetRows(r.rawPayload);
      expect(rows[0]!.slice(1, 3)).toEqual(['Nhiệm vụ mật quá hạn của ban', 'Mật']);
      const audit = await auditEvents(t, 'tasks.exported');
      expect(audit.at(-1)?.details).toMatchObject({ rows: 5, secretTaskIds: [ids.e], secretContent: 'clear' });
    } finally {
      expect((await admin.patch('/api/settings', { deploymentProfile: 'party-wan' })).statusCode).toBe(200);
    }
    for (const profile of ['internet', 'party-wan'] as const) {
      expect((await admin.patch('/api/settings', { deploymentProfile: profile })).statusCode).toBe(200);
      const { rows } = await sheetRows((await chanhvp.get(`/api/tasks/export.xlsx?body=${X}&sort=due_asc`)).rawPayload);
      expect(rows[0]!.slice(1, 3), profile).toEqual([SECRET_MASK, 'Mật']);
    }
    expect((await admin.patch('/api/settings', { deploymentProfile: 'party-wan' })).statusCode).toBe(200);
  });

  it('writes the periodic report as DOCX in the Party layout: header, title, summary, the table by unit, the overdue list, Nơi nhận; audited', async () => {
    const r = await chanhvp.get('/api/tasks/report.docx?period=month&year=2026&index=11');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    const { paragraphs, rows } = docxText(r.rawPayload);
    const all = paragraphs.join('\n');
    for (const s of ['ĐẢNG BỘ TỈNH HỒNG LAM', 'TỈNH ỦY', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Hồng Lam, ngày 26 tháng 11 năm 2026', 'BÁO CÁO', 'tình hình thực hiện nhiệm vụ tháng 11 năm 2026', 'Nơi nhận:', '- Lưu Văn phòng Tỉnh ủy.']) {
      expect(all).toContain(s);
    }
    expect(paragraphs.some((p) => /^Số +-BC\/TU$/.test(p))).toBe(true);
    // Due in November: X has a, b, c, e (d is due in December); Y has y1.
    const unitRow = (name: string) => rows.find((row) => row.includes(` | ${name} | `))?.replace(/^\d+ \| /, '');
    expect(unitRow('Ban Thử nghiệm Tỉnh ủy')).toBe('Ban Thử nghiệm Tỉnh ủy | 4 | 0 | 1 | 3 | 0 | 0 | 0');
    expect(unitRow('Ban Đúng hạn Tỉnh ủy')).toBe('Ban Đúng hạn Tỉnh ủy | 1 | 1 | 0 | 0 | 0 | 0 | 100');
    expect(rows.find((row) => row.startsWith(' | Tổng cộng'))).toMatch(/^ \| Tổng cộng \| \d+/);
    expect(all).toMatch(/hoàn thành đúng hạn \d+, hoàn thành quá hạn \d+, quá hạn chưa hoàn thành \d+/);
    // The overdue list: content (secret task hidden), lead, due date, working days late.
    expect(rows.map((row) => row.replace(/^\d+ \| /, ''))).toContain('Tổng kết 5 năm thực hiện Chỉ thị 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh | Ban Thử nghiệm Tỉnh ủy | 13/11/2026 | 9');
    expect(rows.some((row) => row.includes('(Nhiệm vụ mật — xem tại văn thư) | Ban Thử nghiệm Tỉnh ủy | 02/11/2026'))).toBe(true);
    expect(all).not.toContain('Nhiệm vụ mật quá hạn của ban');
    const audit = await auditEvents(t, 'tasks.report_exported');
    expect(audit.at(-1)?.details).toMatchObject({ format: 'docx', period: 'month', from: '2026-11-01', to: '2026-11-30' });

    const q = await chanhvp.get('/api/tasks/report.docx?period=quarter&year=2026&index=4');
    expect(docxText(q.rawPayload).paragraphs.join('\n')).toContain('tình hình thực hiện nhiệm vụ quý IV năm 2026');
    const bad = await chanhvp.get('/api/tasks/report.docx?period=quarter&year=2026&index=5');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('index');
  });

  it('drafts the urging letter as an outgoing Công văn listing the overdue tasks; audit and history in one go', async () => {
    const before = await t.ctx.db.selectFrom('task_events').select('task_id').where('action', '=', 'urged').execute();
    expect(before).toHaveLength(0);
    const r = await chanhvp.post('/api/tasks/urging-letter', { body: X });
    expect(r.statusCode, r.body).toBe(201);
    const { outgoingId, tasks } = r.json() as { outgoingId: number; tasks: number };
    expect(tasks).toBe(2);
    const doc = await t.ctx.db.selectFrom('outgoing_documents').selectAll().where('id', '=', outgoingId).executeTakeFirstOrThrow();
    const type = await t.ctx.db.selectFrom('document_types').select('name').where('id', '=', doc.document_type_id).executeTakeFirstOrThrow();
    expect({ status: doc.status, summary: doc.summary, type: type.name, issuer: doc.issuer_key, secrecy: doc.secrecy }).toEqual({
      status: 'draft',
      summary: 'V/v đôn đốc thực hiện nhiệm vụ',
      type: 'Công văn',
      issuer: await agencyKey(t.ctx.db, 'VPTU'),
      secrecy: 'none',
    });
    const body = (JSON.parse(doc.content) as { body: string; addressees: string[] });
    expect(body.addressees).toEqual(['Ban Thử nghiệm Tỉnh ủy']);
    expect(body.body).toContain('1. Tổng kết 5 năm thực hiện Chỉ thị 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (nguồn: Kết luận 215-KL/TU ngày 01/10/2026, mục 2; hạn: 13/11/2026; chậm 9 ngày làm việc).');
    expect(body.body).toContain('2. Báo cáo sơ kết công tác kiểm tra, giám sát quý IV (nguồn: giao trực tiếp; hạn: 23/11/2026; chậm 3 ngày làm việc).');
    expect(body.body).toContain('Ngoài ra còn 1 nhiệm vụ có độ mật quá hạn');
    expect(body.body).not.toContain('Nhiệm vụ mật quá hạn của ban');
    const events = await t.ctx.db.selectFrom('task_events').select(['task_id', 'details']).where('action', '=', 'urged').orderBy('task_id').execute();
    expect(events.map((e) => e.task_id)).toEqual([ids.a, ids.b]);
    expect(JSON.parse(events[0]!.details)).toMatchObject({ outgoingId });
    const audit = await auditEvents(t, 'tasks.urged');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ outgoingId, taskIds: [ids.a, ids.b], secretNotListed: 1 });
    expect(await auditEvents(t, 'outgoing.drafted', outgoingId)).toHaveLength(1);

    // The draft prints through the outgoing module's own DOCX.
    const docx = await chanhvp.get(`/api/outgoing/${outgoingId}/docx`);
    expect(docx.statusCode, docx.body).toBe(200);
    const text = docxText(docx.rawPayload).paragraphs.join('\n');
    expect(text).toContain('V/v đôn đốc thực hiện nhiệm vụ');
    expect(text).toContain('Kính gửi: Ban Thử nghiệm Tỉnh ủy');
  });

  it('answers 422 when the body has nothing overdue, 403 to the inspection role; nothing written', async () => {
    const none = await chanhvp.post('/api/tasks/urging-letter', { body: Y });
    expect(none.statusCode).toBe(422);
    expect(none.json().error).toMatchObject({ code: 'tasks.nothing_overdue' });
    expect(none.json().error.message).toContain('Ban Đúng hạn Tỉnh ủy không có nhiệm vụ nào quá hạn');
    expect((await kiemtra.post('/api/tasks/urging-letter', { body: X })).statusCode).toBe(403);
    const bad = await chanhvp.post('/api/tasks/urging-letter', { body: 'x1' });
    expect(bad.statusCode).toBe(400);
    expect(await auditEvents(t, 'tasks.urged')).toHaveLength(1);
    expect(await t.ctx.db.selectFrom('task_events').select('id').where('action', '=', 'urged').execute()).toHaveLength(2);
  });
  it('urges only what the caller\'s body assigned, in that body\'s name: 403 to a co-body and to the lead body itself', async () => {
    const btc = await loginUnitUser(t, { username: 'ban_to_chuc', agencyKey: BTC, clearance: 'confidential' });
    // Ban Tổ chức sees g (it co-handles it) and g is overdue, but the committee assigned it.
    const co = await btc.post('/api/tasks/urging-letter', { body: Z });
    expect(co.statusCode, co.body).toBe(403);
    expect(co.json().error.code).toBe('tasks.forbidden');
    // The lead body cannot urge itself about what the committee gave it.
    const lead = await loginUnitUser(t, { username: 'ban_thu_nghiem', agencyKey: X, clearance: 'confidential' });
    const self = await lead.post('/api/tasks/urging-letter', { body: X });
    expect(self.statusCode, self.body).toBe(403);
    expect(self.json().error.code).toBe('tasks.forbidden');
    expect(await auditEvents(t, 'tasks.urged')).toHaveLength(1);

    // The office acts for the committee that assigned g: 201, issued by the office.
    const office = await chanhvp.post('/api/tasks/urging-letter', { body: Z });
    expect(office.statusCode, office.body).toBe(201);
    const officeDoc = await t.ctx.db.selectFrom('outgoing_documents').select(['issuer_key', 'content']).where('id', '=', office.json().outgoingId).executeTakeFirstOrThrow();
    expect(officeDoc.issuer_key).toBe(await agencyKey(t.ctx.db, 'VPTU'));
    expect(officeDoc.content).toContain('Nhiệm vụ Ban Phối hợp chủ trì, quá hạn');

    // Ban Tổ chức urges X about f, which it assigned — not about a, which it only co-handles — in its own name.
    const own = await btc.post('/api/tasks/urging-letter', { body: X });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().tasks).toBe(1);
    const doc = await t.ctx.db.selectFrom('outgoing_documents').select(['issuer_key', 'content']).where('id', '=', own.json().outgoingId).executeTakeFirstOrThrow();
    expect(doc.issuer_key).toBe(BTC);
    const text = (JSON.parse(doc.content) as { body: string }).body;
    expect(text).toContain('1. Nhiệm vụ Ban Tổ chức giao, quá hạn');
    expect(text).not.toContain('Tổng kết 5 năm');
    expect(text).toContain('Ban Tổ chức Tỉnh ủy đề nghị Ban Thử nghiệm Tỉnh ủy');
    const audit = await auditEvents(t, 'tasks.urged');
    expect(audit.at(-1)!.details).toMatchObject({ taskIds: [ids.f], issuer: BTC });
  });

  it('gives the committee\'s report only to those acting for the committee or inspecting it: 403 to a unit, to another committee\'s office', async () => {
    const before = (await auditEvents(t, 'tasks.report_exported')).length;
    const unit = await t.login('ban_to_chuc', 'Mat-khau-don-vi-2026');
    const r = await unit.get('/api/tasks/report.docx?period=month&year=2026&index=11');
    expect(r.statusCode, r.body).toBe(403);
    expect(r.json().error.code).toBe('tasks.forbidden');
    // The province's office asking for a commune's report, and a commune's office asking for the province's.
    const commune = (await t.ctx.db.selectFrom('committees').select('id').where('name', '=', 'Đảng ủy xã Tân Phú').executeTakeFirstOrThrow()).id;
    expect((await chanhvp.get(`/api/tasks/report.docx?period=month&year=2026&index=11&committeeId=${commune}`)).statusCode).toBe(403);
    const xa = await t.login('xatanphu');
    expect((await xa.get('/api/tasks/report.docx?period=month&year=2026&index=11&committeeId=1')).statusCode).toBe(403);
    expect((await xa.get('/api/tasks/report.docx?period=month&year=2026&index=11')).statusCode).toBe(200);
    // The inspection role, with the province in its scope.
    expect((await kiemtra.get('/api/tasks/report.docx?period=month&year=2026&index=11')).statusCode).toBe(200);
    expect(await auditEvents(t, 'tasks.report_exported')).toHaveLength(before + 2);
  });

  it('prints the true number of overdue tasks when the list is cut', async () => {
    const actor = await actorOf(t.ctx, 'chanhvp');
    const full = await taskReport(t.ctx, actor, { period: 'month', year: 2026, index: 11 });
    expect(full.overdueTotal).toBe(full.overdue.length);
    expect(full.overdueTotal).toBeGreaterThanOrEqual(4);
    const cut = await taskReport(t.ctx, actor, { period: 'month', year: 2026, index: 11 }, { overdueLimit: 2 });
    expect(cut.overdue).toHaveLength(2);
    expect(cut.overdueTotal).toBe(full.overdueTotal);
    const text = docxText(await renderTaskReportDocx(cut)).paragraphs.join('\n');
    expect(text).toContain(`còn ${full.overdueTotal} nhiệm vụ có hạn đến hết kỳ báo cáo đã quá hạn nhưng chưa hoàn thành (liệt kê 2 nhiệm vụ đầu tiên):`);
    const whole = docxText(await renderTaskReportDocx(full)).paragraphs.join('\n');
    expect(whole).toContain(`còn ${full.overdueTotal} nhiệm vụ có hạn đến hết kỳ báo cáo đã quá hạn nhưng chưa hoàn thành:`);
    expect(whole).not.toContain('liệt kê');
  });
});
