import {
  CheckCircleOutlined,
  DeleteOutlined,
  LeftOutlined,
  PlusOutlined,
  ReloadOutlined,
  RightOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Popconfirm,
  Segmented,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { allowed, useHasPermission } from '../../../lib/auth';
import { dayjs, formatDate, formatDateTime, parseIsoDate, todayInOffice } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { translateOr } from '../../../lib/i18n';
import { weekdayName } from '../../../lib/long-date';
import type { Holiday } from '../../../types/api';
import { useCalendar } from '../api/get-calendar';
import { useConfirmCalendar } from '../api/confirm-calendar';
import { useDeleteHoliday } from '../api/delete-holiday';
import { useGenerateCalendar } from '../api/generate-calendar';
import { AddHolidayModal } from '../components/AddHolidayModal';
import { KIND_COLORS, KindTag } from '../components/KindTag';
import { YearGrid } from '../components/YearGrid';

/** Lịch làm việc: everyone sees the year's holidays; calendar.manage generates, edits and confirms. */
export function CalendarRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useHasPermission('calendar.manage');
  const [year, setYear] = useState(() => todayInOffice().year());
  const [view, setView] = useState<'list' | 'grid'>('list');
  const [adding, setAdding] = useState(false);
  const calendar = useCalendar(year);
  const generate = useGenerateCalendar();
  const confirm = useConfirmCalendar();
  const remove = useDeleteHoliday();

  const abilities = calendar.data?.abilities;
  const canGenerate = allowed(abilities, 'generate', canManage);
  const canAdd = allowed(abilities, 'addHoliday', canManage);
  const canConfirm = allowed(abilities, 'confirm', canManage);

  const run = async (p: Promise<unknown>, ok: string) => {
    try {
      await p;
      void message.success(ok);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const holidays = [...(calendar.data?.holidays ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const daysOff = holidays.filter((h) => h.kind !== 'swapped_workday').length;
  const workdays = holidays.length - daysOff;

  const columns: ColumnsType<Holiday> = [
    {
      title: t('calendar.date'),
      dataIndex: 'date',
      width: 200,
      render: (v: string) => {
        const d = parseIsoDate(v);
        return (
          <span>
            <Typography.Text strong>{formatDate(v)}</Typography.Text>{' '}
            <Typography.Text type="secondary">{d ? weekdayName(d) : ''}</Typography.Text>
          </span>
        );
      },
    },
    { title: t('calendar.name'), dataIndex: 'name' },
    {
      title: t('calendar.kindLabel'),
      dataIndex: 'kind',
      width: 180,
      render: (v: Holiday['kind']) => <KindTag kind={v} />,
    },
    {
      title: t('calendar.source'),
      dataIndex: 'source',
      width: 150,
      responsive: ['md'],
      render: (v: string) => <Tag bordered={false}>{translateOr(`calendar.sources.${v}`, v)}</Tag>,
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      align: 'center',
      render: (_, h) =>
        allowed(h.abilities, 'delete', allowed(abilities, 'removeHoliday', canManage)) ? (
          <Popconfirm
            title={t('calendar.removeConfirm', { name: h.name, date: formatDate(h.date) })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => run(remove.mutateAsync(h.id), t('calendar.removed'))}
          >
            <Tooltip title={t('common.delete')}>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('common.delete')}: ${h.name} ${formatDate(h.date)}`}
              />
            </Tooltip>
          </Popconfirm>
        ) : null,
    });
  }

  return (
    <div>
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        extra={
          <Space wrap>
            {canGenerate ? (
              <Popconfirm
                title={t('calendar.generateConfirm', { year })}
                okText={t('calendar.generate')}
                cancelText={t('common.cancel')}
                onConfirm={() => run(generate.mutateAsync(year), t('calendar.generated', { year }))}
              >
                <Button
                  icon={<ReloadOutlined />}
                  loading={generate.isPending}
                  data-testid="calendar-generate"
                >
                  {t('calendar.generate')}
                </Button>
              </Popconfirm>
            ) : null}
            {canAdd ? (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="calendar-add">
                {t('calendar.addDay')}
              </Button>
            ) : null}
            {canConfirm && calendar.data && !calendar.data.confirmed ? (
              <Popconfirm
                title={t('calendar.confirmConfirm', { year })}
                okText={t('calendar.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => run(confirm.mutateAsync(year), t('calendar.confirmed', { year }))}
              >
                <Button
                  type="primary"
                  icon={<CheckCircleOutlined />}
                  loading={confirm.isPending}
                  data-testid="calendar-confirm"
                >
                  {t('calendar.confirm')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        }
      />

      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
        <Flex gap={12} wrap align="center" justify="space-between">
          <Flex gap={4} align="center">
            <Button
              icon={<LeftOutlined />}
              onClick={() => setYear((y) => y - 1)}
              aria-label={t('calendar.prevYear')}
            />
            <DatePicker
              picker="year"
              value={dayjs(new Date(year, 0, 1))}
              onChange={(d) => d && setYear(d.year())}
              allowClear={false}
              format="YYYY"
              style={{ width: 110 }}
              aria-label={t('calendar.year')}
              data-testid="calendar-year"
            />
            <Button
              icon={<RightOutlined />}
              onClick={() => setYear((y) => y + 1)}
              aria-label={t('calendar.nextYear')}
            />
          </Flex>
          {calendar.data ? (
            <Flex gap={8} wrap align="center">
              {calendar.data.confirmed ? (
                <Tag color="green" icon={<CheckCircleOutlined />} data-testid="calendar-status">
                  {calendar.data.confirmedAt
                    ? t('calendar.confirmedAt', {
                        date: formatDateTime(calendar.data.confirmedAt, 'DD/MM/YYYY'),
                      })
                    : t('calendar.statusConfirmed')}
                </Tag>
              ) : (
                <Tag color="orange" data-testid="calendar-status">
                  {t('calendar.statusDraft')}
                </Tag>
              )}
              <Typography.Text type="secondary">
                {t('calendar.summary', { daysOff, workdays })}
              </Typography.Text>
            </Flex>
          ) : null}
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'list' | 'grid')}
            options={[
              { value: 'list', label: t('calendar.viewList') },
              { value: 'grid', label: t('calendar.viewGrid') },
            ]}
          />
        </Flex>
      </Card>

      {calendar.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : calendar.error ? (
        <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : view === 'list' ? (
        <Table<Holiday>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={holidays}
          pagination={false}
          locale={{ emptyText: t('calendar.empty', { year }) }}
          scroll={{ x: 600 }}
          data-testid="holidays-table"
        />
      ) : (
        <Card>
          <Flex gap={12} wrap style={{ marginBottom: 16 }}>
            {(Object.keys(KIND_COLORS) as Holiday['kind'][]).map((k) => (
              <span key={k} className="vp-legend">
                <span className={`vp-legend-swatch is-${k}`} aria-hidden />
                {t(`calendar.kind.${k}`)}
              </span>
            ))}
            <span className="vp-legend">
              <span className="vp-legend-swatch is-weekend" aria-hidden />
              {t('calendar.weekend')}
            </span>
          </Flex>
          <YearGrid year={year} holidays={holidays} />
        </Card>
      )}
      <AddHolidayModal open={adding} year={year} onClose={() => setAdding(false)} />
    </div>
  );
}
