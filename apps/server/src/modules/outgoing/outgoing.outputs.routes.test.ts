import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../../test/test-context.ts';
import { pdfPages, pdfText } from '../incoming/incoming.outputs.test-support.ts';
import { DEMO, loginScopedUser } from '../org/org.test-support.ts';
import type { OutgoingRegisterEntry } from './outgoing.outputs.models.ts';
import {
  insertRegisterFixtures,
  lineWith,
  LONG,
  xlsxSheet as xlsx,
} from './outgoing.outputs.test-support.ts';
import type { IssuedReport } from './outgoing.report.ts';


/**
 * The outgoing register (sổ đăng ký văn bản đi, issue 4 §8) on the demo organisation with the documents
 * of 2025 of insertRegisterFixtures; "today" is 25 November 2026, so the demo's own issued documents
 * (40, 20 and 10 days ago) are in the 2026 register.
 */

const Y2025 = 'issuerKey=c1&year=2025';

describe('the outgoing register', () => {
  let t: TestApp;
  let clerk: Client;
  let vptu: number;

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock('2026-11-25T02:00:00Z') });
    clerk = await t.login('vanthu');
    ({ vptu } = await insertRegisterFixtures(t.ctx.db));
  });
  afterAll(async () => t.cleanup());

  it('prints the register as A4-landscape PDF: each line with its notation and date, by date then number, headers on every page', async () => {
    const r = await clerk.get(`/api/outgoing/register.pdf?${Y2025}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toMatch(/2025-01-01%202025-12-31\.pdf/);
    const text = pdfText(r.rawPayload);
    for (const s of [
      'ĐẢNG BỘ TỈNH HỒNG LAM',
      'TỈNH ỦY',
      'SỔ ĐĂNG KÝ VĂN BẢN ĐI',
      'Tỉnh ủy Hồng Lam',
      'Năm 2025',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain('Đã thu hồi: Sai số liệu');
    expect(text).toContain('Đã lấy số, chưa phát hành xong');
    expect(text).toContain('Khẩn');
    expect(text).toContain('Lưu Văn phòng Tỉnh ủy');
    expect(text).toContain('- Đảng ủy xã Tân Phú - Ban Tổ chức Tỉnh ủy');
    expect(text).toContain(LONG);
    for (const absent of ['08-CV/TU', '02-BC/TU', 'dự thảo chưa ký', '01-CV/VPTU', '10-CV/TU', '01-CV/ĐU']) {
      expect(text).not.toContain(absent);
    }
    const layout = pdfText(r.rawPayload, { layout: true });
    expect(lineWith(layout, '02-TB/TU')).toMatch(/02-TB\/TU\s+03\/03\/2025\s+Thông báo/);
    expect(lineWith(layout, '06-CV/TU')).toMatch(/06-CV\/TU\s+10\/04\/2025/);
    // The unfinished issue has its date but no "Ngày chuyển" yet; the others were sent the day they were issued.
    expect(lineWith(layout, '07-CV/TU').match(/11\/04\/2025/g)).toHaveLength(1);
    expect(lineWith(layout, '09-CV/TU').match(/01\/06\/2025/g)).toHaveLength(2);
    const order = ['02-TB/TU', '05-CV/TU', '06-CV/TU', '07-CV/TU', '09-CV/TU', '10-TB/TU', '33-TB/TU'].map(
      (s) => layout.indexOf(s),
    );
    expect(order.every((p) => p >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const pages = pdfPages(r.rawPayload);
    expect(pages).toBeGreaterThan(1);
    const second = pdfText(r.rawPayload, { pages: { first: 2, last: 2 } });
    expect(second).toContain('Tên loại và trích yếu');
    expect(second).toContain('Đơn vị, người nhận bản lưu');
    expect(second).toContain(`Trang 2/${pages}`);
  });

  it('keeps secret documents in a separate register, with where the paper original is kept', async () => {
    const secret = pdfText((await clerk.get(`/api/outgoing/register.pdf?${Y2025}&kind=secret`)).rawPayload);
    expect(secret).toContain('SỔ ĐĂNG KÝ VĂN BẢN MẬT ĐI');
    expect(secret).toContain('08-CV/TU');
    expect(secret).toContain('Bản gốc lưu tại: Tủ tài liệu mật, phòng Văn thư');
    expect(secret).toContain('02-BC/TU'); // Tối mật: the clerk's clearance is Tối mật
    expect(secret).not.toContain('02-TB/TU');
    expect(secret).not.toContain('05-CV/TU');
    const { entries } = (await clerk.get(`/api/outgoing/register?${Y2025}&kind=secret`)).json() as {
      entries: OutgoingRegisterEntry[];
    };
    expect(entries.map((e) => [e.notation, e.secrecy, e.stub, e.remarks])).toEqual([
      ['08-CV/TU', 'confidential', true, 'Mật\nBản gốc lưu tại: Tủ tài liệu mật, phòng Văn thư'],
      ['02-BC/TU', 'secret', true, 'Tối mật\nChỉ có bản giấy'],
    ]);
  });

  it('never shows a reader a document they may not see: not in the register, not in the counts', async () => {
    const specialist = await t.login('chuyenvien');
    const secret = pdfText(
      (await specialist.get(`/api/outgoing/register.pdf?${Y2025}&kind=secret`)).rawPayload,
    );
    expect(secret).toContain('08-CV/TU'); // Mật, her draft, her clearance
    expect(secret).not.toContain('02-BC/TU'); // her draft too, but Tối mật is above a Mật clearance
    expect(secret).not.toContain('Tối mật về nhân sự');
    const own = pdfText((await specialist.get(`/api/outgoing/register.pdf?${Y2025}`)).rawPayload);
    expect(own).toContain('05-CV/TU');
    expect(own).not.toContain('09-CV/TU'); // drafted by someone else: not hers to see
    const inspector = await t.login('kiemtra');
    const his = (await inspector.get(`/api/outgoing/register?${Y2025}`)).json() as {
      entries: OutgoingRegisterEntry[];
    };
    expect(his.entries.map((e) => e.notation)).toEqual(['09-CV/TU']);
    const xlsxRows = (await xlsx((await inspector.get(`/api/outgoing/register.xlsx?${Y2025}`)).rawPayload))
      .rowCount;
    expect(xlsxRows).toBe(8);
    const report = (await inspector.get('/api/outgoing/report?year=2025')).json() as IssuedReport;
    expect(report.totals).toEqual({ total: 1, secret: 0, recalled: 0 });
    const communeClerk = await loginScopedUser(t, {
      username: 'vanthu_tanphu',
      committeeId: DEMO.tanPhu,
      role: 'clerk',
    });
    const foreign = await communeClerk.get(`/api/outgoing/register.pdf?${Y2025}`);
    expect(foreign.statusCode).toBe(200);
    expect(pdfText(foreign.rawPayload)).toContain('Không có văn bản đi trong khoảng thời gian này.');
    const communeReport = (await communeClerk.get('/api/outgoing/report?year=2025')).json() as IssuedReport;
    expect(communeReport.issuers.map((i) => i.issuerKey)).toEqual([`c${DEMO.tanPhu}`]);
    const outsider = await t.login('ketoan');
    expect((await outsider.get(`/api/outgoing/register.pdf?${Y2025}`)).statusCode).toBe(403);
    expect((await outsider.get('/api/outgoing/report?year=2025')).statusCode).toBe(403);
  });

  it('exports the register as XLSX whose rows equal the JSON of the same query', async () => {
    const json = (await clerk.get(`/api/outgoing/register?${Y2025}`)).json() as {
      heading: { issuerName: string; periodLabel: string };
      entries: OutgoingRegisterEntry[];
    };
    expect(json.heading).toMatchObject({ issuerName: 'Tỉnh ủy Hồng Lam', periodLabel: 'Năm 2025' });
    const r = await clerk.get(`/api/outgoing/register.xlsx?${Y2025}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const sheet = await xlsx(r.rawPayload);
    expect(sheet.getCell('A2').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(sheet.getRow(6).values).toEqual([
      undefined,
      'Số, ký hiệu',
      'Ngày tháng văn bản',
      'Tên loại và trích yếu',
      'Người ký',
      'Nơi nhận',
      'Đơn vị, người nhận bản lưu',
      'Số lượng bản',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ]);
    const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00.000Z`) : null);
    const rows = [];
    for (let i = 8; i <= sheet.rowCount; i++) {
      rows.push(Array.from({ length: 10 }, (_, c) => sheet.getRow(i).getCell(c + 1).value ?? null));
    }
    expect(rows).toEqual(
      json.entries.map((e) => [
        e.notation,
        date(e.issuedOn),
        `${e.typeName}\n${e.summary}`,
        e.signerName,
        e.recipients.length > 1 ? e.recipients.map((n) => `- ${n}`).join('\n') : (e.recipients[0] ?? ''),
        e.retainLine,
        e.copies,
        date(e.deliveredOn),
        null,
        e.remarks,
      ]),
    );
    expect(json.entries).toHaveLength(29);
    expect(json.entries[1]).toMatchObject({
      notation: '05-CV/TU',
      copies: 3,
      signerName: 'Phạm Quang Vinh',
      remarks: 'Khẩn',
    });
    expect(sheet.getRow(9).getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getRow(9).getCell(3).alignment?.wrapText).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '6:7' });
    // An agency's register: its own "Lưu …" line as the drafter wrote it.
    const office = (
      await clerk.get(`/api/outgoing/register?issuerKey=c${DEMO.province}-a${vptu}&year=2025`)
    ).json() as {
      heading: { issuerLine: string };
      entries: OutgoingRegisterEntry[];
    };
    expect(office.heading.issuerLine).toBe('VĂN PHÒNG');
    expect(office.entries.map((e) => [e.notation, e.retainLine])).toEqual([['01-CV/VPTU', 'Lưu VT, VPTU']]);
  });

  it('records each printed register in the audit log', async () => {
    await clerk.get(`/api/outgoing/register.xlsx?${Y2025}&kind=secret`);
    const last = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      action: 'outgoing.register_exported',
      entity_type: 'outgoing_register',
      entity_id: 'c1',
      actor_name: 'vanthu',
    });
    expect(JSON.parse(last.details)).toEqual({
      kind: 'secret',
      from: '2025-01-01',
      to: '2025-12-31',
      format: 'xlsx',
      lines: 2,
    });
  });

  it('prints the demo documents in the register of the current year, and the OpenAPI examples work for the clerk', async () => {
    const layout = pdfText((await clerk.get('/api/outgoing/register.pdf?issuerKey=c1')).rawPayload, {
      layout: true,
    });
    expect(layout).toContain('Năm 2026');
    expect(lineWith(layout, '01-TB/TU')).toMatch(/01-TB\/TU\s+16\/10\/2026\s+Thông báo/);
    expect(lineWith(layout, '03-TB/TU')).toMatch(/03-TB\/TU\s+05\/11\/2026/);
    expect(lineWith(layout, '01-BC/TU')).toMatch(/01-BC\/TU\s+15\/11\/2026\s+Báo cáo/);
    const paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
    for (const p of [
      '/api/outgoing/register',
      '/api/outgoing/register.pdf',
      '/api/outgoing/register.xlsx',
      '/api/outgoing/report',
      '/api/outgoing/report.xlsx',
    ]) {
      const ex = paths[p].get['x-request-example'];
      expect(ex.as).toBe('vanthu');
      const r = await clerk.get(ex.url);
      expect(r.statusCode, p).toBe(200);
    }
    const demo = (await clerk.get('/api/outgoing/report')).json() as IssuedReport;
    // The three demo documents, and this suite's 10-CV/TU of 2 January.
    expect(demo.issuers[0]?.types.map((ty) => [ty.typeAbbreviation, ty.total])).toEqual([
      ['BC', 1],
      ['CV', 1],
      ['TB', 2],
    ]);
  });

  it('refuses a bad period or issuing body with a 400 naming the field, and an unknown body with a 404', async () => {
    const path = async (url: string) => {
      const r = await clerk.get(url);
      expect(r.statusCode, url).toBe(400);
      return (r.json().error.details as { path: string }[]).map((d) => d.path).join(' ');
    };
    expect(
      await path('/api/outgoing/register.pdf?issuerKey=c1&year=2025&from=2025-01-01&to=2025-02-01'),
    ).toBe('year');
    expect(await path('/api/outgoing/register.pdf?issuerKey=c1&from=2025-01-01')).toBe('to');
    expect(await path('/api/outgoing/register.pdf?issuerKey=c1&from=2025-06-01&to=2025-03-01')).toBe('to');
    expect(await path('/api/outgoing/register.pdf?issuerKey=c1&from=2025-01-01&to=2026-01-03')).toBe('to');
    expect(await path('/api/outgoing/register.pdf?issuerKey=c1&from=2025-02-30&to=2025-03-01')).toMatch(
      /from/,
    );
    expect(await path('/api/outgoing/register.xlsx?issuerKey=TU&year=2025')).toMatch(/issuerKey/);
    expect(await path('/api/outgoing/register?issuerKey=c1&kind=mat')).toMatch(/kind/);
    expect(await path('/api/outgoing/report?year=twenty')).toMatch(/year/);
    expect(await path('/api/outgoing/report?to=2025-01-01')).toBe('from');
    const unknown = await clerk.get('/api/outgoing/register.pdf?issuerKey=c999&year=2025');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('outgoing_issuer.not_found');
    expect((await clerk.get(`/api/outgoing/register?issuerKey=c${DEMO.tanPhu}-a${vptu}`)).statusCode).toBe(
      404,
    ); // VPTU is not Tân Phú's
  });
});
