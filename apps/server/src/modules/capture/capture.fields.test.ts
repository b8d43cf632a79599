import { describe, expect, it } from 'vitest';
import { readFirstPage } from './capture.fields.ts';
import { demoDirectory } from './capture.test-support.ts';

/** The reader on first pages as pdftotext -layout and tesseract print them, with the noise OCR adds. */
const { hints } = demoDirectory();
const read = (text: string, ocr = false) => readFirstPage(text, { hints, ocr });
const values = (text: string, ocr = false) =>
  Object.fromEntries(Object.entries(read(text, ocr).fields).map(([k, f]) => [k, f.value]));

const PARTY_LETTER = [
  '    ĐẢNG BỘ TỈNH HỒNG LAM                         ĐẢNG CỘNG SẢN VIỆT NAM',
  '           TỈNH ỦY',
  '                *',
  '          Số 07-CV/TU                            Hồng Lam, ngày 05 tháng 02 năm 2026',
  ' V/v chuẩn bị tổng kết công tác văn thư, lưu',
  '                trữ năm 2025',
  '',
  '                 Kính gửi:        - Các ban đảng, Văn phòng Tỉnh ủy,',
  '    Thực hiện Quy định số 693-QĐ/VPTW ngày 15/12/2021 của Văn phòng Trung ương Đảng về công tác văn thư,',
  'Nơi nhận:                                                  K/T BÍ THƯ',
  '- Như trên,                                                PHÓ BÍ THƯ',
  '- Lưu Văn phòng Tỉnh ủy.',
  '',
  '                                                           Trần Văn Đức',
].join('\n');

describe('reading a first page', () => {
  it('reads every field of a Party công văn printed by pdftotext -layout, columns split by runs of spaces', () => {
    const page = read(PARTY_LETTER);
    expect(page.layout).toBe('party');
    expect(values(PARTY_LETTER)).toEqual({
      superiorBody: 'ĐẢNG BỘ TỈNH HỒNG LAM',
      issuerName: 'TỈNH ỦY',
      issuerId: null,
      notation: '07-CV/TU',
      number: 7,
      place: 'Hồng Lam',
      documentDate: '2026-02-05',
      documentTypeName: 'Công văn',
      documentTypeId: null,
      summary: 'chuẩn bị tổng kết công tác văn thư, lưu trữ năm 2025',
      urgency: 'normal',
      secrecy: 'none',
      signer: 'Trần Văn Đức',
    });
    expect(page.fields.notation).toMatchObject({ source: 'Số 07-CV/TU', confidence: 0.97 });
    // A body reference ("Quy định số 693-QĐ/VPTW") is not the document's number.
    expect(page.notation?.form).toBe('party');
  });

  it('reads a State decision: bodies over two lines, "Số:", the title and its "Về việc" trích yếu', () => {
    const text = [
      '  UBND TỈNH HỒNG LAM                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      '      SỞ NỘI VỤ                             Độc lập - Tự do - Hạnh phúc',
      '        Số: 45/QĐ-SNV                  Hồng Lam, ngày 09 tháng 3 năm 2026',
      '',
      '                               QUYẾT ĐỊNH',
      'Về việc tổ chức các hoạt động kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản',
      '       Việt Nam, bảo đảm đúng thời hạn, đúng quy định và chất lượng',
      '',
      '     Căn cứ Điều lệ Đảng; căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2025 - 2030;',
    ].join('\n');
    expect(values(text)).toMatchObject({
      superiorBody: 'UBND TỈNH HỒNG LAM',
      issuerName: 'SỞ NỘI VỤ',
      notation: '45/QĐ-SNV',
      number: 45,
      documentDate: '2026-03-09',
      documentTypeName: 'Quyết định',
      summary:
        'Về việc tổ chức các hoạt động kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam, bảo đảm đúng thời hạn, đúng quy định và chất lượng',
    });
    expect(read(text).layout).toBe('state');
  });

  it('tolerates OCR noise: tones lost in capitals, "Sô", O for 0 and l for 1, "QD" for "QĐ", columns joined by one space', () => {
    const text = [
      'DANG BO TINH HONG LAM DANG CONG SAN VIET NAM',
      'DANG UY XA TAN PHU',
      'oe',
      'Sô O7-QD/DU Tan Phu, ngay l2 thang O2 nam 2O26',
      'QUYET DINH',
      'về việc phân công nhiệm vụ các đồng chí Ủy viên Ban Thường vụ',
      'Căn cứ Điều lệ Đảng; căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2025 - 2030;',
    ].join('\n');
    const page = read(text, true);
    expect(values(text, true)).toMatchObject({
      superiorBody: 'ĐẢNG BỘ TỈNH HỒNG LAM',
      issuerName: 'ĐẢNG ỦY XÃ TÂN PHÚ',
      notation: '07-QĐ/ĐU',
      number: 7,
      place: 'Tân Phú',
      documentDate: '2026-02-12',
      documentTypeName: 'Quyết định',
      summary: 'về việc phân công nhiệm vụ các đồng chí Ủy viên Ban Thường vụ',
    });
    // Every repair costs confidence: this notation needed four, the clean one above none.
    expect(page.fields.notation.confidence).toBeLessThan(0.7);
    expect(page.fields.documentDate.confidence).toBeLessThan(
      read(PARTY_LETTER).fields.documentDate.confidence,
    );
  });

  it('reads urgency and secrecy marks, boxed or not, and an OCR-damaged "TUYỆT MẬT" with a lower confidence', () => {
    const marked = PARTY_LETTER.replace(
      '                trữ năm 2025',
      '                trữ năm 2025\n                   TỐI MẬT\n                | THƯỢNG KHẨN |',
    );
    expect(values(marked)).toMatchObject({ secrecy: 'secret', urgency: 'very_urgent' });
    expect(read(marked).fields.secrecy).toMatchObject({ source: 'TỐI MẬT', confidence: 0.95 });
    const damaged = PARTY_LETTER.replace(
      '                trữ năm 2025',
      '                trữ năm 2025\n[ruyệt Mật]\nHỎA TỐC HẸN GIỜ',
    );
    const fields = read(damaged, true).fields;
    expect(fields.secrecy.value).toBe('top_secret');
    expect(fields.secrecy.confidence).toBeLessThan(0.7);
    expect(fields.urgency.value).toBe('flash_timed');
  });

  it('joins a date line whose year wrapped, and repairs a stray stroke and a misread letter in the codes', () => {
    const text = [
      '    ĐẢNG BỘ TỈNH HỒNG LAM                  ĐẢNG CỘNG SẢN VIỆT NAM',
      '    ĐẢNG ỦY PHƯỜNG ĐÔNG',
      '            THÀNH',
      '                *',
      '          Số 30-CT1/ĐU                         Đông Thành, ngày 26 tháng 02 năm',
      '                                                                          2025',
    ].join('\n');
    expect(values(text)).toMatchObject({
      issuerName: 'ĐẢNG ỦY PHƯỜNG ĐÔNG THÀNH',
      notation: '30-CT/ĐU',
      documentDate: '2025-02-26',
      place: 'Đông Thành',
    });
    const central =
      'BAN CHẤP HÀNH TRUNG ƯƠNG   ĐẢNG CỘNG SẢN VIỆT NAM\nBAN TỔ CHỨC\n*\nSố 18-BC/BTCIW. _ Hà Nội, ngày 05 tháng 12 năm 2026';
    expect(values(central, true)).toMatchObject({
      notation: '18-BC/BTCTW',
      place: 'Hà Nội',
      issuerName: 'BAN TỔ CHỨC',
    });
    // The office's own code one letter from a directory code is left alone.
    expect(values(central.replace('BTCIW', 'BTCTU'), true).notation).toBe('18-BC/BTCTU');
  });

  it('reads "Đ" OCR took for its look-alike "Ð" (or read twice), "§" for "S", and keeps marks out of the issuer', () => {
    const text = [
      'HỘI ĐỒNG NHÂN DÂN TỈNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'HÔNG LAM Độc lập - Tự do - Hạnh phúc',
      'Số: 09/QĐÐ-HÐĐND',
      'TUYỆT MẬT',
      'HỎA TỐC',
      'Hồng Lam, ngày 19 tháng 12 năm 2024',
    ].join('\n');
    expect(values(text, true)).toMatchObject({
      issuerName: 'HỘI ĐỒNG NHÂN DÂN TỈNH HỒNG LAM',
      notation: '09/QĐ-HĐND',
      secrecy: 'top_secret',
      urgency: 'flash',
      documentDate: '2024-12-19',
    });
    expect(values('x\n_§6:58/SNV-VP ˆ Hồng Lam, ngày 17 tháng 3 năm 2026', true)).toMatchObject({
      notation: '58/SNV-VP',
      place: 'Hồng Lam',
    });
  });

  it('finds no number in a draft and no signer when the signature is on the next page', () => {
    const draft = PARTY_LETTER.replace('Số 07-CV/TU', 'Số      -CV/TU').replace(
      'ngày 05 tháng 02 năm 2026',
      'ngày       tháng       năm 2026',
    );
    const v = values(draft.split('\n').slice(0, 8).join('\n'));
    expect(v).toMatchObject({
      notation: null,
      number: null,
      documentDate: null,
      issuerName: 'TỈNH ỦY',
      signer: null,
      documentTypeName: 'Công văn',
    });
  });

  it('answers nulls with no confidence for a page that is not a document header', () => {
    const v = read('Biên bản họp chi bộ\nNội dung: thảo luận kế hoạch năm.').fields;
    expect(v.notation).toEqual({ value: null, confidence: 0, source: null });
    expect(v.documentDate.value).toBeNull();
    expect(read('').fields.issuerName.value).toBeNull();
  });
});
