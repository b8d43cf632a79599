import {
  EDXML_LIMITS,
  EDXML_STATUS_CODES,
  type EdxmlAttachmentInput,
  type EdxmlDocument,
  type EdxmlError,
  type EdxmlOrgan,
  type EdxmlResponseFor,
  type EdxmlStaffInfo,
  type EdxmlStatus,
} from './edxml.models.ts';
import { ErrorList } from './edxml.errors.ts';
import { charCount, cleanText, hasInvalidXmlChars, isIsoDate, isMediaType, toCanonicalInstant } from './edxml.wire.ts';

/**
 * The rules a packet's fields obey, applied to what we export (before writing) and to what we
 * import (after reading), so both sides refuse the same things with the same element paths.
 */

export const PATH = {
  header: 'edXMLEnvelope/edXMLHeader',
  message: 'edXMLEnvelope/edXMLHeader/MessageHeader',
  trace: 'edXMLEnvelope/edXMLHeader/TraceHeaderList',
  signature: 'edXMLEnvelope/edXMLHeader/Signature',
  status: 'edXMLEnvelope/edXMLHeader/Status',
  manifest: 'edXMLEnvelope/edXMLBody/edXMLManifest',
  attachments: 'AttachmentEncoded',
} as const;

/** Lists that stay (empty) when empty; every other empty list or blank text is dropped. */
const KEEP_EMPTY = new Set(['to', 'toPlaces', 'traceHeaders']);

function cleanDeep(v: unknown): unknown {
  if (typeof v === 'string') {
    return cleanText(v);
  }
  if (Array.isArray(v)) {
    return v.map(cleanDeep).filter((x) => x !== undefined && x !== '');
  }
  if (v != null && typeof v === 'object' && !Buffer.isBuffer(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      let c = cleanDeep(x);
      if (c === undefined || c === '' || (Array.isArray(c) && c.length === 0 && !KEEP_EMPTY.has(k))) {
        continue;
      }
      if (k === 'timestamp' && typeof c === 'string') {
        c = toCanonicalInstant(c) ?? c;
      }
      out[k] = c;
    }
    return out;
  }
  return v;
}

/** NFC, trimmed, blanks and empty optional lists dropped, instants in their canonical form. */
export function normalizeDocument(doc: EdxmlDocument): EdxmlDocument {
  return cleanDeep(doc) as EdxmlDocument;
}

export function normalizeStatus(status: EdxmlStatus): EdxmlStatus {
  const s = cleanDeep(status) as EdxmlStatus;
  s.description ??= '';
  return s;
}

export function normalizeAttachment(a: EdxmlAttachmentInput): EdxmlAttachmentInput {
  const n: EdxmlAttachmentInput = { name: cleanText(a.name ?? ''), contentType: cleanText(a.contentType ?? ''), bytes: a.bytes };
  const description = a.description == null ? '' : cleanText(a.description);
  if (description !== '') {
    n.description = description;
  }
  return n;
}

class Checker {
  private readonly list = new ErrorList();

  get errors(): EdxmlError[] {
    return this.list.errors;
  }

  add(path: string, message: string): void {
    this.list.add(path, message);
  }

  text(path: string, v: unknown, required: boolean, max?: number): void {
    if (v == null || v === '') {
      if (required) {
        this.add(path, 'bắt buộc');
      }
      return;
    }
    if (typeof v !== 'string') {
      this.add(path, 'phải là văn bản');
      return;
    }
    if (hasInvalidXmlChars(v)) {
      this.add(path, 'chứa ký tự không được phép trong XML');
    } else if (max != null && charCount(v) > max) {
      this.add(path, `dài ${charCount(v)} ký tự, tối đa ${max}`);
    }
  }

  int(path: string, v: unknown, required: boolean, min: number, max?: number): void {
    if (v == null || (typeof v === 'number' && Number.isNaN(v))) {
      if (required) {
        this.add(path, 'bắt buộc');
      }
      return;
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || (max != null && v > max)) {
      this.add(path, max != null ? `phải là số nguyên từ ${min} đến ${max}, gặp ${String(v)}` : `phải là số nguyên không âm, gặp ${String(v)}`);
    }
  }

  date(path: string, v: unknown, required: boolean): void {
    if (v == null || v === '') {
      if (required) {
        this.add(path, 'bắt buộc');
      }
      return;
    }
    if (typeof v !== 'string' || !isIsoDate(v)) {
      this.add(path, `ngày không hợp lệ: ${String(v)}`);
    }
  }

  instant(path: string, v: unknown): void {
    if (v == null || v === '') {
      this.add(path, 'bắt buộc');
    } else if (typeof v !== 'string' || toCanonicalInstant(v) == null) {
      this.add(path, `thời điểm không hợp lệ: ${String(v)}`);
    }
  }

  present(path: string, v: unknown): boolean {
    if (v == null || typeof v !== 'object') {
      this.add(path, 'bắt buộc');
      return false;
    }
    return true;
  }

  organ(path: string, o: EdxmlOrgan | undefined): void {
    if (!this.present(path, o)) {
      return;
    }
    this.text(`${path}/OrganId`, o!.organId, true);
    this.text(`${path}/OrganName`, o!.organName, true);
    const optional: [string, unknown][] = [
      ['OrganizationInCharge', o!.organInCharge],
      ['OrganAdd', o!.organAdd],
      ['Email', o!.email],
      ['Telephone', o!.telephone],
      ['Fax', o!.fax],
      ['Website', o!.website],
    ];
    for (const [name, v] of optional) {
      this.text(`${path}/${name}`, v, false);
    }
  }

  responseFor(path: string, r: EdxmlResponseFor | undefined): void {
    if (!this.present(path, r)) {
      return;
    }
    this.text(`${path}/OrganId`, r!.organId, true);
    this.text(`${path}/Code`, r!.code, false);
    this.date(`${path}/PromulgationDate`, r!.promulgationDate, false);
    this.text(`${path}/DocumentId`, r!.documentId, true);
  }

  staff(path: string, s: EdxmlStaffInfo): void {
    this.text(`${path}/Department`, s.department, true);
    this.text(`${path}/Staff`, s.staff, true);
    this.text(`${path}/Mobile`, s.mobile, false);
    this.text(`${path}/Email`, s.email, false);
  }
}

/** Every rule the document's fields break, each naming its element. Input is normalised first. */
export function validateDocument(input: EdxmlDocument): EdxmlError[] {
  const c = new Checker();
  const doc = normalizeDocument(input ?? ({} as EdxmlDocument));
  const mh = doc.messageHeader;
  if (!c.present(PATH.message, mh)) {
    return c.errors;
  }
  const M = PATH.message;
  c.organ(`${M}/From`, mh.from);
  const to = Array.isArray(mh.to) ? mh.to : [];
  if (to.length === 0) {
    c.add(`${M}/To`, 'phải có ít nhất một cơ quan nhận');
  }
  to.forEach((o, i) => c.organ(`${M}/To[${i + 1}]`, o));
  if (c.present(`${M}/Code`, mh.code)) {
    c.text(`${M}/Code/CodeNumber`, mh.code.codeNumber, true);
    c.text(`${M}/Code/CodeNotation`, mh.code.codeNotation, true);
  }
  if (c.present(`${M}/PromulgationInfo`, mh.promulgationInfo)) {
    c.text(`${M}/PromulgationInfo/Place`, mh.promulgationInfo.place, true);
    c.date(`${M}/PromulgationInfo/PromulgationDate`, mh.promulgationInfo.promulgationDate, true);
  }
  if (c.present(`${M}/DocumentType`, mh.documentType)) {
    c.int(`${M}/DocumentType/Type`, mh.documentType.type, true, 0);
    c.text(`${M}/DocumentType/TypeName`, mh.documentType.typeName, true);
    c.int(`${M}/DocumentType/TypeDetail`, mh.documentType.typeDetail, false, 0);
  }
  c.text(`${M}/Subject`, mh.subject, true, EDXML_LIMITS.maxSubjectChars);
  c.text(`${M}/Content`, mh.content, false);
  if (c.present(`${M}/SignerInfo`, mh.signerInfo)) {
    c.text(`${M}/SignerInfo/Competence`, mh.signerInfo.competence, false);
    c.text(`${M}/SignerInfo/Position`, mh.signerInfo.position, true);
    c.text(`${M}/SignerInfo/FullName`, mh.signerInfo.fullName, true);
  }
  c.date(`${M}/DueDate`, mh.dueDate, false);
  (mh.toPlaces ?? []).forEach((p, i) => c.text(`${M}/ToPlaces/Place[${i + 1}]`, p, true));
  const oi = mh.otherInfo;
  if (c.present(`${M}/OtherInfo`, oi)) {
    c.int(`${M}/OtherInfo/Priority`, oi.priority, true, 0, 4);
    c.text(`${M}/OtherInfo/SphereOfPromulgation`, oi.sphereOfPromulgation, false);
    c.text(`${M}/OtherInfo/TyperNotation`, oi.typerNotation, false);
    c.int(`${M}/OtherInfo/PromulgationAmount`, oi.promulgationAmount, true, 0);
    c.int(`${M}/OtherInfo/PageAmount`, oi.pageAmount, true, 0);
    (oi.appendixes ?? []).forEach((a, i) => c.text(`${M}/OtherInfo/Appendixes/Appendix[${i + 1}]`, a, true));
  }
  (mh.responseFor ?? []).forEach((r, i) => c.responseFor(`${M}/ResponseFor[${i + 1}]`, r));
  c.int(`${M}/SteeringType`, mh.steeringType, false, 0);
  c.text(`${M}/DocumentId`, mh.documentId, true);

  (doc.traceHeaders ?? []).forEach((t, i) => {
    c.text(`${PATH.trace}/TraceHeader[${i + 1}]/OrganId`, t.organId, true);
    c.instant(`${PATH.trace}/TraceHeader[${i + 1}]/Timestamp`, t.timestamp);
  });
  const b = doc.business;
  if (b) {
    const B = `${PATH.trace}/Bussiness`;
    c.int(`${B}/BussinessDocType`, b.docType, true, 0);
    c.text(`${B}/BussinessDocReason`, b.docReason, false);
    c.int(`${B}/Paper`, b.paper, false, 0);
    (b.staffInfo ?? []).forEach((s, i) => c.staff(`${B}/StaffInfo[${i + 1}]`, s));
  }
  if (doc.signature) {
    c.text(`${PATH.signature}/SignatureValue`, doc.signature.signatureValue, true);
    c.text(`${PATH.signature}/KeyInfo/X509Data/X509SubjectName`, doc.signature.x509SubjectName, false);
    c.text(`${PATH.signature}/KeyInfo/X509Data/X509Certificate`, doc.signature.x509Certificate, false);
  }
  return c.errors;
}

/** The attachments to export: count, names, media types, non-empty content. */
export function validateAttachments(list: EdxmlAttachmentInput[]): EdxmlError[] {
  const c = new Checker();
  if (list.length > EDXML_LIMITS.maxAttachments) {
    c.add(PATH.attachments, `tối đa ${EDXML_LIMITS.maxAttachments} tệp đính kèm, gặp ${list.length}`);
    return c.errors;
  }
  list.forEach((a0, i) => {
    const a = normalizeAttachment(a0);
    const p = `${PATH.attachments}/Attachment[${i + 1}]`;
    c.text(`${p}/AttachmentName`, a.name, true);
    c.text(`${p}/Description`, a.description, false);
    if (!isMediaType(a.contentType)) {
      c.add(`${p}/ContentType`, a.contentType === '' ? 'bắt buộc' : `không phải kiểu MIME: "${a.contentType}"`);
    }
    if (!Buffer.isBuffer(a.bytes) || a.bytes.length === 0) {
      c.add(`${p}/ContentTransferEncoded`, 'tệp đính kèm rỗng');
    }
  });
  return c.errors;
}

/** Every rule the status packet's fields break. Input is normalised first. */
export function validateStatus(input: EdxmlStatus): EdxmlError[] {
  const c = new Checker();
  const s = normalizeStatus(input ?? ({} as EdxmlStatus));
  const S = PATH.status;
  c.responseFor(`${S}/ResponseFor`, s.responseFor);
  c.organ(`${S}/From`, s.from);
  if (s.statusCode == null) {
    c.add(`${S}/StatusCode`, 'bắt buộc');
  } else if (!(EDXML_STATUS_CODES as readonly string[]).includes(s.statusCode)) {
    c.add(`${S}/StatusCode`, `mã trạng thái không hợp lệ "${String(s.statusCode)}" (chỉ nhận ${EDXML_STATUS_CODES.join(', ')})`);
  }
  c.text(`${S}/Description`, s.description, false);
  c.instant(`${S}/Timestamp`, s.timestamp);
  if (s.staffInfo) {
    c.staff(`${S}/StaffInfo`, s.staffInfo);
  }
  return c.errors;
}
