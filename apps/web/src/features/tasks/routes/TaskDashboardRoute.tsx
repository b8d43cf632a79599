import { FileExcelOutlined, FileWordOutlined, MailOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Grid,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Segmented,
  Select,
  Skeleton,
  Statistic,
  Switch,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { usePermissions } from '../../../lib/auth';
import { DATE_FORMAT, formatDate, parseIsoDate, toIsoDate, todayInOffice } from '../../../lib/dates';
import { exportUrl, reportUrl, useTaskDashboard, useUrgingLetter } from '../api/tasks';
import { Chart, type ChartOption } from '../components/Chart';
import type { DashboardUnit, TaskStatus } from '../types';
import { formatRate, STATUS_CHART_COLORS, TASK_STATUSES } from '../utils/labels';
import '../tasks.css';
import { taskMessage } from '../utils/errors';
import { useBodies } from '../api/bodies';

type Period = 'month' | 'quarter' | 'year';

/** Báo cáo định kỳ: month, quarter or year → the DOCX in the Party layout. */
function ReportModal({
  open,
  onClose,
  committeeId,
}: {
  open: boolean;
  onClose: () => void;
  committeeId?: number;
}) {
  const { t } = useTranslation();
  const today = todayInOffice();
  const [period, setPeriod] = useState<Period>('month');
  const [year, setYear] = useState(today.year());
  const [month, setMonth] = useState(today.month() + 1);
  const [quarter, setQuarter] = useState(Math.floor(today.month() / 3) + 1);
  const href = reportUrl({
    period,
    year,
    index: period === 'month' ? month : period === 'quarter' ? quarter : 1,
    committeeId,
  });
  return (
    <Modal
      open={open}
      title={t('tasks.dashboard.reportTitle')}
      onCancel={onClose}
      footer={[
        <Button key="c" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="d"
          type="primary"
          icon={<FileWordOutlined />}
          href={href}
          onClick={onClose}
          data-testid="tasks-report-download"
        >
          {t('tasks.dashboard.reportDownload')}
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Segmented<Period>
          value={period}
          onChange={setPeriod}
          options={(['month', 'quarter', 'year'] as const).map((p) => ({
            value: p,
            label: t(`tasks.dashboard.period.${p}`),
          }))}
          data-testid="tasks-report-period"
        />
        <Flex gap={12} wrap align="center">
          {period === 'month' ? (
            <Select
              value={month}
              onChange={setMonth}
              style={{ width: 140 }}
              options={Array.from({ length: 12 }, (_, i) => ({
                value: i + 1,
                label: t('tasks.dashboard.monthN', { n: i + 1 }),
              }))}
            />
          ) : null}
          {period === 'quarter' ? (
            <Select
              value={quarter}
              onChange={setQuarter}
              style={{ width: 140 }}
              options={[1, 2, 3, 4].map((q) => ({
                value: q,
                label: t('tasks.dashboard.quarterN', { n: ['I', 'II', 'III', 'IV'][q - 1] }),
              }))}
            />
          ) : null}
          <InputNumber
            min={2000}
            max={2999}
            precision={0}
            value={year}
            onChange={(v) => setYear(v ?? today.year())}
            addonBefore={t('tasks.dashboard.year')}
            style={{ width: 160 }}
          />
        </Flex>
      </Flex>
    </Modal>
  );
}

/** Tình hình thực hiện nhiệm vụ: totals, on-time rate per unit, trend by month; every figure opens its tasks. */
export function TaskDashboardRoute() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const permissions = usePermissions();
  const canUrge = permissions.has('tasks.manage');
  const [from, setFrom] = useState<string | undefined>();
  const [to, setTo] = useState<string | undefined>();
  const [subtasks, setSubtasks] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  const [committeeId, setCommitteeId] = useState<number | undefined>();
  const bodies = useBodies();
  const committees = (bodies.data ?? []).filter((b) => b.agencyId === null);
  const query = useTaskDashboard({ committeeId, from, to, subtasks: subtasks ? 'true' : 'false' });
  const urging = useUrgingLetter();
  const data = query.data;

  /** The task list behind a figure: tasks of this committee, of a body, of a status. */
  const drill = (p: { body?: string; status?: TaskStatus }) => {
    const qs = new URLSearchParams();
    if (data) {
      qs.set('committee', String(data.committeeId));
    }
    if (!subtasks) {
      qs.set('top', '1');
    }
    if (p.body) {
      // The dashboard counts a unit's tasks as lead body: the list shows exactly those.
      qs.set('lead', p.body);
    }
    if (from) {
      qs.set('afrom', from);
    }
    if (to) {
      qs.set('ato', to);
    }
    if (p.status) {
      qs.set('status', p.status);
    }
    navigate(`/tasks?${qs.toString()}`);
  };

  const units = useMemo(() => data?.units ?? [], [data]);
  const rated = useMemo(
    () =>
      units.filter((u) => u.onTimeRate !== null).sort((a, b) => (a.onTimeRate ?? 0) - (b.onTimeRate ?? 0)),
    [units],
  );

  const barOption = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) =>
          `${Number(v).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN')} %`,
      },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: {
        type: 'category',
        data: rated.map((u) => u.name),
        axisLabel: { width: screens.md === false ? 110 : 220, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('tasks.dashboard.onTimeRate'),
          data: rated.map((u) => ({
            value: Math.round((u.onTimeRate ?? 0) * 1000) / 10,
            itemStyle: {
              color:
                (u.onTimeRate ?? 0) >= 0.8
                  ? STATUS_CHART_COLORS.done_on_time
                  : (u.onTimeRate ?? 0) >= 0.5
                    ? STATUS_CHART_COLORS.done_late
                    : STATUS_CHART_COLORS.overdue,
            },
          })),
          label: { show: true, position: 'right', formatter: '{c} %' },
          barMaxWidth: 22,
        },
      ],
    }),
    [rated, t, i18n.language, screens.md],
  );

  const lineOption = useMemo<ChartOption>(() => {
    const trend = data?.trend ?? [];
    const series = (['done_on_time', 'done_late', 'overdue'] as const).map((s) => ({
      type: 'line' as const,
      name: t(`tasks.status.${s}`),
      data: trend.map((m) => m[s]),
      itemStyle: { color: STATUS_CHART_COLORS[s] },
    }));
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: trend.map((m) => `${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`) },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    };
  }, [data, t]);

  const makeLetter = (u: DashboardUnit) =>
    urging.mutate(
      { body: u.key, committeeId: data?.committeeId },
      {
        onSuccess: (r) => {
          void message.success(t('tasks.dashboard.urgingCreated'));
          navigate(`/outgoing/${r.outgoingId}`);
        },
        onError: (e) => void message.error(taskMessage(e)),
      },
    );

  const num = (n: number, p: { body?: string; status?: TaskStatus }, testId: string) =>
    n > 0 ? (
      <a
        onClick={() => drill(p)}
        data-testid={testId}
        className={p.status === 'overdue' ? 'vp-task-number vp-task-number-overdue' : 'vp-task-number'}
      >
        {n}
      </a>
    ) : (
      <span className="vp-muted" data-testid={testId}>
        0
      </span>
    );

  const columns: ColumnsType<DashboardUnit> = [
    {
      title: t('tasks.dashboard.unit'),
      key: 'name',
      fixed: 'left',
      width: screens.md === false ? 150 : 230,
      render: (_, u) => (
        <Flex vertical gap={2} align="flex-start">
          <a onClick={() => drill({ body: u.key })} className="vp-task-unit">
            {u.name}
          </a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`tasks.dashboard.kind.${u.kind}`)}
          </Typography.Text>
          {/* A unit with overdue tasks: one click drafts the công văn đôn đốc (the server checks the right). */}
          {canUrge && u.counts.overdue > 0 ? (
            <Popconfirm
              title={t('tasks.dashboard.urgingConfirm', { name: u.name, count: u.counts.overdue })}
              okText={t('tasks.dashboard.urging')}
              cancelText={t('common.cancel')}
              onConfirm={() => makeLetter(u)}
            >
              <Button
                size="small"
                danger
                icon={<MailOutlined />}
                loading={urging.isPending && urging.variables?.body === u.key}
                data-testid={`dash-${u.key}-urging`}
                style={{ marginTop: 2 }}
              >
                {t('tasks.dashboard.urging')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('tasks.dashboard.total'),
      key: 'total',
      width: 80,
      align: 'right',
      render: (_, u) => num(u.total, { body: u.key }, `dash-${u.key}-total`),
    },
    ...TASK_STATUSES.map((s) => ({
      title: <span style={{ color: STATUS_CHART_COLORS[s] }}>{t(`tasks.status.${s}`)}</span>,
      key: s,
      width: 96,
      align: 'right' as const,
      render: (_: unknown, u: DashboardUnit) =>
        num(u.counts[s], { body: u.key, status: s }, `dash-${u.key}-${s}`),
    })),
    {
      title: t('tasks.dashboard.onTimeRate'),
      key: 'rate',
      width: 110,
      align: 'right',
      render: (_, u) => (
        <span data-testid={`dash-${u.key}-rate`}>{formatRate(u.onTimeRate, i18n.language)}</span>
      ),
    },
  ];

  const stat = (key: TaskStatus | 'total', value: number) => (
    <Col xs={12} sm={8} lg={4} key={key}>
      <Card
        size="small"
        className="vp-task-stat"
        style={{ height: '100%' }}
        onClick={() => drill(key === 'total' ? {} : { status: key })}
        data-testid={`dash-total-${key}`}
        hoverable
      >
        <Statistic
          title={key === 'total' ? t('tasks.dashboard.total') : t(`tasks.status.${key}`)}
          value={value}
          valueStyle={key === 'total' ? undefined : { color: STATUS_CHART_COLORS[key] }}
        />
      </Card>
    </Col>
  );

  const totals = data?.totals;
  const total = totals ? TASK_STATUSES.reduce((n, s) => n + totals[s], 0) : 0;

  return (
    <div>
      <PageHeader
        title={t('tasks.dashboard.title')}
        subtitle={
          data ? t('tasks.dashboard.asOf', { date: formatDate(data.asOf) }) : t('tasks.dashboard.subtitle')
        }
        extra={
          <>
            <Button
              icon={<FileExcelOutlined />}
              href={exportUrl({
                box: 'all',
                ...(data ? { assignerCommitteeId: data.committeeId } : {}),
                ...(subtasks ? {} : { topLevel: 'true' }),
              })}
              data-testid="tasks-dashboard-export"
            >
              {t('tasks.list.export')}
            </Button>
            <Button
              icon={<FileWordOutlined />}
              onClick={() => setReportOpen(true)}
              data-testid="tasks-dashboard-report"
            >
              {t('tasks.dashboard.report')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center">
          {committees.length > 1 ? (
            <Select<number>
              value={committeeId ?? data?.committeeId}
              onChange={setCommitteeId}
              options={committees.map((c) => ({ value: c.committeeId, label: c.name }))}
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 220 }}
              aria-label={t('tasks.dashboard.committee')}
              data-testid="tasks-dashboard-committee"
            />
          ) : null}
          <span>{t('tasks.dashboard.assignedBetween')}</span>
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            allowEmpty={[true, true]}
            value={[parseIsoDate(from), parseIsoDate(to)]}
            onChange={(v) => {
              setFrom(v?.[0] ? toIsoDate(v[0]) : undefined);
              setTo(v?.[1] ? toIsoDate(v[1]) : undefined);
            }}
            data-testid="tasks-dashboard-range"
          />
          <Flex gap={8} align="center">
            <Switch checked={subtasks} onChange={setSubtasks} data-testid="tasks-dashboard-subtasks" />
            <span>{t('tasks.dashboard.withSubtasks')}</span>
          </Flex>
        </Flex>
      </Card>
      {query.error ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="tasks-dashboard-totals">
            {stat('total', total)}
            {TASK_STATUSES.map((s) => stat(s, data.totals[s]))}
          </Row>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Statistic
              title={t('tasks.dashboard.onTimeRateAll')}
              value={formatRate(data.onTimeRate, i18n.language)}
              data-testid="tasks-dashboard-rate"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('tasks.dashboard.rateHelp')}
            </Typography.Text>
          </Card>
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('tasks.dashboard.byUnit')} style={{ marginBottom: 16 }}>
                {rated.length === 0 ? (
                  <Typography.Text type="secondary">{t('tasks.dashboard.nothingDue')}</Typography.Text>
                ) : (
                  <Chart
                    option={barOption}
                    height={Math.max(220, rated.length * 34 + 40)}
                    onClick={({ dataIndex }) => {
                      const u = rated[dataIndex];
                      if (u) {
                        drill({ body: u.key });
                      }
                    }}
                    testId="tasks-chart-units"
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('tasks.dashboard.trend')} style={{ marginBottom: 16 }}>
                <Chart option={lineOption} testId="tasks-chart-trend" />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('tasks.dashboard.table')}>
            <Table<DashboardUnit>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={units}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="tasks-dashboard-table"
              onRow={(u) => ({ 'data-testid': `dash-row-${u.key}` }) as React.HTMLAttributes<HTMLElement>}
            />
          </Card>
        </>
      )}
      <ReportModal open={reportOpen} onClose={() => setReportOpen(false)} committeeId={data?.committeeId} />
    </div>
  );
}
