import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { fontBytes } from './fonts.ts';

/**
 * A printed register as PDF (the incoming and outgoing registers of spec §4): A4 landscape, a title
 * block on the first page, the column headers and their numbers (1)…(n) repeated on every page, every
 * cell wrapped (a line taller than what is left of the page continues on the next one, so nothing is
 * cut off), "Trang i/n" at the foot.
 *
 * pdf-lib draws the table itself (one PDF library for the whole application: stamps, watermarks,
 * registers). Its `drawText` shapes every string through fontkit (~0.2 ms a call: half a minute for a
 * few thousand lines), so glyphs are encoded once per character and each page's content is written as
 * one stream of plain PDF operators. Positions use the glyphs' advance widths, exactly what is measured.
 */

export const PAGE_W = 841.89;
export const PAGE_H = 595.28;
export const MARGIN = { left: 36, right: 24, top: 32, bottom: 40 };
const SIZE = 10;
const LINE = 12;
const PAD = 3;
const BORDER = 0.6;

export type Face = 'regular' | 'bold' | 'italic';

/** A face with per-character caches of advance width (at 1 pt) and glyph encoding. */
class Font {
  private readonly widths = new Map<string, number>();
  private readonly hexes = new Map<string, string>();
  constructor(readonly pdf: PDFFont) {}

  width(s: string, size: number): number {
    let w = 0;
    for (const ch of s) {
      let cw = this.widths.get(ch);
      if (cw === undefined) {
        cw = this.pdf.widthOfTextAtSize(ch, 1);
        this.widths.set(ch, cw);
      }
      w += cw;
    }
    return w * size;
  }

  hex(s: string): string {
    let out = '';
    for (const ch of s) {
      let h = this.hexes.get(ch);
      if (h === undefined) {
        // "<0041>" → "0041"; encoding also marks the glyph for the embedded subset.
        h = this.pdf.encodeText(ch).toString().slice(1, -1);
        this.hexes.set(ch, h);
      }
      out += h;
    }
    return out;
  }
}

type Fonts = Record<Face, Font>;

const num = (n: number) => (Math.round(n * 100) / 100).toString();

/** What a title block may draw: text at a point, or centred on a point; and how wide a text is. */
export interface Pen {
  width(s: string, size: number, face: Face): number;
  text(s: string, at: { x: number; y: number; size: number; face: Face }): void;
  centred(s: string, at: { cx: number; y: number; size: number; face: Face }): void;
}

/** One page's drawing, kept as PDF operators and written as a single compressed content stream. */
class Ink implements Pen {
  private readonly ops: string[] = [];
  private readonly keys: Record<Face, string>;

  constructor(
    readonly page: PDFPage,
    private readonly fonts: Fonts,
  ) {
    const key = (f: Font) => page.node.newFontDictionary(f.pdf.name, f.pdf.ref).toString();
    this.keys = { regular: key(fonts.regular), bold: key(fonts.bold), italic: key(fonts.italic) };
  }

  width(s: string, size: number, face: Face): number {
    return this.fonts[face].width(s, size);
  }

  text(s: string, { x, y, size, face }: { x: number; y: number; size: number; face: Face }): void {
    if (s !== '') {
      this.ops.push(
        `BT ${this.keys[face]} ${size} Tf 1 0 0 1 ${num(x)} ${num(y)} Tm <${this.fonts[face].hex(s)}> Tj ET`,
      );
    }
  }

  centred(s: string, { cx, y, size, face }: { cx: number; y: number; size: number; face: Face }): void {
    this.text(s, { x: cx - this.fonts[face].width(s, size) / 2, y, size, face });
  }

  line(x1: number, y1: number, x2: number, y2: number): void {
    this.ops.push(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  }

  /** Writes what was drawn since the last flush as one more content stream of the page. */
  flush(doc: PDFDocument): void {
    const stream = doc.context.flateStream(`q 0 g 0 G ${BORDER} w 0 J\n${this.ops.join('\n')}\nQ\n`);
    this.page.node.addContentStream(doc.context.register(stream));
    this.ops.length = 0;
  }
}

/** Greedy word wrap; a word wider than the cell is broken (after a "/" or "-" when possible). Newlines are kept. */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') {
        out.push(line);
        line = '';
      }
      let rest = word;
      while (measure(rest) > width) {
        const head = longestFit(rest, width, measure);
        out.push(head);
        rest = rest.slice(head.length);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

/** The longest prefix of `word` that fits, cut after a "/" or "-" when one fits (notations: "30/2020/ NĐ-CP"). */
function longestFit(word: string, width: number, measure: (s: string) => number): string {
  const chars = [...word];
  let n = 1;
  while (n < chars.length && measure(chars.slice(0, n + 1).join('')) <= width) {
    n++;
  }
  const head = chars.slice(0, n).join('');
  const cut = Math.max(head.lastIndexOf('/'), head.lastIndexOf('-'));
  return cut > 0 && cut < head.length - 1 ? head.slice(0, cut + 1) : head;
}

/** A column: its printed title and its share of the page width (points on A4 landscape). */
export interface TableColumn {
  title: string;
  weight: number;
}

export interface TableSpec {
  columns: readonly TableColumn[];
  /** Columns whose cells are centred (dates, numbers). */
  centred: ReadonlySet<number>;
  /** The column a line continued on the next page repeats, with "(tiếp)" under it. */
  keyColumn: number;
}

class TableWriter {
  readonly inks: Ink[] = [];
  private ink!: Ink;
  private y = 0;
  private readonly xs: number[];
  private readonly widths: number[];
  private readonly headerLines: string[][];
  private readonly headerHeight: number;
  private readonly right = PAGE_W - MARGIN.right;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly spec: TableSpec,
  ) {
    const total = PAGE_W - MARGIN.left - MARGIN.right;
    const weights = spec.columns.reduce((s, c) => s + c.weight, 0);
    this.widths = spec.columns.map((c) => (c.weight / weights) * total);
    this.xs = this.widths.map((_, i) => MARGIN.left + this.widths.slice(0, i).reduce((s, w) => s + w, 0));
    this.headerLines = spec.columns.map((c, i) =>
      wrapText(c.title, this.inner(i), (s) => fonts.bold.width(s, SIZE)),
    );
    this.headerHeight = Math.max(...this.headerLines.map((l) => l.length)) * LINE + 2 * PAD;
  }

  private inner(i: number): number {
    return (this.widths[i] as number) - 2 * PAD - 0.5;
  }

  private room(): number {
    return Math.floor((this.y - MARGIN.bottom - 2 * PAD) / LINE);
  }

  /** A new page; the title block goes above the table on the first page only. */
  newPage(title?: (pen: Pen, top: number) => number): void {
    // A finished page is compressed at once: a year's register holds thousands of pages.
    this.inks.at(-1)?.flush(this.doc);
    this.ink = new Ink(this.doc.addPage([PAGE_W, PAGE_H]), this.fonts);
    this.inks.push(this.ink);
    this.y = PAGE_H - MARGIN.top;
    if (title) {
      this.y = title(this.ink, this.y);
    }
    const top = this.y;
    this.drawCells(this.headerLines, this.headerHeight, 'bold', () => true);
    // Column numbers (1)…(n) under the titles, as on the printed forms.
    this.drawCells(
      this.spec.columns.map((_, i) => [`(${i + 1})`]),
      LINE + 2 * PAD,
      'italic',
      () => true,
      8.5,
    );
    this.drawRules(top);
  }

  /** Draws the lines of each cell as one table row of `height`, moving the cursor down. */
  private drawCells(
    cells: string[][],
    height: number,
    face: Face,
    centred: (i: number) => boolean,
    size = SIZE,
  ): void {
    const top = this.y;
    const ascent = this.fonts[face].pdf.heightAtSize(size, { descender: false });
    cells.forEach((cell, i) => {
      const x0 = this.xs[i] as number;
      const w = this.widths[i] as number;
      cell.forEach((text, k) => {
        const y = top - PAD - k * LINE - ascent;
        if (centred(i)) {
          this.ink.centred(text, { cx: x0 + w / 2, y, size, face });
        } else {
          this.ink.text(text, { x: x0 + PAD, y, size, face });
        }
      });
    });
    this.y = top - height;
    this.ink.line(MARGIN.left, this.y, this.right, this.y);
  }

  /** The top rule and the column rules from `top` down to the cursor. */
  private drawRules(top: number): void {
    this.ink.line(MARGIN.left, top, this.right, top);
    for (const x of [...this.xs, this.right]) {
      this.ink.line(x, top, x, this.y);
    }
  }

  /** One register line; split across pages when taller than what is left, so nothing is cut off. */
  row(cells: string[]): void {
    const key = this.spec.keyColumn;
    const wrapped = cells.map((c, i) => wrapText(c, this.inner(i), (s) => this.fonts.regular.width(s, SIZE)));
    const needed = Math.max(...wrapped.map((l) => l.length));
    const fullPage = Math.floor(
      (PAGE_H - MARGIN.top - MARGIN.bottom - this.headerHeight - LINE - 4 * PAD) / LINE,
    );
    let done = 0;
    while (done < needed) {
      const left = needed - done;
      // Start a fresh page rather than split a line that would fit whole on one.
      if (this.room() < left && (left <= fullPage || this.room() < 3)) {
        this.newPage();
      }
      const take = Math.min(this.room(), left);
      const top = this.y;
      // A continued line repeats its key cell (arrival number, notation), so each page reads on its own.
      const slice = wrapped.map((lines, i) =>
        done > 0 && i === key
          ? [cells[key] as string, '(tiếp)'].slice(0, take)
          : lines.slice(done, done + take),
      );
      this.drawCells(slice, take * LINE + 2 * PAD, 'regular', (i) => this.spec.centred.has(i));
      this.drawRules(top);
      done += take;
    }
  }

  finish(): void {
    this.ink.flush(this.doc);
  }

  /** A full-width line of text inside the frame (the empty register says so). */
  note(text: string): void {
    const top = this.y;
    const ascent = this.fonts.italic.pdf.heightAtSize(SIZE, { descender: false });
    this.ink.centred(text, {
      cx: (MARGIN.left + this.right) / 2,
      y: top - PAD - ascent,
      size: SIZE,
      face: 'italic',
    });
    this.y = top - LINE - 2 * PAD;
    this.ink.line(MARGIN.left, this.y, this.right, this.y);
    this.ink.line(MARGIN.left, top, MARGIN.left, this.y);
    this.ink.line(this.right, top, this.right, this.y);
  }
}

export interface TableDocument {
  spec: TableSpec;
  /** Draws the title block of the first page from `top` down; answers where the table starts. */
  title: (pen: Pen, top: number) => number;
  rows: Iterable<string[]>;
  /** Printed across the table when there is no row. */
  emptyNote: string;
  meta: { title: string; author: string };
}

/** The whole register as PDF bytes. */
export async function renderTablePdf(t: TableDocument): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const embed = async (face: Face) => new Font(await doc.embedFont(fontBytes(face), { subset: true }));
  const fonts: Fonts = {
    regular: await embed('regular'),
    bold: await embed('bold'),
    italic: await embed('italic'),
  };
  doc.setTitle(t.meta.title);
  doc.setAuthor(t.meta.author);
  doc.setCreator('vanphong');
  doc.setLanguage('vi-VN');

  const table = new TableWriter(doc, fonts, t.spec);
  table.newPage(t.title);
  let empty = true;
  for (const cells of t.rows) {
    empty = false;
    table.row(cells);
  }
  if (empty) {
    table.note(t.emptyNote);
  }
  table.finish();
  const n = table.inks.length;
  table.inks.forEach((ink, i) => {
    ink.centred(`Trang ${i + 1}/${n}`, { cx: PAGE_W / 2, y: MARGIN.bottom - 22, size: 9, face: 'regular' });
    ink.flush(doc);
  });
  return doc.save({ useObjectStreams: true });
}
