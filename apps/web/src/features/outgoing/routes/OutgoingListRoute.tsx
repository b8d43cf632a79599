import { PlusOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Input, Select, Tabs } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { usePermissions } from '../../../lib/auth';
import { useDocumentTypes } from '../../document-types/api/get-document-types';
import { useIssuers } from '../api/directory';
import { useOutgoingList } from '../api/outgoing';
import { OutgoingRegisterModal } from '../components/OutgoingRegisterModal';
import { OutgoingTable } from '../components/OutgoingTable';
import type { OutgoingBox, OutgoingStatus } from '../types';
import { foldedFilter, OUTGOING_STATUSES } from '../utils/labels';
import '../outgoing.css';

/** Which boxes a user has: each follows from a permission (drafters, reviewers and signers, the clerk). */
function useBoxes(): OutgoingBox[] {
  const permissions = usePermissions();
  return [
    'all',
    ...(permissions.has('outgoing.draft') ? (['mine'] as const) : []),
    ...(permissions.has('outgoing.approve') ? (['review'] as const) : []),
    ...(permissions.has('outgoing.issue') ? (['to_issue'] as const) : []),
  ];
}

const posInt = (v: string | null) => (v && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : undefined);

/** Văn bản đi: the boxes (all, drafted by me, waiting for me, to issue), filters in the URL. */
export function OutgoingListRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permissions = usePermissions();
  const boxes = useBoxes();
  const [params, setParams] = useSearchParams();
  const box = boxes.find((b) => b === params.get('box')) ?? 'all';
  const status = OUTGOING_STATUSES.find((s) => s === params.get('status'));
  const documentTypeId = posInt(params.get('type'));
  const q = params.get('q') ?? '';
  const page = posInt(params.get('page')) ?? 1;
  const pageSize = [20, 50, 100, 200].find((n) => n === posInt(params.get('size'))) ?? 50;
  const types = useDocumentTypes(null);
  const issuers = useIssuers();
  const layouts = new Set((issuers.data?.items ?? []).map((i) => i.layout));

  const list = useOutgoingList({
    box,
    status,
    documentTypeId,
    q: q.trim() || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const review = useOutgoingList({ box: 'review', limit: 1, offset: 0 }, { enabled: boxes.includes('review') });
  const toIssue = useOutgoingList({ box: 'to_issue', limit: 1, offset: 0 }, { enabled: boxes.includes('to_issue') });

  const set = useCallback(
    (patch: Record<string, string | number | undefined>) =>
      setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '' || (k === 'box' && v === 'all') || (k === 'page' && v === 1)) {
            next.delete(k);
          } else {
            next.set(k, String(v));
          }
        }
        return next;
      },
      { replace: true },
    ),
    [setParams],
  );

  // The quick search waits until typing pauses.
  const [search, setSearch] = useState(q);
  const [registerOpen, setRegisterOpen] = useState(false);
  const debounced = useDebouncedValue(search, 350);
  const written = useRef(q);
  useEffect(() => {
    if (debounced.trim() !== written.current.trim()) {
      written.current = debounced;
      set({ q: debounced.trim(), page: 1 });
    }
  }, [debounced, set]);

  const count = (b: OutgoingBox) => (b === 'review' ? review.data?.total : b === 'to_issue' ? toIssue.data?.total : undefined);
  const tabItems = boxes.map((b) => ({
    key: b,
    label: (
      <span data-testid={`outgoing-box-${b}`}>
        {t(`outgoing.boxes.${b}`)}
        {count(b) ? <Badge count={count(b)} size="small" style={{ marginInlineStart: 6 }} /> : null}
      </span>
    ),
  }));

  return (
    <div>
      <PageHeader
        title={t('outgoing.list.title')}
        subtitle={t('outgoing.list.subtitle')}
        extra={
          <>
            {permissions.has('outgoing.draft') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/outgoing/new')}
                data-testid="outgoing-create"
              >
                {t('outgoing.list.create')}
              </Button>
            ) : null}
            <Button
              icon={<PrinterOutlined />}
              onClick={() => setRegisterOpen(true)}
              disabled={!issuers.data}
              data-testid="outgoing-print-register"
            >
              {t('outgoing.register.button')}
            </Button>
          </>
        }
      />
      <Tabs
        activeKey={box}
        onChange={(b) => set({ box: b, page: 1, status: undefined })}
        items={tabItems}
        data-testid="outgoing-boxes"
        style={{ marginBottom: 4 }}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Input
            allowClear
            value={search}
            prefix={<SearchOutlined className="vp-muted" />}
            placeholder={t('outgoing.list.searchPlaceholder')}
            aria-label={t('common.search')}
            onChange={(e) => setSearch(e.target.value)}
            onPressEnter={() => {
              written.current = search;
              set({ q: search.trim(), page: 1 });
            }}
            style={{ flex: '2 1 280px' }}
            data-testid="outgoing-search"
          />
          <Select<OutgoingStatus>
            allowClear
            value={status}
            placeholder={t('outgoing.list.anyStatus')}
            onChange={(v) => set({ status: v, page: 1 })}
            options={OUTGOING_STATUSES.map((s) => ({ value: s, label: t(`outgoing.status.${s}`) }))}
            style={{ flex: '1 1 180px' }}
            data-testid="outgoing-filter-status"
          />
          <Select<number>
            allowClear
            showSearch
            filterOption={foldedFilter}
            value={documentTypeId}
            placeholder={t('outgoing.list.anyType')}
            onChange={(v) => set({ type: v, page: 1 })}
            options={(types.data?.items ?? [])
              .filter((d) => layouts.has(d.family as 'party' | 'state'))
              .map((d) => ({ value: d.id, label: d.name }))}
            style={{ flex: '1 1 180px' }}
            data-testid="outgoing-filter-type"
          />
        </Flex>
      </Card>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <OutgoingTable
          items={list.data?.items ?? []}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          testId="outgoing-table"
          emptyText={t(`outgoing.list.empty.${box}`)}
          paging={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            onChange: (p, size) => set({ page: size !== pageSize ? 1 : p, size: size === 50 ? undefined : size }),
          }}
        />
      )}
      <OutgoingRegisterModal
        open={registerOpen}
        issuers={issuers.data?.items ?? []}
        onClose={() => setRegisterOpen(false)}
      />
    </div>
  );
}
