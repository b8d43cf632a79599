import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Secrecy, Urgency } from '@vanphong/contracts';

/**
 * Small building blocks of the DOCX generator: runs in points, paragraphs without hidden spacing,
 * borderless two-column tables. Sizes are given in points and written in half-points as Word wants.
 */

export const FONT = 'Times New Roman';

/** A4 portrait; margins top 20, bottom 20, left 30, right 15 mm (36-HD/VPTW and ND30 ranges). */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  topMm: 20,
  bottomMm: 20,
  leftMm: 30,
  rightMm: 15,
} as const;

/** The width between the margins, in twips. */
/** Millimetres to twips, rounded (docx's own helper truncates: A4 would come out 11905 × 16837). */
export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

export const TEXT_WIDTH = mm(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm);

/** Left and right padding inside the cells of the layout tables. */
export const CELL_MARGIN = mm(1);

export interface RunStyle {
  pt: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** A thin box around the text (secrecy and urgency marks). */
  boxed?: boolean;
}

export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text: text.normalize('NFC'),
    font: FONT,
    size: Math.round(style.pt * 2),
    bold: style.bold ?? false,
    italics: style.italic ?? false,
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
    ...(style.boxed ? { border: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 } } : {}),
  });
}

type Align = 'left' | 'center' | 'right' | 'justify';
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

export interface ParaOptions {
  align?: Align;
  /** Space before/after in points. */
  before?: number;
  after?: number;
  /** First-line indent in millimetres. */
  firstLineMm?: number;
  /** Left indent and hanging indent in millimetres. */
  leftMm?: number;
  hangingMm?: number;
  /** Line height as a multiple of single spacing. */
  lineMultiple?: number;
  keepNext?: boolean;
}

export function para(runs: TextRun[], options: ParaOptions = {}): Paragraph {
  return new Paragraph({
    children: runs,
    alignment: ALIGN[options.align ?? 'left'],
    spacing: {
      before: Math.round((options.before ?? 0) * 20),
      after: Math.round((options.after ?? 0) * 20),
      // LibreOffice reads a w:line without w:lineRule as an exact height and clips the diacritics.
      line: Math.round((options.lineMultiple ?? 1) * 240),
      lineRule: LineRuleType.AUTO,
    },
    indent: {
      ...(options.firstLineMm ? { firstLine: mm(options.firstLineMm) } : {}),
      ...(options.leftMm ? { left: mm(options.leftMm) } : {}),
      ...(options.hangingMm ? { hanging: mm(options.hangingMm) } : {}),
    },
    keepNext: options.keepNext ?? false,
  });
}

/** One centred line in one style: the usual header line. */
export const line = (text: string, style: RunStyle, options: ParaOptions = {}) =>
  para([run(text, style)], { align: 'center', ...options });

/** An empty line of the given size (vertical space that follows the font, like a typed blank line). */
export const blank = (pt: number) => para([run('', { pt })]);

/**
 * A short horizontal rule centred in a column: the line under the issuer and under the trích yếu of
 * the ND30 layout (one third to one half of the text above).
 */
export function rule(columnTwips: number, fraction: number): Paragraph {
  const side = Math.round((columnTwips * (1 - fraction)) / 2);
  return new Paragraph({
    children: [new TextRun({ text: '', size: 4, font: FONT })],
    spacing: { before: 0, after: 0, line: 80, lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

/**
 * A centred heading with a solid rule under it as long as the text (36-HD/VPTW: "ĐẢNG CỘNG SẢN VIỆT
 * NAM" underlined; ND30: the motto). A paragraph border instead of a text underline: the underline
 * runs through the dots below "Ộ" and "Ệ". `textMm` is the printed width of the text, measured once
 * with Tinos Bold (the metrics of Times New Roman Bold); 1 mm of slack each side keeps it on one line.
 */
export function ruledLine(text: string, style: RunStyle, columnTwips: number, textMm: number): Paragraph {
  const side = Math.max(0, Math.round((columnTwips - 2 * CELL_MARGIN - mm(textMm + 2)) / 2));
  return new Paragraph({
    children: [run(text, style)],
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

/** A row of a borderless table, each cell a stack of paragraphs (a cell may not be empty in Word). */
export function row(cells: Paragraph[][], widths: number[]): TableRow {
  return new TableRow({
    cantSplit: true,
    children: cells.map(
      (children, i) =>
        new TableCell({
          children: children.length > 0 ? children : [para([])],
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.TOP,
          margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
        }),
    ),
  });
}

/** A borderless fixed-width table over the whole text width: the header and the signature blocks. */
export function grid(rows: TableRow[], widths: number[]): Table {
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

/** Printed secrecy marks (spec §3). */
export const SECRECY_MARKS: Record<Secrecy, string | null> = {
  none: null,
  confidential: 'MẬT',
  secret: 'TỐI MẬT',
  top_secret: 'TUYỆT MẬT',
};

/** Printed urgency marks (spec §3, edXML codes 1–4). */
export const URGENCY_MARKS: Record<Urgency, string | null> = {
  normal: null,
  urgent: 'KHẨN',
  very_urgent: 'THƯỢNG KHẨN',
  flash: 'HỎA TỐC',
  flash_timed: 'HỎA TỐC HẸN GIỜ',
};

/** The secrecy and urgency marks under the number: bold caps in a box, one per line. */
export function marks(secrecy: Secrecy, urgency: Urgency): Paragraph[] {
  return [SECRECY_MARKS[secrecy], URGENCY_MARKS[urgency]]
    .filter((mark): mark is string => mark !== null)
    .map((mark) => line(mark, { pt: 13, bold: true, boxed: true }, { before: 6 }));
}

/** Body paragraphs: one per non-empty line of the text. */
export const bodyParagraphs = (body: string) =>
  body
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

/** "Nơi nhận" lines as printed: "- X," for each and "- Lưu X." for the last. */
export function recipientTexts(lines: string[]): string[] {
  const clean = lines
    .map((l) =>
      l
        .trim()
        .replace(/^-\s*/, '')
        .replace(/[,.;]+$/, ''),
    )
    .filter((l) => l.length > 0);
  return clean.map((l, i) => `- ${l}${i === clean.length - 1 ? '.' : ','}`);
}
