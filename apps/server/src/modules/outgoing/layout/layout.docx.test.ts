import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './layout.docx.ts';
import { congVan, draftCongVan, keHoach, nghiQuyet, stateCongVan, thongBao } from './layout.fixtures.ts';

/** One entry of a ZIP (the DOCX package), read through its central directory. */
function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`${name} not in the package`);
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of each paragraph of word/document.xml, runs joined. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
      .map((t) => (t[1] === undefined ? '\t' : unescape(t[1])))
      .join(''),
  );
}

/** The run properties of the run holding a text. */
function runOf(xml: string, text: string): string {
  const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((r) => r[1] ?? '');
  return runs.find((r) => r.includes(`>${text}</w:t>`)) ?? '';
}

/** The whole paragraph (properties included) that holds a text. */
function paragraphOf(xml: string, text: string): string {
  return (
    [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((p) => p[0])
      .find((p) => p.includes(`>${text}</w:t>`)) ?? ''
  );
}

const documentXml = async (layout: Parameters<typeof renderDocx>[0]) =>
  zipEntry(await renderDocx(layout), 'word/document.xml');

describe('the DOCX generator', () => {
  it('lays out an A4 page with margins 20/20/30/15 mm in Times New Roman', async () => {
    const xml = await documentXml(congVan());
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('w:ascii="Times New Roman"');
  });

  it('prints the Party header of a công văn: superior, issuer in bold, "*", number, V/v in italic, underlined national heading, padded italic date', async () => {
    const xml = await documentXml(congVan());
    const texts = paragraphs(xml);
    const at = (t: string) => texts.indexOf(t);
    expect(at('ĐẢNG BỘ TỈNH HỒNG LAM')).toBeGreaterThanOrEqual(0);
    expect(at('TỈNH ỦY')).toBeGreaterThan(at('ĐẢNG BỘ TỈNH HỒNG LAM'));
    expect(at('*')).toBeGreaterThan(at('TỈNH ỦY'));
    expect(at('Số 07-CV/TU')).toBeGreaterThan(at('*'));
    expect(at('V/v chuẩn bị tổng kết công tác văn thư, lưu trữ năm 2025')).toBe(at('Số 07-CV/TU') + 1);
    expect(texts).toContain('Hồng Lam, ngày 05 tháng 02 năm 2026');
    expect(runOf(xml, 'TỈNH ỦY')).toContain('<w:b/>');
    expect(runOf(xml, 'TỈNH ỦY')).toContain('<w:sz w:val="28"/>');
    expect(runOf(xml, 'ĐẢNG CỘNG SẢN VIỆT NAM')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="30"\/>/);
    // The solid rule is the paragraph's bottom border, as wide as the text (not an underline through the dots of "Ộ", "Ệ").
    expect(paragraphOf(xml, 'ĐẢNG CỘNG SẢN VIỆT NAM')).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    expect(runOf(xml, 'Hồng Lam, ngày 05 tháng 02 năm 2026')).toContain('<w:i/>');
    expect(runOf(xml, 'V/v chuẩn bị tổng kết công tác văn thư, lưu trữ năm 2025')).toMatch(
      /<w:i\/>[\s\S]*<w:sz w:val="24"\/>/,
    );
  });

  it('prints "Kính gửi:" with one addressee a line, the body and the signature beside "Nơi nhận"', async () => {
    const texts = paragraphs(await documentXml(congVan()));
    expect(texts).toContain('Kính gửi:\t- Các ban đảng, Văn phòng Tỉnh ủy,');
    expect(texts).toContain('- Các đảng ủy xã, phường.');
    expect(texts.some((t) => t.startsWith('Thực hiện Quy định số 693-QĐ/VPTW'))).toBe(true);
    const signature = texts.slice(texts.indexOf('Nơi nhận:'));
    expect(signature).toEqual(
      expect.arrayContaining([
        '- Như trên,',
        '- Lưu Văn phòng Tỉnh ủy.',
        'K/T BÍ THƯ',
        'PHÓ BÍ THƯ',
        'Trần Văn Đức',
      ]),
    );
    expect(signature.indexOf('- Lưu Văn phòng Tỉnh ủy.')).toBeLessThan(signature.indexOf('K/T BÍ THƯ'));
  });

  it('prints a single addressee on the "Kính gửi:" line', async () => {
    expect(paragraphs(await documentXml(stateCongVan()))).toContain('Kính gửi: Các sở, ban, ngành tỉnh');
  });

  it('prints the type name in capitals and the trích yếu under it for every type but the công văn', async () => {
    const xml = await documentXml(thongBao());
    const texts = paragraphs(xml);
    const title = texts.indexOf('THÔNG BÁO');
    expect(texts[title + 1]).toBe(
      'kết luận của Thường trực Tỉnh ủy tại buổi làm việc với Đảng ủy phường Bình Minh',
    );
    expect(texts[title + 2]).toBe('-----');
    expect(runOf(xml, 'THÔNG BÁO')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="32"\/>/);
    expect(texts).not.toContain('Kính gửi:');
    expect(texts).toContain('CHÁNH VĂN PHÒNG');
    expect(paragraphs(await documentXml(nghiQuyet()))).toEqual(
      expect.arrayContaining(['NGHỊ QUYẾT', 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Lê Minh Quang']),
    );
  });

  it('prints the secrecy and urgency marks in bold boxes under the number', async () => {
    const xml = await documentXml(keHoach());
    const texts = paragraphs(xml);
    expect(texts.indexOf('MẬT')).toBe(texts.indexOf('Số 45-KH/TU') + 1);
    expect(texts.indexOf('KHẨN')).toBe(texts.indexOf('MẬT') + 1);
    expect(runOf(xml, 'MẬT')).toMatch(/<w:b\/>[\s\S]*<w:bdr w:val="single"/);
  });

  it('leaves the number and the day and month blank in a draft', async () => {
    const xml = await documentXml(draftCongVan());
    const texts = paragraphs(xml);
    expect(texts).toContain('Số      -CV/TU');
    expect(texts.some((t) => /^Hồng Lam, ngày {3,}tháng {3,}năm 2026$/u.test(t))).toBe(true);
    expect(xml).toContain('<w:t xml:space="preserve">Số      -CV/TU</w:t>');
  });

  it('prints the ND30 header of a State body: national heading and motto, "Số:" with "/", TM. signature', async () => {
    const xml = await documentXml(stateCongVan());
    const texts = paragraphs(xml);
    expect(texts).toEqual(
      expect.arrayContaining([
        'ỦY BAN NHÂN DÂN TỈNH HỒNG LAM',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 123/UBND-VP',
        'Hồng Lam, ngày 09 tháng 3 năm 2026',
        'TM. ỦY BAN NHÂN DÂN',
        'CHỦ TỊCH',
        '- Lưu: VT, VP.',
      ]),
    );
    expect(texts).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(texts).not.toContain('*');
    expect(paragraphOf(xml, 'Độc lập - Tự do - Hạnh phúc')).toMatch(/<w:pBdr><w:bottom w:val="single"/);
  });
});
