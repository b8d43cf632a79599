import type { TFunction } from 'i18next';
import type { ItemStatus, ProgrammeBody, ProgrammePeriod } from '../../schedule/types';

// The contract's lists, written out: the web bundle takes only types from @vanphong/contracts.
export const PROGRAMME_BODIES: readonly ProgrammeBody[] = ['bch', 'btv', 'thuong_truc'];
export const PROGRAMME_PERIODS: readonly ProgrammePeriod[] = ['term', 'year', 'half', 'quarter', 'month'];
export const ITEM_STATUSES: readonly ItemStatus[] = ['planned', 'prepared', 'presented', 'postponed', 'dropped'];

/** Planned grey, prepared blue, presented green, postponed orange, dropped struck out red. */
export const ITEM_STATUS_COLORS: Record<ItemStatus, string> = {
  planned: 'default',
  prepared: 'processing',
  presented: 'success',
  postponed: 'warning',
  dropped: 'error',
};

/** "Năm 2026", "Quý IV/2026", "Tháng 11/2026", "6 tháng đầu năm 2026", "Nhiệm kỳ 2025–2030". */
export function periodLabel(
  t: TFunction,
  p: { period: ProgrammePeriod; year: number; index: number | null; startsOn?: string; endsOn?: string },
): string {
  switch (p.period) {
    case 'term':
      return t('programmes.periodLabel.term', { from: p.startsOn?.slice(0, 4) ?? p.year, to: p.endsOn?.slice(0, 4) ?? '' });
    case 'year':
      return t('programmes.periodLabel.year', { year: p.year });
    case 'half':
      return t(p.index === 2 ? 'programmes.periodLabel.half2' : 'programmes.periodLabel.half1', { year: p.year });
    case 'quarter':
      return t('programmes.periodLabel.quarter', { q: ['I', 'II', 'III', 'IV'][(p.index ?? 1) - 1], year: p.year });
    default:
      return t('programmes.periodLabel.month', { month: String(p.index ?? 1).padStart(2, '0'), year: p.year });
  }
}

/** "2026-11" → "11/2026". */
export const shownMonth = (m: string | null | undefined): string => (m ? `${m.slice(5, 7)}/${m.slice(0, 4)}` : '');
