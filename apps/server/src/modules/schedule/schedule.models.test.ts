import { describe, expect, it } from 'vitest';
import { instantsOfDays, isoWeekOfDate, isoWeekOfInstant, monthRange, overlaps, timeRange, vnDay, weekRange, weeksOfDays } from './schedule.models.ts';
import { weekCells } from './schedule.pdf.ts';

/** Pure rules of the weekly schedule: ISO weeks in Vietnam time, ranges, overlaps, the printed cells. */
describe('schedule models', () => {
  it('numbers ISO weeks, including the years with 53 weeks and the turn of the year', () => {
    expect(isoWeekOfDate('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOfDate('2026-11-29')).toBe('2026-W48');
    expect(isoWeekOfDate('2026-11-30')).toBe('2026-W49');
    expect(isoWeekOfDate('2026-12-31')).toBe('2026-W53');
    expect(isoWeekOfDate('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOfDate('2027-01-04')).toBe('2027-W01');
    expect(isoWeekOfDate('2025-12-29')).toBe('2026-W01');
    expect(weekRange('2026-W48')).toEqual({ startsOn: '2026-11-23', endsOn: '2026-11-29' });
    expect(weekRange('2026-W01')).toEqual({ startsOn: '2025-12-29', endsOn: '2026-01-04' });
    expect(weekRange('2026-W53')).toEqual({ startsOn: '2026-12-28', endsOn: '2027-01-03' });
    expect(weekRange('2025-W53')).toBeNull();
  });

  it('takes the week of an instant in Vietnam time (UTC+7), not UTC', () => {
    // Sunday 29/11 23:30 UTC is Monday 30/11 06:30 in Hà Nội: the next week.
    expect(isoWeekOfInstant('2026-11-29T23:30:00Z')).toBe('2026-W49');
    expect(isoWeekOfInstant('2026-11-29T16:59:59Z')).toBe('2026-W48');
    expect(isoWeekOfInstant('2026-11-29T17:00:00Z')).toBe('2026-W49');
    expect(instantsOfDays('2026-11-23', '2026-11-29')).toEqual({ from: '2026-11-22T17:00:00.000Z', to: '2026-11-29T17:00:00.000Z' });
    expect(vnDay('2026-11-22T17:00:00Z')).toEqual({ weekday: 'Thứ Hai', date: '23/11/2026', ymd: '2026-11-23' });
    expect(timeRange('2026-11-23T01:00:00Z', '2026-11-23T04:30:00Z')).toBe('08:00 – 11:30');
    expect(timeRange('2026-11-23T13:00:00Z', '2026-11-24T03:00:00Z')).toBe('20:00 – 10:00 (24/11/2026)');
  });

  it('months and the weeks touching them', () => {
    expect(monthRange('2026-02')).toEqual({ startsOn: '2026-02-01', endsOn: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ startsOn: '2028-02-01', endsOn: '2028-02-29' });
    expect(weeksOfDays('2026-11-01', '2026-11-30')).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49']);
  });

  it('overlaps are half-open: touching ends do not overlap', () => {
    const a = { startsAt: '2026-11-23T01:00:00.000Z', endsAt: '2026-11-23T04:00:00.000Z' };
    expect(overlaps(a, { startsAt: '2026-11-23T03:59:00.000Z', endsAt: '2026-11-23T05:00:00.000Z' })).toBe(true);
    expect(overlaps(a, { startsAt: '2026-11-23T04:00:00.000Z', endsAt: '2026-11-23T05:00:00.000Z' })).toBe(false);
    expect(overlaps(a, { startsAt: '2026-11-23T00:00:00.000Z', endsAt: '2026-11-23T06:00:00.000Z' })).toBe(true);
  });

  it('prints the day once per day, the marks of changes, leaders with their positions, rooms and cars', () => {
    const base = {
      committeeId: 1,
      week: '2026-W48',
      place: 'Tỉnh ủy',
      preparingBody: { key: 'c1-a1', committeeId: 1, agencyId: 1, name: 'Văn phòng Tỉnh ủy' },
      participants: 'Ủy viên BTV',
      notes: '',
      meetingId: null,
      cancelled: false,
      changedAfterPublish: false,
      version: 1,
      conflicts: [],
    };
    const cells = weekCells([
      { ...base, id: 1, startsAt: '2026-11-23T01:00:00.000Z', endsAt: '2026-11-23T04:00:00.000Z', content: 'Họp BTV', leaders: [{ id: 4, name: 'Phạm Quang Vinh', position: 'Bí thư Tỉnh ủy' }], resources: [{ id: 1, kind: 'room', name: 'Phòng họp số 1' }] },
      { ...base, id: 2, startsAt: '2026-11-23T07:00:00.000Z', endsAt: '2026-11-23T09:00:00.000Z', content: 'Tiếp dân', leaders: [], resources: [{ id: 3, kind: 'car', name: 'Xe 37A' }], changedAfterPublish: true },
      { ...base, id: 3, startsAt: '2026-11-24T01:00:00.000Z', endsAt: '2026-11-24T02:00:00.000Z', content: 'Đi cơ sở', leaders: [], resources: [], cancelled: true, changedAfterPublish: true, preparingBody: null },
    ]);
    expect(cells[0]).toEqual(['Thứ Hai 23/11/2026', '08:00 – 11:00', 'Họp BTV', 'Đ/c Phạm Quang Vinh (Bí thư Tỉnh ủy)', 'Tỉnh ủy, Phòng họp số 1', 'Văn phòng Tỉnh ủy', 'Ủy viên BTV']);
    expect(cells[1]).toEqual(['', '14:00 – 16:00', '[Điều chỉnh] Tiếp dân', '', 'Tỉnh ủy', 'Văn phòng Tỉnh ủy', 'Ủy viên BTV\nXe: Xe 37A']);
    expect(cells[2]!.slice(0, 3)).toEqual(['Thứ Ba 24/11/2026', '08:00 – 09:00', '[Hoãn] Đi cơ sở']);
    expect(cells[2]![5]).toBe('');
  });
});
