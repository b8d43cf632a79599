import { createHash } from 'node:crypto';
import {
  EDXML_LIMITS,
  EDXML_NAMESPACE,
  EDXML_PREFIX,
  EdxmlInvalidError,
  XMLDSIG_NAMESPACE,
  type EdxmlAttachment,
  type EdxmlAttachmentInput,
  type EdxmlDocument,
  type EdxmlDocumentParseResult,
  type EdxmlMessageHeader,
  type EdxmlPriority,
  type EdxmlStaffInfo,
} from './edxml.models.ts';
import { ElementReader, compact, readXml, writeXml, type XmlNode } from './edxml.xml.ts';
import { PATH, normalizeAttachment, normalizeDocument, validateAttachments, validateDocument } from './edxml.validate.ts';
import { decodeBase64Strict, instantToWire, isoDateToWire } from './edxml.wire.ts';
import { organTree, readOrgan, readResponseFor, readStaffInfo, responseForTree, staffInfoTree } from './edxml.parts.ts';

/**
 * The document packet (gói tin văn bản): export with buildDocumentPackage, import with
 * parseDocumentPackage. Both apply validateDocument, so what we write always re-imports.
 */

const e = (name: string): string => `${EDXML_PREFIX}:${name}`;

/** Deterministic content ids: the same document and files always give the same packet. */
function contentIdOf(a: EdxmlAttachmentInput, index: number): string {
  const digest = createHash('sha256').update(a.bytes).digest('hex').slice(0, 32);
  return `${index + 1}.${digest}@vanphong`;
}

function messageHeaderTree(mh: EdxmlMessageHeader): Record<string, unknown> {
  const oi = mh.otherInfo;
  return compact({
    [e('From')]: organTree(mh.from),
    [e('To')]: mh.to.map(organTree),
    [e('Code')]: { [e('CodeNumber')]: mh.code.codeNumber, [e('CodeNotation')]: mh.code.codeNotation },
    [e('PromulgationInfo')]: {
      [e('Place')]: mh.promulgationInfo.place,
      [e('PromulgationDate')]: isoDateToWire(mh.promulgationInfo.promulgationDate),
    },
    [e('DocumentType')]: compact({
      [e('Type')]: String(mh.documentType.type),
      [e('TypeName')]: mh.documentType.typeName,
      [e('TypeDetail')]: mh.documentType.typeDetail == null ? undefined : String(mh.documentType.typeDetail),
    }),
    [e('Subject')]: mh.subject,
    [e('Content')]: mh.content,
    [e('SignerInfo')]: compact({
      [e('Competence')]: mh.signerInfo.competence,
      [e('Position')]: mh.signerInfo.position,
      [e('FullName')]: mh.signerInfo.fullName,
    }),
    [e('DueDate')]: mh.dueDate == null ? undefined : isoDateToWire(mh.dueDate),
    [e('ToPlaces')]: mh.toPlaces.length === 0 ? '' : { [e('Place')]: mh.toPlaces },
    [e('OtherInfo')]: compact({
      [e('Priority')]: String(oi.priority),
      [e('SphereOfPromulgation')]: oi.sphereOfPromulgation,
      [e('TyperNotation')]: oi.typerNotation,
      [e('PromulgationAmount')]: String(oi.promulgationAmount),
      [e('PageAmount')]: String(oi.pageAmount),
      [e('Appendixes')]: oi.appendixes == null ? undefined : { [e('Appendix')]: oi.appendixes },
    }),
    [e('ResponseFor')]: mh.responseFor?.map(responseForTree),
    [e('SteeringType')]: mh.steeringType == null ? undefined : String(mh.steeringType),
    [e('DocumentId')]: mh.documentId,
  });
}

function headerTree(doc: EdxmlDocument): Record<string, unknown> {
  const b = doc.business;
  const trace = compact({
    [e('TraceHeader')]: doc.traceHeaders.map((t) => ({ [e('OrganId')]: t.organId, [e('Timestamp')]: instantToWire(t.timestamp) })),
    [e('Bussiness')]:
      b == null
        ? undefined
        : compact({
            [e('BussinessDocType')]: String(b.docType),
            [e('BussinessDocReason')]: b.docReason,
            [e('StaffInfo')]: b.staffInfo?.map(staffInfoTree),
            [e('Paper')]: b.paper == null ? undefined : String(b.paper),
          }),
  });
  const sig = doc.signature;
  return compact({
    [e('MessageHeader')]: messageHeaderTree(doc.messageHeader),
    [e('TraceHeaderList')]: Object.keys(trace).length === 0 ? '' : trace,
    Signature:
      sig == null
        ? undefined
        : {
            '@_xmlns': XMLDSIG_NAMESPACE,
            SignatureValue: sig.signatureValue,
            ...(sig.x509SubjectName || sig.x509Certificate
              ? { KeyInfo: { X509Data: compact({ X509SubjectName: sig.x509SubjectName, X509Certificate: sig.x509Certificate }) } }
              : {}),
          },
  });
}

/**
 * The packet for a document and its files, as UTF-8 XML in NFC. Throws EdxmlInvalidError (with
 * the elements named) when the data would not make a valid packet.
 */
export function buildDocumentPackage(doc: EdxmlDocument, attachments: EdxmlAttachmentInput[]): string {
  const d = normalizeDocument(doc);
  const files = attachments.map(normalizeAttachment);
  const errors = [...validateDocument(d), ...validateAttachments(files)];
  if (errors.length > 0) {
    throw new EdxmlInvalidError(errors);
  }
  const ids = files.map(contentIdOf);
  const references = files.map((a, i) =>
    compact({
      '@_xmlns:xlink': 'http://www.w3.org/1999/xlink',
      '@_xlink:href': `cid:${ids[i]}`,
      '@_xlink:type': 'simple',
      [e('ContentId')]: `cid:${ids[i]}`,
      [e('ContentType')]: a.contentType,
      [e('Description')]: a.description,
      [e('AttachmentName')]: a.name,
    }),
  );
  const tree = {
    edXML: compact({
      '@_xmlns': EDXML_NAMESPACE,
      [e('edXMLEnvelope')]: {
        [`@_xmlns:${EDXML_PREFIX}`]: EDXML_NAMESPACE,
        [e('edXMLHeader')]: headerTree(d),
        [e('edXMLBody')]: { [e('edXMLManifest')]: references.length === 0 ? { '@_version': '1.0' } : { '@_version': '1.0', [e('Reference')]: references } },
      },
      AttachmentEncoded:
        files.length === 0
          ? undefined
          : {
              Attachment: files.map((a, i) =>
                compact({
                  ContentType: a.contentType,
                  ContentId: ids[i],
                  Description: a.description,
                  ContentTransferEncoded: a.bytes.toString('base64'),
                  AttachmentName: a.name,
                }),
              ),
            },
    }),
  };
  const xml = writeXml(tree);
  const size = Buffer.byteLength(xml, 'utf8');
  if (size > EDXML_LIMITS.maxPackageBytes) {
    throw new EdxmlInvalidError([{ element: 'edXML', message: `edXML: gói tin ${size} byte, vượt giới hạn ${EDXML_LIMITS.maxPackageBytes} byte` }]);
  }
  return xml;
}

function readMessageHeader(rd: ElementReader, mh: XmlNode | undefined): EdxmlMessageHeader {
  const M = PATH.message;
  const from = rd.node(mh, 'From', M, true);
  const code = rd.node(mh, 'Code', M, true);
  const pi = rd.node(mh, 'PromulgationInfo', M, true);
  const dt = rd.node(mh, 'DocumentType', M, true);
  const si = rd.node(mh, 'SignerInfo', M, true);
  const oi = rd.node(mh, 'OtherInfo', M, true);
  const appendixes = rd.node(oi, 'Appendixes', `${M}/OtherInfo`);
  return {
    from: from ? readOrgan(rd, from, `${M}/From`) : (undefined as never),
    to: rd.nodes(mh, 'To').map((n, i) => readOrgan(rd, n, `${M}/To[${i + 1}]`)),
    code: { codeNumber: rd.text(code, 'CodeNumber', `${M}/Code`) ?? '', codeNotation: rd.text(code, 'CodeNotation', `${M}/Code`) ?? '' },
    promulgationInfo: {
      place: rd.text(pi, 'Place', `${M}/PromulgationInfo`) ?? '',
      promulgationDate: rd.date(pi, 'PromulgationDate', `${M}/PromulgationInfo`) ?? '',
    },
    documentType: compact({
      type: rd.int(dt, 'Type', `${M}/DocumentType`),
      typeName: rd.text(dt, 'TypeName', `${M}/DocumentType`) ?? '',
      typeDetail: rd.optInt(dt, 'TypeDetail', `${M}/DocumentType`),
    }),
    subject: rd.text(mh, 'Subject', M) ?? '',
    content: rd.text(mh, 'Content', M),
    signerInfo: {
      competence: rd.text(si, 'Competence', `${M}/SignerInfo`),
      position: rd.text(si, 'Position', `${M}/SignerInfo`) ?? '',
      fullName: rd.text(si, 'FullName', `${M}/SignerInfo`) ?? '',
    },
    dueDate: rd.date(mh, 'DueDate', M),
    toPlaces: rd.texts(rd.node(mh, 'ToPlaces', M), 'Place'),
    otherInfo: {
      priority: rd.int(oi, 'Priority', `${M}/OtherInfo`) as EdxmlPriority,
      sphereOfPromulgation: rd.text(oi, 'SphereOfPromulgation', `${M}/OtherInfo`),
      typerNotation: rd.text(oi, 'TyperNotation', `${M}/OtherInfo`),
      promulgationAmount: rd.int(oi, 'PromulgationAmount', `${M}/OtherInfo`),
      pageAmount: rd.int(oi, 'PageAmount', `${M}/OtherInfo`),
      appendixes: rd.texts(appendixes, 'Appendix'),
    },
    responseFor: rd.nodes(mh, 'ResponseFor').map((n, i) => readResponseFor(rd, n, `${M}/ResponseFor[${i + 1}]`)),
    steeringType: rd.optInt(mh, 'SteeringType', M),
    documentId: rd.text(mh, 'DocumentId', M) ?? '',
  };
}

function readHeader(rd: ElementReader, header: XmlNode | undefined): EdxmlDocument {
  const mh = rd.node(header, 'MessageHeader', PATH.header);
  if (mh == null) {
    const isStatus = header?.['Status'] != null;
    rd.report(`${PATH.message}`, isStatus ? 'bắt buộc (đây là gói tin trạng thái, không phải gói tin văn bản)' : 'bắt buộc');
  }
  const trace = rd.node(header, 'TraceHeaderList', PATH.header);
  const business = rd.node(trace, 'Bussiness', PATH.trace) ?? rd.node(trace, 'Business', PATH.trace);
  const sig = rd.node(header, 'Signature', PATH.header) ?? rd.node(header, 'DigitalSignature', PATH.header);
  const x509 = rd.node(rd.node(sig, 'KeyInfo', PATH.signature), 'X509Data', `${PATH.signature}/KeyInfo`);
  const B = `${PATH.trace}/Bussiness`;
  const staff: EdxmlStaffInfo[] = rd.nodes(business, 'StaffInfo').flatMap((n, i) => readStaffInfo(rd, n, `${B}/StaffInfo[${i + 1}]`) ?? []);
  return {
    messageHeader: mh ? readMessageHeader(rd, mh) : (undefined as never),
    traceHeaders: rd.nodes(trace, 'TraceHeader').map((n, i) => ({
      organId: rd.text(n, 'OrganId', `${PATH.trace}/TraceHeader[${i + 1}]`) ?? '',
      timestamp: rd.instant(n, 'Timestamp', `${PATH.trace}/TraceHeader[${i + 1}]`) ?? '',
    })),
    business: business
      ? { docType: rd.int(business, 'BussinessDocType', B), docReason: rd.text(business, 'BussinessDocReason', B), paper: rd.optInt(business, 'Paper', B), staffInfo: staff }
      : undefined,
    signature: sig
      ? {
          signatureValue: rd.text(sig, 'SignatureValue', PATH.signature) ?? '',
          x509SubjectName: rd.text(x509, 'X509SubjectName', `${PATH.signature}/KeyInfo/X509Data`),
          x509Certificate: rd.text(x509, 'X509Certificate', `${PATH.signature}/KeyInfo/X509Data`),
        }
      : undefined,
  };
}

const stripCid = (id: string): string => id.replace(/^cid:/i, '').replace(/^<(.*)>$/, '$1');

function readAttachments(rd: ElementReader, root: XmlNode, envelope: XmlNode | undefined): EdxmlAttachment[] {
  const body = rd.node(envelope, 'edXMLBody', 'edXMLEnvelope');
  const manifest = rd.node(body, 'edXMLManifest', 'edXMLEnvelope/edXMLBody') ?? rd.node(body, 'Manifest', 'edXMLEnvelope/edXMLBody');
  const holder = rd.node(root, 'AttachmentEncoded', '') ?? rd.node(envelope, 'AttachmentEncoded', '') ?? rd.node(body, 'AttachmentEncoded', '');
  const encoded = rd.nodes(holder, 'Attachment');
  if (encoded.length > EDXML_LIMITS.maxAttachments) {
    rd.report(PATH.attachments, `tối đa ${EDXML_LIMITS.maxAttachments} tệp đính kèm, gặp ${encoded.length}`);
    return [];
  }
  const refs = rd.nodes(manifest, 'Reference').map((n, i) => {
    const p = `${PATH.manifest}/Reference[${i + 1}]`;
    return {
      path: p,
      contentId: stripCid(rd.text(n, 'ContentId', p) ?? ''),
      contentType: rd.text(n, 'ContentType', p),
      description: rd.text(n, 'Description', p),
      name: rd.text(n, 'AttachmentName', p),
    };
  });
  const files = encoded.map((n, i): EdxmlAttachment => {
    const p = `${PATH.attachments}/Attachment[${i + 1}]`;
    const contentId = stripCid(rd.text(n, 'ContentId', p) ?? '') || String(i + 1);
    const ref = refs.find((r) => r.contentId === contentId);
    const transfer = rd.raw(n, 'ContentTransferEncoded', p);
    // Some writers put the word "base64" here and the data in <Value>.
    const data = transfer?.toLowerCase() === 'base64' ? rd.raw(n, 'Value', p) : transfer;
    const bytes = data === undefined ? null : decodeBase64Strict(data);
    if (data === undefined) {
      rd.report(`${p}/ContentTransferEncoded`, 'bắt buộc');
    } else if (bytes == null) {
      rd.report(`${p}/ContentTransferEncoded`, 'không giải mã được base64');
    } else if (bytes.length === 0) {
      rd.report(`${p}/ContentTransferEncoded`, 'tệp đính kèm rỗng');
    }
    const name = rd.text(n, 'AttachmentName', p) ?? ref?.name;
    if (name === undefined) {
      rd.report(`${p}/AttachmentName`, 'bắt buộc');
    }
    return compact({
      contentId,
      name: name ?? '',
      contentType: rd.text(n, 'ContentType', p) ?? ref?.contentType ?? 'application/octet-stream',
      description: rd.text(n, 'Description', p) ?? ref?.description,
      bytes: bytes ?? Buffer.alloc(0),
    });
  });
  for (const r of refs) {
    if (!files.some((f) => f.contentId === r.contentId)) {
      rd.report(`${r.path}/ContentId`, `không có tệp tương ứng trong AttachmentEncoded ("${r.contentId}")`);
    }
  }
  return files;
}

/**
 * Reads and validates a document packet. Accepts the edXML root (or a bare edXMLEnvelope),
 * prefixed or unprefixed names, any namespace URI; refuses with every problem found, each naming
 * its element.
 */
export function parseDocumentPackage(xml: string | Buffer): EdxmlDocumentParseResult {
  const r = readXml(xml, ['edXML', 'edXMLEnvelope']);
  if (!r.ok) {
    return r;
  }
  const rd = new ElementReader();
  const envelope = r.name === 'edXMLEnvelope' ? r.root : rd.node(r.root, 'edXMLEnvelope', '', true);
  const header = rd.node(envelope, 'edXMLHeader', 'edXMLEnvelope', true);
  const doc = readHeader(rd, header);
  const attachments = readAttachments(rd, r.root, envelope);
  if (doc.messageHeader != null) {
    rd.reportAll(validateDocument(doc));
  }
  if (rd.errors.length > 0) {
    return { ok: false, errors: rd.errors };
  }
  return { ok: true, doc: normalizeDocument(doc), attachments };
}
