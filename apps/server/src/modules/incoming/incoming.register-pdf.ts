import { MARGIN, PAGE_W, renderTablePdf, type Pen } from '../../platform/pdf/table.ts';
import {
  rangeLine,
  REGISTER_COLUMNS,
  registerBookCells,
  registerBookTitle,
  type RegisterBookEntry,
  type RegisterBookHeading,
} from './incoming.outputs.models.ts';

export { wrapText } from '../../platform/pdf/table.ts';

/**
 * The printed incoming register (sổ đăng ký văn bản đến, spec §4) as PDF: A4 landscape, the title block
 * on the first page, the column headers repeated on every page, every cell wrapped, "Trang i/n" at the
 * foot — drawn by the shared register table of platform/pdf.
 */

/** Centred columns: dates and the arrival number. */
const CENTRED = new Set([0, 1, 4, 7]);

/** Title block: the committee (upper case, with the Party "*" under it), the title, the register, the period. */
function titleBlock(heading: RegisterBookHeading) {
  return (ink: Pen, top: number): number => {
    const leftCx = MARGIN.left + 130;
    const committee = heading.committeeName.normalize('NFC').toLocaleUpperCase('vi');
    ink.centred(committee, { cx: leftCx, y: top - 12, size: 12, face: 'bold' });
    ink.centred('*', { cx: leftCx, y: top - 26, size: 12, face: 'regular' });
    const cx = PAGE_W / 2;
    ink.centred(registerBookTitle, { cx, y: top - 52, size: 16, face: 'bold' });
    const name = heading.registerName.includes(String(heading.year))
      ? heading.registerName
      : `${heading.registerName} – năm ${heading.year}`;
    ink.centred(name, { cx, y: top - 70, size: 12, face: 'bold' });
    ink.centred(rangeLine(heading.from, heading.to), { cx, y: top - 86, size: 12, face: 'italic' });
    return top - 100;
  };
}

export async function renderRegisterBookPdf(
  heading: RegisterBookHeading,
  entries: RegisterBookEntry[],
): Promise<Uint8Array> {
  return renderTablePdf({
    spec: { columns: REGISTER_COLUMNS, centred: CENTRED, keyColumn: 1 },
    title: titleBlock(heading),
    rows: entries.map(registerBookCells),
    emptyNote: 'Không có văn bản đến trong khoảng thời gian này.',
    meta: { title: `${registerBookTitle} – ${heading.registerName}`, author: heading.committeeName },
  });
}
