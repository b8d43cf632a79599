import { beforeAll, describe, expect, it } from 'vitest';
import { EDXML_LIMITS, buildDocumentPackage, buildStatusPackage, parseDocumentPackage, type EdxmlError } from './edxml.ts';
import { MAX_ERRORS } from './edxml.errors.ts';
import { fullDocument, fullStatus, twoAttachments } from './edxml.test-support.ts';

/**
 * Every malformed package is refused with a message that names the element at fault. Each case
 * starts from a valid exported package and breaks one thing, as a faulty sender would.
 */

let good = '';

beforeAll(async () => {
  good = buildDocumentPackage(fullDocument(), await twoAttachments());
});

function refused(xml: string | Buffer): EdxmlError[] {
  const r = parseDocumentPackage(xml);
  if (r.ok) {
    throw new Error('expected the package to be refused');
  }
  for (const e of r.errors) {
    expect(e.message.startsWith(`${e.element}: `)).toBe(true);
  }
  return r.errors;
}

function replaceOnce(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  expect(out).not.toBe(xml);
  return out;
}

const M = 'edXMLEnvelope/edXMLHeader/MessageHeader';

describe('edXML import refuses a malformed package, naming the element', () => {
  it('a missing CodeNumber', () => {
    const errors = refused(replaceOnce(good, /<edXML:CodeNumber>.*<\/edXML:CodeNumber>/, ''));
    expect(errors).toEqual([{ element: `${M}/Code/CodeNumber`, message: `${M}/Code/CodeNumber: bắt buộc` }]);
  });

  it('a promulgation date not in dd/MM/yyyy', () => {
    const errors = refused(replaceOnce(good, '<edXML:PromulgationDate>14/03/2025<', '<edXML:PromulgationDate>14.03.2025<'));
    expect(errors).toEqual([
      { element: `${M}/PromulgationInfo/PromulgationDate`, message: `${M}/PromulgationInfo/PromulgationDate: sai định dạng dd/MM/yyyy, gặp "14.03.2025"` },
    ]);
  });

  it('a promulgation date that is no real day (30/02)', () => {
    const errors = refused(replaceOnce(good, '<edXML:PromulgationDate>14/03/2025<', '<edXML:PromulgationDate>30/02/2025<'));
    expect(errors.map((e) => e.element)).toEqual([`${M}/PromulgationInfo/PromulgationDate`]);
  });

  it('priority 7 (only 0–4 exist)', () => {
    const errors = refused(replaceOnce(good, '<edXML:Priority>1<', '<edXML:Priority>7<'));
    expect(errors).toEqual([{ element: `${M}/OtherInfo/Priority`, message: `${M}/OtherInfo/Priority: phải là số nguyên từ 0 đến 4, gặp 7` }]);
  });

  it('a subject of 501 characters', () => {
    const long = 'Đ'.repeat(501);
    const errors = refused(replaceOnce(good, /<edXML:Subject>.*<\/edXML:Subject>/, `<edXML:Subject>${long}</edXML:Subject>`));
    expect(errors).toEqual([{ element: `${M}/Subject`, message: `${M}/Subject: dài 501 ký tự, tối đa 500` }]);
  });

  it('a subject of exactly 500 characters is accepted', () => {
    const r = parseDocumentPackage(replaceOnce(good, /<edXML:Subject>.*<\/edXML:Subject>/, `<edXML:Subject>${'Đ'.repeat(500)}</edXML:Subject>`));
    expect(r.ok).toBe(true);
  });

  it('an attachment whose base64 does not decode', () => {
    const errors = refused(replaceOnce(good, /(<ContentTransferEncoded>)(JVBER)/, '$1%%%$2'));
    expect(errors).toEqual([
      { element: 'AttachmentEncoded/Attachment[1]/ContentTransferEncoded', message: 'AttachmentEncoded/Attachment[1]/ContentTransferEncoded: không giải mã được base64' },
    ]);
  });

  it('a missing From', () => {
    const errors = refused(replaceOnce(good, /<edXML:From>[\s\S]*?<\/edXML:From>/, ''));
    expect(errors).toEqual([{ element: `${M}/From`, message: `${M}/From: bắt buộc` }]);
  });

  it('a From without OrganId', () => {
    const errors = refused(replaceOnce(good, /(<edXML:From>\s*)<edXML:OrganId>.*<\/edXML:OrganId>/, '$1'));
    expect(errors).toEqual([{ element: `${M}/From/OrganId`, message: `${M}/From/OrganId: bắt buộc` }]);
  });

  it('no To at all', () => {
    const errors = refused(good.replace(/<edXML:To>[\s\S]*?<\/edXML:To>/g, ''));
    expect(errors).toEqual([{ element: `${M}/To`, message: `${M}/To: phải có ít nhất một cơ quan nhận` }]);
  });

  it('the second To without a name', () => {
    const errors = refused(replaceOnce(good, '<edXML:OrganName>Huyện ủy Đắk Mil</edXML:OrganName>', ''));
    expect(errors.map((e) => e.element)).toEqual([`${M}/To[2]/OrganName`]);
  });

  it('a DOCTYPE declaration', () => {
    const errors = refused(replaceOnce(good, '<edXML xmlns', '<!DOCTYPE edXML>\n<edXML xmlns'));
    expect(errors).toEqual([{ element: '!DOCTYPE', message: '!DOCTYPE: gói tin không được chứa khai báo DOCTYPE' }]);
  });

  it('an entity declaration (the XXE and billion-laughs shape)', () => {
    const xxe = replaceOnce(good, '<edXML xmlns', '<!DOCTYPE edXML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<edXML xmlns').replace('Đắk Lắk</edXML:Place>', '&xxe;</edXML:Place>');
    expect(refused(xxe).map((e) => e.element)).toEqual(['!DOCTYPE']);
    const bare = replaceOnce(good, '<edXML xmlns', '<!ENTITY lol "lol">\n<edXML xmlns');
    expect(refused(bare)).toEqual([{ element: '!ENTITY', message: '!ENTITY: gói tin không được khai báo thực thể (ENTITY)' }]);
  });

  it('something that is not XML at all', () => {
    const errors = refused('%PDF-1.7 this is a PDF, not a package');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.element).toBe('edXML');
    expect(errors[0]!.message).toMatch(/^edXML: không phải XML hợp lệ \(dòng 1, cột 1\)/);
    expect(refused('')[0]!.message).toBe('edXML: gói tin rỗng, không phải XML');
    expect(refused(good.slice(0, 2000))[0]!.element).toBe('edXML');
  });

  it('bytes that are not UTF-8', () => {
    const latin1 = Buffer.from(good.replace(/[^\x20-\x7e\n]/g, 'a').replace('Priority>1<', 'Priority>\xe9<'), 'latin1');
    expect(refused(latin1)).toEqual([{ element: 'edXML', message: 'edXML: không đọc được nội dung theo mã hóa UTF-8' }]);
  });

  it('the wrong root element', () => {
    const errors = refused('<?xml version="1.0"?><Document><Subject>Không phải edXML</Subject></Document>');
    expect(errors).toEqual([{ element: 'edXML', message: 'edXML: phần tử gốc phải là edXML hoặc edXMLEnvelope, gặp <Document>' }]);
  });

  it('a status packet where a document was expected', () => {
    const errors = refused(buildStatusPackage(fullStatus()));
    expect(errors).toEqual([{ element: M, message: `${M}: bắt buộc (đây là gói tin trạng thái, không phải gói tin văn bản)` }]);
  });

  it('a manifest reference whose file is missing from AttachmentEncoded', () => {
    const errors = refused(replaceOnce(good, /<Attachment>\s*<ContentType>application\/octet-stream[\s\S]*?<\/Attachment>/, ''));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.element).toBe('edXMLEnvelope/edXMLBody/edXMLManifest/Reference[2]/ContentId');
  });

  it('a count that is not a number', () => {
    const errors = refused(replaceOnce(good, '<edXML:PageAmount>2<', '<edXML:PageAmount>hai<'));
    expect(errors).toEqual([{ element: `${M}/OtherInfo/PageAmount`, message: `${M}/OtherInfo/PageAmount: phải là số nguyên, gặp "hai"` }]);
  });

  it('an element given twice where the standard has one', () => {
    const errors = refused(replaceOnce(good, /(<edXML:Subject>.*<\/edXML:Subject>)/, '$1$1'));
    expect(errors.map((e) => e.element)).toEqual([`${M}/Subject`]);
  });

  it('several faults at once are all reported', () => {
    const broken = good
      .replace(/<edXML:CodeNumber>.*<\/edXML:CodeNumber>/, '')
      .replace('<edXML:Priority>1<', '<edXML:Priority>7<')
      .replace(/<edXML:FullName>.*<\/edXML:FullName>/, '');
    expect(refused(broken).map((e) => e.element)).toEqual([`${M}/Code/CodeNumber`, `${M}/SignerInfo/FullName`, `${M}/OtherInfo/Priority`]);
  });

  it('more attachments than allowed', () => {
    const one = /<Attachment>[\s\S]*?<\/Attachment>/.exec(good)![0];
    const many = replaceOnce(good, '</AttachmentEncoded>', `${one.repeat(EDXML_LIMITS.maxAttachments)}</AttachmentEncoded>`);
    expect(refused(many)).toEqual([
      { element: 'AttachmentEncoded', message: `AttachmentEncoded: tối đa ${EDXML_LIMITS.maxAttachments} tệp đính kèm, gặp ${EDXML_LIMITS.maxAttachments + 2}` },
    ]);
  });

  it('elements nested absurdly deep (a parser stack attack) are refused at the root', () => {
    const n = 50_000;
    const errors = refused(`<edXML><edXMLEnvelope>${'<a>'.repeat(n)}${'</a>'.repeat(n)}</edXMLEnvelope></edXML>`);
    expect(errors).toEqual([{ element: 'edXML', message: 'edXML: các phần tử lồng nhau quá sâu (tối đa 100 cấp)' }]);
  });

  it('twenty thousand faulty recipients are refused with the first hundred errors listed', () => {
    const hostile = replaceOnce(good, /<edXML:To>/, `${'<edXML:To><edXML:Fax>1</edXML:Fax></edXML:To>'.repeat(20_000)}<edXML:To>`);
    const errors = refused(hostile);
    expect(errors).toHaveLength(MAX_ERRORS);
    expect(errors[0]).toEqual({ element: `${M}/To[1]/OrganId`, message: `${M}/To[1]/OrganId: bắt buộc` });
  });

  it('a package with more tags than any real packet has is refused before it is parsed', () => {
    const hostile = replaceOnce(good, /<edXML:To>/, `${'<edXML:Fax/>'.repeat(EDXML_LIMITS.maxTags)}<edXML:To>`);
    expect(refused(hostile)).toEqual([{ element: 'edXML', message: `edXML: gói tin có hơn ${EDXML_LIMITS.maxTags} thẻ XML, vượt giới hạn` }]);
  });

  it('a package larger than the bound is refused before it is parsed', () => {
    const huge = Buffer.alloc(EDXML_LIMITS.maxPackageBytes + 1, 0x20);
    const errors = refused(huge);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.element).toBe('edXML');
    expect(errors[0]!.message).toContain('vượt giới hạn');
  });
});
