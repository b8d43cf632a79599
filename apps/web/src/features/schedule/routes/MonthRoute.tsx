import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { DatePicker, Flex, Segmented, Skeleton, Space, Button, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { usePermissions } from '../../../lib/auth';
import { dayjs, todayInOffice } from '../../../lib/dates';
import { useMonth } from '../api/schedule';
import { isoWeekOfDate, timeRange, vnDate, vnTime } from '../utils/week';
import '../schedule.css';

/** Lịch công tác tháng: a calendar grid, Monday first; a day opens its week. */
export function MonthRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const manager = usePermissions().has('schedule.manage');
  const [params, setParams] = useSearchParams();
  const raw = params.get('month') ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : todayInOffice().format('YYYY-MM');
  const q = useMonth(month, { draft: manager });
  const first = dayjs(`${month}-01`);
  const gridStart = first.subtract((first.day() + 6) % 7, 'day');
  const last = first.endOf('month');
  const gridEnd = last.add((7 - ((last.day() + 6) % 7) - 1) % 7, 'day');
  const days: string[] = [];
  for (let d = gridStart; !d.isAfter(gridEnd, 'day'); d = d.add(1, 'day')) {
    days.push(d.format('YYYY-MM-DD'));
  }
  const today = todayInOffice().format('YYYY-MM-DD');
  const go = (m: string) => setParams({ month: m }, { replace: true });
  const weekStatus = new Map((q.data?.weeks ?? []).map((w) => [w.week, w]));

  return (
    <>
      <PageHeader
        title={t('schedule.month.title', { month: first.format('MM/YYYY') })}
        extra={
          <>
            <Segmented
              value="month"
              onChange={(v) => v === 'week' && navigate(`/schedule?week=${isoWeekOfDate(`${month}-01`)}`)}
              options={[
                { value: 'week', label: t('schedule.week.weekView') },
                { value: 'month', label: t('schedule.week.monthView') },
              ]}
            />
            <Space.Compact>
              <Button icon={<LeftOutlined />} onClick={() => go(first.subtract(1, 'month').format('YYYY-MM'))} aria-label={t('schedule.month.prev')} />
              <DatePicker picker="month" format="MM/YYYY" allowClear={false} value={first} onChange={(d) => d && go(d.format('YYYY-MM'))} style={{ width: 120 }} />
              <Button icon={<RightOutlined />} onClick={() => go(first.add(1, 'month').format('YYYY-MM'))} aria-label={t('schedule.month.next')} />
            </Space.Compact>
          </>
        }
      />
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <Skeleton active />
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <div className="vp-month-grid" style={{ minWidth: 760 }} data-testid="month-grid">
            {[1, 2, 3, 4, 5, 6, 0].map((d) => (
              <div key={d} className="vp-month-head">
                {t(`schedule.weekdays.${d}`)}
              </div>
            ))}
            {days.map((day) => {
              const events = q.data.events
                .filter((e) => vnDate(e.startsAt) === day)
                .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
              const wk = isoWeekOfDate(day);
              const ws = weekStatus.get(wk);
              return (
                <div key={day} className={`vp-month-cell${day.slice(0, 7) !== month ? ' is-other' : ''}`}>
                  <Flex justify="space-between">
                    <Link to={`/schedule?week=${wk}`}>
                      <Typography.Text strong type={day === today ? undefined : 'secondary'} style={day === today ? { color: '#1677ff' } : undefined}>
                        {dayjs(day).format('DD/MM')}
                      </Typography.Text>
                    </Link>
                    {dayjs(day).day() === 1 && ws && (ws.status === 'published' || q.data.events.some((e) => isoWeekOfDate(vnDate(e.startsAt)) === wk)) ? (
                      <Tag color={ws.status === 'published' ? 'green' : 'default'} style={{ marginInlineEnd: 0, fontSize: 10, lineHeight: '16px' }}>
                        {ws.status === 'published' ? t('schedule.month.published') : t('schedule.month.draft')}
                      </Tag>
                    ) : null}
                  </Flex>
                  {events.map((e) => (
                    <Tooltip key={e.id} title={`${timeRange(e.startsAt, e.endsAt)} ${e.content}${e.place ? ` — ${e.place}` : ''}`}>
                      <Link to={`/schedule?week=${wk}`} className={`vp-month-event${e.cancelled ? ' is-cancelled' : ''}`}>
                        {vnTime(e.startsAt)} {e.content}
                      </Link>
                    </Tooltip>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </>
  );
}
