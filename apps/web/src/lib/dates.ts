import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);
dayjs.locale('vi');

/** The office works on Vietnamese time (UTC+7, no daylight saving). */
export const OFFICE_TZ = 'Asia/Ho_Chi_Minh';
/** Dates are written dd/mm/yyyy everywhere. */
export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm:ss';
export const DATE_TIME_SHORT_FORMAT = 'DD/MM/YYYY HH:mm';

export const setDateLocale = (lng: string): void => {
  dayjs.locale(lng === 'en' ? 'en' : 'vi');
};

/** `YYYY-MM-DD` (a calendar date from the API) → `dd/mm/yyyy`. */
export function formatDate(value: string | null | undefined): string {
  if (!value) {return '';}
  const d = dayjs(value.slice(0, 10), 'YYYY-MM-DD', true);
  return d.isValid() ? d.format(DATE_FORMAT) : value;
}

/** An ISO-8601 UTC timestamp → `dd/mm/yyyy HH:mm:ss` in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: string | null | undefined, format = DATE_TIME_FORMAT): string {
  if (!value) {return '';}
  const d = dayjs.utc(value);
  return d.isValid() ? d.tz(OFFICE_TZ).format(format) : value;
}

/** Today (a calendar date) in the office's time zone. */
export const todayInOffice = (): Dayjs => dayjs().tz(OFFICE_TZ);

/** `YYYY-MM-DD` for the API. */
export const toIsoDate = (d: Dayjs): string => d.format('YYYY-MM-DD');

/** A calendar date from the API as a Dayjs (for antd pickers). */
export const parseIsoDate = (value: string | null | undefined): Dayjs | null => {
  if (!value) {return null;}
  const d = dayjs(value.slice(0, 10), 'YYYY-MM-DD', true);
  return d.isValid() ? d : null;
};

/** Days from today (office time) to a `YYYY-MM-DD` date. */
export function daysUntil(value: string): number {
  const today = dayjs(todayInOffice().format('YYYY-MM-DD'), 'YYYY-MM-DD');
  const target = dayjs(value.slice(0, 10), 'YYYY-MM-DD');
  return target.diff(today, 'day');
}

export { dayjs };
export type { Dayjs };
