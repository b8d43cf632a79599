import {
  EDXML_NAMESPACE,
  EDXML_PREFIX,
  EdxmlInvalidError,
  type EdxmlStatus,
  type EdxmlStatusCode,
  type EdxmlStatusParseResult,
} from './edxml.models.ts';
import { ElementReader, compact, readXml, writeXml, type XmlNode } from './edxml.xml.ts';
import { PATH, normalizeStatus, validateStatus } from './edxml.validate.ts';
import { instantToWire } from './edxml.wire.ts';
import { organTree, readOrgan, readResponseFor, readStaffInfo, responseForTree, staffInfoTree } from './edxml.parts.ts';

/**
 * The status packet (gói tin trạng thái, spec §10): what a recipient did with a document — 01
 * received … 06 done, 13/15/16 for a recall. Same envelope as a document, with <Status> in the
 * header in place of <MessageHeader>, and no body.
 */

const e = (name: string): string => `${EDXML_PREFIX}:${name}`;

/** The status packet as UTF-8 XML in NFC; throws EdxmlInvalidError naming the elements when invalid. */
export function buildStatusPackage(status: EdxmlStatus): string {
  const s = normalizeStatus(status);
  const errors = validateStatus(s);
  if (errors.length > 0) {
    throw new EdxmlInvalidError(errors);
  }
  return writeXml({
    edXML: {
      '@_xmlns': EDXML_NAMESPACE,
      [e('edXMLEnvelope')]: {
        [`@_xmlns:${EDXML_PREFIX}`]: EDXML_NAMESPACE,
        [e('edXMLHeader')]: {
          [e('Status')]: compact({
            [e('ResponseFor')]: responseForTree(s.responseFor),
            [e('From')]: organTree(s.from),
            [e('StatusCode')]: s.statusCode,
            [e('Description')]: s.description,
            [e('Timestamp')]: instantToWire(s.timestamp),
            [e('StaffInfo')]: s.staffInfo == null ? undefined : staffInfoTree(s.staffInfo),
          }),
        },
      },
    },
  });
}

/**
 * Reads and validates a status packet: edXML/edXMLEnvelope/edXMLHeader/Status, a bare
 * edXMLEnvelope, or the SOAP form some systems send (Envelope/Header/Status).
 */
export function parseStatusPackage(xml: string | Buffer): EdxmlStatusParseResult {
  const r = readXml(xml, ['edXML', 'edXMLEnvelope', 'Envelope']);
  if (!r.ok) {
    return r;
  }
  const rd = new ElementReader();
  let status: XmlNode | undefined;
  if (r.name === 'Envelope') {
    status = rd.node(rd.node(r.root, 'Header', 'Envelope', true), 'Status', 'Envelope/Header', true);
  } else {
    const envelope = r.name === 'edXMLEnvelope' ? r.root : rd.node(r.root, 'edXMLEnvelope', '', true);
    const header = rd.node(envelope, 'edXMLHeader', 'edXMLEnvelope', true);
    status = rd.node(header, 'Status', PATH.header);
    if (header != null && status == null) {
      rd.report(PATH.status, header['MessageHeader'] != null ? 'bắt buộc (đây là gói tin văn bản, không phải gói tin trạng thái)' : 'bắt buộc');
    }
  }
  if (status == null) {
    return { ok: false, errors: rd.errors };
  }
  const S = PATH.status;
  const from = rd.node(status, 'From', S, true);
  const responseFor = rd.node(status, 'ResponseFor', S, true);
  const staff = rd.node(status, 'StaffInfo', S);
  const parsed: EdxmlStatus = {
    from: from ? readOrgan(rd, from, `${S}/From`) : (undefined as never),
    responseFor: responseFor ? readResponseFor(rd, responseFor, `${S}/ResponseFor`) : (undefined as never),
    statusCode: normalizeCode(rd.text(status, 'StatusCode', S)) as EdxmlStatusCode,
    description: rd.text(status, 'Description', S) ?? '',
    timestamp: rd.instant(status, 'Timestamp', S) ?? '',
    staffInfo: staff ? readStaffInfo(rd, staff, `${S}/StaffInfo`) : undefined,
  };
  rd.reportAll(validateStatus(parsed));
  if (rd.errors.length > 0) {
    return { ok: false, errors: rd.errors };
  }
  return { ok: true, status: normalizeStatus(parsed) };
}

/** "1" → "01": some systems write the code as a number. */
function normalizeCode(code: string | undefined): string | undefined {
  return code != null && /^\d$/.test(code) ? `0${code}` : code;
}
