import { ThunderboltFilled, WarningOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useIncomingList } from '../api/get-incoming-list';
import { IncomingTable } from '../components/IncomingTable';
import { isFlash } from '../utils/labels';
import '../incoming.css';

type Only = 'all' | 'overdue' | 'dueSoon';

/** Văn bản chờ xử lý: what waits for me — presented to me (leaders), directed to me or my unit (handlers). */
export function IncomingInboxRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [page, setPage] = useState({ current: 1, pageSize: 50 });
  const [only, setOnly] = useState<Only>('all');
  const list = useIncomingList({
    inbox: 'mine',
    sort: 'urgency_desc',
    overdue: only === 'overdue' || undefined,
    dueSoon: only === 'dueSoon' || undefined,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  });
  const items = list.data?.items ?? [];
  const urgent = items.filter((i) => isFlash(i.urgency)).length;
  const overdue = items.filter((i) => i.overdue).length;

  return (
    <div>
      <PageHeader
        title={t('incoming.inbox.title')}
        subtitle={t('incoming.inbox.subtitle')}
        extra={<Button onClick={() => navigate('/incoming')}>{t('incoming.list.title')}</Button>}
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<Only>
          value={only}
          onChange={(v) => {
            setOnly(v);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          options={[
            { value: 'all', label: t('incoming.inbox.all') },
            { value: 'overdue', label: t('incoming.flags.overdue') },
            { value: 'dueSoon', label: t('incoming.flags.dueSoon') },
          ]}
          data-testid="inbox-filter"
        />
        {urgent > 0 ? (
          <Tag color="red" icon={<ThunderboltFilled />} data-testid="inbox-urgent-count">
            {t('incoming.inbox.urgentCount', { count: urgent })}
          </Tag>
        ) : null}
        {overdue > 0 ? (
          <Tag color="red" icon={<WarningOutlined />} data-testid="inbox-overdue-count">
            {t('incoming.inbox.overdueCount', { count: overdue })}
          </Tag>
        ) : null}
      </Flex>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <IncomingTable
          items={items}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          testId="incoming-inbox"
          paging={{
            current: page.current,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
        />
      )}
    </div>
  );
}
