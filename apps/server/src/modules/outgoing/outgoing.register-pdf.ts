import { MARGIN, PAGE_W, renderTablePdf, type Pen } from '../../platform/pdf/table.ts';
import {
  OUTGOING_REGISTER_COLUMNS,
  registerCells,
  registerTitle,
  type OutgoingRegisterEntry,
  type RegisterKind,
} from './outgoing.outputs.models.ts';

/**
 * The printed outgoing register (sổ đăng ký văn bản đi, spec §4) as PDF: A4 landscape, the issuing
 * body's header block, the title with the body and the period, the column headers repeated on every
 * page, every cell wrapped (nothing cut off), "Trang i/n" at the foot. Drawn by the register table
 * shared with the incoming register (platform/pdf/table.ts).
 */

export interface OutgoingRegisterHeading {
  kind: RegisterKind;
  /** The issuing body's header lines (spec §2): the superior body, then the body itself in bold. */
  superiorLine: string;
  issuerLine: string;
  /** The body's full name ("Tỉnh ủy Hồng Lam", "Văn phòng Tỉnh ủy"). */
  issuerName: string;
  /** "Năm 2026" or "Từ ngày … đến ngày …". */
  periodLabel: string;
}

/** Centred columns: the dates and the number of copies. */
const CENTRED = new Set([1, 6, 7]);

/** Top left the body as on its documents (superior line, body in bold, "*"); centred the title, the body, the period. */
function titleBlock(h: OutgoingRegisterHeading) {
  return (pen: Pen, top: number): number => {
    const superior = h.superiorLine.normalize('NFC');
    const issuer = h.issuerLine.normalize('NFC');
    const half = Math.max(pen.width(superior, 12, 'regular'), pen.width(issuer, 12, 'bold')) / 2;
    const leftCx = MARGIN.left + Math.max(130, half);
    pen.centred(superior, { cx: leftCx, y: top - 12, size: 12, face: 'regular' });
    pen.centred(issuer, { cx: leftCx, y: top - 26, size: 12, face: 'bold' });
    pen.centred('*', { cx: leftCx, y: top - 40, size: 12, face: 'regular' });
    const cx = PAGE_W / 2;
    pen.centred(registerTitle(h.kind), { cx, y: top - 64, size: 16, face: 'bold' });
    pen.centred(h.issuerName, { cx, y: top - 82, size: 12, face: 'bold' });
    pen.centred(h.periodLabel, { cx, y: top - 98, size: 12, face: 'italic' });
    return top - 112;
  };
}

export async function renderOutgoingRegisterPdf(
  heading: OutgoingRegisterHeading,
  entries: OutgoingRegisterEntry[],
): Promise<Uint8Array> {
  return renderTablePdf({
    spec: { columns: OUTGOING_REGISTER_COLUMNS, centred: CENTRED, keyColumn: 0 },
    title: titleBlock(heading),
    rows: entries.map(registerCells),
    emptyNote:
      heading.kind === 'secret'
        ? 'Không có văn bản mật đi trong khoảng thời gian này.'
        : 'Không có văn bản đi trong khoảng thời gian này.',
    meta: { title: `${registerTitle(heading.kind)} – ${heading.issuerName}`, author: heading.issuerName },
  });
}
