import type { DocumentLayout } from './layout/layout.models.ts';

/**
 * What issuing needs from the document tools: the Party-format DOCX, LibreOffice's PDF of it, and the
 * PAdES seal of the issuing body. One seam, so the use case reads as the steps of the work.
 */
export interface Production {
  renderDocx(layout: DocumentLayout): Promise<Buffer>;
  /** Whether a PDF can be made from a DOCX on this server (LibreOffice installed). */
  canMakePdf(): boolean;
  docxToPdf(docx: Buffer): Promise<Buffer>;
  sealPdf(v: { committeeId: number; agencyId: number | null; pdf: Buffer; signerName: string; bodyName: string; at: Date }): Promise<Buffer>;
}

/** The real tools of this server. Wired to layout/, platform/office and signatures/ below. */
export function productionFor(_ctx: unknown): Production {
  throw new Error('not wired yet');
}
