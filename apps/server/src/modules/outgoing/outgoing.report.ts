import ExcelJS from 'exceljs';
import { vietnameseCollator } from '../../platform/text/fold.ts';
import { BOX, FONT, headerRow, landscapeA4, titleLine } from '../../platform/xlsx/sheet.ts';
import { vnDate } from '../incoming/incoming.outputs.models.ts';
import type { IssuedCount } from './outgoing.outputs.repository.ts';

/**
 * The report of issued documents (báo cáo văn bản đi, ND30 Phụ lục VI "required outputs"): how many
 * documents each issuing body issued in a period, by type, with the secret and the recalled among them,
 * a subtotal per body and a grand total.
 */

export interface IssuedTotals {
  total: number;
  secret: number;
  recalled: number;
}

export interface IssuedTypeRow extends IssuedTotals {
  documentTypeId: number;
  typeName: string;
  typeAbbreviation: string;
}

export interface IssuerReport extends IssuedTotals {
  issuerKey: string;
  issuerName: string;
  types: IssuedTypeRow[];
}

export interface IssuedReport {
  from: string;
  to: string;
  periodLabel: string;
  issuers: IssuerReport[];
  totals: IssuedTotals;
}

const zero = (): IssuedTotals => ({ total: 0, secret: 0, recalled: 0 });
const add = (into: IssuedTotals, c: IssuedTotals) => {
  into.total += c.total;
  into.secret += c.secret;
  into.recalled += c.recalled;
};

/** Bodies by committee, the committee itself before its agencies (alphabetical); types alphabetical. */
export function buildIssuedReport(
  counts: IssuedCount[],
  names: {
    committees: Map<number, string>;
    agencies: Map<number, string>;
    types: Map<number, { name: string; abbreviation: string }>;
  },
  period: { from: string; to: string; label: string },
): IssuedReport {
  const byIssuer = new Map<string, IssuerReport & { committeeId: number; agencyId: number | null }>();
  for (const c of counts) {
    let issuer = byIssuer.get(c.issuerKey);
    if (!issuer) {
      const name = c.agencyId === null ? names.committees.get(c.committeeId) : names.agencies.get(c.agencyId);
      issuer = {
        issuerKey: c.issuerKey,
        issuerName: name ?? c.issuerKey,
        committeeId: c.committeeId,
        agencyId: c.agencyId,
        ...zero(),
        types: [],
      };
      byIssuer.set(c.issuerKey, issuer);
    }
    const type = names.types.get(c.documentTypeId);
    issuer.types.push({
      documentTypeId: c.documentTypeId,
      typeName: type?.name ?? `#${c.documentTypeId}`,
      typeAbbreviation: type?.abbreviation ?? '',
      total: c.total,
      secret: c.secret,
      recalled: c.recalled,
    });
    add(issuer, c);
  }
  const issuers = [...byIssuer.values()].sort(
    (a, b) =>
      a.committeeId - b.committeeId ||
      Number(a.agencyId !== null) - Number(b.agencyId !== null) ||
      vietnameseCollator.compare(a.issuerName, b.issuerName) ||
      a.issuerKey.localeCompare(b.issuerKey),
  );
  const totals = zero();
  const out: IssuerReport[] = issuers.map(({ committeeId: _c, agencyId: _a, ...issuer }) => {
    add(totals, issuer);
    return {
      ...issuer,
      types: issuer.types.sort(
        (a, b) => vietnameseCollator.compare(a.typeName, b.typeName) || a.documentTypeId - b.documentTypeId,
      ),
    };
  });
  return { from: period.from, to: period.to, periodLabel: period.label, issuers: out, totals };
}

export const REPORT_COLUMNS = [
  { title: 'STT', width: 6 },
  { title: 'Cơ quan ban hành, loại văn bản', width: 46 },
  { title: 'Ký hiệu loại', width: 10 },
  { title: 'Tổng số văn bản đã phát hành', width: 16 },
  { title: 'Trong đó: văn bản mật', width: 14 },
  { title: 'Đã thu hồi', width: 12 },
] as const;

export const reportTitle = 'BÁO CÁO TÌNH HÌNH BAN HÀNH VĂN BẢN ĐI';

/** The spreadsheet rows of the report, in order (the XLSX prints exactly these). */
export function reportRows(report: IssuedReport): (string | number)[][] {
  const counts = (t: IssuedTotals) => [t.total, t.secret, t.recalled];
  const rows: (string | number)[][] = [];
  report.issuers.forEach((issuer, i) => {
    rows.push([i + 1, issuer.issuerName, '', ...counts(issuer)]);
    issuer.types.forEach((t, k) => {
      rows.push([`${i + 1}.${k + 1}`, t.typeName, t.typeAbbreviation, ...counts(t)]);
    });
  });
  rows.push(['', 'Tổng cộng', '', ...counts(report.totals)]);
  return rows;
}

export async function renderIssuedReportXlsx(
  report: IssuedReport,
  { committeeName, generatedAt, today }: { committeeName: string | null; generatedAt: Date; today: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'vanphong';
  wb.created = generatedAt;
  wb.modified = generatedAt;
  const header = 6;
  const sheet = wb.addWorksheet('Báo cáo văn bản đi', {
    views: [{ state: 'frozen', ySplit: header, xSplit: 0 }],
  });
  const n = REPORT_COLUMNS.length;
  sheet.columns = REPORT_COLUMNS.map((c) => ({ width: c.width }));
  if (committeeName) {
    sheet.mergeCells(1, 1, 1, 3);
    const c = sheet.getCell(1, 1);
    c.value = committeeName.normalize('NFC').toLocaleUpperCase('vi');
    c.font = { name: FONT, size: 12, bold: true };
    c.alignment = { horizontal: 'center' };
  }
  titleLine(sheet, 2, reportTitle, { size: 14, bold: true }, n);
  titleLine(sheet, 3, `Văn bản phát hành ${report.periodLabel.toLocaleLowerCase('vi')}`, { italic: true }, n);
  titleLine(sheet, 4, `Số liệu tính đến ngày ${vnDate(today)}`, { italic: true }, n);
  headerRow(
    sheet,
    header,
    REPORT_COLUMNS.map((c) => c.title),
  );
  sheet.getRow(header).height = 32;

  const rows = reportRows(report);
  rows.forEach((values, i) => {
    const row = sheet.addRow(values);
    const isType = typeof values[0] === 'string' && values[0].includes('.');
    const isTotal = i === rows.length - 1;
    for (let col = 1; col <= n; col++) {
      const cell = row.getCell(col);
      cell.font = { name: FONT, size: 12, bold: !isType };
      cell.border = BOX;
      cell.alignment = {
        vertical: 'top',
        horizontal: col === 2 ? 'left' : 'center',
        indent: col === 2 && isType ? 2 : 0,
        wrapText: true,
      };
    }
    if (isTotal) {
      row.getCell(2).alignment = { vertical: 'top', horizontal: 'center' };
    }
  });
  landscapeA4(sheet, `${header}:${header}`);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
