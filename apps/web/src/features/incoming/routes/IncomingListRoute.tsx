import {
  BarChartOutlined,
  BookOutlined,
  InboxOutlined,
  PlusOutlined,
  PrinterOutlined,
  ScanOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useHasPermission } from '../../../lib/auth';
import { useIncomingList } from '../api/get-incoming-list';
import { IncomingFilters } from '../components/IncomingFilters';
import { IncomingTable } from '../components/IncomingTable';
import { RegisterBookModal } from '../components/RegisterBookModal';
import { PAGE_SIZES, readListView, toListParams, writeListView, type ListView } from '../utils/list-query';
import '../incoming.css';

/** Văn bản đến: the register list (incoming.view), its filters in the URL. */
export function IncomingListRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canRegister = useHasPermission('incoming.register');
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readListView(params), [params]);
  const list = useIncomingList(toListParams(view));
  const [bookOpen, setBookOpen] = useState(false);

  const update = useCallback(
    (patch: Partial<ListView>) =>
      setParams((prev) => writeListView({ ...readListView(prev), ...patch }), { replace: true }),
    [setParams],
  );

  return (
    <div>
      <PageHeader
        title={t('incoming.list.title')}
        subtitle={t('incoming.list.subtitle')}
        extra={
          <>
            {canRegister ? (
              <>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => navigate('/incoming/new')}
                  data-testid="incoming-create"
                >
                  {t('incoming.list.register')}
                </Button>
                <Button
                  icon={<ScanOutlined />}
                  onClick={() => navigate('/incoming/scan')}
                  data-testid="incoming-scan"
                >
                  {t('incoming.scan.title')}
                </Button>
              </>
            ) : null}
            <Button icon={<InboxOutlined />} onClick={() => navigate('/incoming/inbox')}>
              {t('incoming.inbox.title')}
            </Button>
            <Button
              icon={<PrinterOutlined />}
              onClick={() => setBookOpen(true)}
              data-testid="incoming-print-book"
            >
              {t('incoming.list.printBook')}
            </Button>
            <Button
              icon={<BarChartOutlined />}
              onClick={() => navigate('/incoming/report')}
              data-testid="incoming-report"
            >
              {t('incoming.list.report')}
            </Button>
            <Button
              icon={<BookOutlined />}
              onClick={() => navigate('/incoming/registers')}
              data-testid="incoming-registers"
            >
              {t('incoming.list.registers')}
            </Button>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }} size="small">
        <IncomingFilters
          view={view}
          onChange={update}
          onReset={() => setParams(new URLSearchParams(), { replace: true })}
        />
      </Card>
      {list.data?.totalCapped ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('incoming.list.totalCapped')} />
      ) : null}
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <IncomingTable
          items={list.data?.items ?? []}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          testId="incoming-table"
          paging={{
            current: view.page,
            pageSize: view.pageSize,
            total: list.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            onChange: (page, pageSize) => update({ page: pageSize !== view.pageSize ? 1 : page, pageSize }),
          }}
        />
      )}
      <RegisterBookModal open={bookOpen} onClose={() => setBookOpen(false)} registerId={view.registerId} />
    </div>
  );
}
