import { describe, expect, it } from 'vitest';
import { matchesQuery, rankOrganizations, relevance } from './organizations.models.ts';

const org = (id: number, name: string, code = '', active = true) => ({ id, name, code, active });

describe('issuer matching', () => {
  it('every query word must begin a word of the name or of the code', () => {
    const ubkt = org(1, 'Ủy ban Kiểm tra Trung ương', 'UBKTTW');
    expect(matchesQuery(ubkt, ['uy', 'kiem'])).toBe(true);
    expect(matchesQuery(ubkt, ['ubkt'])).toBe(true);
    expect(matchesQuery(ubkt, ['ban', 'tw'])).toBe(false);
    expect(matchesQuery(ubkt, ['iem'])).toBe(false);
    expect(matchesQuery(ubkt, [])).toBe(true);
  });

  it('đ matches d in names and codes', () => {
    expect(matchesQuery(org(1, 'Hội đồng nhân dân tỉnh', 'HĐND'), ['hdnd'])).toBe(true);
    expect(matchesQuery(org(2, 'Đảng ủy xã Tân Phú'), ['dang', 'uy'])).toBe(true);
  });

  it('exact beats prefix beats a match further in', () => {
    expect(relevance(org(1, 'Bộ Nội vụ', 'BNV'), 'bo noi vu')).toBe(0);
    expect(relevance(org(1, 'Bộ Nội vụ', 'BNV'), 'bnv')).toBe(0);
    expect(relevance(org(1, 'Bộ Nội vụ', 'BNV'), 'bo noi')).toBe(1);
    expect(relevance(org(2, 'Sở Nội vụ tỉnh Hồng Lam', 'SNV'), 'noi vu')).toBe(2);
  });

  it('ranks by relevance, then active first, then Vietnamese alphabetical order', () => {
    const rows = [
      org(1, 'Sở Nội vụ tỉnh Hồng Lam'),
      org(2, 'Đảng ủy xã Tân Phú'),
      org(3, 'Ban Nội chính Trung ương'),
      org(4, 'Nội vụ cũ', '', false),
      org(5, 'Dân vận'),
      org(6, 'Nội vụ'),
    ];
    expect(rankOrganizations(rows, 'noi').map((r) => r.id)).toEqual([6, 4, 3, 1]);
    expect(rankOrganizations(rows, undefined).map((r) => r.name)).toEqual([
      'Ban Nội chính Trung ương',
      'Dân vận',
      'Đảng ủy xã Tân Phú',
      'Nội vụ',
      'Sở Nội vụ tỉnh Hồng Lam',
      'Nội vụ cũ',
    ]);
  });
});
