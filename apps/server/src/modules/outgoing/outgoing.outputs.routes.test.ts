import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../../test/test-context.ts';
import type { App } from '../../platform/http/types.ts';
import { pdfPages, pdfText } from '../incoming/incoming.outputs.test-support.ts';
import { committeeSubtreeIds } from '../org/org.scope.ts';
import { DEMO, loginScopedUser } from '../org/org.test-support.ts';
import type { OutgoingRegisterEntry } from './outgoing.outputs.models.ts';
import { insertOutgoing, type OutgoingSpec } from './outgoing.outputs.test-support.ts';
import type { IssuedReport } from './outgoing.report.ts';

// Until the routes are registered in platform/http/modules.ts, the suite adds them itself.
vi.mock('../../platform/http/modules.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../platform/http/modules.ts')>();
  const { outgoingOutputsRoutes } = await import('./outgoing.outputs.routes.ts');
  return {
    registerModules: async (app: App, ctx: Parameters<typeof original.registerModules>[1]) => {
      await original.registerModules(app, ctx);
      if (!app.hasRoute({ method: 'GET', url: '/api/outgoing/register.pdf' })) {
        outgoingOutputsRoutes(app, ctx);
      }
    },
  };
});

/**
 * The outgoing register (sổ đăng ký văn bản đi) and the report of issued documents (issue 4 §8), on the
 * demo organisation with documents of 2025; "today" is 25 November 2026, so the demo's own issued
 * documents (40, 20 and 10 days ago) are in the 2026 register.
 */

const LONG =
  'Kết luận của Ban Thường vụ Tỉnh ủy về việc tiếp tục đẩy mạnh thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; yêu cầu các cấp ủy, tổ chức đảng trực thuộc quán triệt và báo cáo kết quả định kỳ hằng quý.';
const Y2025 = 'issuerKey=c1&year=2025';

async function xlsx(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** The text line of the page that holds `needle` (pdftotext -layout keeps a table row's first line together). */
const lineWith = (layout: string, needle: string) => layout.split('\n').find((l) => l.includes(needle)) ?? '';

describe('the outgoing register and the report of issued documents', () => {
  let t: TestApp;
  let clerk: Client;
  const type: Record<string, number> = {};
  let vptu: number;

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock('2026-11-25T02:00:00Z') });
    clerk = await t.login('vanthu');
    const db = t.ctx.db;
    for (const r of await db
      .selectFrom('document_types')
      .select(['id', 'abbreviation'])
      .where('family', '=', 'party')
      .execute()) {
      type[r.abbreviation] = r.id;
    }
    vptu = (
      await db
        .selectFrom('agencies')
        .select('id')
        .where('abbreviation', '=', 'VPTU')
        .executeTakeFirstOrThrow()
    ).id;
    const user = async (username: string) =>
      (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
        .id;
    const specialist = await user('chuyenvien');
    const inspector = await user('kiemtra');
    const base = { committeeId: DEMO.province, drafterId: specialist };
    const docs: OutgoingSpec[] = [
      {
        ...base,
        documentTypeId: type.CV!,
        number: 5,
        notation: '05-CV/TU',
        issuedOn: '2025-03-03',
        urgency: 'urgent',
        copies: 3,
        summary: 'V/v tổng kết công tác văn thư năm 2024',
        recipients: ['Đảng ủy xã Tân Phú', 'Ban Tổ chức Tỉnh ủy'],
      },
      {
        ...base,
        documentTypeId: type.TB!,
        number: 2,
        notation: '02-TB/TU',
        issuedOn: '2025-03-03',
        summary: 'Thông báo kết luận của Thường trực Tỉnh ủy',
      },
      {
        ...base,
        documentTypeId: type.CV!,
        number: 6,
        notation: '06-CV/TU',
        issuedOn: '2025-04-10',
        status: 'recalled',
        recallReason: 'Sai số liệu',
      },
      {
        ...base,
        documentTypeId: type.CV!,
        number: 7,
        notation: '07-CV/TU',
        issuedOn: '2025-04-11',
        status: 'issuing',
      },
      {
        ...base,
        documentTypeId: type.CV!,
        number: 8,
        notation: '08-CV/TU',
        issuedOn: '2025-05-02',
        secrecy: 'confidential',
        stub: true,
        paperLocation: 'Tủ tài liệu mật, phòng Văn thư',
        summary: 'V/v công tác bảo vệ chính trị nội bộ',
        recipients: ['Ban Tổ chức Trung ương'],
      },
      {
        ...base,
        documentTypeId: type.BC!,
        number: 2,
        notation: '02-BC/TU',
        issuedOn: '2025-05-03',
        secrecy: 'secret',
        stub: true,
        summary: 'Báo cáo Tối mật về nhân sự',
      },
      { ...base, documentTypeId: type.CV!, status: 'in_review', summary: 'V/v dự thảo chưa ký' },
      {
        ...base,
        drafterId: inspector,
        documentTypeId: type.CV!,
        number: 9,
        notation: '09-CV/TU',
        issuedOn: '2025-06-01',
      },
      {
        ...base,
        agencyId: vptu,
        documentTypeId: type.CV!,
        number: 1,
        notation: '01-CV/VPTU',
        issuedOn: '2025-03-04',
        retainLine: 'Lưu VT, VPTU',
      },
      { ...base, documentTypeId: type.CV!, number: 10, notation: '10-CV/TU', issuedOn: '2026-01-02' },
      {
        ...base,
        committeeId: DEMO.tanPhu,
        documentTypeId: type.CV!,
        number: 1,
        notation: '01-CV/ĐU',
        issuedOn: '2025-03-05',
      },
      // Enough long lines for the register to run over several pages.
      ...Array.from({ length: 24 }, (_, i): OutgoingSpec => ({
        ...base,
        documentTypeId: type.TB!,
        number: 10 + i,
        notation: `${10 + i}-TB/TU`,
        issuedOn: '2025-07-01',
        summary: LONG,
        recipients: [
          'Các đảng ủy trực thuộc Tỉnh ủy',
          'Các ban đảng, Văn phòng Tỉnh ủy',
          'Ủy ban Kiểm tra Tỉnh ủy',
        ],
      })),
    ];
    for (const d of docs) {
      await insertOutgoing(db, d);
    }
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

  it('counts issued documents by issuing body and type exactly as a direct SQL count does', async () => {
    const report = (
      await clerk.get('/api/outgoing/report?from=2025-01-01&to=2025-12-31')
    ).json() as IssuedReport;
    const clerkScope = await committeeSubtreeIds(t.ctx.db, DEMO.province);
    const direct = await t.ctx.db
      .selectFrom('outgoing_documents')
      .select(['issuer_key', 'document_type_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['issued', 'recalled'])
      .where('issued_on', '>=', '2025-01-01')
      .where('issued_on', '<=', '2025-12-31')
      .where('secrecy_rank', '<=', 2) // the clerk's clearance: Tối mật
      .where('committee_id', 'in', clerkScope)
      .groupBy(['issuer_key', 'document_type_id'])
      .execute();
    const fromReport = report.issuers.flatMap((i) =>
      i.types.map((ty) => `${i.issuerKey} ${ty.documentTypeId} ${ty.total}`),
    );
    expect(fromReport.sort()).toEqual(
      direct.map((d) => `${d.issuer_key} ${d.document_type_id} ${Number(d.n)}`).sort(),
    );
    expect(report.issuers.map((i) => [i.issuerName, i.total, i.secret, i.recalled])).toEqual([
      ['Tỉnh ủy Hồng Lam', 30, 2, 1],
      ['Văn phòng Tỉnh ủy', 1, 0, 0],
      ['Đảng ủy xã Tân Phú', 1, 0, 0],
    ]);
    const province = report.issuers[0]!;
    expect(
      province.types.map((ty) => [ty.typeName, ty.typeAbbreviation, ty.total, ty.secret, ty.recalled]),
    ).toEqual([
      ['Báo cáo', 'BC', 1, 1, 0],
      ['Công văn', 'CV', 4, 1, 1], // 05, 06 (recalled), 08 (Mật), 09; 07 is still issuing
      ['Thông báo', 'TB', 25, 0, 0],
    ]);
    expect(report.totals).toEqual({ total: 32, secret: 2, recalled: 1 });
    expect(report.periodLabel).toBe('Từ ngày 01/01/2025 đến ngày 31/12/2025');
  });

  it('exports the report as XLSX with the same numbers, audited', async () => {
    const json = (await clerk.get('/api/outgoing/report?year=2025')).json() as IssuedReport;
    const r = await clerk.get('/api/outgoing/report.xlsx?year=2025');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/\.xlsx$/);
    const sheet = await xlsx(r.rawPayload);
    expect(sheet.getCell('A1').value).toBe('TỈNH ỦY HỒNG LAM');
    expect(sheet.getCell('A2').value).toBe('BÁO CÁO TÌNH HÌNH BAN HÀNH VĂN BẢN ĐI');
    expect(sheet.getCell('A3').value).toBe('Văn bản phát hành năm 2025');
    const rows = [];
    for (let i = 7; i <= sheet.rowCount; i++) {
      rows.push((sheet.getRow(i).values as unknown[]).slice(1));
    }
    const expected: unknown[][] = [];
    json.issuers.forEach((issuer, i) => {
      expected.push([i + 1, issuer.issuerName, '', issuer.total, issuer.secret, issuer.recalled]);
      issuer.types.forEach((ty, k) =>
        expected.push([
          `${i + 1}.${k + 1}`,
          ty.typeName,
          ty.typeAbbreviation,
          ty.total,
          ty.secret,
          ty.recalled,
        ]),
      );
    });
    expected.push(['', 'Tổng cộng', '', json.totals.total, json.totals.secret, json.totals.recalled]);
    expect(rows).toEqual(expected);
    const last = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.action).toBe('outgoing.report_exported');
    expect(JSON.parse(last.details)).toMatchObject({ from: '2025-01-01', to: '2025-12-31', documents: 32 });
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
