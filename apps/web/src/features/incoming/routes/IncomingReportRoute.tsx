import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { DATE_FORMAT, todayInOffice, toIsoDate, type Dayjs } from '../../../lib/dates';
import { handlingReportXlsxUrl, useHandlingReport } from '../api/get-report';
import type { HandlingReportRow } from '../types';
import '../incoming.css';

/** Báo cáo tình hình xử lý văn bản đến: by lead unit, for a date range of arrival; on screen and as XLSX. */
export function IncomingReportRoute() {
  const { t } = useTranslation();
  const today = todayInOffice();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today.startOf('year'), today]);
  const from = toIsoDate(range[0]);
  const to = toIsoDate(range[1]);
  const report = useHandlingReport(from, to);
  const num = (v: number, tone?: 'danger' | 'warning' | 'success') => (
    <Typography.Text type={v > 0 ? tone : undefined} strong={v > 0 && !!tone}>
      {v}
    </Typography.Text>
  );

  const columns: ColumnsType<HandlingReportRow> = [
    {
      title: t('incoming.report.unit'),
      dataIndex: 'agencyName',
      render: (v: string) => v || t('incoming.report.noUnit'),
    },
    { title: t('incoming.report.total'), dataIndex: 'total', width: 110, align: 'right' },
    {
      title: t('incoming.report.doneOnTime'),
      dataIndex: 'doneOnTime',
      width: 130,
      align: 'right',
      render: (v: number) => num(v, 'success'),
    },
    {
      title: t('incoming.report.doneLate'),
      dataIndex: 'doneLate',
      width: 130,
      align: 'right',
      render: (v: number) => num(v, 'warning'),
    },
    {
      title: t('incoming.report.overdue'),
      dataIndex: 'overdue',
      width: 130,
      align: 'right',
      render: (v: number) => num(v, 'danger'),
    },
    { title: t('incoming.report.inProgress'), dataIndex: 'inProgress', width: 130, align: 'right' },
  ];
  const totals = report.data?.totals;

  return (
    <div>
      <PageHeader
        title={t('incoming.report.title')}
        subtitle={t('incoming.report.subtitle')}
        extra={
          <Button
            icon={<FileExcelOutlined />}
            href={handlingReportXlsxUrl(from, to)}
            data-testid="incoming-report-xlsx"
          >
            {t('incoming.report.xlsx')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" component="div">
          <Form.Item label={t('incoming.report.range')} htmlFor="incoming-report-range">
            <DatePicker.RangePicker
              id="incoming-report-range"
              format={DATE_FORMAT}
              value={range}
              allowClear={false}
              onChange={(v) => {
                if (v?.[0] && v[1]) {
                  setRange([v[0], v[1]]);
                }
              }}
            />
          </Form.Item>
        </Form>
      </Card>
      {report.error ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Table<HandlingReportRow>
          rowKey={(r) => String(r.agencyId ?? 'none')}
          size="small"
          columns={columns}
          dataSource={report.data?.rows ?? []}
          loading={report.isFetching}
          pagination={false}
          scroll={{ x: 760 }}
          data-testid="incoming-report-table"
          summary={() =>
            totals ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t('incoming.report.totals')}</strong>
                </Table.Summary.Cell>
                {(['total', 'doneOnTime', 'doneLate', 'overdue', 'inProgress'] as const).map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1} align="right">
                    <strong>{totals[k]}</strong>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
      <Flex style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('incoming.report.note')}
        </Typography.Text>
      </Flex>
    </div>
  );
}
