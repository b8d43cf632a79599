import { describe, expect, it } from 'vitest';
import {
  EDXML_STATUS_CODES,
  EDXML_STATUS_LABELS,
  EdxmlInvalidError,
  buildDocumentPackage,
  buildStatusPackage,
  parseStatusPackage,
  type EdxmlStatus,
} from './edxml.ts';
import { fullDocument, fullStatus } from './edxml.test-support.ts';

const S = 'edXMLEnvelope/edXMLHeader/Status';

function parsedOk(xml: string | Buffer): EdxmlStatus {
  const r = parseStatusPackage(xml);
  if (!r.ok) {
    throw new Error(`expected the status to be accepted: ${r.errors.map((e) => e.message).join('; ')}`);
  }
  return r.status;
}

describe('edXML status packet', () => {
  it.each(EDXML_STATUS_CODES.map((code) => [code, EDXML_STATUS_LABELS[code]]))('status %s (%s) survives a round trip with every field', (code) => {
    const status = fullStatus(code);
    status.description = `${EDXML_STATUS_LABELS[code]} — văn bản số 01-CV/TU của Tỉnh ủy Đắk Lắk`;
    const xml = buildStatusPackage(status);
    expect(xml).toContain(`<edXML:StatusCode>${code}</edXML:StatusCode>`);
    expect(parsedOk(xml)).toStrictEqual(status);
  });

  it('every status code has its Vietnamese label', () => {
    expect(EDXML_STATUS_LABELS).toEqual({
      '01': 'Đã nhận',
      '02': 'Từ chối',
      '03': 'Đã vào sổ',
      '04': 'Đã phân công',
      '05': 'Đang xử lý',
      '06': 'Hoàn thành',
      '13': 'Đề nghị thu hồi',
      '15': 'Đồng ý thu hồi',
      '16': 'Từ chối thu hồi',
    });
  });

  it('the packet follows the axis layout: Status in the header, ResponseFor first, Vietnam wall time', () => {
    const xml = buildStatusPackage(fullStatus('01'));
    expect(xml).toMatch(/<edXML:edXMLHeader>\s*<edXML:Status>\s*<edXML:ResponseFor>/);
    expect(xml).toContain('<edXML:Timestamp>14/03/2025 10:05:00</edXML:Timestamp>');
    expect(xml).toContain('<edXML:PromulgationDate>14/03/2025</edXML:PromulgationDate>');
  });

  it('a status without staff, description or the answered document’s number round-trips as such', () => {
    const status: EdxmlStatus = {
      from: { organId: '000.01.31.H10', organName: 'Huyện ủy Đắk Mil' },
      responseFor: { organId: '000.00.31.H10', documentId: '000.00.31.H10,2025/03/14,01-CV/TU' },
      statusCode: '01',
      description: '',
      timestamp: '2025-03-14T10:00:00+07:00',
    };
    expect(parsedOk(buildStatusPackage(status))).toStrictEqual(status);
  });

  it('an instant given in UTC is written in Vietnam time and read back with the +07:00 offset', () => {
    const xml = buildStatusPackage({ ...fullStatus('06'), timestamp: '2025-03-14T17:30:00.000Z' });
    expect(xml).toContain('<edXML:Timestamp>15/03/2025 00:30:00</edXML:Timestamp>');
    expect(parsedOk(xml).timestamp).toBe('2025-03-15T00:30:00+07:00');
  });

  it('a status without prefixes, with empty StaffInfo elements and a one-digit code, as some systems send, is accepted', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<edXML><edXMLEnvelope><edXMLHeader><Status>
  <ResponseFor><OrganId>000.00.31.H10</OrganId><Code>01-CV/TU</Code><PromulgationDate>2025/03/14</PromulgationDate><DocumentId>000.00.31.H10,2025/03/14,01-CV/TU</DocumentId></ResponseFor>
  <From><OrganId>000.01.31.H10</OrganId><OrganName>Huyện ủy Đắk Mil</OrganName><OrganizationInCharge /><OrganAdd /><Email /></From>
  <StatusCode>5</StatusCode><Description>Đang xử lý</Description><Timestamp>14/03/2025 10:05:00</Timestamp>
  <StaffInfo><Department></Department><Staff></Staff></StaffInfo>
</Status></edXMLHeader></edXMLEnvelope></edXML>`;
    expect(parsedOk(xml)).toStrictEqual({
      from: { organId: '000.01.31.H10', organName: 'Huyện ủy Đắk Mil' },
      responseFor: { organId: '000.00.31.H10', code: '01-CV/TU', promulgationDate: '2025-03-14', documentId: '000.00.31.H10,2025/03/14,01-CV/TU' },
      statusCode: '05',
      description: 'Đang xử lý',
      timestamp: '2025-03-14T10:05:00+07:00',
    });
  });

  it('the SOAP form (Envelope/Header/Status) is accepted', () => {
    const inner = /<edXML:Status>[\s\S]*<\/edXML:Status>/.exec(buildStatusPackage(fullStatus('04')))![0];
    const soap = `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Header>${inner.replace('<edXML:Status>', '<edXML:Status xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">')}</SOAP-ENV:Header><SOAP-ENV:Body /></SOAP-ENV:Envelope>`;
    expect(parsedOk(soap)).toStrictEqual(fullStatus('04'));
  });

  it('an unknown status code is refused, naming StatusCode', () => {
    const r = parseStatusPackage(buildStatusPackage(fullStatus('03')).replace('>03<', '>07<'));
    expect(r).toEqual({
      ok: false,
      errors: [{ element: `${S}/StatusCode`, message: `${S}/StatusCode: mã trạng thái không hợp lệ "07" (chỉ nhận 01, 02, 03, 04, 05, 06, 13, 15, 16)` }],
    });
  });

  it('a status without the answered DocumentId or with a bad timestamp is refused, naming each', () => {
    const xml = buildStatusPackage(fullStatus('03'))
      .replace(/<edXML:DocumentId>.*<\/edXML:DocumentId>/, '')
      .replace('14/03/2025 10:05:00', '25/13/2025 10:05:00');
    const r = parseStatusPackage(xml);
    expect(r.ok ? [] : r.errors.map((e) => e.element)).toEqual([`${S}/Timestamp`, `${S}/ResponseFor/DocumentId`]);
  });

  it('a document packet where a status was expected is refused, naming Status', () => {
    const r = parseStatusPackage(buildDocumentPackage(fullDocument(), []));
    expect(r).toEqual({ ok: false, errors: [{ element: S, message: `${S}: bắt buộc (đây là gói tin văn bản, không phải gói tin trạng thái)` }] });
  });

  it('not XML and DOCTYPE are refused as for documents', () => {
    expect(parseStatusPackage('01 Đã nhận')).toMatchObject({ ok: false, errors: [{ element: 'edXML' }] });
    expect(parseStatusPackage('<!DOCTYPE x><edXML/>')).toMatchObject({ ok: false, errors: [{ element: '!DOCTYPE' }] });
  });

  it('building a status with an unknown code or without From throws, naming the elements', () => {
    const bad = { ...fullStatus('01'), statusCode: '99', from: undefined } as unknown as EdxmlStatus;
    expect(() => buildStatusPackage(bad)).toThrow(EdxmlInvalidError);
    try {
      buildStatusPackage(bad);
    } catch (e) {
      expect((e as EdxmlInvalidError).errors.map((x) => x.element)).toEqual([`${S}/From`, `${S}/StatusCode`]);
    }
  });
});
