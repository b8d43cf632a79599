import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, fixedClock, type TestContext } from '../../../test/test-context.ts';
import { systemAuditContext } from '../../platform/audit/audit.ts';
import { ensureCalendarYears } from '../calendar/calendar.usecases.ts';
import type { WorkingCalendar } from '../calendar/calendar.workdays.ts';
import { seedReference } from '../seed/seed.ts';
import { DEADLINE_RULES } from '../seed/seed.reference-data.ts';
import {
  defaultDeadline,
  dueFlags,
  dueSoonLimit,
  ensureDefaultDeadlineRules,
  listDeadlineRules,
  pickDeadlineRule,
  replaceDeadlineRules,
  type DeadlineRule,
} from './incoming.deadlines.ts';

// 2026: Giỗ Tổ on Sunday 26/4 with nghỉ bù Monday 27/4, then 30/4 (Thu) and 1/5 (Fri).
const calendar2026: WorkingCalendar = {
  daysOff: new Set(['2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01']),
  extraWorkdays: new Set(),
};

describe('choosing the deadline rule', () => {
  const rules: DeadlineRule[] = [
    { documentTypeId: null, urgency: null, workingDays: 7 },
    { documentTypeId: null, urgency: 'urgent', workingDays: 3 },
    { documentTypeId: 16, urgency: null, workingDays: 10 },
    { documentTypeId: 16, urgency: 'urgent', workingDays: 4 },
  ];
  const pick = (documentTypeId: number | null, urgency: 'normal' | 'urgent' | 'flash') =>
    pickDeadlineRule(rules, { documentTypeId, urgency })?.workingDays ?? null;

  it('takes type and urgency, then type, then urgency, then the default', () => {
    expect(pick(16, 'urgent')).toBe(4);
    expect(pick(16, 'normal')).toBe(10);
    expect(pick(16, 'flash')).toBe(10);
    expect(pick(5, 'urgent')).toBe(3);
    expect(pick(null, 'urgent')).toBe(3);
    expect(pick(5, 'normal')).toBe(7);
    expect(pick(null, 'flash')).toBe(7);
  });

  it('without a default rule a document may get no deadline', () => {
    expect(pickDeadlineRule(rules.slice(1), { documentTypeId: null, urgency: 'normal' })).toBeNull();
  });
});

describe('due-soon and overdue flags', () => {
  it('due soon covers today and the next two working days, skipping the holidays', () => {
    // Wednesday 29/4: Thursday and Friday are holidays, so Monday 4/5 and Tuesday 5/5 are the next two working days.
    expect(dueSoonLimit(calendar2026, '2026-04-29')).toBe('2026-05-05');
    expect(dueFlags(calendar2026, '2026-04-29', '2026-04-29', 'directed')).toEqual({ overdue: false, dueSoon: true });
    expect(dueFlags(calendar2026, '2026-04-29', '2026-05-05', 'in_progress')).toEqual({ overdue: false, dueSoon: true });
    expect(dueFlags(calendar2026, '2026-04-29', '2026-05-06', 'in_progress')).toEqual({ overdue: false, dueSoon: false });
  });

  it('overdue the day after the deadline, never for finished or recalled documents, never without a deadline', () => {
    expect(dueFlags(calendar2026, '2026-04-29', '2026-04-28', 'registered')).toEqual({ overdue: true, dueSoon: false });
    for (const status of ['done', 'filed', 'cancelled']) {
      expect(dueFlags(calendar2026, '2026-04-29', '2026-04-28', status)).toEqual({ overdue: false, dueSoon: false });
      expect(dueFlags(calendar2026, '2026-04-29', '2026-04-29', status)).toEqual({ overdue: false, dueSoon: false });
    }
    expect(dueFlags(calendar2026, '2026-04-29', null, 'directed')).toEqual({ overdue: false, dueSoon: false });
  });

  it('a deadline on a weekend just past the second working day still counts as due soon', () => {
    // Thursday 7/5: Friday 8/5 and Monday 11/5 are the next two working days; Saturday and Sunday lie between.
    expect(dueSoonLimit(calendar2026, '2026-05-07')).toBe('2026-05-11');
    expect(dueFlags(calendar2026, '2026-05-07', '2026-05-10', 'directed').dueSoon).toBe(true);
  });
});

describe('default deadlines on the working calendar', () => {
  const clock = fixedClock('2026-04-24T02:00:00.000Z');
  let t: TestContext;
  const by = { actor: null, audit: systemAuditContext('test') };
  beforeAll(async () => {
    t = await createTestContext({ clock });
    await seedReference(t.ctx);
    await ensureCalendarYears(t.ctx, [2026]);
  });
  afterAll(async () => t.cleanup());

  const deadline = (arrivalDate: string, urgency: 'normal' | 'urgent' | 'very_urgent' | 'flash' | 'flash_timed', documentTypeId: number | null = null) =>
    defaultDeadline(t.ctx.db, { arrivalDate, documentTypeId, urgency });

  it('a fresh installation starts with the reference rules, once', async () => {
    expect(await listDeadlineRules(t.ctx.db)).toEqual(expect.arrayContaining(DEADLINE_RULES));
    expect(await ensureDefaultDeadlineRules(t.ctx, DEADLINE_RULES)).toEqual({ seeded: false });
    const seeded = await t.ctx.db.selectFrom('audit_events').select('id').where('action', '=', 'incoming.deadline_rules.seeded').execute();
    expect(seeded).toHaveLength(1);
  });

  it('counts working days from arrival across Giỗ Tổ, 30/4 and 1/5', async () => {
    // Friday 24/4: 25–27 and 30/4–3/5 are not working days.
    expect(await deadline('2026-04-24', 'normal')).toBe('2026-05-08');
    expect(await deadline('2026-04-24', 'urgent')).toBe('2026-05-04');
    expect(await deadline('2026-04-24', 'very_urgent')).toBe('2026-04-29');
    expect(await deadline('2026-04-24', 'flash')).toBe('2026-04-28');
    expect(await deadline('2026-04-24', 'flash_timed')).toBe('2026-04-24');
  });

  it('Hỏa tốc hẹn giờ arriving on a day off is due the next working day', async () => {
    expect(await deadline('2026-04-26', 'flash_timed')).toBe('2026-04-28');
  });

  it('one working day before Tết lands after the five days of Tết', async () => {
    expect(await deadline('2026-02-13', 'flash')).toBe('2026-02-23');
  });

  it('a rule for the type wins over the urgency rule; with no rule at all there is no default', async () => {
    await replaceDeadlineRules(t.ctx, by, [
      ...DEADLINE_RULES,
      { documentTypeId: 16, urgency: null, workingDays: 10 },
      { documentTypeId: 16, urgency: 'urgent', workingDays: 4 },
    ]);
    expect(await deadline('2026-04-24', 'urgent', 16)).toBe('2026-05-05');
    expect(await deadline('2026-04-24', 'flash', 16)).toBe('2026-05-13');
    expect(await deadline('2026-04-24', 'urgent', 5)).toBe('2026-05-04');
    await replaceDeadlineRules(t.ctx, by, []);
    expect(await deadline('2026-04-24', 'normal')).toBeNull();
  });

  it('rules an administrator removed are not brought back at the next start', async () => {
    expect(await ensureDefaultDeadlineRules(t.ctx, DEADLINE_RULES)).toEqual({ seeded: false });
    expect(await listDeadlineRules(t.ctx.db)).toEqual([]);
  });
});
