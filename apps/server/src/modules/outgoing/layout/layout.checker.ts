import { foldVietnamese } from '../../../platform/text/fold.ts';
import { checkDateLineText, dateLine, parseIsoDate } from './layout.dates.ts';
import type { DocumentLayout, LayoutViolation } from './layout.models.ts';
import { isLetter, notationOf } from './layout.notation.ts';

/**
 * The format checker (issue 4 §4): every violation of 36-HD/VPTW (Party) or ND30 (State) the clerk
 * and the office chief must see before a draft goes to the signer. Codes are stable; messages are
 * Vietnamese because the drafter reads them next to the field. The "*" under the issuing body and
 * the underline of "ĐẢNG CỘNG SẢN VIỆT NAM" are printed by the generator itself and cannot be missing.
 */

/** A (type name, abbreviation) pair of the document-type catalogue (reference data, never constants). */
export interface CatalogueType {
  name: string;
  abbreviation: string;
}

const v = (code: string, field: string, message: string): LayoutViolation => ({ code, field, message });
const blank = (s: string | null | undefined) => !s || s.trim().length === 0;
const isCaps = (s: string) => s === s.toLocaleUpperCase('vi');

/** "TU", "VPTU", "UBKTTU", "ĐUK"; a drafting-unit suffix may follow ("VPTW/nb"); State bodies join parts with "-" ("UBND-VP"). */
const PARTY_ISSUER = /^[A-ZĐ][A-Za-zĐđ0-9]*(\/[a-zđ]+)?$/u;
const STATE_ISSUER = /^[A-ZĐ][A-Za-zĐđ0-9]*(-[A-ZĐ][A-Za-zĐđ0-9]*)*$/u;

/** Party signature forms (36-HD/VPTW) and State ones (ND30 Điều 13). */
const AUTHORITY_PREFIX = {
  party: { TM: 'T/M ', KT: 'K/T ', TL: 'T/L ', TUQ: 'T/UQ ' },
  state: { TM: 'TM. ', KT: 'KT. ', TL: 'TL. ', TUQ: 'TUQ. ' },
} as const;

const AUTHORITY_EXAMPLE = {
  TM: 'BAN THƯỜNG VỤ',
  KT: 'BÍ THƯ',
  TL: 'BAN THƯỜNG VỤ',
  TUQ: 'BAN THƯỜNG VỤ',
} as const;

/** 36-HD/VPTW and 399-QĐ/TW: many quy định are numbered QĐ (399-QĐ/TW) though the catalogue says QĐi. */
const EQUIVALENT_ABBREVIATIONS: Record<string, string[]> = { 'quy dinh': ['QĐi', 'QĐ'] };

const isRetainLine = (line: string) =>
  /^Lưu(\s|:|$)/u.test(line.trim().replace(/^-\s*/, '').normalize('NFC'));

export function checkLayout(layout: DocumentLayout, catalogue: CatalogueType[]): LayoutViolation[] {
  return [
    ...checkHeader(layout),
    ...checkNotation(layout),
    ...checkDate(layout),
    ...checkType(layout, catalogue),
    ...checkSummary(layout),
    ...checkRecipients(layout),
    ...checkSignature(layout),
  ];
}

function checkHeader(layout: DocumentLayout): LayoutViolation[] {
  const out: LayoutViolation[] = [];
  // ND30: the superior body line is printed only when there is one; a Party issuer always has it.
  if (layout.layout === 'party' && blank(layout.superiorLine)) {
    out.push(
      v('format.header_missing', 'superiorLine', 'Thiếu tên cơ quan, tổ chức cấp trên (dòng đầu bên trái).'),
    );
  }
  if (blank(layout.issuerLine)) {
    out.push(v('format.header_missing', 'issuerLine', 'Thiếu tên cơ quan, tổ chức ban hành văn bản.'));
  }
  const caps: [keyof DocumentLayout, string, string][] = [
    ['superiorLine', layout.superiorLine, 'Tên cơ quan cấp trên'],
    ['issuerLine', layout.issuerLine, 'Tên cơ quan ban hành'],
    ['authorityLine', layout.authorityLine, 'Dòng thẩm quyền ký'],
    ['signerTitle', layout.signerTitle, 'Chức vụ người ký'],
  ];
  for (const [field, text, label] of caps) {
    if (!blank(text) && !isCaps(text)) {
      out.push(
        v('format.header_caps', field, `${label} phải viết chữ in hoa: "${text.toLocaleUpperCase('vi')}".`),
      );
    }
  }
  const abbreviation = layout.issuerAbbreviation.trim();
  const pattern = layout.layout === 'party' ? PARTY_ISSUER : STATE_ISSUER;
  if (!abbreviation) {
    out.push(
      v(
        'format.issuer_abbreviation',
        'issuerAbbreviation',
        'Thiếu chữ viết tắt tên cơ quan ban hành (ví dụ "TU", "VPTU").',
      ),
    );
  } else if (!pattern.test(abbreviation.normalize('NFC'))) {
    out.push(
      v(
        'format.issuer_abbreviation',
        'issuerAbbreviation',
        `Chữ viết tắt "${abbreviation}" không hợp lệ: bắt đầu bằng chữ in hoa, không dấu cách.`,
      ),
    );
  }
  return out;
}

function checkNotation(layout: DocumentLayout): LayoutViolation[] {
  if (layout.number === null && layout.notation === null) {
    return [];
  }
  if (layout.number === null || !Number.isInteger(layout.number) || layout.number < 1) {
    return [v('format.notation_pattern', 'number', 'Văn bản có ký hiệu nhưng chưa có số hợp lệ.')];
  }
  const expected = notationOf(layout, layout.number);
  if ((layout.notation ?? '').normalize('NFC') !== expected.normalize('NFC')) {
    const shape =
      layout.layout === 'party' ? 'Số-LOẠI/CƠ QUAN, số từ 01 đến 09 viết hai chữ số' : 'Số/LOẠI-CƠ QUAN';
    return [
      v(
        'format.notation_pattern',
        'notation',
        `Số và ký hiệu "${layout.notation ?? ''}" sai mẫu (${shape}): phải là "${expected}".`,
      ),
    ];
  }
  return [];
}

function checkDate(layout: DocumentLayout): LayoutViolation[] {
  if (blank(layout.place)) {
    return [v('format.date_line', 'place', 'Thiếu địa danh ở dòng ngày tháng.')];
  }
  if (layout.date !== null && !parseIsoDate(layout.date)) {
    return [v('format.date_line', 'date', `Ngày ban hành "${layout.date}" không có trên lịch.`)];
  }
  const problem = checkDateLineText(dateLine(layout.place.trim(), layout.date, layout.draftYear));
  return problem ? [v('format.date_line', layout.date === null ? 'place' : 'date', problem)] : [];
}

function checkType(layout: DocumentLayout, catalogue: CatalogueType[]): LayoutViolation[] {
  const key = foldVietnamese(layout.typeName);
  const known = catalogue
    .filter((t) => foldVietnamese(t.name) === key)
    .map((t) => t.abbreviation.normalize('NFC'));
  if (known.length === 0) {
    return [
      v('format.type_abbreviation', 'typeName', `Loại văn bản "${layout.typeName}" không có trong danh mục.`),
    ];
  }
  const accepted = new Set([...known, ...(EQUIVALENT_ABBREVIATIONS[key] ?? [])]);
  if (!accepted.has(layout.typeAbbreviation.normalize('NFC'))) {
    const list = [...accepted].map((a) => (a ? `"${a}"` : '(không có chữ viết tắt)')).join(' hoặc ');
    return [
      v(
        'format.type_abbreviation',
        'typeAbbreviation',
        `Chữ viết tắt "${layout.typeAbbreviation}" không đúng với loại "${layout.typeName}": phải là ${list}.`,
      ),
    ];
  }
  return [];
}

function checkSummary(layout: DocumentLayout): LayoutViolation[] {
  const summary = layout.summary.trim().normalize('NFC');
  const letter = isLetter(layout);
  const out: LayoutViolation[] = [];
  if (!summary || (letter && /^V\/v\s*$/u.test(summary))) {
    out.push(v('format.summary_missing', 'summary', 'Thiếu trích yếu nội dung văn bản.'));
  } else if (letter && !summary.startsWith('V/v ')) {
    out.push(
      v(
        'format.letter_addressees',
        'summary',
        `Trích yếu công văn phải bắt đầu bằng "V/v ": "V/v ${summary}".`,
      ),
    );
  }
  if (letter && layout.addressees.every(blank)) {
    out.push(
      v(
        'format.letter_addressees',
        'addressees',
        'Công văn phải có phần "Kính gửi:" với ít nhất một nơi nhận.',
      ),
    );
  }
  return out;
}

function checkRecipients(layout: DocumentLayout): LayoutViolation[] {
  const lines = layout.recipientLines.filter((l) => !blank(l));
  const recipients = lines.filter((l) => !isRetainLine(l));
  const out: LayoutViolation[] = [];
  if (recipients.length === 0) {
    out.push(
      v(
        'format.recipients_missing',
        'recipientLines',
        'Phần "Nơi nhận:" chưa có nơi nhận nào ngoài dòng "Lưu".',
      ),
    );
    if (layout.secrecy !== 'none') {
      out.push(
        v(
          'format.secret_recipients',
          'recipientLines',
          'Văn bản mật phải ghi rõ danh sách nơi nhận (Luật Bảo vệ bí mật nhà nước).',
        ),
      );
    }
  }
  const last = lines[lines.length - 1];
  if (last === undefined || !isRetainLine(last)) {
    out.push(
      v(
        'format.retain_missing',
        'recipientLines',
        'Dòng cuối của "Nơi nhận:" phải là "- Lưu …" (ví dụ "- Lưu Văn phòng Tỉnh ủy.").',
      ),
    );
  }
  return out;
}

function checkSignature(layout: DocumentLayout): LayoutViolation[] {
  const out: LayoutViolation[] = [];
  if (blank(layout.signerTitle)) {
    out.push(v('format.signer_missing', 'signerTitle', 'Thiếu chức vụ người ký.'));
  }
  if (blank(layout.signerName)) {
    out.push(v('format.signer_missing', 'signerName', 'Thiếu họ tên người ký.'));
  }
  const line = layout.authorityLine.trim().normalize('NFC');
  const form = layout.authorityForm;
  if (form === null || form === 'direct') {
    if (line) {
      out.push(
        v(
          'format.authority_line',
          'authorityLine',
          `Người đứng đầu ký trực tiếp thì không ghi dòng thẩm quyền "${line}".`,
        ),
      );
    }
    return out;
  }
  const prefix = AUTHORITY_PREFIX[layout.layout][form];
  if (!line.startsWith(prefix) || line.length === prefix.length) {
    out.push(
      v(
        'format.authority_line',
        'authorityLine',
        `Hình thức ký ${form} cần dòng thẩm quyền bắt đầu bằng "${prefix}" (ví dụ "${prefix}${AUTHORITY_EXAMPLE[form]}").`,
      ),
    );
  }
  return out;
}
