import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, fixedClock, type TestContext } from '../../../test/test-context.ts';
import { systemAuditContext } from '../../platform/audit/audit.ts';
import { addWorkingDays, isWorkingDay } from './calendar.workdays.ts';
import { addHoliday, ensureCalendarYears, loadWorkingCalendar, nextDayOff } from './calendar.usecases.ts';

describe('the working calendar other modules count deadlines with', () => {
  let t: TestContext;
  const by = { actor: null, audit: systemAuditContext('test') };
  beforeAll(async () => {
    t = await createTestContext({ clock: fixedClock('2026-01-05T01:00:00Z') });
  });
  afterAll(async () => t.cleanup());

  it('generating the statutory holidays for a new installation happens once per year, whoever asks again', async () => {
    expect(await ensureCalendarYears(t.ctx, [2026, 2027])).toEqual({ generated: [2026, 2027] });
    expect(await ensureCalendarYears(t.ctx, [2026, 2027, 2028])).toEqual({ generated: [2028] });
    const events = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'calendar.generated')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.entity_id, e.actor_name])).toEqual([
      ['2026', 'seed'],
      ['2027', 'seed'],
      ['2028', 'seed'],
    ]);
  });

  it('holidays, nghỉ bù and swapped days off are days off; a Saturday worked in exchange is a workday', async () => {
    await addHoliday(t.ctx, by, { date: '2026-01-02', name: 'Nghỉ hoán đổi', kind: 'swapped_day_off' });
    await addHoliday(t.ctx, by, {
      date: '2026-01-10',
      name: 'Làm bù cho ngày 02/01',
      kind: 'swapped_workday',
    });
    const cal = await loadWorkingCalendar(t.ctx.db, { from: '2026-01-01', to: '2026-12-31' });
    expect(cal.daysOff.has('2026-01-01')).toBe(true);
    expect(cal.daysOff.has('2026-01-02')).toBe(true);
    expect(cal.daysOff.has('2026-04-27')).toBe(true); // nghỉ bù for Giỗ Tổ on Sunday 26/4
    expect([...cal.extraWorkdays]).toEqual(['2026-01-10']);
    expect(isWorkingDay('2026-01-10', cal)).toBe(true);
    // Three working days after Wednesday 31/12/2025: 1/1 and 2/1 are off, so Mon 5, Tue 6, Wed 7.
    expect(addWorkingDays('2025-12-31', 3, cal)).toBe('2026-01-07');
  });

  it('only the days inside the requested range are loaded', async () => {
    const cal = await loadWorkingCalendar(t.ctx.db, { from: '2026-04-01', to: '2026-04-30' });
    expect([...cal.daysOff].sort()).toEqual(['2026-04-26', '2026-04-27', '2026-04-30']);
  });

  it('the next day off counts today, and a Saturday worked is not a day off', async () => {
    expect(await nextDayOff(t.ctx.db, '2026-01-02')).toEqual({ date: '2026-01-02', name: 'Nghỉ hoán đổi' });
    expect((await nextDayOff(t.ctx.db, '2026-01-03'))?.date).toBe('2026-02-16');
  });
});
