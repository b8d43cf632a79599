import type { X509Certificate } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SignatureVerification } from '@vanphong/contracts';
import type { Database } from '../../platform/db/schema.ts';
import { chainsToTrusted, trustedAnchors } from './signatures.chain.ts';
import { checkCms } from './signatures.cms.ts';
import { signatureErrors as E } from './signatures.errors.ts';
import { findSignatureRanges, isPdf, type SignatureRange } from './signatures.pdf-scan.ts';
import { nameField } from './signatures.pki.ts';

type Signer = SignatureVerification['signers'][number];

interface Checked {
  signer: Signer;
  /** The CMS decoded and its signature over the signed attributes verified with the signer's key. */
  wellFormed: boolean;
}

/**
 * Verifies every signature of a PDF (outgoing or incoming, ours or anyone's):
 * - intact: the bytes of the ByteRange hash to the CMS messageDigest, the signature over the signed
 *   attributes verifies with the signer's certificate, and signing-certificate-v2 names that certificate;
 * - coversWholeFile: the ByteRange reaches the end of the file (nothing appended by a later update);
 * - trusted: the signer's certificate chains to an active certificate of the trusted list.
 * The document is `valid` when every signature is intact and the last one covers the whole file, and
 * `trusted` when, in addition, every signer is trusted. Writes nothing.
 */
export async function verifyPdf(db: Kysely<Database>, pdf: Buffer): Promise<SignatureVerification> {
  if (!isPdf(pdf)) {
    throw E.notPdf();
  }
  const ranges = findSignatureRanges(pdf);
  if (ranges.length === 0) {
    return { valid: false, trusted: false, signers: [], message: 'Tệp không có chữ ký số.' };
  }
  const anchors = await trustedAnchors(db);
  const checked = ranges.map((r) => checkOne(pdf, r, anchors));
  const signers = checked.map((c) => c.signer);
  const allIntact = checked.every((c) => c.wellFormed && c.signer.intact);
  const lastCovers = signers.at(-1)!.coversWholeFile;
  const valid = allIntact && lastCovers;
  const trusted = valid && signers.every((s) => s.trusted);
  return { valid, trusted, signers, message: messageOf(checked, valid, trusted) };
}

function checkOne(pdf: Buffer, r: SignatureRange, anchors: X509Certificate[]): Checked {
  const [a, b, c, d] = r.byteRange;
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const cms = checkCms(r.contents, signed);
  const cert = cms.signer;
  const at = new Date(r.signedAt ?? cms.signingTime?.toISOString() ?? Date.now());
  const intact = cms.digestMatches && cms.signatureVerifies && cms.certificateBound;
  const signer: Signer = {
    name: (cert && nameField(cert.subject, 'CN')) ?? r.name ?? 'Không xác định',
    organization: cert ? nameField(cert.subject, 'O') : null,
    serialNumber: cert?.serialNumber ?? '',
    fingerprint: cert?.fingerprint256 ?? '',
    signedAt: r.signedAt ?? cms.signingTime?.toISOString() ?? null,
    intact,
    coversWholeFile: c + d === pdf.length,
    trusted: cert !== null && intact && chainsToTrusted(cert, cms.certificates, anchors, at),
    reason: r.reason,
  };
  return { signer, wellFormed: cms.problem === null };
}

function messageOf(checked: Checked[], valid: boolean, trusted: boolean): string {
  const n = checked.length;
  const many = n > 1;
  if (checked.some((c) => !c.wellFormed)) {
    return 'Chữ ký số bị hỏng hoặc không đọc được: không xác nhận được tính toàn vẹn của tệp.';
  }
  if (checked.some((c) => !c.signer.intact)) {
    return 'Tệp đã bị thay đổi sau khi ký: nội dung không còn khớp với chữ ký số.';
  }
  if (!valid) {
    return 'Tệp đã được bổ sung nội dung sau khi ký: phần thêm vào không được chữ ký số bảo vệ.';
  }
  if (trusted) {
    return many
      ? `Cả ${n} chữ ký số đều hợp lệ; chứng thư ký thuộc danh sách tin cậy.`
      : 'Chữ ký số hợp lệ; chứng thư ký thuộc danh sách tin cậy.';
  }
  return many
    ? `Các chữ ký số còn nguyên vẹn nhưng có chứng thư ký không thuộc danh sách tin cậy.`
    : 'Chữ ký số còn nguyên vẹn nhưng chứng thư ký không thuộc danh sách tin cậy.';
}
