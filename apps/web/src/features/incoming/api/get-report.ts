import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api';
import type { HandlingReport } from '../types';

/** GET /api/incoming/report?from=&to= — handling status by lead unit. */
export const getHandlingReport = ({ from, to, signal }: { from: string; to: string; signal?: AbortSignal }) =>
  api<HandlingReport>('/api/incoming/report', { query: { from, to, format: 'json' }, signal });

export const useHandlingReport = (from: string, to: string) =>
  useQuery({
    queryKey: ['incoming', 'report', { from, to }],
    queryFn: ({ signal }) => getHandlingReport({ from, to, signal }),
    placeholderData: keepPreviousData,
  });

/** The same report as a spreadsheet (a plain link: the browser downloads it with the session cookie). */
export const handlingReportXlsxUrl = (from: string, to: string) =>
  withQuery('/api/incoming/report', { from, to, format: 'xlsx' });

/** The printed register (sổ đăng ký văn bản đến) for a date range. */
export const registerBookUrl = (q: {
  registerId: number;
  from: string;
  to: string;
  format: 'pdf' | 'xlsx';
}) => withQuery('/api/incoming/register-book', q);
