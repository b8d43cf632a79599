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
                  {t('incoming.arrivalNumberShort', { number: r.arrivalNumber })} ·{' '}
                  {formatDate(r.arrivalDate)}
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

  // Below 1600 px the marks sit in the summary cell and the lead unit under the status, so the summary
  // keeps a readable width next to the sider.
  const wide = !!screens.xxl;
  const marks = (r: IncomingListItem) =>
    r.urgency !== 'normal' || r.secrecy !== 'none' ? (
      <Flex gap={4} wrap>
        <UrgencyTag value={r.urgency} />
        <SecrecyTag value={r.secrecy} />
      </Flex>
    ) : null;
  const lead = (r: IncomingListItem) => r.leadAgencyName ?? r.leadUserName;

  const columns: ColumnsType<IncomingListItem> = [
    {
      title: t('incoming.columns.arrivalNumber'),
      dataIndex: 'arrivalNumber',
      width: 72,
      align: 'right',
      render: (v: number) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      title: t('incoming.columns.arrivalDate'),
      dataIndex: 'arrivalDate',
      width: 100,
      render: (v: string) => <span className="vp-nowrap">{formatDate(v)}</span>,
    },
    {
      title: t('incoming.columns.issuer'),
      dataIndex: 'issuerName',
      width: wide ? 200 : 150,
    },
    {
      title: t('incoming.columns.notation'),
      dataIndex: 'notation',
      width: 136,
      render: (v: string, r) => (
        <Link
          to={`/incoming/${r.id}`}
          data-testid={`incoming-link-${r.id}`}
          style={{ wordBreak: 'break-word' }}
        >
          {v}
        </Link>
      ),
    },
    {
      title: wide
        ? t('incoming.columns.summary')
        : `${t('incoming.columns.summary')} · ${t('incoming.columns.marks')}`,
      key: 'summary',
      render: (_, r) => (
        <Flex vertical gap={4}>
          {wide ? null : marks(r)}
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
        </Flex>
      ),
    },
    ...(wide
      ? [
          {
            title: t('incoming.columns.marks'),
            key: 'marks',
            width: 130,
            render: (_: unknown, r: IncomingListItem) => marks(r),
          },
        ]
      : []),
    {
      title: t('incoming.columns.deadline'),
      key: 'deadline',
      width: 124,
      render: (_, r) => <DeadlineText deadline={r.deadline} overdue={r.overdue} dueSoon={r.dueSoon} />,
    },
    {
      title: wide
        ? t('incoming.columns.status')
        : `${t('incoming.columns.status')} · ${t('incoming.columns.lead')}`,
      dataIndex: 'status',
      width: wide ? 130 : 170,
      render: (_, r) => (
        <Flex vertical gap={4} align="flex-start">
          <StatusTag value={r.status} />
          {!wide && lead(r) ? <span style={{ fontSize: 13 }}>{lead(r)}</span> : null}
        </Flex>
      ),
    },
    ...(wide
      ? [
          {
            title: t('incoming.columns.lead'),
            key: 'lead',
            width: 180,
            render: (_: unknown, r: IncomingListItem) =>
              lead(r) ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
        ]
      : []),
  ];

  return (
    <Table<IncomingListItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      rowClassName={rowClass}
      scroll={{ x: 960 }}
      pagination={pagination}
      locale={{ emptyText: t('incoming.list.empty') }}
      onRow={(r) =>
        ({
          'data-testid': `incoming-row-${r.id}`,
          onClick: (e) => {
            // Links inside the row keep their own behaviour (new tab with Ctrl, keyboard focus).
            if ((e.target as HTMLElement).closest('a,button')) {
              return;
            }
            navigate(`/incoming/${r.id}`);
          },
        }) as HTMLAttributes<HTMLElement>
      }
      data-testid={testId}
    />
  );
}
