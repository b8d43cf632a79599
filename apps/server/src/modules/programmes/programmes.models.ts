/**
 * Pure rules of the work programme (issue 6 §1; spec §8): the dates a period covers, whether an item's
 * planned month or day lies inside a programme, what slipped, and the progress percentage.
 */
import type { ItemStatus, ProgrammeBody, ProgrammePeriod } from '@vanphong/contracts';

/** Widest first: a programme may take items only from a strictly wider one. */
export const PERIOD_RANK: Record<ProgrammePeriod, number> = { term: 0, year: 1, half: 2, quarter: 3, month: 4 };

export const BODY_ORDER: readonly ProgrammeBody[] = ['bch', 'btv', 'thuong_truc'];

const INDEX_MAX: Record<ProgrammePeriod, number> = { term: 0, year: 0, half: 2, quarter: 4, month: 12 };
const MONTHS: Record<ProgrammePeriod, number> = { term: 0, year: 12, half: 6, quarter: 3, month: 1 };

const pad = (n: number) => String(n).padStart(2, '0');

export const lastDayOfMonth = (year: number, month: number): string => `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/** The number of the period inside its year (0 for term and year), or an error text for `index`. */
export function periodIndex(period: ProgrammePeriod, index: number | null): number | string {
  const max = INDEX_MAX[period];
  if (max === 0) {
    return index === null ? 0 : `A ${period} programme has no index`;
  }
  if (index === null || index < 1 || index > max) {
    return `A ${period} programme needs an index from 1 to ${max}`;
  }
  return index;
}

/** First and last day of a year, half, quarter or month (not a term: its dates come from the term). */
export function periodDates(period: Exclude<ProgrammePeriod, 'term'>, year: number, index: number): { startsOn: string; endsOn: string } {
  const span = MONTHS[period];
  const first = period === 'year' ? 1 : (index - 1) * span + 1;
  const last = first + span - 1;
  return { startsOn: `${year}-${pad(first)}-01`, endsOn: lastDayOfMonth(year, last) };
}

/**
 * The end of a term: its recorded end, or — for the current term, still open — five years after its
 * start, the day before (Điều lệ Đảng: a term of five years).
 */
export function termEnd(startsOn: string, endsOn: string | null): string {
  if (endsOn !== null) {
    return endsOn;
  }
  const d = new Date(`${Number(startsOn.slice(0, 4)) + 5}${startsOn.slice(4)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const PERIOD_VI: Record<ProgrammePeriod, string> = { term: 'nhiệm kỳ', year: 'năm', half: '6 tháng', quarter: 'quý', month: 'tháng' };
export const BODY_VI: Record<ProgrammeBody, string> = { bch: 'Ban Chấp hành', btv: 'Ban Thường vụ', thuong_truc: 'Thường trực' };

/** "tháng 11/2026", "quý IV/2026", "6 tháng cuối năm 2026", "năm 2026", "nhiệm kỳ 2025–2030". */
export function periodLabel(period: ProgrammePeriod, year: number, index: number, termLabel?: string): string {
  switch (period) {
    case 'month':
      return `tháng ${index}/${year}`;
    case 'quarter':
      return `quý ${['I', 'II', 'III', 'IV'][index - 1]}/${year}`;
    case 'half':
      return `${index === 1 ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${year}`;
    case 'year':
      return `năm ${year}`;
    case 'term':
      return termLabel ? termLabel.replace(/^Nhiệm kỳ/, 'nhiệm kỳ') : `${PERIOD_VI.term} ${year}`;
  }
}

/** "Chương trình công tác năm 2026 của Ban Thường vụ Tỉnh ủy Hồng Lam". */
export function defaultTitle(body: ProgrammeBody, label: string, committeeName: string): string {
  return `Chương trình công tác ${label} của ${BODY_VI[body]} ${committeeName}`;
}

/** A month (YYYY-MM) overlaps the period (a term may begin or end inside a month). */
export function monthInside(month: string, p: { startsOn: string; endsOn: string }): boolean {
  return month >= p.startsOn.slice(0, 7) && month <= p.endsOn.slice(0, 7);
}

export function dayInside(day: string, p: { startsOn: string; endsOn: string }): boolean {
  return day >= p.startsOn && day <= p.endsOn;
}

/** `outer` contains `inner` and is strictly wider (a year holds its months, not another year). */
export function contains(outer: { period: ProgrammePeriod; startsOn: string; endsOn: string }, inner: { period: ProgrammePeriod; startsOn: string; endsOn: string }): boolean {
  return PERIOD_RANK[outer.period] < PERIOD_RANK[inner.period] && outer.startsOn <= inner.startsOn && outer.endsOn >= inner.endsOn;
}

/** Past its planned day (or, without one, its planned month) and still planned or prepared. */
export function isSlipped(i: { status: string; plannedMonth: string | null; plannedOn: string | null }, today: string): boolean {
  if (i.status !== 'planned' && i.status !== 'prepared') {
    return false;
  }
  if (i.plannedOn !== null) {
    return i.plannedOn < today;
  }
  return i.plannedMonth !== null && i.plannedMonth < today.slice(0, 7);
}

/** presented ÷ items not dropped, as a whole percentage (0 with nothing to do). */
export function progressOf(statuses: readonly string[]): number {
  const counted = statuses.filter((s) => s !== 'dropped');
  return counted.length === 0 ? 0 : Math.round((100 * counted.filter((s) => s === 'presented').length) / counted.length);
}

/**
 * Status changes an item may take. postponed and dropped are decisions that take a reason; they are
 * undone by planning the item again. A presented item may be corrected back to planned or prepared.
 */
export function mayChangeStatus(from: ItemStatus, to: ItemStatus): boolean {
  if (from === to) {
    return false;
  }
  if (from === 'planned' || from === 'prepared') {
    return true;
  }
  if (from === 'presented') {
    return to === 'planned' || to === 'prepared';
  }
  return to === 'planned';
}
