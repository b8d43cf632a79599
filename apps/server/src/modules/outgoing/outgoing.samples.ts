import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * A one-page A4 PDF with a line of (ASCII) text: what the demo and the tests upload as a version laid
 * out elsewhere or signed on paper and scanned.
 */
export async function samplePdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  page.drawText(text, { x: 72, y: 760, size: 14, font });
  return Buffer.from(await doc.save());
}
