/**
 * Pure rules of the organisation: terms (nhiệm kỳ), the committee tree and committee levels. No I/O.
 */
import { toVietnamDate } from '../calendar/calendar.workdays.ts';

/**
 * When a term (nhiệm kỳ) starts — 36-HD/VPTW via spec §2: the day after the congress closes; but if the
 * first plenum of the new committee is held during the congress, the term starts on that plenum's
 * opening day.
 */
export function termStartDate({
  congressClosedOn,
  firstPlenumDuringCongressOn,
}: {
  congressClosedOn: string;
  firstPlenumDuringCongressOn: string | null;
}): string {
  if (firstPlenumDuringCongressOn && firstPlenumDuringCongressOn <= congressClosedOn) {
    return firstPlenumDuringCongressOn;
  }
  const d = new Date(`${congressClosedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The office works on Vietnamese dates: "today" is the calendar date in Asia/Ho_Chi_Minh (UTC+7, no DST).
 * The calendar's arithmetic does it without building an Intl formatter on every request.
 */
export const todayInVietnam = (now: Date): string => toVietnamDate(now);

export interface TermDates {
  startsOn: string;
  endsOn: string | null;
}

/** A term is current when today lies in [startsOn, endsOn], an open end meaning "until the next congress". */
export function isCurrentTerm(term: TermDates, today: string): boolean {
  return term.startsOn <= today && (term.endsOn === null || today <= term.endsOn);
}

export interface TermFields {
  ordinal: number;
  label: string;
  congressClosedOn: string | null;
  firstPlenumDuringCongressOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
}

export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * Settles a term's dates (spec §2): `startsOn` as given, else computed from the congress dates.
 * A "first plenum during the congress" that falls after the closing day is not during it, and a term
 * cannot end before it starts.
 */
export function resolveTermDates(t: TermFields): { dates: TermDates } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (t.firstPlenumDuringCongressOn !== null) {
    if (t.congressClosedOn === null) {
      problems.push({ path: 'congressClosedOn', message: 'required with firstPlenumDuringCongressOn' });
    } else if (t.firstPlenumDuringCongressOn > t.congressClosedOn) {
      problems.push({ path: 'firstPlenumDuringCongressOn', message: 'must not be after congressClosedOn' });
    }
  }
  if (t.startsOn === null && t.congressClosedOn === null) {
    problems.push({ path: 'startsOn', message: 'give startsOn or congressClosedOn' });
  }
  if (problems.length > 0) {
    return { problems };
  }
  const startsOn =
    t.startsOn ??
    termStartDate({
      congressClosedOn: t.congressClosedOn as string,
      firstPlenumDuringCongressOn: t.firstPlenumDuringCongressOn,
    });
  if (t.endsOn !== null && t.endsOn < startsOn) {
    return { problems: [{ path: 'endsOn', message: 'must not be before startsOn' }] };
  }
  return { dates: { startsOn, endsOn: t.endsOn } };
}

/**
 * Applies a patch to a stored term. A start that was derived from the congress dates follows them when
 * they change; a start typed by hand stays unless the patch names `startsOn` (null = derive again).
 */
export function mergeTermPatch(
  stored: TermFields & { startsOn: string },
  patch: Partial<TermFields>,
): TermFields {
  const merged: TermFields = { ...stored, ...stripUndefined(patch) };
  if (patch.startsOn !== undefined) {
    return merged;
  }
  const congressChanged =
    patch.congressClosedOn !== undefined || patch.firstPlenumDuringCongressOn !== undefined;
  const wasDerived =
    stored.congressClosedOn !== null &&
    stored.startsOn ===
      termStartDate({
        congressClosedOn: stored.congressClosedOn,
        firstPlenumDuringCongressOn: stored.firstPlenumDuringCongressOn,
      });
  return congressChanged && wasDerived ? { ...merged, startsOn: null } : merged;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface StoredTerm extends TermDates {
  id: number;
  ordinal: number;
}

export type TermConflict = { kind: 'ordinal_taken' | 'overlap' | 'out_of_order'; term: StoredTerm };

/**
 * Terms of one committee succeed each other (spec §2: a term runs until the next congress closes, the
 * next starts after): ordinals are unique, date ranges (inclusive) never overlap, and a higher ordinal
 * comes later. `others` are the committee's other terms (the edited one excluded).
 */
export function findTermConflict(
  candidate: TermDates & { ordinal: number },
  others: StoredTerm[],
): TermConflict | null {
  const same = others.find((o) => o.ordinal === candidate.ordinal);
  if (same) {
    return { kind: 'ordinal_taken', term: same };
  }
  const overlapping = others.find((o) => rangesOverlap(candidate, o));
  if (overlapping) {
    return { kind: 'overlap', term: overlapping };
  }
  const misordered = others.find((o) => o.ordinal < candidate.ordinal !== o.startsOn < candidate.startsOn);
  return misordered ? { kind: 'out_of_order', term: misordered } : null;
}

function rangesOverlap(a: TermDates, b: TermDates): boolean {
  const aEndsBeforeB = a.endsOn !== null && a.endsOn < b.startsOn;
  const bEndsBeforeA = b.endsOn !== null && b.endsOn < a.startsOn;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/**
 * A committee cannot be its own ancestor: moving it under `newParentId` makes a cycle when the committee
 * is the new parent itself or one of the new parent's ancestors (`newParentLineage` = the new parent and
 * its ancestors, nearest first).
 */
export function createsCycle({
  committeeId,
  newParentLineage,
}: {
  committeeId: number;
  newParentLineage: number[];
}): boolean {
  return newParentLineage.includes(committeeId);
}

/**
 * Levels are ranked (trung ương 0 → tỉnh 1 → trực thuộc / huyện 2 → xã 3 → chi bộ 4): a committee sits
 * strictly below its parent, so a commune cannot be placed above a province.
 */
export function levelFitsUnder({
  parentRank,
  childRank,
}: {
  parentRank: number;
  childRank: number;
}): boolean {
  return childRank > parentRank;
}
