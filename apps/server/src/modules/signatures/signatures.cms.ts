import { constants, createHash, sign, verify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { KeyMaterial } from './signatures.pki.ts';

/**
 * The CMS SignedData inside a PAdES signature (ETSI EN 319 122-1 CAdES-B-B as PAdES B-B needs it):
 * detached content, signed attributes contentType, messageDigest and signing-certificate-v2 (which
 * binds the signer's certificate into what is signed), no signing-time attribute (PAdES takes the
 * time from the signature dictionary's M entry), SHA-256 with RSA. pkijs/asn1js encode and decode;
 * Node's crypto signs and verifies, so the private key never goes through WebCrypto.
 * (@signpdf/signer-p12 builds adbe.pkcs7.detached with signing-time and without
 * signing-certificate-v2, so it cannot make PAdES; it is not used.)
 */

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Signature algorithms: the hash they imply (null: take the digest algorithm), and the scheme. */
const SIGNATURES: Record<string, { hash: string | null; scheme: 'pkcs1' | 'ecdsa' | 'pss' | 'eddsa' }> = {
  '1.2.840.113549.1.1.1': { hash: null, scheme: 'pkcs1' },
  '1.2.840.113549.1.1.5': { hash: 'sha1', scheme: 'pkcs1' },
  '1.2.840.113549.1.1.14': { hash: 'sha224', scheme: 'pkcs1' },
  '1.2.840.113549.1.1.11': { hash: 'sha256', scheme: 'pkcs1' },
  '1.2.840.113549.1.1.12': { hash: 'sha384', scheme: 'pkcs1' },
  '1.2.840.113549.1.1.13': { hash: 'sha512', scheme: 'pkcs1' },
  '1.2.840.113549.1.1.10': { hash: null, scheme: 'pss' },
  '1.2.840.10045.2.1': { hash: null, scheme: 'ecdsa' },
  '1.2.840.10045.4.1': { hash: 'sha1', scheme: 'ecdsa' },
  '1.2.840.10045.4.3.2': { hash: 'sha256', scheme: 'ecdsa' },
  '1.2.840.10045.4.3.3': { hash: 'sha384', scheme: 'ecdsa' },
  '1.2.840.10045.4.3.4': { hash: 'sha512', scheme: 'ecdsa' },
  '1.3.101.112': { hash: null, scheme: 'eddsa' },
};

const toBuffer = (ab: ArrayBuffer | ArrayBufferView) =>
  ArrayBuffer.isView(ab) ? Buffer.from(ab.buffer, ab.byteOffset, ab.byteLength) : Buffer.from(ab);
const arrayBufferOf = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

const pkijsCert = (c: X509Certificate) => pkijs.Certificate.fromBER(arrayBufferOf(c.raw));

/** ESS signing-certificate-v2 (RFC 5035): SHA-256 of the certificate, and its issuer and serial. */
function signingCertificateV2(cert: pkijs.Certificate, der: Buffer): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        // GeneralNames with one directoryName [4] (EXPLICIT: Name is a CHOICE).
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })],
      }),
      cert.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    // hashAlgorithm omitted: DEFAULT sha256.
    value: [new asn1js.OctetString({ valueHex: arrayBufferOf(createHash('sha256').update(der).digest()) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** DER of a SET OF sorts its elements by their encodings (X.690 §11.6). */
function derSortedAttributes(attrs: pkijs.Attribute[]): pkijs.Attribute[] {
  return attrs
    .map((a) => ({ a, der: Buffer.from(a.toSchema().toBER()) }))
    .sort((x, y) => Buffer.compare(x.der, y.der))
    .map((x) => x.a);
}

/** The detached CAdES signature (DER ContentInfo) over `content` — the PDF without its Contents hole. */
export function buildCadesSignature(content: Buffer, key: KeyMaterial): Buffer {
  const cert = pkijsCert(key.certificate);
  const digest = createHash('sha256').update(content).digest();
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: derSortedAttributes([
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: arrayBufferOf(digest) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(cert, key.certificate.raw)] }),
    ]),
  });
  // What is signed is the DER of the attributes as a SET (tag 0x31), not as the [0] IMPLICIT field.
  const tbs = Buffer.from(signedAttrs.toSchema().toBER());
  tbs[0] = 0x31;
  const signature = sign('sha256', tbs, key.privateKey);
  const sha256 = new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert, ...key.chain.map(pkijsCert)],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        digestAlgorithm: sha256,
        signedAttrs,
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }),
        signature: new asn1js.OctetString({ valueHex: arrayBufferOf(signature) }),
      }),
    ],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER());
}

export interface CmsCheck {
  signer: X509Certificate | null;
  /** Every certificate the signature carries (the signer's included). */
  certificates: X509Certificate[];
  /** The content hashes to the signed messageDigest. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer's key. */
  signatureVerifies: boolean;
  /** signing-certificate(-v2), when present, names the signer's certificate. */
  certificateBound: boolean;
  /** The signing-time attribute (CAdES-BES, adbe.pkcs7.detached), if any. */
  signingTime: Date | null;
  problem: string | null;
}

const attr = (si: pkijs.SignerInfo, type: string) => si.signedAttrs?.attributes.find((a) => a.type === type);

function findSigner(si: pkijs.SignerInfo, certs: pkijs.Certificate[]): pkijs.Certificate | undefined {
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = si.sid;
    const exact = certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
    // node-forge (so @signpdf/signer-p12) re-encodes a UTF8String issuer name twice in the sid; the
    // serial alone still locates the certificate, and the signature check below is what binds it.
    const bySerial = certs.filter((c) => c.serialNumber.isEqual(sid.serialNumber));
    return exact ?? (bySerial.length === 1 ? bySerial[0] : undefined);
  }
  // subjectKeyIdentifier [0]: compare with each certificate's SKI extension.
  const ski = toBuffer((si.sid as asn1js.Primitive).valueBlock.valueHexView);
  return certs.find((c) => {
    const ext = c.extensions?.find((e) => e.extnID === '2.5.29.14');
    return ext !== undefined && toBuffer((ext.parsedValue as asn1js.OctetString).valueBlock.valueHexView).equals(ski);
  });
}

function verifySignerInfo(si: pkijs.SignerInfo, cert: X509Certificate, digestName: string): boolean {
  const alg = SIGNATURES[si.signatureAlgorithm.algorithmId];
  if (!alg || !si.signedAttrs) {
    return false;
  }
  const tbs = Buffer.from(si.signedAttrs.encodedValue);
  tbs[0] = 0x31;
  const sig = toBuffer(si.signature.valueBlock.valueHexView);
  const publicKey = cert.publicKey;
  try {
    if (alg.scheme === 'eddsa') {
      return verify(null, tbs, publicKey, sig);
    }
    if (alg.scheme === 'pss') {
      const params = new pkijs.RSASSAPSSParams({ schema: si.signatureAlgorithm.algorithmParams });
      const hash = DIGESTS[params.hashAlgorithm.algorithmId] ?? 'sha1';
      return verify(hash, tbs, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength }, sig);
    }
    return verify(alg.hash ?? digestName, tbs, publicKey, sig);
  } catch {
    return false;
  }
}

/** signing-certificate-v2 (or v1, SHA-1) must name the certificate that verified the signature. */
function certificateBound(si: pkijs.SignerInfo, cert: X509Certificate): boolean {
  const v2 = attr(si, OID.signingCertificateV2);
  const v1 = attr(si, OID.signingCertificate);
  const a = v2 ?? v1;
  if (!a) {
    return true;
  }
  try {
    const certs = (a.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    const parts = first.valueBlock.value;
    let hash = v2 ? 'sha256' : 'sha1';
    let hashValue = parts[0];
    if (v2 && parts[0] instanceof asn1js.Sequence) {
      hash = DIGESTS[new pkijs.AlgorithmIdentifier({ schema: parts[0] }).algorithmId] ?? 'unknown';
      hashValue = parts[1];
    }
    const expected = toBuffer((hashValue as asn1js.OctetString).valueBlock.valueHexView);
    return createHash(hash).update(cert.raw).digest().equals(expected);
  } catch {
    return false;
  }
}

/** Decodes a PDF signature's CMS and checks it against the signed bytes. Never throws. */
export function checkCms(der: Buffer, content: Buffer): CmsCheck {
  const none: CmsCheck = {
    signer: null,
    certificates: [],
    digestMatches: false,
    signatureVerifies: false,
    certificateBound: false,
    signingTime: null,
    problem: null,
  };
  let signedData: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(arrayBufferOf(der));
    if (info.contentType !== OID.signedData) {
      return { ...none, problem: 'not a CMS SignedData' };
    }
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch (err) {
    return { ...none, problem: `unreadable CMS: ${err instanceof Error ? err.message : String(err)}` };
  }
  const pkCerts = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const certificates = pkCerts.map((c) => new X509Certificate(toBuffer(c.toSchema().toBER())));
  const si = signedData.signerInfos[0];
  if (!si) {
    return { ...none, certificates, problem: 'no signer' };
  }
  const signerPk = findSigner(si, pkCerts);
  const signer = signerPk ? certificates[pkCerts.indexOf(signerPk)]! : null;
  const digestName = DIGESTS[si.digestAlgorithm.algorithmId];
  const md = attr(si, OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
  const st = attr(si, OID.signingTime)?.values[0] as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  const result: CmsCheck = {
    ...none,
    signer,
    certificates,
    signingTime: st ? st.toDate() : null,
    digestMatches:
      digestName !== undefined && md !== undefined && createHash(digestName).update(content).digest().equals(toBuffer(md.valueBlock.valueHexView)),
  };
  if (!signer) {
    return { ...result, problem: 'the signer certificate is not in the signature' };
  }
  if (!digestName) {
    return { ...result, problem: `unsupported digest ${si.digestAlgorithm.algorithmId}` };
  }
  return { ...result, signatureVerifies: verifySignerInfo(si, signer, digestName), certificateBound: certificateBound(si, signer) };
}
