import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, rgb } from 'pdf-lib';
import { fontBytes } from '../../platform/pdf/fonts.ts';

/**
 * A document laid out elsewhere (an uploaded PDF or DOCX version) does not carry the number and date
 * the system gives at issue. Before it is sealed, they are printed at the top of its first page —
 * "Số: 05-CV/TU — Hồng Lam, ngày 25/11/2026" — so the sealed file says what the register says.
 */
export async function stampNumber(pdf: Buffer, v: { notation: string; place: string; date: string }): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  stripActiveContent(doc);
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

/**
 * What a document laid out elsewhere may carry that the issuing body must not seal: scripts and actions
 * run on opening, and embedded files (security review, issue 4). The pages' own link annotations stay.
 */
export function stripActiveContent(doc: PDFDocument): void {
  const catalog = doc.catalog;
  catalog.delete(PDFName.of('OpenAction'));
  catalog.delete(PDFName.of('AA'));
  const names = catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  names?.delete(PDFName.of('JavaScript'));
  names?.delete(PDFName.of('EmbeddedFiles'));
  for (const page of doc.getPages()) {
    page.node.delete(PDFName.of('AA'));
  }
}
