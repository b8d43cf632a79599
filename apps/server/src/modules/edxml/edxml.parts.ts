import { EDXML_PREFIX, type EdxmlOrgan, type EdxmlResponseFor, type EdxmlStaffInfo } from './edxml.models.ts';
import { ElementReader, compact, type XmlNode } from './edxml.xml.ts';
import { isoDateToWire } from './edxml.wire.ts';

/** The parts the document and status packets share: organ, ResponseFor, StaffInfo — written and read. */

const e = (name: string): string => `${EDXML_PREFIX}:${name}`;

/** Element order of the national axis SDKs. */
export function organTree(o: EdxmlOrgan): Record<string, unknown> {
  return compact({
    [e('OrganId')]: o.organId,
    [e('OrganizationInCharge')]: o.organInCharge,
    [e('OrganName')]: o.organName,
    [e('OrganAdd')]: o.organAdd,
    [e('Email')]: o.email,
    [e('Telephone')]: o.telephone,
    [e('Fax')]: o.fax,
    [e('Website')]: o.website,
  });
}

export function readOrgan(rd: ElementReader, n: XmlNode, path: string): EdxmlOrgan {
  return compact({
    organId: rd.text(n, 'OrganId', path) ?? '',
    organName: rd.text(n, 'OrganName', path) ?? '',
    organInCharge: rd.text(n, 'OrganizationInCharge', path) ?? rd.text(n, 'OrganInCharge', path),
    organAdd: rd.text(n, 'OrganAdd', path),
    email: rd.text(n, 'Email', path),
    telephone: rd.text(n, 'Telephone', path),
    fax: rd.text(n, 'Fax', path),
    website: rd.text(n, 'Website', path),
  });
}

export function responseForTree(r: EdxmlResponseFor): Record<string, unknown> {
  return compact({
    [e('OrganId')]: r.organId,
    [e('Code')]: r.code,
    [e('PromulgationDate')]: r.promulgationDate == null ? undefined : isoDateToWire(r.promulgationDate),
    [e('DocumentId')]: r.documentId,
  });
}

export function readResponseFor(rd: ElementReader, n: XmlNode, path: string): EdxmlResponseFor {
  return compact({
    organId: rd.text(n, 'OrganId', path) ?? '',
    code: rd.text(n, 'Code', path),
    promulgationDate: rd.date(n, 'PromulgationDate', path),
    documentId: rd.text(n, 'DocumentId', path) ?? '',
  });
}

export function staffInfoTree(s: EdxmlStaffInfo): Record<string, unknown> {
  return compact({
    [e('Department')]: s.department,
    [e('Staff')]: s.staff,
    [e('Mobile')]: s.mobile,
    [e('Email')]: s.email,
  });
}

/** Undefined when every field is blank (some systems write an empty StaffInfo). */
export function readStaffInfo(rd: ElementReader, n: XmlNode, path: string): EdxmlStaffInfo | undefined {
  const s = compact({
    department: rd.text(n, 'Department', path) ?? '',
    staff: rd.text(n, 'Staff', path) ?? '',
    mobile: rd.text(n, 'Mobile', path),
    email: rd.text(n, 'Email', path),
  });
  return s.department === '' && s.staff === '' && s.mobile == null && s.email == null ? undefined : s;
}
