import { docxToPdf, findSoffice } from '../../platform/office/libreoffice.ts';
import type { SigCtx } from '../signatures/signatures.identities.ts';
import { signPdf } from '../signatures/signatures.sign.ts';
import { renderDocx } from './layout/layout.docx.ts';
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

/** The real tools of this server: layout/ (docx), LibreOffice (platform/office), the signatures module. */
export function productionFor(ctx: SigCtx): Production {
  return {
    renderDocx,
    canMakePdf: () => findSoffice() !== null,
    docxToPdf: (docx) => docxToPdf(docx),
    sealPdf: (v) =>
      signPdf(ctx, {
        issuer: { committeeId: v.committeeId, agencyId: v.agencyId },
        pdf: v.pdf,
        signerName: v.signerName,
        bodyName: v.bodyName,
        at: v.at,
        reason: 'Phát hành văn bản',
      }),
  };
}
