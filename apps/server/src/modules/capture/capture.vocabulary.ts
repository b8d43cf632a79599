import type { Secrecy, Urgency } from '@vanphong/contracts';
import { DOCUMENT_TYPES } from '../seed/seed.reference-data.ts';
import { bare, Restorer } from './capture.text.ts';

/**
 * What the capture parser knows of Vietnamese administrative headers (spec §1–§3): national headings,
 * the words that start the name of a body, document types and their codes, urgency and secrecy marks,
 * signature titles. The installation adds its own directory (organisations, document types, places)
 * through `CaptureHints`, so tones lost by OCR come back for the names it actually receives.
 */

export interface CaptureHints {
  organizations?: { name: string; code: string }[];
  documentTypes?: { name: string; abbreviation: string; family?: string }[];
  /** Place names printed in date lines ("Hồng Lam", "Tân Phú"). */
  places?: string[];
  /** Names of the installation's own bodies ("Tỉnh ủy Hồng Lam", "Ban Tổ chức Tỉnh ủy"). */
  bodies?: string[];
  /** Their abbreviations ("TU", "BTCTU"): known codes are never "repaired" into another one. */
  codes?: string[];
}

/** Words and phrases of header lines, in capitals as printed (36-HD/VPTW, ND30 Phụ lục I). */
const HEADER_PHRASES = [
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'ĐẢNG BỘ TỈNH',
  'ĐẢNG BỘ THÀNH PHỐ',
  'ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH',
  'BAN CHẤP HÀNH TRUNG ƯƠNG',
  'TỈNH ỦY',
  'THÀNH ỦY',
  'HUYỆN ỦY',
  'ĐẢNG ỦY XÃ',
  'ĐẢNG ỦY PHƯỜNG',
  'ĐẢNG ỦY ĐẶC KHU',
  'ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG',
  'VĂN PHÒNG',
  'BAN TỔ CHỨC',
  'ỦY BAN KIỂM TRA',
  'BAN TUYÊN GIÁO VÀ DÂN VẬN',
  'BAN NỘI CHÍNH',
  'BAN CHÍNH SÁCH, CHIẾN LƯỢC',
  'ỦY BAN NHÂN DÂN',
  'HỘI ĐỒNG NHÂN DÂN',
  'UBND TỈNH',
  'HĐND TỈNH',
  'SỞ NỘI VỤ',
  'SỞ TÀI CHÍNH',
  'SỞ TƯ PHÁP',
  'SỞ Y TẾ',
  'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
  'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  'CÔNG AN TỈNH',
  'BỘ CÔNG AN',
  'BỘ NỘI VỤ',
  'BỘ TÀI CHÍNH',
  'BỘ CHỈ HUY QUÂN SỰ',
  'CHÍNH PHỦ',
  'THỦ TƯỚNG CHÍNH PHỦ',
  'ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM',
  'TỈNH ĐOÀN',
  'HỘI LIÊN HIỆP PHỤ NỮ',
  'TRUNG ƯƠNG',
];

/** The national headings (tolerant of OCR: tones lost, letters misread). */
export const PARTY_HEADING = /d[a-z]{1,3}ng\s*[a-z][o0][a-z]?ng\s*s[a-z]{1,2}n\s*vi[a-z]{1,2}t\s*n[a-z]m/;
// "CỘNG HÒA" is optional: OCR garbles it often ("CỘNG vang XÃ HỘI …"); the rest is distinctive enough.
export const STATE_HEADING =
  /(?:c[o0][a-z]?ng\s*\S{1,6}\s*)?x[a-z]{1,2}\s*h[o0][a-z]?i\s*ch[a-z]{1,2}\s*ngh[a-z]{1,3}\s*vi[a-z]{1,2}t\s*n[a-z]m/;
export const STATE_MOTTO =
  /d[o0][a-z]?c\s*l[a-z]{1,2}p[-.,\s]*t[a-z]{1,2}\s*d[o0][-.,\s]*h[a-z]{1,2}nh\s*ph[a-z]{1,2}c/;
export const HEADINGS = [PARTY_HEADING, STATE_HEADING, STATE_MOTTO];

/** Words that begin the name of a body: a header line starting otherwise continues the line above. */
const BODY_STARTS = [
  'ban chap hanh',
  'bo chinh tri',
  'ban bi thu',
  'dang bo',
  'dang uy',
  'dang doan',
  'ban can su',
  'chi bo',
  'tinh uy',
  'thanh uy',
  'huyen uy',
  'quan uy',
  'thi uy',
  'van phong',
  'ban ',
  'uy ban',
  'ubnd',
  'ubkt',
  'hoi dong',
  'hdnd',
  'so ',
  'bo ',
  'cuc ',
  'chi cuc',
  'tong cuc',
  'vu ',
  'phong ',
  'cong an',
  'toa an',
  'vien kiem sat',
  'thanh tra',
  'kho bac',
  'chinh phu',
  'thu tuong',
  'quoc hoi',
  'mat tran',
  'tinh doan',
  'thanh doan',
  'doan ',
  'hoi ',
  'lien doan',
  'truong ',
  'benh vien',
  'trung tam',
  'ngan hang',
  'bao ',
  'dai ',
  'cong ty',
  'tap doan',
];

export const startsBody = (folded: string): boolean => {
  const f = `${bare(folded)} `;
  return BODY_STARTS.some((w) => f.startsWith(w.endsWith(' ') ? w : `${w} `));
};

/** Printed marks (spec §3), longest first so "THƯỢNG KHẨN" is not read as "KHẨN". */
export const SECRECY_MARKS: { folded: string; printed: string; value: Secrecy }[] = [
  { folded: 'tuyet mat', printed: 'TUYỆT MẬT', value: 'top_secret' },
  { folded: 'toi mat', printed: 'TỐI MẬT', value: 'secret' },
  { folded: 'mat', printed: 'MẬT', value: 'confidential' },
];
export const URGENCY_MARKS: { folded: string; printed: string; value: Urgency }[] = [
  { folded: 'hoa toc hen gio', printed: 'HỎA TỐC HẸN GIỜ', value: 'flash_timed' },
  { folded: 'thuong khan', printed: 'THƯỢNG KHẨN', value: 'very_urgent' },
  { folded: 'hoa toc', printed: 'HỎA TỐC', value: 'flash' },
  { folded: 'khan', printed: 'KHẨN', value: 'urgent' },
];

/** Titles of signers (spec §2 signature forms), folded. */
export const SIGNER_TITLES = [
  'bi thu',
  'pho bi thu',
  'pho bi thu thuong truc',
  'chu tich',
  'pho chu tich',
  'chanh van phong',
  'pho chanh van phong',
  'truong ban',
  'pho truong ban',
  'chu nhiem',
  'pho chu nhiem',
  'giam doc',
  'pho giam doc',
  'bo truong',
  'thu truong',
  'thu tuong',
  'pho thu tuong',
  'uy vien',
  'tong bi thu',
  'truong phong',
  'pho truong phong',
  'cuc truong',
  'pho cuc truong',
  'chanh thanh tra',
  'giam doc cong an',
];
export const AUTHORITY_PREFIX =
  /^(t\s*\/\s*m|k\s*\/\s*t|t\s*\/\s*l|t\s*\/\s*uq|tm\s*\.|kt\s*\.|tl\s*\.|tuq\s*\.)/;

export interface TypeEntry {
  name: string;
  abbreviation: string;
  family: string;
}

/** The vocabulary one parse uses: defaults plus the installation's hints. */
export interface Vocabulary {
  restorer: Restorer;
  /** Canonical type names by folded name ("thong bao" → "Thông báo"), longest first. */
  typeNames: { folded: string; name: string }[];
  types: TypeEntry[];
  /** Known codes (types, issuers, units) by folded upper form → printed forms. */
  codes: Map<string, Set<string>>;
  places: string[];
}

const PLACE_IN_NAME = /(?:tỉnh|thành phố|xã|phường|đặc khu|huyện|quận|thị xã)\s+(\p{Lu}[\p{L} ]+)$/u;

export function buildVocabulary(hints: CaptureHints = {}): Vocabulary {
  const types: TypeEntry[] = [
    ...DOCUMENT_TYPES,
    ...(hints.documentTypes ?? []).map((t) => ({ family: 'both', ...t })),
  ];
  const names = new Map<string, string>();
  for (const t of types) {
    names.set(bare(t.name), names.get(bare(t.name)) ?? t.name.normalize('NFC'));
  }
  const typeNames = [...names]
    .map(([folded, name]) => ({ folded, name }))
    .sort((a, b) => b.folded.length - a.folded.length);
  const codes = new Map<string, Set<string>>();
  const addCode = (code: string) => {
    const printed = code.normalize('NFC').trim();
    if (!printed) {
      return;
    }
    const key = codeKey(printed);
    codes.set(key, (codes.get(key) ?? new Set()).add(printed));
  };
  types.forEach((t) => addCode(t.abbreviation));
  for (const o of hints.organizations ?? []) {
    o.code.split(/[-/]/).forEach(addCode);
  }
  (hints.codes ?? []).forEach(addCode);
  ['TW', 'TU', 'TƯ', 'ĐU', 'HU', 'VPTW', 'VPTU', 'UBND', 'HĐND', 'CP', 'TTg', 'VP', 'VT'].forEach(addCode);
  // Places of date lines: given, the capital (central bodies date from it), and the local names that
  // end the directory's names ("Sở Nội vụ tỉnh Hồng Lam", "Đảng ủy xã Tân Phú").
  const places = [
    ...new Set(
      [
        'Hà Nội',
        ...(hints.places ?? []),
        ...(hints.organizations ?? []).map((o) => PLACE_IN_NAME.exec(o.name.normalize('NFC'))?.[1] ?? ''),
      ]
        .map((p) => p.normalize('NFC').trim())
        .filter(Boolean),
    ),
  ];
  const restorer = new Restorer([
    ...HEADER_PHRASES,
    ...(hints.organizations ?? []).map((o) => o.name),
    ...(hints.bodies ?? []),
    ...types.map((t) => t.name),
    ...places,
  ]);
  return { restorer, typeNames, types, codes, places };
}

/** A code as OCR may read it: capitals, Đ read as D. */
export const codeKey = (code: string): string => code.normalize('NFC').toUpperCase().replace(/Đ/g, 'D');

let defaultVocabulary: Vocabulary | null = null;
export const vocabularyOf = (hints?: CaptureHints): Vocabulary =>
  hints ? buildVocabulary(hints) : (defaultVocabulary ??= buildVocabulary());

/** The type a notation's code names, in the notation's world (Party "TT" thông tri, State "TT" thông tư). */
export function typeOfCode(
  vocab: Vocabulary,
  code: string | null,
  form: 'party' | 'state' | 'unknown',
): string | null {
  if (!code) {
    return null;
  }
  const family = form === 'state' ? 'state' : 'party';
  const same = vocab.types.filter((t) => t.abbreviation === code);
  return (same.find((t) => t.family === family) ?? same[0])?.name ?? null;
}
