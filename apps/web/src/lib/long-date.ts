import type { Dayjs } from 'dayjs';
import { DATE_FORMAT } from './dates';
import i18n from './i18n';

/** "Thứ Tư, ngày 25/11/2026" (vi) / "Wednesday, 25/11/2026" (en). */
export function longDate(d: Dayjs): string {
  const names = i18n.t('dates.weekdays', { returnObjects: true }) as unknown;
  const weekday = Array.isArray(names) ? String(names[d.day()] ?? '') : '';
  return i18n.t('dates.long', { weekday, date: d.format(DATE_FORMAT) });
}

/** "Thứ Tư" for a date. */
export function weekdayName(d: Dayjs): string {
  const names = i18n.t('dates.weekdays', { returnObjects: true }) as unknown;
  return Array.isArray(names) ? String(names[d.day()] ?? '') : '';
}
