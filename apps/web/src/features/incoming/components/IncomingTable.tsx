import { PaperClipOutlined } from '@ant-design/icons';
import { Flex, Grid, List, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatDate } from '../../../lib/dates';
import type { IncomingListItem } from '../types';
import { isFlash, isUrgent } from '../utils/labels';
import { DeadlineText, SecrecyTag, StatusTag, UrgencyTag } from './tags';

export interface Paging {
  current: number;
  pageSize: number;
  total: number;
  pageSizeOptions?: number[];
  onChange: (current: number, pageSize: number) => void;
}

/** Urgent rows carry a mark on the left; overdue rows a red background (inboxes and the register). */
const rowClass = (r: IncomingListItem) =>
  [
    isFlash(r.urgency) ? 'vp-in-row-flash' : isUrgent(r.urgency) ? 'vp-in-row-urgent' : '',
    r.overdue ? 'vp-in-row-overdue' : '',
    r.status === 'cancelled' ? 'vp-row-disabled' : '',
  ]
    .filter(Boolean)
    .join(' ');

function Summary({ item }: { item: IncomingListItem }) {
  const { t } = useTranslation();
  return item.summary === null ? (
    <Typography.Text type="secondary" italic>
      {t('incoming.summaryWithheld')}
    </Typography.Text>
  ) : (
    <span className="vp-in-summary">{item.summary || '—'}</span>
  );
}

/** The register list and the inboxes: a table on wide screens, a list of cards on a phone. */
export function IncomingTable({
  items,
  loading,
  paging,
  testId,
}: {
  items: IncomingListItem[];
  loading: boolean;
  paging: Paging;
  testId: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const pagination = {
    current: paging.current,
    pageSize: paging.pageSize,
    total: paging.total,
    showSizeChanger: true,
    pageSizeOptions: paging.pageSizeOptions ?? [20, 50, 100, 200],
    showTotal: (total: number) => t('common.total', { count: total }),
    onChange: paging.onChange,
  };

  if (screens.md === false) {
    return (
      <List<IncomingListItem>
        className="vp-in-cards"
        dataSource={items}
        loading={loading}
        rowKey="id"
        pagination={{ ...pagination, size: 'small', showSizeChanger: false, simple: true }}
        data-testid={testId}
        locale={{ emptyText: t('incoming.list.empty') }}
        renderItem={(r) => (
          <List.Item className={`vp-in-card ${rowClass(r)}`} data-testid={`incoming-row-${r.id}`}>
            <Link to={`/incoming/${r.id}`} className="vp-in-card-link">
              <Flex justify="space-between" gap={8} align="baseline">
                <Typography.Text strong>
                  {t('incoming.arrivalNumberShort', { number: r.arrivalNumber })} · {formatDate(r.arrivalDate)}
                </Typography.Text>
                <StatusTag value={r.status} />
              </Flex>
              <div className="vp-in-card-notation">
                {r.notation}
                {r.issuerName ? <span className="vp-muted"> — {r.issuerName}</span> : null}
              </div>
              <div className="vp-in-card-summary">
                <Summary item={r} />
              </div>
              <Flex gap={4} wrap align="center">
                <UrgencyTag value={r.urgency} />
                <SecrecyTag value={r.secrecy} />
                {r.deadline ? (
                  <span className="vp-in-card-deadline">
                    {t('incoming.columns.deadline')}:{' '}
                    <DeadlineText deadline={r.deadline} overdue={r.overdue} dueSoon={r.dueSoon} />
                  </span>
                ) : null}
              </Flex>
            </Link>
          </List.Item>
        )}
      />
    );
  }

  const columns: ColumnsType<IncomingListItem> = [
    {
      title: t('incoming.columns.arrivalNumber'),
      dataIndex: 'arrivalNumber',
      width: 76,
      align: 'right',
      render: (v: number) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      title: t('incoming.columns.arrivalDate'),
      dataIndex: 'arrivalDate',
      width: 104,
      render: (v: string) => <span className="vp-nowrap">{formatDate(v)}</span>,
    },
    {
      title: t('incoming.columns.issuer'),
      dataIndex: 'issuerName',
      width: 170,
      responsive: ['lg'],
    },
    {
      title: t('incoming.columns.notation'),
      dataIndex: 'notation',
      width: 140,
      render: (v: string, r) => (
        <Link to={`/incoming/${r.id}`} className="vp-nowrap" data-testid={`incoming-link-${r.id}`}>
          {v}
        </Link>
      ),
    },
    {
      title: t('incoming.columns.summary'),
      key: 'summary',
      render: (_, r) => (
        <div>
          <Summary item={r} />
          {r.attachmentCount > 0 ? (
            <PaperClipOutlined
              className="vp-muted"
              style={{ marginInlineStart: 6 }}
              aria-label={t('incoming.attachmentCount', { count: r.attachmentCount })}
            />
          ) : null}
        </div>
      ),
    },
    {
      title: t('incoming.columns.marks'),
      key: 'marks',
      width: 118,
      render: (_, r) => (
        <Flex gap={4} wrap>
          <UrgencyTag value={r.urgency} />
          <SecrecyTag value={r.secrecy} />
        </Flex>
      ),
    },
    {
      title: t('incoming.columns.deadline'),
      key: 'deadline',
      width: 128,
      render: (_, r) => <DeadlineText deadline={r.deadline} overdue={r.overdue} dueSoon={r.dueSoon} />,
    },
    {
      title: t('incoming.columns.status'),
      dataIndex: 'status',
      width: 124,
      render: (_, r) => <StatusTag value={r.status} />,
    },
    {
      title: t('incoming.columns.lead'),
      key: 'lead',
      width: 160,
      responsive: ['xl'],
      render: (_, r) => r.leadAgencyName ?? r.leadUserName ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];

  return (
    <Table<IncomingListItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      rowClassName={rowClass}
      scroll={{ x: 900 }}
      pagination={pagination}
      locale={{ emptyText: t('incoming.list.empty') }}
      onRow={(r) => ({
        'data-testid': `incoming-row-${r.id}`,
        onClick: (e) => {
          // Links inside the row keep their own behaviour (new tab with Ctrl, keyboard focus).
          if ((e.target as HTMLElement).closest('a,button')) {
            return;
          }
          navigate(`/incoming/${r.id}`);
        },
      }) as HTMLAttributes<HTMLElement>}
      data-testid={testId}
    />
  );
}
