import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, type Table, TextRun } from 'docx';
import {
  blank,
  bodyParagraphs,
  FONT,
  grid,
  line,
  mm,
  PAGE,
  para,
  recipientTexts,
  row,
  run,
  TEXT_WIDTH,
} from './layout.docx-parts.ts';
import { addresseeBlock, partyHeader, stateHeader, title } from './layout.headers.ts';
import type { DocumentLayout } from './layout.models.ts';
import { isLetter, notationOf } from './layout.notation.ts';

/**
 * The DOCX of an outgoing document in the Party format (Hướng dẫn 36-HD/VPTW) or the State format
 * (Nghị định 30/2020/NĐ-CP Phụ lục I). Prints the layout as given: the format checker, not the
 * generator, says what is wrong, so what it reports is what the signer would see on paper.
 */
export async function renderDocx(layout: DocumentLayout): Promise<Buffer> {
  const document = new Document({
    creator: layout.issuerLine,
    title: documentTitle(layout),
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        // 36-HD/VPTW and ND30: pages numbered from the second one, centred at the top, 14 pt.
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(PAGE.widthMm), height: mm(PAGE.heightMm) },
            margin: {
              top: mm(PAGE.topMm),
              bottom: mm(PAGE.bottomMm),
              left: mm(PAGE.leftMm),
              right: mm(PAGE.rightMm),
              header: mm(10),
              footer: mm(10),
            },
          },
        },
        children: blocks(layout),
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The document properties' title: "01-CV/TU: V/v …" once numbered, the type and trích yếu before. */
function documentTitle(layout: DocumentLayout): string {
  const head = layout.number === null ? layout.typeName : notationOf(layout, layout.number);
  return `${head}: ${layout.summary}`.normalize('NFC');
}

function blocks(layout: DocumentLayout): (Paragraph | Table)[] {
  const letter = isLetter(layout);
  return [
    layout.layout === 'party' ? partyHeader(layout) : stateHeader(layout),
    ...(letter ? addresseeBlock(layout.addressees) : title(layout)),
    ...body(layout.body, !letter),
    blank(8),
    signatureTable(layout),
  ];
}

/** Body 14 pt, justified, first line indented 1 cm, 6 pt between paragraphs. */
function body(text: string, afterTitle: boolean): Paragraph[] {
  return bodyParagraphs(text).map((p, i) =>
    para([run(p, { pt: 14 })], {
      align: 'justify',
      firstLineMm: 10,
      after: 6,
      before: i === 0 && afterTitle ? 12 : 0,
      lineMultiple: 1.1,
    }),
  );
}

const SIGNATURE_COLUMNS = [mm(78), TEXT_WIDTH - mm(78)];

/**
 * "Nơi nhận:" on the left and the signature block on the right, side by side as on real documents.
 * Party: label 12 pt bold italic underlined; State (ND30): bold italic. Lines 11 pt.
 */
function signatureTable(layout: DocumentLayout): Table {
  const party = layout.layout === 'party';
  const recipients = [
    para([run('Nơi nhận:', { pt: 12, bold: true, italic: true, underline: party })], { before: 2 }),
    ...recipientTexts(layout.recipientLines).map((l) => para([run(l, { pt: 11 })])),
  ];
  const signature = [
    ...(layout.authorityLine.trim() ? [line(layout.authorityLine, { pt: 14, bold: true })] : []),
    line(layout.signerTitle, { pt: 14, bold: true }),
    blank(14),
    blank(14),
    blank(14),
    blank(14),
    line(layout.signerName, { pt: 14, bold: true }),
  ];
  return grid([row([recipients, signature], SIGNATURE_COLUMNS)], SIGNATURE_COLUMNS);
}
