import { describe, expect, it } from 'vitest';
import { checkDateLineText, dateLine, monthText } from './layout.dates.ts';

describe('the date line (36-HD/VPTW, ND30)', () => {
  it('pads days 1–9 and January, February with a zero, and leaves March to December alone', () => {
    expect(dateLine('Hà Nội', '2018-04-03', 2018)).toBe('Hà Nội, ngày 03 tháng 4 năm 2018');
    expect(dateLine('Hà Nội', '2018-02-20', 2018)).toBe('Hà Nội, ngày 20 tháng 02 năm 2018');
    expect(dateLine('Hồng Lam', '2026-01-01', 2026)).toBe('Hồng Lam, ngày 01 tháng 01 năm 2026');
    expect(dateLine('Hồng Lam', '2026-12-31', 2026)).toBe('Hồng Lam, ngày 31 tháng 12 năm 2026');
    expect(dateLine('Hồng Lam', '2026-10-09', 2026)).toBe('Hồng Lam, ngày 09 tháng 10 năm 2026');
    expect([1, 2, 3, 9, 10, 12].map(monthText)).toEqual(['01', '02', '3', '9', '10', '12']);
  });

  it('leaves the day and the month blank in a draft, with the year', () => {
    const line = dateLine('Hồng Lam', null, 2026);
    expect(line).toMatch(/^Hồng Lam, ngày {3,}tháng {3,}năm 2026$/u);
    expect(checkDateLineText(line)).toBeNull();
  });

  it('refuses to print a date that is not on the calendar', () => {
    expect(() => dateLine('Hồng Lam', '2026-02-30', 2026)).toThrow();
  });

  it('accepts a correctly padded line and every line the generator prints for a whole year', () => {
    expect(checkDateLineText('Hà Nội, ngày 03 tháng 4 năm 2018')).toBeNull();
    const start = Date.UTC(2024, 0, 1);
    for (let d = 0; d < 366; d += 1) {
      const iso = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
      expect(checkDateLineText(dateLine('Hồng Lam', iso, 2024))).toBeNull();
    }
  });

  it('names what is wrong in a badly padded line', () => {
    expect(checkDateLineText('Hà Nội, ngày 3 tháng 4 năm 2018')).toContain('ngày 03');
    expect(checkDateLineText('Hà Nội, ngày 20 tháng 2 năm 2018')).toContain('tháng 02');
    expect(checkDateLineText('Hà Nội, ngày 03 tháng 04 năm 2018')).toContain('tháng 4');
    expect(checkDateLineText('Hà Nội, ngày 30 tháng 02 năm 2018')).toContain('không có trên lịch');
    expect(checkDateLineText('Hà Nội, 03/4/2018')).toContain('không đúng mẫu');
    expect(checkDateLineText('ngày 03 tháng 4 năm 2018')).not.toBeNull();
  });

  it('reads decomposed Unicode as its NFC form', () => {
    expect(checkDateLineText('Hồng Lam, ngày 05 tháng 02 năm 2026'.normalize('NFD'))).toBeNull();
  });
});
