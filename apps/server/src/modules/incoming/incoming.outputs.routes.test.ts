import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../../test/test-context.ts';
import { DEMO, loginScopedUser } from '../org/org.test-support.ts';
import {
  insertDocument,
  insertRegister,
  pdfPages,
  pdfText,
  type DocSpec,
} from './incoming.outputs.test-support.ts';

/**
 * The printed register and the handling report (issue 3 §7), on the demo organisation with documents of
 * 2025 (the demo's own incoming documents arrive in the weeks before "today", 10 January 2026).
 */

const LONG =
  'Về việc triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; đề nghị các cấp ủy, tổ chức đảng trực thuộc quán triệt, xây dựng kế hoạch thực hiện và báo cáo kết quả định kỳ trước ngày 15 hằng tháng.';

const book = (q: string) => `/api/incoming/register-book?${q}`;
const RANGE = 'from=2025-03-01&to=2025-06-30';

async function xlsx(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('the printed incoming register and the handling report', () => {
  let t: TestApp;
  let clerk: Client;
  let ordinary: number;
  let secret: number;
  const agency: Record<string, number> = {};
  let specialistId: number;

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock('2026-01-10T02:00:00Z') });
    clerk = await t.login('vanthu');
    const db = t.ctx.db;
    for (const a of await db
      .selectFrom('agencies')
      .select(['id', 'abbreviation'])
      .where('committee_id', '=', DEMO.province)
      .execute()) {
      agency[a.abbreviation] = a.id;
    }
    specialistId = (
      await db.selectFrom('users').select('id').where('username', '=', 'chuyenvien').executeTakeFirstOrThrow()
    ).id;
    const congVan = (
      await db
        .selectFrom('document_types')
        .select('id')
        .where('name', '=', 'Công văn')
        .executeTakeFirstOrThrow()
    ).id;
    ordinary = await insertRegister(db, {
      committeeId: DEMO.province,
      year: 2025,
      kind: 'ordinary',
      name: 'Sổ văn bản đến',
    });
    secret = await insertRegister(db, {
      committeeId: DEMO.province,
      year: 2025,
      kind: 'secret',
      name: 'Sổ văn bản mật đến năm 2025',
    });
    const inOrdinary = { id: ordinary, committeeId: DEMO.province };
    const inSecret = { id: secret, committeeId: DEMO.province };
    const docs: DocSpec[] = [
      {
        n: 1,
        arrivalDate: '2025-03-03',
        notation: '101-CV/VPTW',
        documentTypeId: congVan,
        status: 'done',
        deadline: '2025-03-20',
        completedOn: '2025-03-18',
        leadAgencyId: agency.VPTU,
        coAgencyIds: [agency.UBKTTU!, agency.BTCTU!],
        directedAt: '2025-03-03T18:30:00.000Z',
      },
      {
        n: 2,
        arrivalDate: '2025-03-04',
        notation: '102-CV/BTCTW',
        issuerName: 'Ban Tổ chức Trung ương',
        status: 'done',
        deadline: '2025-03-10',
        completedOn: '2025-03-12',
        leadAgencyId: agency.BTCTU,
      },
      {
        n: 3,
        arrivalDate: '2025-03-05',
        notation: '103-HD/VPTW',
        status: 'in_progress',
        deadline: '2025-04-01',
        leadAgencyId: agency.VPTU,
      },
      {
        n: 4,
        arrivalDate: '2025-03-06',
        notation: '104/QĐ-UBND',
        status: 'directed',
        deadline: '2026-02-01',
        leadUserId: specialistId,
      },
      { n: 5, arrivalDate: '2025-03-07', notation: '105-TB/TU', status: 'registered' },
      {
        n: 6,
        arrivalDate: '2025-03-08',
        notation: '106-CV/VPTW',
        status: 'cancelled',
        cancelReason: 'Gửi nhầm địa chỉ',
        leadAgencyId: agency.VPTU,
      },
      { n: 7, arrivalDate: '2025-03-09', notation: '107-BC/ĐU', status: 'filed', completedOn: '2025-03-09' },
      ...Array.from({ length: 12 }, (_, i): DocSpec => ({
        n: 8 + i,
        arrivalDate: '2025-03-10',
        notation: `${108 + i}-CV/VPTW`,
        summary: LONG,
        status: 'done',
        deadline: '2025-04-10',
        completedOn: '2025-04-01',
        leadAgencyId: agency.VPTU,
      })),
      { n: 20, arrivalDate: '2025-07-02', notation: '120-CV/VPTW', status: 'registered' },
    ];
    for (const d of docs) {
      await insertDocument(db, inOrdinary, d);
    }
    await insertDocument(db, inSecret, {
      n: 1,
      arrivalDate: '2025-03-11',
      notation: '201-CV/BNCTW',
      secrecy: 'confidential',
      summary: 'Tài liệu Mật về công tác nội chính',
      status: 'directed',
      deadline: '2026-02-01',
      leadAgencyId: agency.VPTU,
    });
    await insertDocument(db, inSecret, {
      n: 2,
      arrivalDate: '2025-03-12',
      notation: '202-CV/BTCTW',
      secrecy: 'secret',
      summary: 'Tài liệu Tối mật về nhân sự',
      status: 'directed',
      deadline: '2025-04-01',
      leadAgencyId: agency.VPTU,
    });
    await insertDocument(db, inSecret, {
      n: 3,
      arrivalDate: '2025-03-13',
      notation: '203-CV/TW',
      secrecy: 'top_secret',
      summary: null,
      status: 'registered',
    });
  });
  afterAll(async () => t.cleanup());

  it('prints the register as A4-landscape PDF: visible lines in arrival order, Vietnamese intact, headers on every page', async () => {
    const r = await clerk.get(book(`registerId=${ordinary}&${RANGE}&format=pdf`));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toContain(
      "filename*=UTF-8''S%E1%BB%95%20v%C4%83n%20b%E1%BA%A3n%20%C4%91%E1%BA%BFn",
    );
    const text = pdfText(r.rawPayload);
    expect(text).toContain('TỈNH ỦY HỒNG LAM');
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(text).toContain('Từ ngày 01/03/2025 đến ngày 30/06/2025');
    expect(text).toContain('Ban Tổ chức Trung ương');
    expect(text).toContain('Đã thu hồi: Gửi nhầm địa chỉ');
    expect(text).toContain('Phối hợp: Ủy ban Kiểm tra');
    expect(text).toContain('Hoàng Thị Mai Phương'); // lead person of no. 4
    expect(text).toContain('04/03/2025'); // directed at 01:30 on 4 March in Vietnam (18:30 UTC the day before)
    expect(text).toContain('Công văn');
    expect(text).not.toContain('120-CV/VPTW'); // arrived after the range
    const lines = pdfText(r.rawPayload, { layout: true });
    const order = [
      '101-CV/VPTW',
      '102-CV/BTCTW',
      '103-HD/VPTW',
      '104/QĐ-UBND',
      '105-TB/TU',
      '106-CV/VPTW',
      '107-BC/ĐU',
      '119-CV/VPTW',
    ].map((s) => lines.indexOf(s));
    expect(order.every((p) => p >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const pages = pdfPages(r.rawPayload);
    expect(pages).toBeGreaterThan(1);
    const second = pdfText(r.rawPayload, { pages: { first: 2, last: 2 } });
    expect(second).toContain('Tên loại và trích yếu nội dung');
    expect(second).toContain(`Trang 2/${pages}`);
    // The long summary is printed whole, wrapped over several lines.
    expect(text).toContain(LONG);
  });

  it('exports the same register as XLSX with dates, a frozen header repeated on every printed page', async () => {
    const r = await clerk.get(book(`registerId=${ordinary}&${RANGE}&format=xlsx`));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(r.headers['content-disposition']).toMatch(/\.xlsx$/);
    const sheet = await xlsx(r.rawPayload);
    expect(sheet.getCell('A2').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(sheet.getRow(6).values).toEqual([
      undefined,
      'Ngày đến',
      'Số đến',
      'Tác giả (cơ quan ban hành)',
      'Số, ký hiệu',
      'Ngày tháng văn bản',
      'Tên loại và trích yếu nội dung',
      'Đơn vị hoặc người nhận',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ]);
    const first = sheet.getRow(8);
    expect(first.getCell(1).value).toEqual(new Date(Date.UTC(2025, 2, 3)));
    expect(first.getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(2).value).toBe(1);
    expect(first.getCell(4).value).toBe('101-CV/VPTW');
    expect(first.getCell(6).value).toBe('Công văn\nVề việc triển khai công tác văn thư');
    expect(first.getCell(7).value).toBe(
      'Văn phòng Tỉnh ủy (chủ trì)\nPhối hợp: Ủy ban Kiểm tra Tỉnh ủy, Ban Tổ chức Tỉnh ủy',
    );
    expect(first.getCell(8).value).toEqual(new Date(Date.UTC(2025, 2, 4)));
    expect(first.getCell(6).alignment?.wrapText).toBe(true);
    expect(sheet.getRow(13).getCell(10).value).toBe('Đã thu hồi: Gửi nhầm địa chỉ');
    const numbers = [];
    for (let i = 8; i <= sheet.rowCount; i++) {
      numbers.push(sheet.getRow(i).getCell(2).value);
    }
    expect(numbers).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '6:7' });
  });

  it('records each export in the audit log', async () => {
    await clerk.get(book(`registerId=${ordinary}&${RANGE}`));
    const last = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      action: 'incoming.register_exported',
      entity_type: 'incoming_register',
      entity_id: String(ordinary),
      actor_name: 'vanthu',
    });
    expect(JSON.parse(last.details)).toEqual({
      from: '2025-03-01',
      to: '2025-06-30',
      format: 'pdf',
      lines: 19,
    });
  });

  it("leaves out what the reader may not see: a specialist gets neither the Tối mật line nor other units' documents", async () => {
    const specialist = await t.login('chuyenvien');
    const pdf = pdfText((await specialist.get(book(`registerId=${secret}&${RANGE}`))).rawPayload);
    expect(pdf).toContain('201-CV/BNCTW'); // Mật, directed to the specialist's unit
    expect(pdf).not.toContain('202-CV/BTCTW'); // Tối mật: above a Mật clearance
    expect(pdf).not.toContain('Tối mật về nhân sự');
    expect(pdf).not.toContain('203-CV/TW');
    const sheet = await xlsx(
      (await specialist.get(book(`registerId=${secret}&${RANGE}&format=xlsx`))).rawPayload,
    );
    expect(sheet.rowCount).toBe(8);
    expect(sheet.getRow(8).getCell(4).value).toBe('201-CV/BNCTW');
    const own = pdfText((await specialist.get(book(`registerId=${ordinary}&${RANGE}`))).rawPayload);
    expect(own).toContain('101-CV/VPTW');
    expect(own).toContain('104/QĐ-UBND'); // directed to her in person
    expect(own).not.toContain('102-CV/BTCTW'); // another unit's document
    // The clerk (Tối mật clearance) sees the secret line; the Tuyệt mật stub needs a Tuyệt mật reader.
    const clerkPdf = pdfText((await clerk.get(book(`registerId=${secret}&${RANGE}`))).rawPayload);
    expect(clerkPdf).toContain('202-CV/BTCTW');
    expect(clerkPdf).not.toContain('203-CV/TW');
    const leader = await t.login('chanhvp');
    expect(pdfText((await leader.get(book(`registerId=${secret}&${RANGE}`))).rawPayload)).toContain(
      '(Tuyệt mật)',
    );
  });

  it("answers 404 for a register outside the caller's scope, and for one that does not exist", async () => {
    const communeClerk = await loginScopedUser(t, {
      username: 'vanthu_tanphu',
      committeeId: DEMO.tanPhu,
      role: 'clerk',
    });
    const r = await communeClerk.get(book(`registerId=${ordinary}&${RANGE}`));
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('incoming_register.not_found');
    expect((await clerk.get(book(`registerId=99999&${RANGE}`))).statusCode).toBe(404);
  });

  it('the OpenAPI examples work for the clerk on the demo data (register 1 is the demo ordinary register)', async () => {
    const paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
    for (const p of ['/api/incoming/register-book', '/api/incoming/report']) {
      const r = await clerk.get(paths[p].get['x-request-example'].url);
      expect(r.statusCode, p).toBe(200);
    }
  });

  it('refuses bad dates with a 400 naming the field', async () => {
    const path = async (url: string) => {
      const r = await clerk.get(url);
      expect(r.statusCode).toBe(400);
      return (r.json().error.details as { path: string }[]).map((d) => d.path).join(' ');
    };
    expect(await path(book(`registerId=${ordinary}&from=2025-02-30&to=2025-06-30`))).toMatch(/from/);
    expect(await path(book(`registerId=${ordinary}&from=2025-06-30&to=2025-03-01`))).toBe('to');
    expect(await path(book(`registerId=${ordinary}&from=2025-01-01&to=2026-01-03`))).toBe('to');
    expect(await path(book(`registerId=${ordinary}&from=2025-01-01&to=2025-06-30&format=docx`))).toMatch(
      /format/,
    );
    expect(await path('/api/incoming/report?from=2025-06-30&to=2025-03-01')).toBe('to');
    expect(await path('/api/incoming/report?from=2025-03-01&to=tomorrow')).toMatch(/to/);
  });

  it('reports handling by lead unit: on time, late, overdue, in progress, the undistributed, and totals', async () => {
    const r = await clerk.get(`/api/incoming/report?${RANGE}`);
    expect(r.statusCode).toBe(200);
    const { rows, totals } = r.json();
    expect(rows).toEqual([
      {
        agencyId: agency.BTCTU,
        agencyName: 'Ban Tổ chức Tỉnh ủy',
        total: 1,
        doneOnTime: 0,
        doneLate: 1,
        overdue: 0,
        inProgress: 0,
      },
      // 1, 3, 4 (her person), 8–19, and the Mật and Tối mật ones; the recalled no. 6 is not counted.
      {
        agencyId: agency.VPTU,
        agencyName: 'Văn phòng Tỉnh ủy',
        total: 17,
        doneOnTime: 13,
        doneLate: 0,
        overdue: 2,
        inProgress: 2,
      },
      {
        agencyId: null,
        agencyName: 'Chưa phân phối',
        total: 2,
        doneOnTime: 1,
        doneLate: 0,
        overdue: 0,
        inProgress: 1,
      },
    ]);
    expect(totals).toEqual({ total: 20, doneOnTime: 14, doneLate: 1, overdue: 2, inProgress: 3 });
  });

  it('counts in the report only what the caller may see', async () => {
    const specialist = await t.login('chuyenvien');
    const mine = (await specialist.get(`/api/incoming/report?${RANGE}`)).json();
    expect(mine.rows).toEqual([
      {
        agencyId: agency.VPTU,
        agencyName: 'Văn phòng Tỉnh ủy',
        total: 16,
        doneOnTime: 13,
        doneLate: 0,
        overdue: 1,
        inProgress: 2,
      },
    ]);
    const inspector = await t.login('kiemtra');
    expect((await inspector.get(`/api/incoming/report?${RANGE}`)).json().totals.total).toBe(1); // co-unit of no. 1
    const outsider = await t.login('tiepdan');
    expect((await outsider.get(`/api/incoming/report?${RANGE}`)).statusCode).toBe(403);
    expect((await outsider.get(book(`registerId=${ordinary}&${RANGE}`))).statusCode).toBe(403);
  });

  it('exports the report as XLSX with the same numbers', async () => {
    const r = await clerk.get(`/api/incoming/report?${RANGE}&format=xlsx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/\.xlsx$/);
    const sheet = await xlsx(r.rawPayload);
    expect(sheet.getCell('A1').value).toBe('TỈNH ỦY HỒNG LAM');
    expect(sheet.getRow(6).getCell(2).value).toBe('Đơn vị chủ trì');
    expect(sheet.getRow(8).values).toEqual([undefined, 2, 'Văn phòng Tỉnh ủy', 17, 13, 0, 2, 2]);
    expect(sheet.getRow(9).values).toEqual([undefined, 3, 'Chưa phân phối', 2, 1, 0, 0, 1]);
    expect(sheet.getRow(10).values).toEqual([undefined, '', 'Tổng cộng', 20, 14, 1, 2, 3]);
    const last = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.action).toBe('incoming.report_exported');
  });
});
