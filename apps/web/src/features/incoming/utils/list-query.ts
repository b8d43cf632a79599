import type { IncomingListParams, IncomingSort } from '../api/get-incoming-list';
import type { IncomingStatus, Secrecy, Urgency } from '../types';
import { SECRECY_VALUES, STATUS_VALUES, URGENCY_VALUES } from './labels';

export const SORTS: IncomingSort[] = ['arrival_desc', 'arrival_asc', 'deadline_asc', 'urgency_desc'];
export const PAGE_SIZES = [20, 50, 100, 200];

/** The register list's view as it sits in the URL: a copied link reproduces the same list. */
export interface ListView {
  q: string;
  year?: number;
  registerId?: number;
  status?: IncomingStatus;
  agencyId?: number;
  urgency?: Urgency;
  secrecy?: Secrecy;
  overdue: boolean;
  dueSoon: boolean;
  sort: IncomingSort;
  page: number;
  pageSize: number;
}

const posInt = (v: string | null): number | undefined => {
  if (!v || !/^\d{1,9}$/.test(v)) {
    return undefined;
  }
  const n = Number(v);
  return n > 0 ? n : undefined;
};
const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  values.includes(v as T) ? (v as T) : undefined;

export function readListView(params: URLSearchParams): ListView {
  const pageSize = posInt(params.get('size'));
  return {
    q: params.get('q') ?? '',
    year: posInt(params.get('year')),
    registerId: posInt(params.get('register')),
    status: oneOf(STATUS_VALUES, params.get('status')),
    agencyId: posInt(params.get('unit')),
    urgency: oneOf(URGENCY_VALUES, params.get('urgency')),
    secrecy: oneOf(SECRECY_VALUES, params.get('secrecy')),
    overdue: params.get('overdue') === '1',
    dueSoon: params.get('dueSoon') === '1',
    sort: oneOf(SORTS, params.get('sort')) ?? 'arrival_desc',
    page: posInt(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : 50,
  };
}

/** Only what differs from the defaults goes into the URL. */
export function writeListView(v: ListView): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, value: string | number | undefined | false) => {
    if (value !== undefined && value !== false && value !== '') {
      p.set(k, String(value));
    }
  };
  set('q', v.q.trim());
  set('year', v.year);
  set('register', v.registerId);
  set('status', v.status);
  set('unit', v.agencyId);
  set('urgency', v.urgency);
  set('secrecy', v.secrecy);
  set('overdue', v.overdue && '1');
  set('dueSoon', v.dueSoon && '1');
  set('sort', v.sort !== 'arrival_desc' && v.sort);
  set('page', v.page > 1 && v.page);
  set('size', v.pageSize !== 50 && v.pageSize);
  return p;
}

export function toListParams(v: ListView): IncomingListParams {
  return {
    q: v.q.trim() || undefined,
    year: v.year,
    registerId: v.registerId,
    status: v.status,
    agencyId: v.agencyId,
    urgency: v.urgency,
    secrecy: v.secrecy,
    overdue: v.overdue || undefined,
    dueSoon: v.dueSoon || undefined,
    sort: v.sort,
    limit: v.pageSize,
    offset: (v.page - 1) * v.pageSize,
  };
}
