import { Flex, Grid, List, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatDate, formatDateTime, DATE_TIME_SHORT_FORMAT } from '../../../lib/dates';
import { SecrecyTag, UrgencyTag } from '../../incoming/components/tags';
import type { OutgoingListItem } from '../types';
import { OutgoingStatusTag } from './tags';

export interface Paging {
  current: number;
  pageSize: number;
  total: number;
  onChange: (current: number, pageSize: number) => void;
}

function Marks({ r }: { r: OutgoingListItem }) {
  return r.urgency !== 'normal' || r.secrecy !== 'none' ? (
    <Flex gap={4} wrap>
      <UrgencyTag value={r.urgency} />
      <SecrecyTag value={r.secrecy} />
    </Flex>
  ) : null;
}

/** The outgoing boxes: a table on wide screens, a list of cards on a phone. */
export function OutgoingTable({
  items,
  loading,
  paging,
  testId,
  emptyText,
}: {
  items: OutgoingListItem[];
  loading: boolean;
  paging: Paging;
  testId: string;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const pagination = {
    current: paging.current,
    pageSize: paging.pageSize,
    total: paging.total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100, 200],
    showTotal: (total: number) => t('common.total', { count: total }),
    onChange: paging.onChange,
  };
  const notation = (r: OutgoingListItem) =>
    r.notation ?? (
      <Typography.Text type="secondary" italic>
        {t('outgoing.list.noNumber')}
      </Typography.Text>
    );

  if (screens.md === false) {
    return (
      <List<OutgoingListItem>
        className="vp-og-cards"
        dataSource={items}
        loading={loading}
        rowKey="id"
        pagination={{ ...pagination, size: 'small', showSizeChanger: false, simple: true }}
        data-testid={testId}
        locale={{ emptyText }}
        renderItem={(r) => (
          <List.Item className="vp-og-card" data-testid={`outgoing-row-${r.id}`}>
            <Link to={`/outgoing/${r.id}`} className="vp-og-card-link">
              <Flex justify="space-between" gap={8} align="baseline">
                <span className="vp-og-notation">{notation(r)}</span>
                <OutgoingStatusTag value={r.status} />
              </Flex>
              <div className="vp-muted" style={{ fontSize: 13 }}>
                {r.documentType.name} · {r.issuerName}
                {r.issuedOn ? ` · ${formatDate(r.issuedOn)}` : ''}
              </div>
              <div className="vp-og-summary">{r.summary}</div>
              <Marks r={r} />
              {r.currentStep ? (
                <div style={{ fontSize: 13 }}>
                  <Typography.Text type="secondary">{t('outgoing.list.currentStep')}: </Typography.Text>
                  {r.currentStep}
                </div>
              ) : null}
            </Link>
          </List.Item>
        )}
      />
    );
  }

  const columns: ColumnsType<OutgoingListItem> = [
    {
      title: t('outgoing.columns.notation'),
      key: 'notation',
      width: 130,
      render: (_, r) => (
        <Link to={`/outgoing/${r.id}`} data-testid={`outgoing-link-${r.id}`} style={{ wordBreak: 'break-word' }}>
          {notation(r)}
        </Link>
      ),
    },
    {
      title: t('outgoing.columns.issuedOn'),
      dataIndex: 'issuedOn',
      width: 120,
      render: (v: string | null) => <span className="vp-nowrap">{v ? formatDate(v) : '—'}</span>,
    },
    {
      title: t('outgoing.columns.type'),
      key: 'type',
      width: 110,
      render: (_, r) => r.documentType.name,
    },
    {
      title: t('outgoing.columns.summary'),
      key: 'summary',
      render: (_, r) => (
        <Flex vertical gap={4}>
          <Marks r={r} />
          <span className="vp-og-summary">{r.summary}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.issuerName} · {t('outgoing.columns.drafter')}: {r.drafter.name}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('outgoing.columns.step'),
      key: 'step',
      width: 200,
      render: (_, r) =>
        r.currentStep ?? (r.signerName ? `${t('outgoing.columns.signer')}: ${r.signerName}` : '—'),
    },
    {
      title: t('outgoing.columns.status'),
      key: 'status',
      width: 150,
      render: (_, r) => (
        <Flex vertical gap={2} align="flex-start">
          <OutgoingStatusTag value={r.status} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(r.updatedAt, DATE_TIME_SHORT_FORMAT)}
          </Typography.Text>
        </Flex>
      ),
    },
  ];

  return (
    <Table<OutgoingListItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 900 }}
      pagination={pagination}
      locale={{ emptyText }}
      onRow={(r) =>
        ({
          'data-testid': `outgoing-row-${r.id}`,
          onClick: (e) => {
            if ((e.target as HTMLElement).closest('a,button')) {
              return;
            }
            navigate(`/outgoing/${r.id}`);
          },
        }) as HTMLAttributes<HTMLElement>
      }
      data-testid={testId}
    />
  );
}
