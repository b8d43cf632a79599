import {
  CalendarOutlined,
  LeftOutlined,
  LinkOutlined,
  PlusOutlined,
  PrinterOutlined,
  RightOutlined,
  SendOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Flex, Grid, Segmented, Skeleton, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { usePermissions } from '../../../lib/auth';
import { dayjs, formatDate, formatDateTime, todayInOffice } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { MeetingFormModal } from '../../meetings/components/MeetingFormModal';
import { printUrl, usePublishWeek, useWeek } from '../api/schedule';
import { EventModal } from '../components/EventModal';
import { IcalModal } from '../components/IcalModal';
import type { ScheduleEvent } from '../types';
import { currentWeek, daysOfWeek, isoWeekOfDate, isValidWeek, mondayOf, shiftWeek, timeRange, vnDate, weekParts } from '../utils/week';
import '../schedule.css';

interface Row {
  key: string;
  day: string;
  /** Rows the day cell spans (0: covered by the row above). */
  span: number;
  event: ScheduleEvent | null;
}

/** Lịch công tác tuần: the week by day, draft or published, publish, print, iCal, changes after publishing. */
export function WeekRoute() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const permissions = usePermissions();
  const manager = permissions.has('schedule.manage');
  const [params, setParams] = useSearchParams();
  const week = isValidWeek(params.get('week')) ? params.get('week')! : currentWeek();
  const draft = manager && params.get('view') !== 'published';
  const q = useWeek(week, { draft });
  const publish = usePublishWeek();
  const [editing, setEditing] = useState<ScheduleEvent | null>(null);
  const [newDay, setNewDay] = useState<string | null>(null);
  const [meetingOpen, setMeetingOpen] = useState(false);
  const [ical, setIcal] = useState(false);
  const today = todayInOffice().format('YYYY-MM-DD');

  const go = (w: string, view = params.get('view')) => {
    const next: Record<string, string> = { week: w };
    if (view) {
      next.view = view;
    }
    setParams(next, { replace: true });
  };

  const rows = useMemo<Row[]>(() => {
    const out: Row[] = [];
    const events = q.data?.events ?? [];
    for (const day of daysOfWeek(week)) {
      const list = events.filter((e) => vnDate(e.startsAt) === day).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      if (list.length === 0) {
        out.push({ key: day, day, span: 1, event: null });
      } else {
        list.forEach((e, n) => out.push({ key: `${day}-${e.id}`, day, span: n === 0 ? list.length : 0, event: e }));
      }
    }
    return out;
  }, [q.data, week]);

  const w = q.data;
  const { n: weekNo } = weekParts(week);
  const canEdit = !!w?.abilities.editEvents;
  const changed = (w?.events ?? []).filter((e) => e.changedAfterPublish).length;

  const doPublish = () =>
    modal.confirm({
      title: t('schedule.week.publishConfirm', { n: weekNo }),
      content: w?.status === 'published' ? t('schedule.week.republishText', { count: changed }) : t('schedule.week.publishText'),
      okText: t('schedule.week.publish'),
      onOk: () =>
        publish
          .mutateAsync({ week, committeeId: w?.committeeId })
          .then((r) => void message.success(t('schedule.week.published', { revision: r.revision })))
          .catch((e: unknown) => void message.error(errorMessage(e))),
    });

  const dayLabel = (day: string) => (
    <span className={`vp-week-day${dayjs(day).day() === 0 || dayjs(day).day() === 6 ? ' is-weekend' : ''}`}>
      {t(`schedule.weekdays.${dayjs(day).day()}`)}
      <br />
      <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
        {formatDate(day)}
      </Typography.Text>
    </span>
  );

  const eventTags = (e: ScheduleEvent) => (
    <>
      {e.cancelled ? <Tag color="default">{t('schedule.week.cancelledTag')}</Tag> : null}
      {e.changedAfterPublish ? (
        <Tag color="orange" data-testid="event-changed">
          {t('schedule.week.changedTag')}
        </Tag>
      ) : null}
      {e.meetingId ? (
        <Link to={`/meetings/${e.meetingId}`} onClick={(ev) => ev.stopPropagation()} data-testid={`event-meeting-${e.id}`}>
          <Tag color="purple" icon={<TeamOutlined />}>
            {t('schedule.week.meetingPage')}
          </Tag>
        </Link>
      ) : null}
      {e.conflicts.length > 0 ? (
        <Tooltip
          title={e.conflicts.map((c) => `${c.personName}: ${timeRange(c.startsAt, c.endsAt)} ${c.content}`).join('\n')}
        >
          <Tag color="red" icon={<WarningOutlined />} data-testid="event-conflict">
            {t('schedule.week.conflictTag', { names: [...new Set(e.conflicts.map((c) => c.personName))].join(', ') })}
          </Tag>
        </Tooltip>
      ) : null}
    </>
  );

  const leaders = (e: ScheduleEvent) =>
    e.leaders.map((l) => (
      <div key={l.id}>
        {`${t('schedule.week.comrade')} ${l.name}`.trim()}
        {l.position ? `, ${l.position}` : ''}
      </div>
    ));

  const header = (
    <PageHeader
      title={t('schedule.week.title')}
      subtitle={
        <>
          {t('schedule.week.range', { n: weekNo, from: formatDate(mondayOf(week)), to: formatDate(daysOfWeek(week)[6]) })}{' '}
          {w ? (
            w.status === 'published' ? (
              <Tag color="green" data-testid="week-status">
                {t('schedule.week.statusPublished', { revision: w.revision, at: formatDateTime(w.publishedAt, 'DD/MM/YYYY HH:mm') })}
              </Tag>
            ) : (
              <Tag color="default" data-testid="week-status">
                {t('schedule.week.statusDraft')}
              </Tag>
            )
          ) : null}
        </>
      }
      extra={
        <>
          <Segmented
            value="week"
            onChange={(v) => v === 'month' && navigate(`/schedule/month?month=${mondayOf(week).slice(0, 7)}`)}
            options={[
              { value: 'week', label: t('schedule.week.weekView') },
              { value: 'month', label: t('schedule.week.monthView') },
            ]}
          />
          <Space.Compact>
            <Button icon={<LeftOutlined />} onClick={() => go(shiftWeek(week, -1))} aria-label={t('schedule.week.prev')} data-testid="week-prev" />
            <DatePicker
              picker="week"
              allowClear={false}
              value={dayjs(mondayOf(week))}
              format={(d) => t('schedule.week.pickerLabel', { n: weekParts(isoWeekOfDate(d.format('YYYY-MM-DD'))).n, year: weekParts(isoWeekOfDate(d.format('YYYY-MM-DD'))).year })}
              onChange={(d) => d && go(isoWeekOfDate(d.format('YYYY-MM-DD')))}
              data-testid="week-picker"
              style={{ width: 150 }}
            />
            <Button icon={<RightOutlined />} onClick={() => go(shiftWeek(week, 1))} aria-label={t('schedule.week.next')} data-testid="week-next" />
          </Space.Compact>
          {week !== currentWeek() ? <Button onClick={() => go(currentWeek())}>{t('schedule.week.thisWeek')}</Button> : null}
        </>
      }
    />
  );

  if (q.isError) {
    return (
      <>
        {header}
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      </>
    );
  }

  return (
    <>
      {header}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        {manager ? (
          <Flex gap={6} align="center">
            <Switch
              checked={draft}
              onChange={(on) => go(week, on ? '' : 'published')}
              data-testid="week-draft-toggle"
              aria-label={t('schedule.week.workingCopy')}
            />
            <Tooltip title={t('schedule.week.workingCopyHint')}>
              <span>{t('schedule.week.workingCopy')}</span>
            </Tooltip>
          </Flex>
        ) : null}
        <Button icon={<LinkOutlined />} onClick={() => setIcal(true)} data-testid="ical-open">
          {t('schedule.week.ical')}
        </Button>
        <div style={{ flex: 1 }} />
        {canEdit ? (
          <>
            <Button icon={<PlusOutlined />} onClick={() => setNewDay(daysOfWeek(week).includes(today) ? today : mondayOf(week))} data-testid="event-new">
              {t('schedule.week.addEvent')}
            </Button>
            <Button icon={<TeamOutlined />} onClick={() => setMeetingOpen(true)} data-testid="meeting-new">
              {t('schedule.week.addMeeting')}
            </Button>
          </>
        ) : null}
        {w?.abilities.publish ? (
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={doPublish}
            loading={publish.isPending}
            disabled={w.status === 'published' && changed === 0}
            data-testid="week-publish"
          >
            {w.status === 'published' ? t('schedule.week.republish') : t('schedule.week.publish')}
          </Button>
        ) : null}
        {w?.abilities.print ? (
          <Button icon={<PrinterOutlined />} href={printUrl(week, draft)} target="_blank" data-testid="week-print">
            {t('schedule.week.print')}
          </Button>
        ) : null}
      </Flex>
      {!w ? (
        <Skeleton active />
      ) : w.status === 'draft' && !draft ? (
        <Empty description={t('schedule.week.notPublished')} data-testid="week-not-published" />
      ) : screens.md === false ? (
        <div data-testid="week-table">
          {daysOfWeek(week).map((day) => {
            const list = rows.filter((r) => r.day === day && r.event).map((r) => r.event!);
            return (
              <Card key={day} size="small" className="vp-day-card" title={dayLabel(day)}>
                {list.length === 0 ? (
                  <Typography.Text type="secondary">{t('schedule.week.noEvents')}</Typography.Text>
                ) : (
                  list.map((e) => (
                    <div
                      key={e.id}
                      className={`vp-day-event${e.cancelled ? ' vp-week-row-cancelled' : ''}`}
                      onClick={() => canEdit && setEditing(e)}
                    >
                      <Typography.Text strong>{timeRange(e.startsAt, e.endsAt)}</Typography.Text>
                      <div className="vp-week-content">{e.content}</div>
                      {eventTags(e)}
                      {e.leaders.length ? <div>{leaders(e)}</div> : null}
                      {e.place ? (
                        <Typography.Text type="secondary">
                          {t('schedule.fields.place')}: {e.place}
                        </Typography.Text>
                      ) : null}
                    </div>
                  ))
                )}
              </Card>
            );
          })}
        </div>
      ) : (
        <Table<Row>
          className="vp-week-table"
          data-testid="week-table"
          rowKey="key"
          size="small"
          bordered
          pagination={false}
          dataSource={rows}
          loading={q.isFetching && !q.isPending}
          scroll={{ x: 1040 }}
          onRow={(r) => ({
            onClick: () => r.event && canEdit && setEditing(r.event),
            className: [
              r.event?.cancelled ? 'vp-week-row-cancelled' : '',
              r.event?.changedAfterPublish ? 'vp-week-row-changed' : '',
              r.event && canEdit ? 'vp-week-row-click' : '',
              r.day === today ? 'vp-week-today' : '',
            ].join(' '),
          })}
          columns={[
            {
              title: t('schedule.fields.day'),
              width: 92,
              onCell: (r) => ({ rowSpan: r.span }),
              render: (_v, r) => dayLabel(r.day),
            },
            {
              title: t('schedule.fields.time'),
              width: 96,
              render: (_v, r) => (r.event ? timeRange(r.event.startsAt, r.event.endsAt) : ''),
            },
            {
              title: t('schedule.fields.content'),
              render: (_v, r) =>
                r.event ? (
                  <>
                    <div className="vp-week-content">{r.event.content}</div>
                    {eventTags(r.event)}
                    {r.event.notes && draft ? (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('schedule.fields.notes')}: {r.event.notes}
                        </Typography.Text>
                      </div>
                    ) : null}
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('schedule.week.noEvents')}</Typography.Text>
                ),
            },
            { title: t('schedule.fields.leaders'), width: 205, render: (_v, r) => (r.event ? leaders(r.event) : '') },
            {
              title: t('schedule.fields.place'),
              width: 140,
              render: (_v, r) =>
                r.event ? (
                  <>
                    {r.event.place}
                    {r.event.resources.filter((x) => x.kind === 'car').map((x) => (
                      <div key={x.id}>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('schedule.resources.car')}: {x.name}
                        </Typography.Text>
                      </div>
                    ))}
                  </>
                ) : (
                  ''
                ),
            },
            { title: t('schedule.fields.preparingBody'), width: 120, render: (_v, r) => r.event?.preparingBody?.name ?? '' },
            { title: t('schedule.fields.participants'), width: 150, render: (_v, r) => r.event?.participants ?? '' },
          ]}
        />
      )}
      {w && (editing || newDay) ? (
        <EventModal
          committeeId={w.committeeId}
          event={editing}
          defaultDay={newDay ?? undefined}
          onClose={() => {
            setEditing(null);
            setNewDay(null);
          }}
        />
      ) : null}
      {w && meetingOpen ? (
        <MeetingFormModal committeeId={w.committeeId} defaultDay={daysOfWeek(week).includes(today) ? today : mondayOf(week)} onClose={() => setMeetingOpen(false)} />
      ) : null}
      {ical ? <IcalModal onClose={() => setIcal(false)} /> : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        <CalendarOutlined /> {t('schedule.week.footnote')}
      </Typography.Paragraph>
    </>
  );
}
