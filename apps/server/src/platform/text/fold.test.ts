import { describe, expect, it } from 'vitest';
import { foldVietnamese, vietnameseCollator } from './fold.ts';

describe('foldVietnamese', () => {
  it('makes "đảng viên" and "dang vien" the same key', () => {
    expect(foldVietnamese('Đảng viên')).toBe('dang vien');
    expect(foldVietnamese('dang vien')).toBe('dang vien');
  });
  it('folds decomposed (NFD) input the same as composed input', () => {
    expect(foldVietnamese('Nguyễn Thị Hương'.normalize('NFD'))).toBe(foldVietnamese('Nguyễn Thị Hương'));
    expect(foldVietnamese('Nguyễn Thị Hương')).toBe('nguyen thi huong');
  });
  it('collapses runs of white space', () => {
    expect(foldVietnamese('  Tỉnh   ủy  ')).toBe('tinh uy');
  });
});

describe('vietnameseCollator', () => {
  it('puts Đ after D and before E, as the Vietnamese alphabet does', () => {
    const sorted = ['Tờ trình', 'Đề án', 'Điều lệ Đảng', 'Dự án', 'Báo cáo', 'Ê-kíp'].sort(vietnameseCollator.compare);
    expect(sorted).toEqual(['Báo cáo', 'Dự án', 'Đề án', 'Điều lệ Đảng', 'Ê-kíp', 'Tờ trình']);
  });
});
