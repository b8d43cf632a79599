/**
 * Legacy Vietnamese 8-bit encodings, written by hand as data (issue 7 §4). The legacy side of each
 * entry is the text as it reaches us: the bytes decoded as Windows-1252 / Latin-1 code points, which is
 * what a CSV read as Latin-1, a DOCX run set in ".VnTime" or "VNI-Times", or a PDF text layer gives.
 *
 * Each row is one base letter with its five tones, in this order:
 *   plain, grave (huyền), acute (sắc), hook above (hỏi), tilde (ngã), dot below (nặng).
 * 12 vowels × 6 + đ = 67 lower-case letters; the 67 capitals make the 134.
 */

/** Unicode rows: the 12 vowels with their tones. Both tables below follow this order exactly. */
export const UNICODE_ROWS: readonly string[] = [
  'aàáảãạ',
  'ăằắẳẵặ',
  'âầấẩẫậ',
  'eèéẻẽẹ',
  'êềếểễệ',
  'iìíỉĩị',
  'oòóỏõọ',
  'ôồốổỗộ',
  'ơờớởỡợ',
  'uùúủũụ',
  'ưừứửữự',
  'yỳýỷỹỵ',
];

/**
 * TCVN3 (TCVN 5712:1993 "VN3", the ABC set of the ".VnTime" fonts): one byte per letter. Only the
 * lower-case toned letters have codes; of the capitals only Ă Â Ê Ô Ơ Ư Đ do (0xA1–0xA7). A capital
 * with a tone was typed with the caps-only companion font (".VnTimeH"), which draws the *lower-case*
 * codes as capitals — the bytes alone cannot tell "ộ" from "Ộ" (see `convertLegacy` for the rule we
 * apply). Note "ư" is 0xAD, the soft hyphen.
 */
export const TCVN3_ROWS: readonly (readonly string[])[] = [
  ['a', '\u00B5', '\u00B8', '\u00B6', '\u00B7', '\u00B9'], // a µ ¸ ¶ · ¹
  ['\u00A8', '\u00BB', '\u00BE', '\u00BC', '\u00BD', '\u00C6'], // ă ¨ » ¾ ¼ ½ Æ
  ['\u00A9', '\u00C7', '\u00CA', '\u00C8', '\u00C9', '\u00CB'], // â © Ç Ê È É Ë
  ['e', '\u00CC', '\u00D0', '\u00CE', '\u00CF', '\u00D1'], // e Ì Ð Î Ï Ñ
  ['\u00AA', '\u00D2', '\u00D5', '\u00D3', '\u00D4', '\u00D6'], // ê ª Ò Õ Ó Ô Ö
  ['i', '\u00D7', '\u00DD', '\u00D8', '\u00DC', '\u00DE'], // i × Ý Ø Ü Þ
  ['o', '\u00DF', '\u00E3', '\u00E1', '\u00E2', '\u00E4'], // o ß ã á â ä
  ['\u00AB', '\u00E5', '\u00E8', '\u00E6', '\u00E7', '\u00E9'], // ô « å è æ ç é
  ['\u00AC', '\u00EA', '\u00ED', '\u00EB', '\u00EC', '\u00EE'], // ơ ¬ ê í ë ì î
  ['u', '\u00EF', '\u00F3', '\u00F1', '\u00F2', '\u00F4'], // u ï ó ñ ò ô
  ['\u00AD', '\u00F5', '\u00F8', '\u00F6', '\u00F7', '\u00F9'], // ư (soft hyphen) õ ø ö ÷ ù
  ['y', '\u00FA', '\u00FD', '\u00FB', '\u00FC', '\u00FE'], // y ú ý û ü þ
];

/** TCVN3 letters outside the rows: đ and the seven capitals that have their own code. */
export const TCVN3_EXTRA: Readonly<Record<string, string>> = {
  đ: '\u00AE', // ®
  Ă: '\u00A1', // ¡
  Â: '\u00A2', // ¢
  Ê: '\u00A3', // £
  Ô: '\u00A4', // ¤
  Ơ: '\u00A5', // ¥
  Ư: '\u00A6', // ¦
  Đ: '\u00A7', // §
};

/**
 * VNI-Windows ("VNI-Times"): an ASCII base letter followed by one modifier byte, the modifier carrying
 * the tone, or the circumflex/breve and the tone together (ấ = a + á). ơ, ư, đ and the toned i's and
 * "ỵ" are single bytes. Lower case here; the capitals are the same strings upper-cased (A + Ù = Á,
 * Ô = Ơ, Ñ = Đ, Î = Ỵ …), which the converter derives.
 */
export const VNI_ROWS: readonly (readonly string[])[] = [
  ['a', 'a\u00F8', 'a\u00F9', 'a\u00FB', 'a\u00F5', 'a\u00EF'], // aø aù aû aõ aï
  ['a\u00EA', 'a\u00E8', 'a\u00E9', 'a\u00FA', 'a\u00FC', 'a\u00EB'], // aê aè aé aú aü aë
  ['a\u00E2', 'a\u00E0', 'a\u00E1', 'a\u00E5', 'a\u00E3', 'a\u00E4'], // aâ aà aá aå aã aä
  ['e', 'e\u00F8', 'e\u00F9', 'e\u00FB', 'e\u00F5', 'e\u00EF'], // eø eù eû eõ eï
  ['e\u00E2', 'e\u00E0', 'e\u00E1', 'e\u00E5', 'e\u00E3', 'e\u00E4'], // eâ eà eá eå eã eä
  ['i', '\u00EC', '\u00ED', '\u00E6', '\u00F3', '\u00F2'], // i ì í æ ó ò
  ['o', 'o\u00F8', 'o\u00F9', 'o\u00FB', 'o\u00F5', 'o\u00EF'], // oø où oû oõ oï
  ['o\u00E2', 'o\u00E0', 'o\u00E1', 'o\u00E5', 'o\u00E3', 'o\u00E4'], // oâ oà oá oå oã oä
  ['\u00F4', '\u00F4\u00F8', '\u00F4\u00F9', '\u00F4\u00FB', '\u00F4\u00F5', '\u00F4\u00EF'], // ô ôø ôù ôû ôõ ôï
  ['u', 'u\u00F8', 'u\u00F9', 'u\u00FB', 'u\u00F5', 'u\u00EF'], // uø uù uû uõ uï
  ['\u00F6', '\u00F6\u00F8', '\u00F6\u00F9', '\u00F6\u00FB', '\u00F6\u00F5', '\u00F6\u00EF'], // ö öø öù öû öõ öï
  ['y', 'y\u00F8', 'y\u00F9', 'y\u00FB', 'y\u00F5', '\u00EE'], // yø yù yû yõ î
];

/** VNI đ (ñ); its capital Đ is Ñ. */
export const VNI_EXTRA: Readonly<Record<string, string>> = { đ: '\u00F1' };
