import { RECEIPT_CODES, URGENCIES, type ReceiptCode, type Urgency } from '@vanphong/contracts';

/**
 * edXML packets between document systems (spec §10, QCVN 102:2016/BTTTT, amended 2022).
 *
 * The element names and their nesting follow the packets the national axis (Trục liên thông văn bản
 * quốc gia) and the provincial LGSPs exchange, as written by the VNPT/BKAV SDKs:
 *
 *   <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
 *     <edXML:edXMLEnvelope xmlns:edXML="…same URI…">
 *       <edXML:edXMLHeader> MessageHeader | Status, TraceHeaderList, Signature </edXML:edXMLHeader>
 *       <edXML:edXMLBody> <edXML:edXMLManifest> Reference… </edXML:edXMLManifest> </edXML:edXMLBody>
 *     </edXML:edXMLEnvelope>
 *     <AttachmentEncoded> Attachment… (base64) </AttachmentEncoded>
 *   </edXML>
 *
 * The types below carry the packet's fields in camelCase, with two conversions at the wire so the
 * rest of the server keeps its own conventions: dates are YYYY-MM-DD here and dd/MM/yyyy in the
 * packet; instants are ISO 8601 with the Vietnam offset here ("2025-03-14T09:30:00+07:00") and
 * "dd/MM/yyyy HH:mm:ss" wall time in Asia/Ho_Chi_Minh in the packet (whole seconds).
 */

/** The namespace written on export (the one the national axis SDKs use). */
export const EDXML_NAMESPACE = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
/** The older e-doc namespace some systems still write; accepted on import like any other. */
export const EDXML_LEGACY_NAMESPACE = 'http://www.e-doc.vn/Schema/';
export const EDXML_PREFIX = 'edXML';
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';

export const EDXML_LIMITS = {
  /** A packet larger than this is refused before it is parsed. */
  maxPackageBytes: 50 * 1024 * 1024,
  maxAttachments: 50,
  /**
   * Tags ("<") in a packet, counted before parsing: a real packet has a few hundred (base64 bodies
   * have none), and the parser spends ~20 µs per element, so this keeps a hostile packet under ~2 s.
   */
  maxTags: 200_000,
  /** QCVN 102: Subject (trích yếu) is at most 500 characters. */
  maxSubjectChars: 500,
} as const;

/** Priority (độ khẩn), codes 0–4: Thường, Khẩn, Thượng khẩn, Hỏa tốc, Hỏa tốc hẹn giờ (spec §3). */
export type EdxmlPriority = 0 | 1 | 2 | 3 | 4;

export function priorityOfUrgency(urgency: Urgency): EdxmlPriority {
  return URGENCIES.indexOf(urgency) as EdxmlPriority;
}

export function urgencyOfPriority(priority: EdxmlPriority): Urgency {
  return URGENCIES[priority]!;
}

/** An organ (cơ quan) as sender or recipient. `organId` is its mã định danh (QĐ 20/2020/QĐ-TTg). */
export interface EdxmlOrgan {
  organId: string;
  organName: string;
  /** Written as <OrganizationInCharge> (cơ quan chủ quản); <OrganInCharge> is accepted on import. */
  organInCharge?: string;
  organAdd?: string;
  email?: string;
  telephone?: string;
  fax?: string;
  website?: string;
}

/** The document a packet answers: in a status packet, and in MessageHeader/ResponseFor. */
export interface EdxmlResponseFor {
  organId: string;
  /** "Số, ký hiệu" of the document answered, e.g. "01-CV/TU". */
  code?: string;
  /** YYYY-MM-DD. */
  promulgationDate?: string;
  documentId: string;
}

export interface EdxmlStaffInfo {
  department: string;
  staff: string;
  mobile?: string;
  email?: string;
}

export interface EdxmlOtherInfo {
  priority: EdxmlPriority;
  sphereOfPromulgation?: string;
  typerNotation?: string;
  /** Number of copies issued (số bản). */
  promulgationAmount: number;
  pageAmount: number;
  appendixes?: string[];
}

export interface EdxmlMessageHeader {
  from: EdxmlOrgan;
  to: EdxmlOrgan[];
  /** CodeNumber is the number as printed ("01"), CodeNotation the rest ("CV/TU"). */
  code: { codeNumber: string; codeNotation: string };
  /** promulgationDate is YYYY-MM-DD. */
  promulgationInfo: { place: string; promulgationDate: string };
  /** type: the QCVN 102 document type code (1 = văn bản hành chính); typeName the printed name. */
  documentType: { type: number; typeName: string; typeDetail?: number };
  subject: string;
  content?: string;
  /** competence: the authority form (T/M, K/T, T/L, T/UQ), absent for a direct signature. */
  signerInfo: { competence?: string; position: string; fullName: string };
  /** YYYY-MM-DD. */
  dueDate?: string;
  /** "Nơi nhận" as printed, one line each. */
  toPlaces: string[];
  otherInfo: EdxmlOtherInfo;
  responseFor?: EdxmlResponseFor[];
  steeringType?: number;
  /** The packet-wide id; by convention "{From/OrganId},{yyyy/MM/dd},{số và ký hiệu}" (see composeDocumentId). */
  documentId: string;
}

export interface EdxmlTraceHeader {
  organId: string;
  /** ISO 8601 instant. */
  timestamp: string;
}

/** TraceHeaderList/Bussiness (sic): why the packet was sent — 0 new, 1 revoked, 2 updated, 3 replaced. */
export interface EdxmlBusiness {
  docType: number;
  docReason?: string;
  paper?: number;
  staffInfo?: EdxmlStaffInfo[];
}

/** Carried as received; this library neither creates nor verifies XML signatures (the PDF carries the PAdES one). */
export interface EdxmlSignature {
  signatureValue: string;
  x509SubjectName?: string;
  x509Certificate?: string;
}

export interface EdxmlDocument {
  messageHeader: EdxmlMessageHeader;
  traceHeaders: EdxmlTraceHeader[];
  business?: EdxmlBusiness;
  signature?: EdxmlSignature;
}

export interface EdxmlAttachmentInput {
  name: string;
  contentType: string;
  bytes: Buffer;
  description?: string;
}

export interface EdxmlAttachment extends EdxmlAttachmentInput {
  contentId: string;
}

export type EdxmlStatusCode = ReceiptCode;
export const EDXML_STATUS_CODES = RECEIPT_CODES;

/** Status codes of spec §10 with the labels clerks read. */
export const EDXML_STATUS_LABELS: Record<EdxmlStatusCode, string> = {
  '01': 'Đã nhận',
  '02': 'Từ chối',
  '03': 'Đã vào sổ',
  '04': 'Đã phân công',
  '05': 'Đang xử lý',
  '06': 'Hoàn thành',
  '13': 'Đề nghị thu hồi',
  '15': 'Đồng ý thu hồi',
  '16': 'Từ chối thu hồi',
};

export interface EdxmlStatus {
  /** The organ reporting the status. */
  from: EdxmlOrgan;
  /** The document reported on; organId is the organ that sent it (who receives this status). */
  responseFor: EdxmlResponseFor;
  statusCode: EdxmlStatusCode;
  description: string;
  /** ISO 8601 instant. */
  timestamp: string;
  staffInfo?: EdxmlStaffInfo;
}

/** One refusal reason; `element` is the path from the root's child, e.g. "edXMLEnvelope/edXMLHeader/MessageHeader/Subject". */
export interface EdxmlError {
  element: string;
  message: string;
}

export type EdxmlDocumentParseResult =
  | { ok: true; doc: EdxmlDocument; attachments: EdxmlAttachment[] }
  | { ok: false; errors: EdxmlError[] };

export type EdxmlStatusParseResult = { ok: true; status: EdxmlStatus } | { ok: false; errors: EdxmlError[] };

/** Thrown by the builders when the data would not make a valid packet; `errors` name the elements. */
export class EdxmlInvalidError extends Error {
  readonly errors: EdxmlError[];
  constructor(errors: EdxmlError[]) {
    super(`edXML packet invalid: ${errors.map((e) => e.message).join('; ')}`);
    this.name = 'EdxmlInvalidError';
    this.errors = errors;
  }
}

/**
 * The DocumentId convention of the national axis: "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT" —
 * sender id, promulgation date as yyyy/MM/dd, then the number and notation as printed (without "Số").
 */
export function composeDocumentId(v: { organId: string; promulgationDate: string; notation: string }): string {
  return `${v.organId},${v.promulgationDate.replaceAll('-', '/')},${v.notation}`;
}

/**
 * "01-CV/TU" (Party, 36-HD/VPTW) or "123/UBND-VP" (State, ND30) → CodeNumber and CodeNotation.
 * Without a leading number ("/KH-UBND", a number left blank) the whole text is the notation.
 */
export function splitNotation(notation: string): { codeNumber: string; codeNotation: string } {
  const m = /^\s*(\d+)\s*[-/]\s*(.+?)\s*$/.exec(notation);
  return m ? { codeNumber: m[1]!, codeNotation: m[2]! } : { codeNumber: '', codeNotation: notation.trim().replace(/^[-/]/, '') };
}

/**
 * CodeNumber and CodeNotation → the notation as printed: the Party joins them with "-" (its
 * notations contain "/", "CV/TU"), the State with "/" ("UBND-VP").
 */
export function printedNotation(code: { codeNumber: string; codeNotation: string }): string {
  if (code.codeNumber === '') {
    return code.codeNotation;
  }
  return `${code.codeNumber}${code.codeNotation.includes('/') ? '-' : '/'}${code.codeNotation}`;
}
