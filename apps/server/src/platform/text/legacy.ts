import { TCVN3_EXTRA, TCVN3_ROWS, UNICODE_ROWS, VNI_EXTRA, VNI_ROWS } from './legacy.tables.ts';

/**
 * Legacy Vietnamese text (issue 7 §4): TCVN3 (ABC, ".VnTime") and VNI-Windows ("VNI-Times") text,
 * as it arrives decoded as Windows-1252 / Latin-1 code points ("Céng hoµ x· héi", "Coäng hoøa xaõ
 * hoäi"), detected and converted to Unicode NFC. Decomposed (NFD) Unicode is composed on the way.
 *
 * Detection reads the text word by word: a word counts for an encoding when, read as Unicode, it is
 * not a Vietnamese syllable but converted it is one ("héi" → "hội"); a word that is a syllable as it
 * stands and is spoiled by the conversion ("là"), or that the encoding cannot convert, counts against
 * it; lines already written with Vietnamese Unicode letters (ă đ ơ ư ạ ế …) are Unicode and are
 * neither read nor converted. English and ordinary Unicode Vietnamese therefore never convert.
 *
 * TCVN3 capitals: TCVN3 has codes for the lower-case toned letters only; titles set in the caps-only
 * ".VnTimeH" font use those same codes and the font draws capitals. We restore the capitals where the
 * rest of the word says so: a word with no lower-case letter of its own and at least two capitals
 * ("CéNG" → "CỘNG", "§¶NG" → "ĐẢNG"); a shorter word ("X·", "Bé", "ý") when its neighbours on the
 * line are such capital words ("X· HéI" in "CéNG HOµ X· HéI" → "XÃ HỘI"; at a line's edge the one
 * neighbour must itself contain a converted capital). Otherwise the letter stays lower case
 * ("Sè 12-CV/TU" → "Số 12-CV/TU"). The TCVN 5712 "VN1" capitals in the C0/C1 control range are not read.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';
export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = ['tcvn3', 'vni'];

// --- tables derived from the hand-written data ---

/** TCVN3 code → Unicode letter (lower case, except the seven capitals with their own code). */
const TCVN3_DECODE = new Map<string, string>();
/** Unicode letter (all 134) → TCVN3 code; a toned capital maps to its lower-case code. */
const TCVN3_ENCODE = new Map<string, string>();
/** VNI sequence (1 or 2 code points, any case mix) → Unicode letter, case taken from the base. */
const VNI_DECODE = new Map<string, string>();
/** Unicode letter (all 134) → VNI sequence. */
const VNI_ENCODE = new Map<string, string>();

UNICODE_ROWS.forEach((row, r) => {
  [...row].forEach((uni, t) => {
    const tcvn = TCVN3_ROWS[r]![t]!;
    const ascii = /^[a-z]$/.test(tcvn);
    if (!ascii) {
      TCVN3_DECODE.set(tcvn, uni); // "ý" is its own code (0xFD): still a TCVN3 letter
    }
    TCVN3_ENCODE.set(uni, tcvn);
    const upper = uni.toUpperCase();
    if (!TCVN3_ENCODE.has(upper)) {
      TCVN3_ENCODE.set(upper, ascii ? upper : tcvn);
    }
    const vni = VNI_ROWS[r]![t]!;
    VNI_ENCODE.set(uni, vni);
    VNI_ENCODE.set(upper, vni.toUpperCase());
  });
});
for (const [uni, code] of Object.entries(TCVN3_EXTRA)) {
  TCVN3_DECODE.set(code, uni);
  TCVN3_ENCODE.set(uni, code);
}
for (const [uni, seq] of Object.entries(VNI_EXTRA)) {
  VNI_ENCODE.set(uni, seq);
  VNI_ENCODE.set(uni.toUpperCase(), seq.toUpperCase());
}
for (const [uni, seq] of VNI_ENCODE) {
  if (seq === uni) {
    continue;
  }
  const upperBase = seq[0] !== seq[0]!.toLowerCase();
  const variants =
    seq.length === 1
      ? [seq]
      : [seq, seq[0]! + seq[1]!.toLowerCase(), seq[0]! + seq[1]!.toUpperCase()].filter(
          (v, i, a) => a.indexOf(v) === i,
        );
  for (const v of variants) {
    VNI_DECODE.set(v, upperBase ? uni.toUpperCase() : uni);
  }
}

/** The 134 Vietnamese letters with diacritics or tones (67 lower case, 67 capitals), NFC. */
export const VIETNAMESE_LETTERS: readonly string[] = [
  ...new Set(
    [...UNICODE_ROWS.join(''), 'đ'].filter((c) => !/[a-z]/.test(c)).flatMap((c) => [c, c.toUpperCase()]),
  ),
];

/** Unicode → legacy (the reverse tables): for tests and for generating legacy fixtures. */
export function encodeLegacy(text: string, enc: LegacyEncoding): string {
  const table = enc === 'tcvn3' ? TCVN3_ENCODE : VNI_ENCODE;
  let out = '';
  for (const ch of text.normalize('NFC')) {
    out += table.get(ch) ?? ch;
  }
  return out;
}

// --- conversion ---

const TCVN3_CAPITAL_CODES = new Set(
  Object.entries(TCVN3_EXTRA)
    .filter(([u]) => u !== 'đ')
    .map(([, c]) => c),
);

type Kind = 'upper' | 'lower' | 'ambiguous' | 'other';
const kindOf = (legacy: string): Kind => {
  if (/[A-Z]/.test(legacy) || TCVN3_CAPITAL_CODES.has(legacy)) {
    return 'upper';
  }
  if (/[a-z]/.test(legacy)) {
    return 'lower';
  }
  return TCVN3_DECODE.has(legacy) ? 'ambiguous' : 'other';
};

interface Word {
  start: number;
  end: number;
  upper: number;
  lower: number;
  ambiguous: number;
}

const isCapsWord = (w: Word) => w.lower === 0 && w.upper >= 2;

/** One line of TCVN3: the byte-for-letter table, then the capitals restored (see the module comment). */
function convertTcvn3Line(line: string): string {
  const chars = [...line];
  const out = chars.map((c) => TCVN3_DECODE.get(c) ?? c);
  const words: Word[] = [];
  let current: Word | null = null;
  chars.forEach((c, i) => {
    const kind = kindOf(c);
    if (kind === 'other') {
      current = null;
      return;
    }
    if (!current) {
      current = { start: i, end: i, upper: 0, lower: 0, ambiguous: 0 };
      words.push(current);
    }
    current.end = i + 1;
    current[kind] += 1;
  });
  words.forEach((w, i) => {
    if (w.ambiguous === 0 || w.lower > 0) {
      return;
    }
    const prev = words[i - 1];
    const next = words[i + 1];
    const neighbours = [prev, next].filter((n): n is Word => n !== undefined);
    const caps =
      isCapsWord(w) ||
      (neighbours.length === 2 && neighbours.every(isCapsWord)) ||
      (neighbours.length === 1 && isCapsWord(neighbours[0]!) && neighbours[0]!.ambiguous > 0);
    if (caps) {
      for (let k = w.start; k < w.end; k += 1) {
        out[k] = out[k]!.toUpperCase();
      }
    }
  });
  return out.join('');
}

function convertVni(text: string): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i += 1) {
    const pair = i + 1 < chars.length ? VNI_DECODE.get(chars[i]! + chars[i + 1]!) : undefined;
    if (pair !== undefined) {
      out += pair;
      i += 1;
      continue;
    }
    out += VNI_DECODE.get(chars[i]!) ?? chars[i]!;
  }
  return out;
}

/** Converts the whole text from a legacy encoding to Unicode NFC (no detection: see `toUnicodeText`). */
export function convertLegacy(text: string, enc: LegacyEncoding): string {
  const nfc = text.normalize('NFC');
  const converted = enc === 'tcvn3' ? nfc.split('\n').map(convertTcvn3Line).join('\n') : convertVni(nfc);
  return converted.normalize('NFC');
}

// --- detection ---

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ONSETS = [
  'ngh',
  'ng',
  'gh',
  'gi',
  'kh',
  'nh',
  'ph',
  'th',
  'tr',
  'ch',
  'qu',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
];
const OPEN_RHYMES =
  'a ai ao au ay âu ây e eo ê êu i ia iu o oa oai oao oay oe oeo oi ô ôi ơ ơi u ua uây uê ui uôi uơ uy uya uyu ư ưa ưi ưu ươi ươu y yêu iêu';
const CLOSED_RHYMES: Record<string, string> = {
  a: 'c ch m n ng nh p t',
  ă: 'c m n ng p t',
  â: 'c m n ng p t',
  e: 'c m n ng p t',
  ê: 'ch m n nh p t',
  i: 'ch m n nh p t',
  o: 'c m n ng p t',
  oo: 'c ng',
  ô: 'c m n ng p t',
  ơ: 'm n p t',
  u: 'c m n ng p t',
  ư: 'c m n ng t',
  iê: 'c m n ng p t',
  yê: 'm n ng t',
  uô: 'c m n ng t',
  ươ: 'c m n ng p t',
  oa: 'c ch m n ng nh p t',
  oă: 'c m n ng t',
  oe: 'm n t',
  uâ: 'n ng t',
  uê: 'ch nh',
  uy: 'ch n nh p t',
  uyê: 'n t',
};
const RHYMES = new Set(OPEN_RHYMES.split(' '));
for (const [nucleus, codas] of Object.entries(CLOSED_RHYMES)) {
  for (const coda of codas.split(' ')) {
    RHYMES.add(nucleus + coda);
  }
}

/** Whether a word is one well-formed Vietnamese syllable (onset, rhyme, at most one tone that fits). */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS) ?? [];
  if (tones.length > 1) {
    return false;
  }
  const base = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  if (!/^[a-zđăâêôơư]+$/.test(base)) {
    return false;
  }
  if (/(c|ch|p|t)$/.test(base) && tones.length === 1 && tones[0] !== '\u0301' && tones[0] !== '\u0323') {
    return false;
  }
  return ONSETS.some((onset) => {
    if (!base.startsWith(onset)) {
      return false;
    }
    const rhyme = base.slice(onset.length);
    if (!RHYMES.has(rhyme)) {
      return false;
    }
    const front = /^[ieêy]/.test(rhyme);
    return ['gh', 'ngh', 'k'].includes(onset) ? front : ['c', 'ng'].includes(onset) ? !front : true;
  });
}

/** Letters only Unicode Vietnamese has (outside Latin-1): ă đ ĩ ũ ơ ư and the Latin Extended Additional ones. */
const UNICODE_VIETNAMESE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/;
const LATIN1_HIGH = /[\u00A1-\u00FF]/;
/** Punctuation, digits and spaces trimmed off a word's ends (ASCII non-letters, dashes, quotes, "…"). */
const EDGE = /^[\s!-@[-`{-~\u2013\u2014\u2018-\u201F\u2026]$/;

/**
 * A word without the edge characters at its two ends, found by index: a `[…]+$` regular expression
 * rescans a long run of such characters from every position in it (quadratic on "é!!!…!!!é").
 */
function trimWordEdges(chunk: string): string {
  let a = 0;
  let b = chunk.length;
  while (a < b && EDGE.test(chunk[a]!)) {
    a += 1;
  }
  while (b > a && EDGE.test(chunk[b - 1]!)) {
    b -= 1;
  }
  return chunk.slice(a, b);
}
const MAX_WORDS_READ = 5000;

/**
 * Which legacy encoding a text is in, or null (plain ASCII, English, Unicode Vietnamese, other Latin
 * text). Lines written with Vietnamese Unicode letters are Unicode and are not read (a document may mix
 * both: `convertLegacyLines` leaves those lines alone). Reads at most the first 5 000 words that carry a
 * non-ASCII letter.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const score: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  const against: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  let read = 0;
  for (const line of text.normalize('NFC').split('\n')) {
    if (UNICODE_VIETNAMESE.test(line) || !LATIN1_HIGH.test(line)) {
      continue;
    }
    for (const chunk of line.split(/\s+/)) {
      const word = trimWordEdges(chunk);
      if (!LATIN1_HIGH.test(word)) {
        continue;
      }
      const asIs = isVietnameseSyllable(word);
      for (const enc of LEGACY_ENCODINGS) {
        const converted = convertLegacy(word, enc);
        const valid = converted !== word && isVietnameseSyllable(converted);
        if (valid && !asIs && [...word].length >= 2) {
          score[enc] += 1;
        } else if ((asIs && !valid) || LATIN1_HIGH.test(converted)) {
          against[enc] += 1;
        }
      }
      read += 1;
      if (read >= MAX_WORDS_READ) {
        break;
      }
    }
    if (read >= MAX_WORDS_READ) {
      break;
    }
  }
  const best: LegacyEncoding = score.vni > score.tcvn3 ? 'vni' : 'tcvn3';
  const other: LegacyEncoding = best === 'vni' ? 'tcvn3' : 'vni';
  const s = score[best];
  return s >= 2 && s > score[other] && s >= 2 * against[best] ? best : null;
}

/**
 * A text known to be in `enc` (detected on a larger whole, e.g. the whole document of which this is a
 * page) as Unicode NFC; lines already written in Unicode Vietnamese are left as they are, for documents
 * that mix both. With `enc` null, only NFC.
 */
export function convertLegacyLines(text: string, enc: LegacyEncoding | null): string {
  const nfc = text.normalize('NFC');
  if (!enc) {
    return nfc;
  }
  return nfc
    .split('\n')
    .map((line) => (UNICODE_VIETNAMESE.test(line) ? line : convertLegacy(line, enc)))
    .join('\n');
}

/** The text as Unicode NFC: a legacy-encoded text detected and converted (see `convertLegacyLines`), NFD composed. */
export function toUnicodeText(text: string): { text: string; legacyEncoding: LegacyEncoding | null } {
  const nfc = text.normalize('NFC');
  const legacyEncoding = detectLegacyEncoding(nfc);
  return { text: convertLegacyLines(nfc, legacyEncoding), legacyEncoding };
}
