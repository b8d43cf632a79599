import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  EDXML_LEGACY_NAMESPACE,
  EdxmlInvalidError,
  buildDocumentPackage,
  composeDocumentId,
  parseDocumentPackage,
  printedNotation,
  priorityOfUrgency,
  splitNotation,
  urgencyOfPriority,
  type EdxmlDocument,
} from './edxml.ts';
import { fullDocument, twoAttachments } from './edxml.test-support.ts';

function parsedOk(xml: string | Buffer) {
  const r = parseDocumentPackage(xml);
  if (!r.ok) {
    throw new Error(`expected the package to be accepted: ${r.errors.map((e) => e.message).join('; ')}`);
  }
  return r;
}

function minimalDocument(): EdxmlDocument {
  return {
    messageHeader: {
      from: { organId: '000.00.31.H10', organName: 'Văn phòng Tỉnh ủy' },
      to: [{ organId: '000.01.31.H10', organName: 'Huyện ủy Đắk Mil' }],
      code: { codeNumber: '7', codeNotation: 'TB/TU' },
      promulgationInfo: { place: 'Đắk Lắk', promulgationDate: '2025-01-02' },
      documentType: { type: 1, typeName: 'Thông báo' },
      subject: 'Thông báo kết luận của Thường trực Tỉnh ủy',
      signerInfo: { position: 'Phó Bí thư Thường trực', fullName: 'Phạm Thị Đông' },
      toPlaces: [],
      otherInfo: { priority: 0, promulgationAmount: 1, pageAmount: 1 },
      documentId: '000.00.31.H10,2025/01/02,7-TB/TU',
    },
    traceHeaders: [],
  };
}

describe('edXML document packet', () => {
  it('a round trip keeps every field identically: Vietnamese text, three recipients, a real PDF and a binary file', async () => {
    const doc = fullDocument();
    const files = await twoAttachments();
    const xml = buildDocumentPackage(doc, files);

    const r = parsedOk(xml);
    expect(r.doc).toStrictEqual(fullDocument());
    expect(r.doc.messageHeader.to).toHaveLength(3);
    expect(r.attachments).toHaveLength(2);
    r.attachments.forEach((a, i) => {
      expect(a.name).toBe(files[i]!.name);
      expect(a.contentType).toBe(files[i]!.contentType);
      expect(a.description).toBe(files[i]!.description);
      expect(a.bytes.equals(files[i]!.bytes)).toBe(true);
    });
    expect(new Set(r.attachments.map((a) => a.contentId)).size).toBe(2);
  });

  it('the PDF that comes back out of a package opens and still reads in Vietnamese', async () => {
    const files = await twoAttachments();
    const r = parsedOk(buildDocumentPackage(fullDocument(), files));
    const pdf = r.attachments[0]!.bytes;
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'edxml-')), 'out.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('V/v đôn đốc triển khai Đề án số hóa');
    expect(text).toContain('Nguyễn Văn Đức');
  });

  it('the packet uses the national axis layout: edXML root, prefixed envelope, attachments outside it', async () => {
    const xml = buildDocumentPackage(fullDocument(), await twoAttachments());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">')).toBe(true);
    expect(xml).toContain('<edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">');
    expect(xml).toContain('<edXML:PromulgationDate>14/03/2025</edXML:PromulgationDate>');
    expect(xml).toContain('<edXML:Timestamp>14/03/2025 09:30:05</edXML:Timestamp>');
    expect(xml.indexOf('</edXML:edXMLEnvelope>')).toBeLessThan(xml.indexOf('<AttachmentEncoded>'));
    expect(xml).toContain('<edXML:ContentId>cid:1.');
  });

  it('the same document and files always give the same packet', async () => {
    const files = await twoAttachments();
    expect(buildDocumentPackage(fullDocument(), files)).toBe(buildDocumentPackage(fullDocument(), files));
  });

  it('a document with only the required fields round-trips without inventing optional ones', () => {
    const r = parsedOk(buildDocumentPackage(minimalDocument(), []));
    expect(r.doc).toStrictEqual(minimalDocument());
    expect(r.attachments).toEqual([]);
  });

  it('text typed in decomposed Unicode (NFD) is exported and imported in NFC', () => {
    const nfd = minimalDocument();
    nfd.messageHeader.subject = 'Về việc tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh'.normalize('NFD');
    nfd.messageHeader.from.organName = 'Văn phòng Tỉnh ủy Đắk Lắk'.normalize('NFD');
    expect(nfd.messageHeader.subject).not.toBe(nfd.messageHeader.subject.normalize('NFC'));

    const xml = buildDocumentPackage(nfd, [{ name: 'Tờ trình.pdf'.normalize('NFD'), contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4') }]);
    expect(xml).toBe(xml.normalize('NFC'));
    expect(xml).toContain('Về việc tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh'.normalize('NFC'));

    const r = parsedOk(xml.normalize('NFD'));
    expect(r.doc.messageHeader.subject).toBe('Về việc tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh'.normalize('NFC'));
    expect(r.doc.messageHeader.from.organName).toBe('Văn phòng Tỉnh ủy Đắk Lắk'.normalize('NFC'));
    expect(r.attachments[0]!.name).toBe('Tờ trình.pdf'.normalize('NFC'));
  });

  it('a package without namespace prefixes is accepted and reads the same', async () => {
    const files = await twoAttachments();
    const prefixed = buildDocumentPackage(fullDocument(), files);
    const bare = prefixed.replaceAll('edXML:', '').replace(/ xmlns(:\w+)?="[^"]*"/g, '');
    expect(bare).not.toContain('edXML:');
    expect(bare).not.toContain('xmlns');
    const r = parsedOk(bare);
    expect(r.doc).toStrictEqual(fullDocument());
    expect(r.attachments.map((a) => a.bytes.length)).toEqual(files.map((f) => f.bytes.length));
  });

  it('a package with another prefix and the older e-doc namespace is accepted', () => {
    const other = buildDocumentPackage(minimalDocument(), [])
      .replaceAll('edXML:', 'ns1:')
      .replace('xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"', `xmlns:ns1="${EDXML_LEGACY_NAMESPACE}"`);
    expect(parsedOk(other).doc).toStrictEqual(minimalDocument());
  });

  it('character references and CDATA sections are read as text', () => {
    const xml = buildDocumentPackage(minimalDocument(), []).replace(
      /<edXML:Subject>.*<\/edXML:Subject>/,
      '<edXML:Subject>Th&#244;ng b&#xE1;o &amp; <![CDATA[k<ết> luận]]></edXML:Subject>',
    );
    expect(parsedOk(xml).doc.messageHeader.subject).toBe('Thông báo & k<ết> luận');
  });

  it('dates written yyyy/MM/dd by some SDKs are read as the same day', () => {
    const xml = buildDocumentPackage(minimalDocument(), []).replace('02/01/2025', '2025/01/02');
    expect(parsedOk(xml).doc.messageHeader.promulgationInfo.promulgationDate).toBe('2025-01-02');
  });

  it('a package given as bytes (UTF-8, with or without BOM) is read like the string', () => {
    const xml = buildDocumentPackage(minimalDocument(), []);
    expect(parsedOk(Buffer.from(xml, 'utf8')).doc).toStrictEqual(minimalDocument());
    expect(parsedOk(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')])).doc).toStrictEqual(minimalDocument());
  });

  it('base64 wrapped in lines of 76, in CDATA, or given in <Value> after the word "base64" decodes to the same bytes', async () => {
    const files = await twoAttachments();
    const xml = buildDocumentPackage(fullDocument(), files);
    const wrapped = xml.replace(/<ContentTransferEncoded>([^<]*)<\/ContentTransferEncoded>/g, (_m, b64: string) => `<ContentTransferEncoded>\n${b64.replace(/.{76}/g, '$&\r\n')}\n</ContentTransferEncoded>`);
    const cdata = xml.replace(/<ContentTransferEncoded>([^<]*)<\/ContentTransferEncoded>/g, '<ContentTransferEncoded><![CDATA[$1]]></ContentTransferEncoded>');
    const value = xml.replace(/<ContentTransferEncoded>([^<]*)<\/ContentTransferEncoded>/g, '<ContentTransferEncoded>base64</ContentTransferEncoded><Value>$1</Value>');
    for (const variant of [wrapped, cdata, value]) {
      expect(variant).not.toBe(xml);
      const r = parsedOk(variant);
      expect(r.attachments.map((a, i) => a.bytes.equals(files[i]!.bytes))).toEqual([true, true]);
    }
  });

  it('a 20 MB attachment goes out and comes back byte for byte', () => {
    const big = Buffer.alloc(20 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) {
      big[i] = i % 251;
    }
    const r = parsedOk(buildDocumentPackage(minimalDocument(), [{ name: 'Hồ sơ quét.pdf', contentType: 'application/pdf', bytes: big }]));
    expect(r.attachments[0]!.bytes.equals(big)).toBe(true);
  });

  it('exporting data that would make an invalid packet throws, naming every element at fault', () => {
    const doc = minimalDocument();
    doc.messageHeader.code.codeNumber = '';
    doc.messageHeader.otherInfo.priority = 9 as never;
    doc.messageHeader.to = [];
    let thrown: unknown;
    try {
      buildDocumentPackage(doc, [{ name: 'a.pdf', contentType: 'pdf', bytes: Buffer.alloc(0) }]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(EdxmlInvalidError);
    expect((thrown as EdxmlInvalidError).errors.map((e) => e.element)).toEqual([
      'edXMLEnvelope/edXMLHeader/MessageHeader/To',
      'edXMLEnvelope/edXMLHeader/MessageHeader/Code/CodeNumber',
      'edXMLEnvelope/edXMLHeader/MessageHeader/OtherInfo/Priority',
      'AttachmentEncoded/Attachment[1]/ContentType',
      'AttachmentEncoded/Attachment[1]/ContentTransferEncoded',
    ]);
  });

  it('the number and notation helpers follow the Party and State forms', () => {
    expect(splitNotation('01-CV/TU')).toEqual({ codeNumber: '01', codeNotation: 'CV/TU' });
    expect(splitNotation('123/UBND-VP')).toEqual({ codeNumber: '123', codeNotation: 'UBND-VP' });
    expect(splitNotation('/KH-UBND')).toEqual({ codeNumber: '', codeNotation: 'KH-UBND' });
    expect(printedNotation({ codeNumber: '01', codeNotation: 'CV/TU' })).toBe('01-CV/TU');
    expect(printedNotation({ codeNumber: '123', codeNotation: 'UBND-VP' })).toBe('123/UBND-VP');
    expect(composeDocumentId({ organId: '000.00.00.G22', promulgationDate: '2015-09-30', notation: '7816/VPCP-TTĐT' })).toBe('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT');
    expect(priorityOfUrgency('flash')).toBe(3);
    expect(urgencyOfPriority(1)).toBe('urgent');
  });
});
