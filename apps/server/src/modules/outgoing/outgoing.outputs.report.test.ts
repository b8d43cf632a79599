import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../../test/test-context.ts';
import { committeeSubtreeIds } from '../org/org.scope.ts';
import { DEMO } from '../org/org.test-support.ts';
import { insertRegisterFixtures, xlsxSheet as xlsx } from './outgoing.outputs.test-support.ts';
import type { IssuedReport } from './outgoing.report.ts';


/** The report of issued documents by issuing body and type (issue 4 §8, ND30 "báo cáo văn bản đi"), on the documents of insertRegisterFixtures. */
describe('the report of issued documents', () => {
  let t: TestApp;
  let clerk: Client;

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock('2026-11-25T02:00:00Z') });
    clerk = await t.login('vanthu');
    await insertRegisterFixtures(t.ctx.db);
  });
  afterAll(async () => t.cleanup());

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
});
