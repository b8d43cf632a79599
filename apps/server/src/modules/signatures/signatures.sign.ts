import { EncryptedPDFError, PDFDocument } from 'pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { addSignatureField } from './signatures.appearance.ts';
import { buildCadesSignature } from './signatures.cms.ts';
import { signatureErrors as E } from './signatures.errors.ts';
import { loadSigningKey, type Issuer, type SigCtx } from './signatures.identities.ts';
import { findSignatureRanges, isPdf } from './signatures.pdf-scan.ts';
import type { KeyMaterial } from './signatures.pki.ts';

/** Hands @signpdf/signpdf our CAdES SignedData instead of its adbe.pkcs7.detached one. */
class CadesSigner extends Signer {
  constructor(private readonly key: KeyMaterial) {
    super();
  }
  override async sign(pdfWithoutContents: Buffer): Promise<Buffer> {
    return buildCadesSignature(pdfWithoutContents, this.key);
  }
}

export interface SignPdfInput {
  issuer: Issuer;
  pdf: Buffer;
  /** The person who signs (printed in the block and written as the signature's Name). */
  signerName: string;
  /** The issuing body whose certificate signs (printed as "Ký bởi"). */
  bodyName: string;
  /** The signing time (the caller's clock): the block and the signature dictionary's M entry. */
  at: Date;
  reason?: string;
  location?: string;
}

/** Room for the CMS: the certificates it carries, the signature value, and a generous margin. */
const contentsBytesFor = (key: KeyMaterial) =>
  [key.certificate, ...key.chain].reduce((n, c) => n + c.raw.length, 0) + 512 + 2048;

/**
 * Signs a PDF with the issuing body's key as a PAdES B-B signature (SubFilter ETSI.CAdES.detached)
 * with a visible block on the last page. In memory: the only database write is a first-time signing
 * identity (ensureIdentity); the caller stores the result. A PDF that already carries a signature is
 * refused — pdf-lib rewrites the whole file, which would break that signature.
 */
export async function signPdf(ctx: SigCtx, input: SignPdfInput): Promise<Buffer> {
  if (!isPdf(input.pdf)) {
    throw E.notPdf();
  }
  if (findSignatureRanges(input.pdf).length > 0) {
    throw E.alreadySigned();
  }
  let doc: PDFDocument;
  let pages: number;
  try {
    doc = await PDFDocument.load(input.pdf, { updateMetadata: false });
    pages = doc.getPageCount();
  } catch (err) {
    throw E.badPdf(err instanceof EncryptedPDFError ? 'the PDF is encrypted' : err instanceof Error ? err.message : String(err));
  }
  if (pages === 0) {
    throw E.badPdf('the PDF has no page');
  }
  const key = await loadSigningKey(ctx, input.issuer);
  await addSignatureField(doc, {
    bodyName: input.bodyName.normalize('NFC'),
    signerName: input.signerName.normalize('NFC'),
    at: input.at,
    reason: input.reason?.normalize('NFC'),
    location: input.location?.normalize('NFC'),
    contentsBytes: contentsBytesFor(key),
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(prepared, new CadesSigner(key));
}
