import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { fontBytes } from '../incoming/incoming.outputs.fonts.ts';
import { composeDocumentId, type EdxmlAttachmentInput, type EdxmlDocument, type EdxmlStatus } from './edxml.models.ts';

/** A fully populated công văn of a Party committee to a provincial body and two district committees. */
export function fullDocument(): EdxmlDocument {
  return {
    messageHeader: {
      from: {
        organId: '000.00.31.H10',
        organName: 'Tỉnh ủy Đắk Lắk',
        organInCharge: 'Đảng bộ tỉnh Đắk Lắk',
        organAdd: 'Số 09 Lê Duẩn, phường Tân Tiến, TP. Buôn Ma Thuột, Đắk Lắk',
        email: 'vanphong@tinhuy.daklak.gov.vn',
        telephone: '0262 3852 111',
        fax: '0262 3852 112',
        website: 'https://tinhuy.daklak.gov.vn',
      },
      to: [
        { organId: '000.00.00.H10', organName: 'Ủy ban nhân dân tỉnh Đắk Lắk', organAdd: 'Số 09 Lê Duẩn, Buôn Ma Thuột' },
        { organId: '000.01.31.H10', organName: 'Huyện ủy Đắk Mil', organInCharge: 'Tỉnh ủy Đắk Lắk', email: 'huyenuy@dakmil.gov.vn' },
        { organId: '000.02.31.H10', organName: 'Huyện ủy Krông Pắc', telephone: '0262 3511 222' },
      ],
      code: { codeNumber: '01', codeNotation: 'CV/TU' },
      promulgationInfo: { place: 'Đắk Lắk', promulgationDate: '2025-03-14' },
      documentType: { type: 1, typeName: 'Công văn', typeDetail: 18 },
      subject: 'V/v đôn đốc triển khai Đề án số hóa hồ sơ, tài liệu lưu trữ của Đảng bộ tỉnh năm 2025',
      content: 'Kính gửi: Các huyện ủy, thị ủy, thành ủy.\nThực hiện Kế hoạch số 12-KH/TU ngày 02/01/2025 của Ban Thường vụ Tỉnh ủy, Thường trực Tỉnh ủy đề nghị các đồng chí đôn đốc thực hiện…\n  Đoạn thụt đầu dòng & ký tự <đặc biệt> "trích dẫn" giữ nguyên.',
      signerInfo: { competence: 'T/L BAN THƯỜNG VỤ', position: 'Chánh Văn phòng', fullName: 'Nguyễn Văn Đức' },
      dueDate: '2025-03-31',
      toPlaces: ['Như trên,', 'Thường trực Tỉnh ủy (để b/c),', 'Lưu Văn phòng Tỉnh ủy.'],
      otherInfo: {
        priority: 1,
        sphereOfPromulgation: 'Lưu hành nội bộ',
        typerNotation: 'NVĐ',
        promulgationAmount: 15,
        pageAmount: 2,
        appendixes: ['Phụ lục I: Danh mục hồ sơ đề nghị số hóa', 'Phụ lục II: Biểu mẫu báo cáo tiến độ'],
      },
      responseFor: [{ organId: '000.00.00.H10', code: '245/UBND-VP', promulgationDate: '2025-02-20', documentId: '000.00.00.H10,2025/02/20,245/UBND-VP' }],
      steeringType: 0,
      documentId: composeDocumentId({ organId: '000.00.31.H10', promulgationDate: '2025-03-14', notation: '01-CV/TU' }),
    },
    traceHeaders: [
      { organId: '000.00.31.H10', timestamp: '2025-03-14T09:30:05+07:00' },
      { organId: '000.00.00.G22', timestamp: '2025-03-14T09:31:00+07:00' },
    ],
    business: {
      docType: 0,
      docReason: 'Văn bản điện tử mới',
      paper: 1,
      staffInfo: [{ department: 'Phòng Hành chính – Lưu trữ', staff: 'Trần Thị Đào', mobile: '0912 000 001', email: 'dao.tt@tinhuy.daklak.gov.vn' }],
    },
    signature: { signatureValue: 'U2lnbmF0dXJlVmFsdWU=', x509SubjectName: 'CN=Tỉnh ủy Đắk Lắk, O=Đảng Cộng sản Việt Nam, C=VN', x509Certificate: 'TUlJQ2VydA==' },
  };
}

/** A one-page A4 công văn in the Party layout (36-HD/VPTW), Vietnamese text in the bundled Tinos font. */
export async function smallPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setCreationDate(new Date('2025-03-14T02:30:00Z'));
  pdf.setModificationDate(new Date('2025-03-14T02:30:00Z'));
  pdf.setTitle('Công văn 01-CV/TU');
  const regular = await pdf.embedFont(fontBytes('regular'), { subset: true });
  const bold = await pdf.embedFont(fontBytes('bold'), { subset: true });
  const italic = await pdf.embedFont(fontBytes('italic'), { subset: true });
  const page = pdf.addPage([595.28, 841.89]);
  const centred = (text: string, cx: number, y: number, font: typeof regular, size = 13): void => {
    page.drawText(text, { x: cx - font.widthOfTextAtSize(text, size) / 2, y, size, font });
  };
  centred('TỈNH ỦY ĐẮK LẮK', 160, 780, bold, 14);
  centred('*', 160, 762, regular);
  centred('Số 01-CV/TU', 160, 744, regular);
  centred('V/v đôn đốc triển khai Đề án số hóa', 160, 724, italic, 12);
  centred('hồ sơ, tài liệu lưu trữ của Đảng bộ tỉnh', 160, 710, italic, 12);
  centred('ĐẢNG CỘNG SẢN VIỆT NAM', 410, 780, bold, 14);
  const w = bold.widthOfTextAtSize('ĐẢNG CỘNG SẢN VIỆT NAM', 14);
  page.drawLine({ start: { x: 410 - w / 2, y: 776 }, end: { x: 410 + w / 2, y: 776 }, thickness: 0.8 });
  centred('Đắk Lắk, ngày 14 tháng 3 năm 2025', 410, 744, italic, 13);
  centred('Kính gửi: Các huyện ủy, thị ủy, thành ủy trực thuộc.', 297, 670, regular, 14);
  const body = [
    'Thực hiện Kế hoạch số 12-KH/TU ngày 02/01/2025 của Ban Thường vụ Tỉnh ủy,',
    'Thường trực Tỉnh ủy đề nghị các đồng chí đôn đốc triển khai Đề án số hóa hồ sơ,',
    'tài liệu lưu trữ, báo cáo kết quả về Văn phòng Tỉnh ủy trước ngày 31/3/2025.',
  ];
  body.forEach((line, i) => page.drawText(line, { x: 85, y: 635 - i * 20, size: 13, font: regular }));
  centred('T/L BAN THƯỜNG VỤ', 420, 560, bold);
  centred('CHÁNH VĂN PHÒNG', 420, 544, bold);
  centred('Nguyễn Văn Đức', 420, 480, bold);
  page.drawText('Nơi nhận:', { x: 60, y: 560, size: 12, font: bold });
  ['- Như trên,', '- Thường trực Tỉnh ủy (để b/c),', '- Lưu Văn phòng Tỉnh ủy.'].forEach((line, i) =>
    page.drawText(line, { x: 60, y: 544 - i * 15, size: 11, font: regular }),
  );
  page.drawText('Tài liệu mẫu của vanphong — không có giá trị pháp lý.', { x: 60, y: 60, size: 9, font: italic });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

export async function twoAttachments(): Promise<EdxmlAttachmentInput[]> {
  const binary = Buffer.alloc(1024);
  for (let i = 0; i < binary.length; i++) {
    binary[i] = (i * 37 + 11) % 256;
  }
  return [
    { name: '01-CV-TU đôn đốc số hóa.pdf', contentType: 'application/pdf', bytes: await smallPdf(), description: 'Văn bản chính (bản ký số)' },
    { name: 'Phụ lục Đề án.bin', contentType: 'application/octet-stream', bytes: binary },
  ];
}

/** A status: the district committee registered the document (03). */
export function fullStatus(code: EdxmlStatus['statusCode'] = '03'): EdxmlStatus {
  return {
    from: { organId: '000.01.31.H10', organName: 'Huyện ủy Đắk Mil', organInCharge: 'Tỉnh ủy Đắk Lắk', organAdd: 'Thị trấn Đắk Mil, Đắk Lắk', email: 'huyenuy@dakmil.gov.vn', telephone: '0262 3741 000' },
    responseFor: { organId: '000.00.31.H10', code: '01-CV/TU', promulgationDate: '2025-03-14', documentId: '000.00.31.H10,2025/03/14,01-CV/TU' },
    statusCode: code,
    description: 'Văn thư Huyện ủy Đắk Mil: đã vào sổ văn bản đến, số đến 125',
    timestamp: '2025-03-14T10:05:00+07:00',
    staffInfo: { department: 'Văn phòng Huyện ủy', staff: 'Lê Thị Hường', mobile: '0905 111 222', email: 'huong.lt@dakmil.gov.vn' },
  };
}
