import { describe, expect, it } from 'vitest';
import { contains, defaultTitle, isSlipped, mayChangeStatus, monthInside, periodDates, periodIndex, periodLabel, progressOf, termEnd } from './programmes.models.ts';

describe('programme periods', () => {
  it('computes the dates of a year, half, quarter and month (leap February included)', () => {
    expect(periodDates('year', 2026, 0)).toEqual({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect(periodDates('half', 2026, 1)).toEqual({ startsOn: '2026-01-01', endsOn: '2026-06-30' });
    expect(periodDates('half', 2026, 2)).toEqual({ startsOn: '2026-07-01', endsOn: '2026-12-31' });
    expect(periodDates('quarter', 2026, 4)).toEqual({ startsOn: '2026-10-01', endsOn: '2026-12-31' });
    expect(periodDates('month', 2028, 2)).toEqual({ startsOn: '2028-02-01', endsOn: '2028-02-29' });
    expect(periodDates('month', 2027, 2)).toEqual({ startsOn: '2027-02-01', endsOn: '2027-02-28' });
  });

  it('checks the index of each period', () => {
    expect(periodIndex('year', null)).toBe(0);
    expect(periodIndex('term', null)).toBe(0);
    expect(periodIndex('year', 1)).toMatch(/no index/);
    expect(periodIndex('quarter', 4)).toBe(4);
    expect(periodIndex('quarter', 5)).toMatch(/1 to 4/);
    expect(periodIndex('half', null)).toMatch(/1 to 2/);
    expect(periodIndex('month', 12)).toBe(12);
  });

  it('ends an open term five years after it began, the day before', () => {
    expect(termEnd('2025-10-17', null)).toBe('2030-10-16');
    expect(termEnd('2020-10-15', '2025-10-16')).toBe('2025-10-16');
    expect(termEnd('2024-03-01', null)).toBe('2029-02-28');
  });

  it('names the period and the programme', () => {
    expect(periodLabel('quarter', 2026, 3)).toBe('quý III/2026');
    expect(periodLabel('half', 2026, 1)).toBe('6 tháng đầu năm 2026');
    expect(periodLabel('term', 2025, 0, 'Nhiệm kỳ 2025–2030')).toBe('nhiệm kỳ 2025–2030');
    expect(defaultTitle('thuong_truc', periodLabel('month', 2026, 11), 'Tỉnh ủy Hồng Lam')).toBe('Chương trình công tác tháng 11/2026 của Thường trực Tỉnh ủy Hồng Lam');
  });

  it('knows what lies inside and what contains what', () => {
    const term = { period: 'term' as const, startsOn: '2025-10-17', endsOn: '2030-10-16' };
    const year = { period: 'year' as const, ...periodDates('year', 2026, 0) };
    const nov = { period: 'month' as const, ...periodDates('month', 2026, 11) };
    const q4 = { period: 'quarter' as const, ...periodDates('quarter', 2026, 4) };
    expect(monthInside('2025-10', term)).toBe(true);
    expect(monthInside('2025-09', term)).toBe(false);
    expect(monthInside('2030-10', term)).toBe(true);
    expect(contains(term, year)).toBe(true);
    expect(contains(year, nov)).toBe(true);
    expect(contains(q4, nov)).toBe(true);
    expect(contains(nov, q4)).toBe(false);
    expect(contains(year, year)).toBe(false);
    expect(contains({ period: 'year', ...periodDates('year', 2027, 0) }, nov)).toBe(false);
  });
});

describe('progress, slipped and status changes', () => {
  it('counts presented over the items not dropped', () => {
    expect(progressOf([])).toBe(0);
    expect(progressOf(['dropped'])).toBe(0);
    expect(progressOf(['presented', 'planned', 'dropped'])).toBe(50);
    expect(progressOf(['presented', 'planned', 'postponed'])).toBe(33);
  });

  it('slips past the planned day, or without one past the planned month, while planned or prepared', () => {
    const today = '2026-11-25';
    expect(isSlipped({ status: 'planned', plannedMonth: '2026-10', plannedOn: null }, today)).toBe(true);
    expect(isSlipped({ status: 'prepared', plannedMonth: '2026-11', plannedOn: null }, today)).toBe(false);
    expect(isSlipped({ status: 'planned', plannedMonth: '2026-11', plannedOn: '2026-11-24' }, today)).toBe(true);
    expect(isSlipped({ status: 'planned', plannedMonth: '2026-11', plannedOn: '2026-11-25' }, today)).toBe(false);
    expect(isSlipped({ status: 'presented', plannedMonth: '2026-01', plannedOn: null }, today)).toBe(false);
    expect(isSlipped({ status: 'postponed', plannedMonth: '2026-01', plannedOn: null }, today)).toBe(false);
    expect(isSlipped({ status: 'planned', plannedMonth: null, plannedOn: null }, today)).toBe(false);
  });

  it('allows the status changes of the rules', () => {
    expect(mayChangeStatus('planned', 'postponed')).toBe(true);
    expect(mayChangeStatus('prepared', 'presented')).toBe(true);
    expect(mayChangeStatus('presented', 'planned')).toBe(true);
    expect(mayChangeStatus('presented', 'dropped')).toBe(false);
    expect(mayChangeStatus('postponed', 'presented')).toBe(false);
    expect(mayChangeStatus('dropped', 'planned')).toBe(true);
    expect(mayChangeStatus('planned', 'planned')).toBe(false);
  });
});
