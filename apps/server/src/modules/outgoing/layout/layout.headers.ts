import type { Paragraph, Table } from 'docx';
import { dateLine } from './layout.dates.ts';
import {
  blank,
  grid,
  line,
  marks,
  mm,
  para,
  row,
  rule,
  ruledLine,
  run,
  TEXT_WIDTH,
} from './layout.docx-parts.ts';
import type { DocumentLayout } from './layout.models.ts';
import { isLetter, numberLine } from './layout.notation.ts';

/**
 * The header blocks: Party (36-HD/VPTW) and State (ND30 Phụ lục I). Each is a borderless table whose
 * rows keep the left and right blocks level: the first line beside the national heading, the number
 * beside the date line, however the lines above them wrap.
 */

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** 36-HD/VPTW: the left block is a little narrower than "ĐẢNG CỘNG SẢN VIỆT NAM" needs. */
const PARTY_COLUMNS = [mm(80), TEXT_WIDTH - mm(80)];

export function partyHeader(layout: DocumentLayout): Table {
  const letter = isLetter(layout);
  const left = [
    line(numberLine(layout), { pt: 14 }),
    ...(letter && layout.summary.trim() ? [line(layout.summary, { pt: 12, italic: true })] : []),
    ...marks(layout.secrecy, layout.urgency),
  ];
  const date = dateLine(layout.place, layout.date, layout.draftYear);
  return grid(
    [
      row(
        [
          [line(layout.superiorLine, { pt: 14 })],
          [ruledLine('ĐẢNG CỘNG SẢN VIỆT NAM', { pt: 15, bold: true }, PARTY_COLUMNS[1] ?? 0, 72.7)],
        ],
        PARTY_COLUMNS,
      ),
      row([[line(layout.issuerLine, { pt: 14, bold: true })], []], PARTY_COLUMNS),
      row([[line('*', { pt: 14 })], []], PARTY_COLUMNS),
      row([left, [para([run(date, { pt: 14, italic: true })], { align: 'right' })]], PARTY_COLUMNS),
    ],
    PARTY_COLUMNS,
  );
}

/** ND30: the national heading needs the wider right column. */
const STATE_COLUMNS = [mm(66), TEXT_WIDTH - mm(66)];

export function stateHeader(layout: DocumentLayout): Table {
  const letter = isLetter(layout);
  const issuer = [
    ...(layout.superiorLine.trim() ? [line(layout.superiorLine, { pt: 13 })] : []),
    line(layout.issuerLine, { pt: 13, bold: true }),
    rule(STATE_COLUMNS[0] ?? 0, 0.35),
  ];
  const nation = [
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { pt: 12.5, bold: true }),
    ruledLine('Độc lập - Tự do - Hạnh phúc', { pt: 13.5, bold: true }, STATE_COLUMNS[1] ?? 0, 58.2),
  ];
  const left = [
    line(numberLine(layout), { pt: 13 }, { before: 6 }),
    ...(letter && layout.summary.trim() ? [line(layout.summary, { pt: 12 })] : []),
    ...marks(layout.secrecy, layout.urgency),
  ];
  const date = dateLine(layout.place, layout.date, layout.draftYear);
  return grid(
    [
      row([issuer, nation], STATE_COLUMNS),
      row([left, [line(date, { pt: 14, italic: true }, { before: 6 })]], STATE_COLUMNS),
    ],
    STATE_COLUMNS,
  );
}

/**
 * The type name and trích yếu of every type but the công văn: Party caps 16 pt bold, trích yếu 14 pt
 * bold and five hyphens under it; State caps 14 pt bold and a short rule.
 */
export function title(layout: DocumentLayout): Paragraph[] {
  const party = layout.layout === 'party';
  return [
    blank(party ? 14 : 13),
    line(upper(layout.typeName), { pt: party ? 16 : 14, bold: true }, { before: 6 }),
    line(layout.summary, { pt: 14, bold: true }),
    party ? line('-----', { pt: 14 }) : rule(TEXT_WIDTH, 0.2),
  ];
}

/**
 * "Kính gửi:" of a công văn. One addressee sits on the centred line; several are listed "- X," one a
 * line, the last ending with "." and all hanging after the label.
 */
export function addresseeBlock(addressees: string[]): Paragraph[] {
  const names = addressees
    .map((a) =>
      a
        .trim()
        .replace(/^-\s*/, '')
        .replace(/[,.;]+$/, ''),
    )
    .filter((a) => a.length > 0);
  if (names.length <= 1) {
    return [
      para([run('Kính gửi: ', { pt: 14 }), run(names[0] ?? '', { pt: 14 })], {
        align: 'center',
        before: 12,
        after: 6,
      }),
    ];
  }
  const items = names.map((n, i) => `- ${n}${i === names.length - 1 ? '.' : ','}`);
  return items.map((item, i) =>
    i === 0
      ? para([run('Kính gửi:', { pt: 14 }), run(`\t${item}`, { pt: 14 })], {
          leftMm: 52,
          hangingMm: 24,
          before: 12,
        })
      : para([run(item, { pt: 14 })], { leftMm: 52, hangingMm: 0, after: i === items.length - 1 ? 6 : 0 }),
  );
}
