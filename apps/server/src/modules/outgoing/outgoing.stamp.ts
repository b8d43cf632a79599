import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { fontBytes } from '../../platform/pdf/fonts.ts';

/**
 * A document laid out elsewhere (an uploaded PDF or DOCX version) does not carry the number and date
 * the system gives at issue. Before it is sealed, they are printed at the top of its first page —
 * "Số: 05-CV/TU — Hồng Lam, ngày 25/11/2026" — so the sealed file says what the register says.
 */
export async function stampNumber(pdf: Buffer, v: { notation: string; place: string; date: string }): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes('italic'), { subset: true });
  const page = doc.getPage(0);
  const { width, height } = page.getSize();
  const [y, m, d] = v.date.split('-');
  const text = `Số: ${v.notation} — ${v.place}, ngày ${d}/${m}/${y}`;
  const size = 10;
  const w = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: Math.max(20, width - w - 42), y: height - 22, size, font, color: rgb(0.55, 0, 0) });
  doc.setSubject(`${v.notation} (${d}/${m}/${y})`);
  return Buffer.from(await doc.save());
}
