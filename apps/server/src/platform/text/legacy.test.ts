import { describe, expect, it } from 'vitest';
import {
  convertLegacy,
  detectLegacyEncoding,
  encodeLegacy,
  isVietnameseSyllable,
  toUnicodeText,
  VIETNAMESE_LETTERS,
} from './legacy.ts';

const MOTTO = 'Cộng hòa xã hội chủ nghĩa Việt Nam – Độc lập – Tự do – Hạnh phúc';
const LETTER =
  'Đảng bộ tỉnh Hồng Lam\nTỉnh ủy\nSố 12-CV/TU\nV/v tăng cường công tác quản lý đảng viên\n' +
  'Kính gửi: các huyện ủy, thành ủy trực thuộc. Đề nghị các đồng chí nghiên cứu, thực hiện.';

describe('the tables', () => {
  it('hold the 134 Vietnamese letters', () => {
    expect(VIETNAMESE_LETTERS).toHaveLength(134);
    expect(VIETNAMESE_LETTERS.every((c) => c.normalize('NFC') === c && c.length === 1)).toBe(true);
  });

  it('round-trip every VNI letter, both cases, alone and inside a word', () => {
    for (const letter of VIETNAMESE_LETTERS) {
      const legacy = encodeLegacy(letter, 'vni');
      expect(
        [...legacy].every((c) => c.charCodeAt(0) <= 0xff),
        letter,
      ).toBe(true);
      expect(convertLegacy(legacy, 'vni'), letter).toBe(letter);
      expect(convertLegacy(encodeLegacy(`th${letter}n`, 'vni'), 'vni')).toBe(`th${letter}n`);
    }
  });

  it('round-trip every TCVN3 lower-case letter and the seven capitals with a code of their own', () => {
    const lower = VIETNAMESE_LETTERS.filter((c) => c === c.toLowerCase());
    expect(lower).toHaveLength(67);
    const codes = new Set<string>();
    for (const letter of [...lower, 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']) {
      const legacy = encodeLegacy(letter, 'tcvn3');
      expect([...legacy], letter).toHaveLength(1);
      expect(legacy.charCodeAt(0), letter).toBeGreaterThanOrEqual(0xa1);
      expect(legacy.charCodeAt(0), letter).toBeLessThanOrEqual(0xfe);
      codes.add(legacy);
      expect(convertLegacy(legacy, 'tcvn3'), letter).toBe(letter);
    }
    expect(codes.size).toBe(74); // one byte per letter, no two letters share one
  });

  it('round-trip every TCVN3 toned capital through the caps-only font rule (the code is the lower-case one)', () => {
    const capitals = VIETNAMESE_LETTERS.filter((c) => c !== c.toLowerCase());
    for (const letter of capitals) {
      // ".VnTimeH": the lower-case code drawn as a capital, inside a word of capitals.
      expect(convertLegacy(encodeLegacy(`NG${letter}N`, 'tcvn3'), 'tcvn3'), letter).toBe(`NG${letter}N`);
      // Alone, the bytes cannot say it is a capital: it reads as the lower-case letter.
      const alone = convertLegacy(encodeLegacy(letter, 'tcvn3'), 'tcvn3');
      expect(alone.toUpperCase(), letter).toBe(letter);
    }
  });
});

describe('convertLegacy', () => {
  it('reads a TCVN3 (.VnTime) sample', () => {
    expect(
      convertLegacy(
        'Céng hoµ x· héi chñ nghÜa ViÖt Nam \u2013 §éc lËp \u2013 Tù do \u2013 H¹nh phóc',
        'tcvn3',
      ),
    ).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam – Độc lập – Tự do – Hạnh phúc');
    expect(convertLegacy('Sè 12-CV/TU\nV/v t\u00A8ng c\u00ADêng c«ng t¸c ®¶ng viªn', 'tcvn3')).toBe(
      'Số 12-CV/TU\nV/v tăng cường công tác đảng viên',
    );
  });

  it('restores the capitals of a TCVN3 title set in the caps-only font', () => {
    expect(convertLegacy('§¶NG CéNG S¶N VIÖT NAM', 'tcvn3')).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(convertLegacy('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM', 'tcvn3')).toBe(
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    );
    expect(convertLegacy('§¶NG Bé TØNH HåNG LAM', 'tcvn3')).toBe('ĐẢNG BỘ TỈNH HỒNG LAM');
    expect(convertLegacy('ý KIÕN', 'tcvn3')).toBe('Ý KIẾN');
    // …but not in a sentence-case line, nor next to a notation.
    expect(convertLegacy('Hµ Néi, ngµy 5 th¸ng 3 n\u00A8m 2024', 'tcvn3')).toBe(
      'Hà Nội, ngày 5 tháng 3 năm 2024',
    );
    expect(convertLegacy('Tõ TØnh ñy', 'tcvn3')).toBe('Từ Tỉnh ủy');
  });

  it('reads a VNI-Windows sample', () => {
    expect(
      convertLegacy(
        'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam \u2013 Ñoäc laäp \u2013 Töï do \u2013 Haïnh phuùc',
        'vni',
      ),
    ).toBe(MOTTO);
    expect(convertLegacy('ÑAÛNG COÄNG SAÛN VIEÄT NAM', 'vni')).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(convertLegacy('ngöôøi ñöôïc nhaän', 'vni')).toBe('người được nhận');
  });

  it('returns NFC', () => {
    const out = convertLegacy('Coäng hoøa', 'vni');
    expect(out).toBe(out.normalize('NFC'));
    expect(out.normalize('NFD')).not.toBe(out);
  });
});

describe('detectLegacyEncoding and toUnicodeText', () => {
  it('detect and convert a TCVN3 letter', () => {
    const legacy = encodeLegacy(LETTER, 'tcvn3');
    expect(detectLegacyEncoding(legacy)).toBe('tcvn3');
    expect(toUnicodeText(legacy)).toEqual({ text: LETTER, legacyEncoding: 'tcvn3' });
  });

  it('detect and convert a VNI letter', () => {
    const legacy = encodeLegacy(`${MOTTO}\n${LETTER}`, 'vni');
    expect(legacy).toContain('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam');
    expect(detectLegacyEncoding(legacy)).toBe('vni');
    expect(toUnicodeText(legacy)).toEqual({ text: `${MOTTO}\n${LETTER}`, legacyEncoding: 'vni' });
  });

  it('detect a short legacy cell (a CSV field)', () => {
    expect(detectLegacyEncoding('Hµ Néi')).toBe('tcvn3');
    expect(detectLegacyEncoding('Haø Noäi')).toBe('vni');
  });

  it('compose NFD Unicode into NFC and leave it unconverted', () => {
    const nfd = LETTER.normalize('NFD');
    expect(nfd).not.toBe(LETTER);
    expect(toUnicodeText(nfd)).toEqual({ text: LETTER, legacyEncoding: null });
  });

  it('never fire on Unicode Vietnamese, even written with Latin-1 letters only', () => {
    for (const text of [
      MOTTO,
      LETTER,
      'Tôi là ai? Cá ở đâu?',
      'Tôi là ai',
      'Ông Tú về thôn',
      'Báo cáo kết quả thực hiện Nghị quyết số 30-NQ/TU',
    ]) {
      expect(detectLegacyEncoding(text), text).toBeNull();
      expect(toUnicodeText(text), text).toEqual({ text, legacyEncoding: null });
    }
  });

  it('never fire on English or other Latin-1 text', () => {
    for (const text of [
      'The quick brown fox jumps over the lazy dog.',
      'Résumé of the café meeting: naïve façade, déjà vu, où est la crème brûlée?',
      'Größe × Breite = 5 × 3 cm; © 2024 § 4 — «quoted» · item',
      'El señor Muñoz llegó a la reunión del año pasado.',
      '',
      '12-CV/TU 30/2020/NĐ-CP',
    ]) {
      expect(detectLegacyEncoding(text), text).toBeNull();
      expect(toUnicodeText(text).text, text).toBe(text.normalize('NFC'));
    }
  });

  it('leave Unicode lines of a mixed document as they are', () => {
    const mixed = `${encodeLegacy(LETTER, 'tcvn3')}\nGhi chú: Lưu hồ sơ.`;
    expect(toUnicodeText(mixed)).toEqual({ text: `${LETTER}\nGhi chú: Lưu hồ sơ.`, legacyEncoding: 'tcvn3' });
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts syllables and rejects other words', () => {
    for (const w of ['người', 'nghiêng', 'quyết', 'giữa', 'Việt', 'khuya', 'xoong', 'gì', 'oanh']) {
      expect(isVietnameseSyllable(w), w).toBe(true);
    }
    for (const w of ['héi', 'hoµ', 'café', 'Coäng', 'việtt', 'vìêt', 'ngé', 'kan', 'hòat', 'and']) {
      expect(isVietnameseSyllable(w), w).toBe(false);
    }
  });
});

describe('untrusted text (linear time: a quadratic scan of these 200 000 characters takes minutes)', () => {
  const RUN = 200_000;

  it('trims punctuation off the ends of a word as long as the whole text', () => {
    expect(detectLegacyEncoding(`é${'!'.repeat(RUN)}é`)).toBeNull();
    expect(detectLegacyEncoding(`é${'-'.repeat(RUN)}`)).toBeNull();
    // The words inside the punctuation are still read and converted.
    const legacy = encodeLegacy(MOTTO, 'tcvn3');
    const text = `${'!'.repeat(RUN)}${legacy}${'…'.repeat(RUN)}`;
    const out = toUnicodeText(text);
    expect(out.legacyEncoding).toBe('tcvn3');
    expect(out.text).toBe(`${'!'.repeat(RUN)}${MOTTO}${'…'.repeat(RUN)}`);
  }, 10_000);

  it('reads a line of one enormous legacy word', () => {
    const word = encodeLegacy('hội', 'tcvn3').repeat(RUN / 3);
    expect(convertLegacy(word, 'tcvn3')).toBe('hội'.repeat(RUN / 3));
    expect(detectLegacyEncoding(word)).toBeNull();
  }, 10_000);
});
