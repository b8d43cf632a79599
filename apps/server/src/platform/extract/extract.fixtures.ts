import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { fontBytes } from '../pdf/fonts.ts';

/**
 * Files for the extraction tests, made at test time from the project's own font: a two-page Party
 * letter with a text layer, its first page rasterised by pdftoppm into a PNG "scan" and into an
 * image-only PDF (a scan PDF whose second page still has text), a DOCX, a corrupt PDF.
 */

export const LETTER = {
  superior: 'ĐẢNG BỘ TỈNH HỒNG LAM',
  party: 'ĐẢNG CỘNG SẢN VIỆT NAM',
  issuer: 'TỈNH ỦY',
  notation: 'Số 12-CV/TU',
  placeDate: 'Hồng Lam, ngày 05 tháng 3 năm 2024',
  subject: 'V/v tăng cường công tác quản lý đảng viên',
  body: [
    'Kính gửi: Các huyện ủy, thành ủy trực thuộc Tỉnh ủy',
    'Thực hiện Quy định của Ban Chấp hành Trung ương về công tác',
    'quản lý đảng viên, Ban Thường vụ Tỉnh ủy đề nghị các cấp ủy',
    'rà soát danh sách đảng viên và báo cáo kết quả trước ngày 30.',
  ],
  page2: [
    'Nơi nhận:',
    '- Như trên,',
    '- Lưu Văn phòng Tỉnh ủy.',
    'T/M BAN THƯỜNG VỤ',
    'PHÓ BÍ THƯ',
    'Nguyễn Văn An',
  ],
};

const A4: [number, number] = [595.28, 841.89];

function centred(page: PDFPage, font: PDFFont, text: string, cx: number, y: number, size: number) {
  page.drawText(text, { x: cx - font.widthOfTextAtSize(text, size) / 2, y, size, font, color: rgb(0, 0, 0) });
}

/** The two-page letter with a Vietnamese text layer (Tinos, embedded). */
export async function letterPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fontBytes('regular'), { subset: true });
  const bold = await doc.embedFont(fontBytes('bold'), { subset: true });
  const italic = await doc.embedFont(fontBytes('italic'), { subset: true });
  const p1 = doc.addPage(A4);
  centred(p1, regular, LETTER.superior, 160, 780, 13);
  centred(p1, bold, LETTER.issuer, 160, 762, 13);
  centred(p1, regular, LETTER.notation, 160, 740, 13);
  centred(p1, italic, 'V/v tăng cường công tác', 160, 722, 12);
  centred(p1, italic, 'quản lý đảng viên', 160, 707, 12);
  centred(p1, bold, LETTER.party, 420, 780, 14);
  centred(p1, italic, LETTER.placeDate, 420, 740, 13);
  LETTER.body.forEach((line, i) => p1.drawText(line, { x: 70, y: 660 - i * 22, size: 14, font: regular }));
  const p2 = doc.addPage(A4);
  LETTER.page2.forEach((line, i) =>
    p2.drawText(line, { x: 70, y: 780 - i * 22, size: 14, font: i >= 3 ? bold : regular }),
  );
  return doc.save();
}

/** One A4 page filled with running Vietnamese text (12 pt, ~45 lines): the dense case for OCR timing. */
export async function densePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes('regular'), { subset: true });
  const page = doc.addPage(A4);
  const words = [...LETTER.body, LETTER.subject, LETTER.placeDate].join(' ').split(' ');
  let line = '';
  let y = 790;
  for (let i = 0; y > 50; i += 1) {
    const next = line ? `${line} ${words[i % words.length]}` : words[i % words.length]!;
    if (font.widthOfTextAtSize(next, 12) > 470) {
      page.drawText(line, { x: 62, y, size: 12, font });
      y -= 16;
      line = words[i % words.length]!;
    } else {
      line = next;
    }
  }
  return doc.save();
}

/** Page `page` of a PDF rasterised by pdftoppm (grey PNG) — the "scan". */
export function rasterise(pdfFile: string, page: number, dpi: number, outBase: string): string {
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-gray',
    '-png',
    '-singlefile',
    '-f',
    String(page),
    '-l',
    String(page),
    pdfFile,
    outBase,
  ]);
  return `${outBase}.png`;
}

/** A scan PDF: page 1 only the PNG image, page 2 copied from `textPdf` with its text layer. */
export async function scanPdf(png: Uint8Array, textPdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(png);
  const page = doc.addPage(A4);
  page.drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
  const source = await PDFDocument.load(textPdf);
  const [second] = await doc.copyPages(source, [1]);
  doc.addPage(second!);
  return doc.save();
}

/** A DOCX with paragraphs, a header table, a page break, and optionally a run of legacy text. */
export async function letterDocx(extraParagraph?: string): Promise<Buffer> {
  const cell = (lines: string[]) => new TableCell({ children: lines.map((l) => new Paragraph(l)) });
  const doc = new Document({
    sections: [
      {
        children: [
          new Table({
            rows: [
              new TableRow({
                children: [
                  cell([LETTER.superior, LETTER.issuer, LETTER.notation]),
                  cell([LETTER.party, LETTER.placeDate]),
                ],
              }),
            ],
          }),
          new Paragraph({ children: [new TextRun({ text: LETTER.subject, italics: true })] }),
          new Paragraph({
            children: [
              new TextRun('Kính gửi:'),
              new TextRun({ text: '\tCác huyện ủy & thành ủy', bold: true }),
            ],
          }),
          ...(extraParagraph
            ? [new Paragraph({ children: [new TextRun({ text: extraParagraph, font: '.VnTime' })] })]
            : []),
          new Paragraph({ children: [new PageBreak()] }),
          ...LETTER.page2.map((l) => new Paragraph(l)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Writes `bytes` to `dir/name` and returns the path. */
export function put(dir: string, name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}
