import { describe, expect, it } from 'vitest';
import { entryId, firstIdOfDay } from './search.index.ts';
import { foldAligned, highlightSpans, queryForms, scoreFields, snippetOf } from './search.rank.ts';

const cut = (text: string, spans: [number, number][]) => spans.map(([s, n]) => text.slice(s, s + n));

describe('search ranking and snippets', () => {
  it('folds one unit at a time, so offsets in the folded text are offsets in the original', () => {
    const s = 'Đảng ỦY Tỉnh Hồng Lam';
    expect(foldAligned(s)).toBe('dang uy tinh hong lam');
    expect(foldAligned(s)).toHaveLength(s.length);
    expect(foldAligned('đảng viên'.normalize('NFD'))).toBe('dang vien');
  });

  it('highlights the whole phrase across punctuation, else each syllable as a whole word', () => {
    const text = 'Báo cáo về bão, đầm phá và công tác bảo đảm an toàn';
    expect(cut(text, highlightSpans(text, queryForms('bao dam')))).toEqual(['bão, đầm', 'bảo đảm']);
    expect(cut(text, highlightSpans(text, queryForms('an toàn phá')))).toEqual(['phá', 'an', 'toàn']);
    // "an" inside "toàn" or "bán" is not a word of its own
    expect(cut('bán hàng', highlightSpans('bán hàng', queryForms('an')))).toEqual([]);
  });

  it('scores the exact diacritics above the folded phrase, above scattered syllables, above text-only', () => {
    const q = queryForms('bảo đảm');
    const exact = scoreFields('Về việc bảo đảm an toàn', [], q);
    const folded = scoreFields('Bão đầm phá ven biển', [], q);
    const scattered = scoreFields('Đảm nhận bảo vệ', [], q);
    const none = scoreFields('Công văn gửi các cấp ủy', [], q);
    expect(exact).toBeGreaterThan(folded);
    expect(folded).toBeGreaterThan(scattered);
    expect(scattered).toBeGreaterThan(none);
    expect(none).toBe(0);
  });

  it('cuts a window around the first hit at word boundaries, with the spans moved into it', () => {
    const long = `${'Mở đầu văn bản dài '.repeat(20)}trọng tâm là kết nạp đảng viên mới${' và phần kết thúc'.repeat(20)}`;
    const s = snippetOf(long, queryForms('ket nap dang vien'))!;
    expect(s.snippet.startsWith('…')).toBe(true);
    expect(s.snippet.endsWith('…')).toBe(true);
    expect(s.snippet.length).toBeLessThanOrEqual(222);
    expect(cut(s.snippet, s.highlights)).toEqual(['kết nạp đảng viên']);
    expect(snippetOf('không liên quan', queryForms('dang vien'))).toBeNull();
  });

  it('orders entry ids by date across kinds, and bounds a year', () => {
    const a = entryId(2, 5, '2026-01-01');
    const b = entryId(1, 999_999, '2025-12-31');
    expect(a).toBeGreaterThan(b);
    expect(entryId(1, 7, '2026-01-01')).toBeGreaterThan(firstIdOfDay('2026-01-01'));
    expect(b).toBeLessThan(firstIdOfDay('2026-01-01'));
    expect(Number.isSafeInteger(entryId(15, 2 ** 28 - 1, '2399-12-31'))).toBe(true);
    expect(() => entryId(1, 2 ** 28, '2026-01-01')).toThrow();
  });
});
