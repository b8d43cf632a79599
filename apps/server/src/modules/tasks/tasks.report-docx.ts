import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { TASK_STATUSES, type StatusCounts, type TaskStatus } from '@vanphong/contracts';
import { defaultRetainLine, headerLines } from '../outgoing/outgoing.models.ts';
import { blank, CELL_MARGIN, FONT, grid, line, mm, PAGE, para, recipientTexts, row, run, TEXT_WIDTH, type RunStyle } from '../outgoing/layout/layout.docx-parts.ts';
import { partyHeader, title } from '../outgoing/layout/layout.headers.ts';
import type { DocumentLayout } from '../outgoing/layout/layout.models.ts';
import type { TaskReport } from './tasks.report.ts';

/**
 * The periodic report on task follow-up (Báo cáo tình hình thực hiện nhiệm vụ tháng / quý / năm; issue 5
 * §7) in the Party layout (36-HD/VPTW), built from the outgoing module's DOCX pieces: the header block of
 * the committee beside "ĐẢNG CỘNG SẢN VIỆT NAM", the number line (left blank for the clerk), place and
 * date, the title, a summary, a table by unit with the counts and the on-time rate, the overdue list,
 * and "Nơi nhận" beside the signature block.
 */

const vn = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
const pct = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}`);

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BOXED = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

function cell(text: string, width: number, style: RunStyle, align: 'left' | 'center' = 'center'): TableCell {
  return new TableCell({
    children: [para([run(text, style)], { align, before: 1, after: 1 })],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
  });
}

function boxed(header: string[], rows: { values: string[]; bold?: boolean }[], widthsMm: number[], leftColumns: number[]): Table {
  const widths = widthsMm.map(mm);
  // The last column takes what rounding left, so the table is exactly the text width.
  widths[widths.length - 1] = TEXT_WIDTH - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  const at = (i: number) => widths[i] ?? 0;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BOXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, at(i), { pt: 11, bold: true })) }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.values.map((v, i) => cell(v, at(i), { pt: 11, bold: r.bold ?? false }, leftColumns.includes(i) ? 'left' : 'center')),
          }),
      ),
    ],
  });
}

const heading = (text: string) => para([run(text, { pt: 14, bold: true })], { align: 'justify', firstLineMm: 10, before: 6, after: 6, keepNext: true });
const body = (text: string) => para([run(text, { pt: 14 })], { align: 'justify', firstLineMm: 10, after: 6, lineMultiple: 1.1 });

const order: TaskStatus[] = ['done_on_time', 'done_late', 'overdue', 'in_progress', 'not_due'];
const countsOf = (c: StatusCounts) => order.map((s) => String(c[s]));

export function summaryText(r: TaskReport): string {
  const t = r.totals;
  const due = t.done_on_time + t.done_late + t.overdue;
  const total = TASK_STATUSES.reduce((a, s) => a + t[s], 0);
  return (
    `Trong ${r.period.label}, ${r.committee.name} giao mới ${r.assignedInPeriod} nhiệm vụ. ` +
    `Có ${total} nhiệm vụ có hạn hoàn thành trong kỳ; tính đến ngày ${vn(r.today)}: hoàn thành đúng hạn ${t.done_on_time}, ` +
    `hoàn thành quá hạn ${t.done_late}, quá hạn chưa hoàn thành ${t.overdue}, đang thực hiện ${t.in_progress}, chưa đến hạn ${t.not_due}. ` +
    (due === 0 ? 'Chưa có nhiệm vụ nào đến hạn trong kỳ.' : `Tỷ lệ hoàn thành đúng hạn ${pct(r.onTimeRate)}% (${t.done_on_time}/${due} nhiệm vụ đã đến hạn).`)
  );
}

export function reportLayout(r: TaskReport): DocumentLayout {
  const lines = headerLines({ committee: r.committee, agency: null });
  const retain = defaultRetainLine({ committee: r.committee, agency: null });
  const short = retain.replace(/^Lưu Văn phòng /u, '');
  return {
    layout: 'party',
    superiorLine: lines.superiorLine,
    issuerLine: lines.issuerLine,
    issuerAbbreviation: r.committee.abbreviation,
    typeName: 'Báo cáo',
    typeAbbreviation: 'BC',
    number: null,
    notation: null,
    place: r.committee.place_name,
    date: r.today,
    draftYear: Number(r.today.slice(0, 4)),
    summary: `tình hình thực hiện nhiệm vụ ${r.period.label}`,
    body: '',
    addressees: [],
    authorityForm: null,
    authorityLine: 'T/L BAN THƯỜNG VỤ',
    signerTitle: 'CHÁNH VĂN PHÒNG',
    signerName: '',
    recipientLines: [`Thường trực ${short} (để báo cáo)`, 'Các đơn vị có tên trong báo cáo', retain],
    secrecy: 'none',
    urgency: 'normal',
  };
}

function blocks(r: TaskReport): (Paragraph | Table)[] {
  const layout = reportLayout(r);
  const out: (Paragraph | Table)[] = [partyHeader(layout), ...title(layout)];
  out.push(
    para([], { after: 6 }),
    body(
      `Thực hiện chế độ theo dõi, đôn đốc, kiểm tra việc thực hiện nhiệm vụ được giao (Quy chế 08-QC/TW), ${r.committee.name} báo cáo tình hình thực hiện nhiệm vụ ${r.period.label} (từ ngày ${vn(r.period.from)} đến ngày ${vn(r.period.to)}) như sau:`,
    ),
    heading('I. KẾT QUẢ CHUNG'),
    body(summaryText(r)),
    heading('II. TÌNH HÌNH THỰC HIỆN THEO ĐƠN VỊ CHỦ TRÌ'),
  );
  if (r.units.length === 0) {
    out.push(body('Không có nhiệm vụ nào có hạn hoàn thành trong kỳ.'));
  } else {
    out.push(
      boxed(
        ['STT', 'Đơn vị chủ trì', 'Tổng số', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Quá hạn chưa hoàn thành', 'Đang thực hiện', 'Chưa đến hạn', 'Tỷ lệ đúng hạn (%)'],
        [
          ...r.units.map((u, i) => ({ values: [String(i + 1), u.name, String(u.total), ...countsOf(u.counts), pct(u.onTimeRate)] })),
          {
            values: ['', 'Tổng cộng', String(TASK_STATUSES.reduce((a, s) => a + r.totals[s], 0)), ...countsOf(r.totals), pct(r.onTimeRate)],
            bold: true,
          },
        ],
        [10, 51, 13, 16, 16, 17, 14, 13, 15],
        [1],
      ),
    );
  }
  out.push(heading('III. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH'));
  if (r.overdue.length === 0) {
    out.push(body(`Đến ngày ${vn(r.today)}, không có nhiệm vụ nào quá hạn chưa hoàn thành.`));
  } else {
    out.push(
      body(
        `Đến ngày ${vn(r.today)}, còn ${r.overdueTotal} nhiệm vụ có hạn đến hết kỳ báo cáo đã quá hạn nhưng chưa hoàn thành` +
          (r.overdueTotal > r.overdue.length ? ` (liệt kê ${r.overdue.length} nhiệm vụ đầu tiên):` : ':'),
      ),
      boxed(
        ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Hạn hoàn thành', 'Số ngày chậm'],
        r.overdue.map((t, i) => ({
          values: [String(i + 1), t.secrecy === 'none' ? t.content : `(Nhiệm vụ mật — xem tại văn thư)`, t.leadName, vn(t.dueOn), String(t.overdueDays)],
        })),
        [10, 80, 37, 20, 18],
        [1, 2],
      ),
    );
  }
  out.push(
    heading('IV. ĐỀ XUẤT'),
    body(
      'Đề nghị các đơn vị có nhiệm vụ quá hạn khẩn trương tập trung chỉ đạo, hoàn thành và báo cáo kết quả; trường hợp cần gia hạn phải có văn bản đề nghị, nêu rõ lý do. Văn phòng tiếp tục theo dõi, đôn đốc và tổng hợp báo cáo kỳ sau.',
    ),
    blank(8),
    signature(layout),
  );
  return out;
}

const SIGNATURE_COLUMNS = [mm(78), TEXT_WIDTH - mm(78)];

/** "Nơi nhận:" on the left (12 pt bold italic underlined, lines 11 pt), the signature block on the right. */
function signature(layout: DocumentLayout): Table {
  const recipients = [
    para([run('Nơi nhận:', { pt: 12, bold: true, italic: true, underline: true })], { before: 2 }),
    ...recipientTexts(layout.recipientLines).map((l) => para([run(l, { pt: 11 })])),
  ];
  const sign = [line(layout.authorityLine, { pt: 14, bold: true }), line(layout.signerTitle, { pt: 14, bold: true }), blank(14), blank(14), blank(14), blank(14)];
  return grid([row([recipients, sign], SIGNATURE_COLUMNS)], SIGNATURE_COLUMNS);
}

export async function renderTaskReportDocx(r: TaskReport): Promise<Buffer> {
  const document = new Document({
    creator: r.committee.name,
    title: `Báo cáo tình hình thực hiện nhiệm vụ ${r.period.label}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 })] })],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(PAGE.widthMm), height: mm(PAGE.heightMm) },
            margin: { top: mm(PAGE.topMm), bottom: mm(PAGE.bottomMm), left: mm(PAGE.leftMm), right: mm(PAGE.rightMm), header: mm(10), footer: mm(10) },
          },
        },
        children: blocks(r),
      },
    ],
  });
  return Packer.toBuffer(document);
}
