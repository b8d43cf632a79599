import { describe, expect, it } from 'vitest';
import {
  createsCycle,
  findTermConflict,
  isCurrentTerm,
  levelFitsUnder,
  mergeTermPatch,
  resolveTermDates,
  termStartDate,
  todayInVietnam,
  type TermFields,
} from './org.models.ts';

const fields = (f: Partial<TermFields>): TermFields => ({
  ordinal: 1,
  label: '',
  congressClosedOn: null,
  firstPlenumDuringCongressOn: null,
  startsOn: null,
  endsOn: null,
  ...f,
});

describe('when a term starts (36-HD/VPTW, spec §2)', () => {
  it('starts the day after the congress closes, across month and year ends', () => {
    expect(termStartDate({ congressClosedOn: '2025-10-16', firstPlenumDuringCongressOn: null })).toBe(
      '2025-10-17',
    );
    expect(termStartDate({ congressClosedOn: '2020-10-31', firstPlenumDuringCongressOn: null })).toBe(
      '2020-11-01',
    );
    expect(termStartDate({ congressClosedOn: '2024-12-31', firstPlenumDuringCongressOn: null })).toBe(
      '2025-01-01',
    );
    expect(termStartDate({ congressClosedOn: '2024-02-28', firstPlenumDuringCongressOn: null })).toBe(
      '2024-02-29',
    );
  });

  it('starts on the first plenum’s opening day when that plenum is held during the congress', () => {
    expect(termStartDate({ congressClosedOn: '2025-10-16', firstPlenumDuringCongressOn: '2025-10-15' })).toBe(
      '2025-10-15',
    );
    expect(termStartDate({ congressClosedOn: '2025-10-16', firstPlenumDuringCongressOn: '2025-10-16' })).toBe(
      '2025-10-16',
    );
  });

  it('takes a start typed by hand as it is, and computes it only when it is missing', () => {
    expect(resolveTermDates(fields({ startsOn: '2021-01-05', congressClosedOn: '2020-10-14' }))).toEqual({
      dates: { startsOn: '2021-01-05', endsOn: null },
    });
    expect(resolveTermDates(fields({ congressClosedOn: '2020-10-14', endsOn: '2025-10-16' }))).toEqual({
      dates: { startsOn: '2020-10-15', endsOn: '2025-10-16' },
    });
  });

  it('refuses a term with neither a start nor a congress date, naming the field', () => {
    expect(resolveTermDates(fields({}))).toEqual({
      problems: [{ path: 'startsOn', message: 'give startsOn or congressClosedOn' }],
    });
  });

  it('refuses a "first plenum during the congress" after the closing day, or without a congress', () => {
    expect(
      resolveTermDates(fields({ congressClosedOn: '2025-10-16', firstPlenumDuringCongressOn: '2025-10-20' })),
    ).toMatchObject({ problems: [{ path: 'firstPlenumDuringCongressOn' }] });
    expect(
      resolveTermDates(fields({ startsOn: '2025-10-16', firstPlenumDuringCongressOn: '2025-10-15' })),
    ).toMatchObject({ problems: [{ path: 'congressClosedOn' }] });
  });

  it('refuses a term that ends before it starts', () => {
    expect(resolveTermDates(fields({ congressClosedOn: '2025-10-16', endsOn: '2025-10-16' }))).toMatchObject({
      problems: [{ path: 'endsOn' }],
    });
  });
});

describe('which term is current', () => {
  it('uses the Vietnamese calendar day: 18:00 UTC is already the next morning in Hà Nội', () => {
    expect(todayInVietnam(new Date('2025-10-16T16:59:59Z'))).toBe('2025-10-16');
    expect(todayInVietnam(new Date('2025-10-16T17:00:00Z'))).toBe('2025-10-17');
  });

  it('counts both the first and the last day, and an open end as "until the next congress"', () => {
    const term = { startsOn: '2020-10-15', endsOn: '2025-10-16' };
    expect(isCurrentTerm(term, '2020-10-14')).toBe(false);
    expect(isCurrentTerm(term, '2020-10-15')).toBe(true);
    expect(isCurrentTerm(term, '2025-10-16')).toBe(true);
    expect(isCurrentTerm(term, '2025-10-17')).toBe(false);
    expect(isCurrentTerm({ startsOn: '2025-10-17', endsOn: null }, '2099-01-01')).toBe(true);
  });
});

describe('terms of one committee succeed each other', () => {
  const t16 = { id: 1, ordinal: 16, startsOn: '2020-10-15', endsOn: '2025-10-16' };
  const t17 = { id: 2, ordinal: 17, startsOn: '2025-10-17', endsOn: null };

  it('accepts the next term starting the day after the previous one ends', () => {
    expect(findTermConflict({ ordinal: 17, startsOn: '2025-10-17', endsOn: null }, [t16])).toBeNull();
  });

  it('refuses a second term with the same ordinal', () => {
    expect(findTermConflict({ ordinal: 16, startsOn: '2030-01-01', endsOn: null }, [t16])).toMatchObject({
      kind: 'ordinal_taken',
      term: { id: 1 },
    });
  });

  it('refuses a term overlapping another by a single day, or overlapping an open-ended term', () => {
    expect(findTermConflict({ ordinal: 17, startsOn: '2025-10-16', endsOn: null }, [t16])).toMatchObject({
      kind: 'overlap',
      term: { id: 1 },
    });
    expect(findTermConflict({ ordinal: 18, startsOn: '2030-10-20', endsOn: null }, [t16, t17])).toMatchObject(
      { kind: 'overlap', term: { id: 2 } },
    );
  });

  it('refuses a higher ordinal placed before a lower one', () => {
    expect(
      findTermConflict({ ordinal: 15, startsOn: '2026-01-01', endsOn: '2026-12-31' }, [t16]),
    ).toMatchObject({ kind: 'out_of_order', term: { id: 1 } });
  });

  it('lets a derived start follow the congress dates when they are corrected, but keeps a start typed by hand', () => {
    const derived = { ...fields({ ordinal: 17, congressClosedOn: '2025-10-16' }), startsOn: '2025-10-17' };
    expect(mergeTermPatch(derived, { congressClosedOn: '2025-10-18' })).toMatchObject({
      startsOn: null,
      congressClosedOn: '2025-10-18',
    });
    const typed = { ...fields({ ordinal: 17, congressClosedOn: '2025-10-16' }), startsOn: '2025-11-01' };
    expect(mergeTermPatch(typed, { congressClosedOn: '2025-10-18' })).toMatchObject({
      startsOn: '2025-11-01',
    });
    expect(mergeTermPatch(typed, { startsOn: null })).toMatchObject({ startsOn: null });
    expect(mergeTermPatch(typed, { label: 'Khóa XVII' })).toMatchObject({
      startsOn: '2025-11-01',
      label: 'Khóa XVII',
    });
  });
});

describe('the committee tree', () => {
  it('a committee cannot be moved under itself or under one of its descendants', () => {
    expect(createsCycle({ committeeId: 3, newParentLineage: [3, 1] })).toBe(true);
    expect(createsCycle({ committeeId: 1, newParentLineage: [9, 3, 1] })).toBe(true);
    expect(createsCycle({ committeeId: 3, newParentLineage: [2, 1] })).toBe(false);
  });

  it('a committee sits at a lower level than its parent: a chi bộ under a commune, never a province under a commune', () => {
    expect(levelFitsUnder({ parentRank: 3, childRank: 4 })).toBe(true);
    expect(levelFitsUnder({ parentRank: 3, childRank: 1 })).toBe(false);
    expect(levelFitsUnder({ parentRank: 2, childRank: 2 })).toBe(false);
  });
});
