import {
  FileExcelOutlined,
  FilterOutlined,
  PlusOutlined,
  SearchOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Grid, Input, Select, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { usePermissions } from '../../../lib/auth';
import { DATE_FORMAT, formatDate, parseIsoDate, toIsoDate } from '../../../lib/dates';
import { exportUrl, useTaskList } from '../api/tasks';
import { BodySelect, useBodyName } from '../components/BodySelect';
import { TaskTable } from '../components/TaskTable';
import type { TaskBox, TaskListParams, TaskSourceKind, TaskStatus } from '../types';
import { isBodyKey, TASK_SOURCE_KINDS, TASK_STATUSES } from '../utils/labels';
import '../tasks.css';

const BOXES: TaskBox[] = ['all', 'mine', 'assigned'];
const posInt = (v: string | null) => (v && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : undefined);
const isoOrUndefined = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/**
 * Theo dõi nhiệm vụ: the boxes (all I may see, my unit's, assigned by my unit), filters kept in the URL
 * so that a dashboard figure opens the list it counts. `/tasks/mine` is the units' "Nhiệm vụ của tôi".
 */
export function TaskListRoute({ fixedBox }: { fixedBox?: TaskBox }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permissions = usePermissions();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const canManage = permissions.has('tasks.manage');
  const [params, setParams] = useSearchParams();
  const bodyName = useBodyName();
  const box: TaskBox = fixedBox ?? BOXES.find((b) => b === params.get('box')) ?? 'all';
  const status = TASK_STATUSES.find((s) => s === params.get('status'));
  const sourceKind = TASK_SOURCE_KINDS.find((s) => s === params.get('source'));
  const bodyParam = params.get('body');
  const body = isBodyKey(bodyParam) ? bodyParam : undefined;
  const leadParam = params.get('lead');
  const lead = isBodyKey(leadParam) ? leadParam : undefined;
  const assignedFrom = isoOrUndefined(params.get('afrom'));
  const assignedTo = isoOrUndefined(params.get('ato'));
  const dueFrom = isoOrUndefined(params.get('from'));
  const dueTo = isoOrUndefined(params.get('to'));
  const topLevel = params.get('top') === '1' ? 'true' : undefined;
  const assignerCommitteeId = posInt(params.get('committee'));
  const q = params.get('q') ?? '';
  const page = posInt(params.get('page')) ?? 1;
  const pageSize = [20, 50, 100, 200].find((n) => n === posInt(params.get('size'))) ?? 50;

  const filters: TaskListParams = {
    box,
    status,
    sourceKind,
    body,
    lead,
    assignedFrom,
    assignedTo,
    dueFrom,
    dueTo,
    topLevel,
    assignerCommitteeId,
    q: q.trim() || undefined,
  };
  const list = useTaskList({ ...filters, limit: pageSize, offset: (page - 1) * pageSize });

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

  const [search, setSearch] = useState(q);
  const debounced = useDebouncedValue(search, 350);
  const written = useRef(q);
  useEffect(() => {
    if (debounced.trim() !== written.current.trim()) {
      written.current = debounced;
      set({ q: debounced.trim(), page: 1 });
    }
  }, [debounced, set]);

  const anyOtherFilter = !!(
    status ||
    sourceKind ||
    body ||
    lead ||
    assignedFrom ||
    assignedTo ||
    dueFrom ||
    dueTo ||
    topLevel ||
    assignerCommitteeId
  );
  const anyFilter = anyOtherFilter || !!q;

  return (
    <div>
      <PageHeader
        title={t(fixedBox === 'mine' ? 'tasks.list.mineTitle' : 'tasks.list.title')}
        subtitle={t(fixedBox === 'mine' ? 'tasks.list.mineSubtitle' : 'tasks.list.subtitle')}
        extra={
          <>
            {canManage && !fixedBox ? (
              <>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => navigate('/tasks/new')}
                  data-testid="tasks-create"
                >
                  {t('tasks.list.create')}
                </Button>
                <Button
                  icon={<UnorderedListOutlined />}
                  onClick={() => navigate('/tasks/from-conclusion')}
                  data-testid="tasks-from-conclusion"
                >
                  {t('tasks.list.fromConclusion')}
                </Button>
              </>
            ) : null}
            <Button icon={<FileExcelOutlined />} href={exportUrl(filters)} data-testid="tasks-export">
              {t('tasks.list.export')}
            </Button>
          </>
        }
      />
      {fixedBox ? null : (
        <Tabs
          activeKey={box}
          onChange={(b) => set({ box: b, page: 1 })}
          items={BOXES.map((b) => ({
            key: b,
            label: <span data-testid={`tasks-box-${b}`}>{t(`tasks.boxes.${b}`)}</span>,
          }))}
          style={{ marginBottom: 4 }}
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Input
            allowClear
            value={search}
            prefix={<SearchOutlined className="vp-muted" />}
            placeholder={t('tasks.list.searchPlaceholder')}
            aria-label={t('common.search')}
            onChange={(e) => setSearch(e.target.value)}
            onPressEnter={() => {
              written.current = search;
              set({ q: search.trim(), page: 1 });
            }}
            style={{ flex: '2 1 260px' }}
            data-testid="tasks-search"
          />
          {phone ? (
            <Button
              icon={<FilterOutlined />}
              type={filtersOpen || anyOtherFilter ? 'primary' : 'default'}
              ghost={filtersOpen || anyOtherFilter}
              onClick={() => setFiltersOpen((o) => !o)}
              aria-expanded={filtersOpen}
              data-testid="tasks-filters-toggle"
            >
              {t('tasks.list.filters')}
            </Button>
          ) : null}
          {phone && !filtersOpen ? null : (
            <>
              <Select<TaskStatus>
                allowClear
                value={status}
                placeholder={t('tasks.list.anyStatus')}
                onChange={(v) => set({ status: v, page: 1 })}
                options={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
                style={{ flex: '1 1 190px' }}
                data-testid="tasks-filter-status"
              />
              <Select<TaskSourceKind>
                allowClear
                value={sourceKind}
                placeholder={t('tasks.list.anySource')}
                onChange={(v) => set({ source: v, page: 1 })}
                options={TASK_SOURCE_KINDS.map((s) => ({ value: s, label: t(`tasks.sourceKind.${s}`) }))}
                style={{ flex: '1 1 170px' }}
                data-testid="tasks-filter-source"
              />
              <div style={{ flex: '1 1 220px', minWidth: 0 }}>
                <BodySelect
                  value={body}
                  onChange={(v) => set({ body: typeof v === 'string' ? v : undefined, page: 1 })}
                  placeholder={t('tasks.list.anyBody')}
                  testId="tasks-filter-body"
                />
              </div>
              <DatePicker.RangePicker
                format={DATE_FORMAT}
                value={[parseIsoDate(dueFrom), parseIsoDate(dueTo)]}
                allowEmpty={[true, true]}
                placeholder={[t('tasks.list.dueFrom'), t('tasks.list.dueTo')]}
                onChange={(v) =>
                  set({
                    from: v?.[0] ? toIsoDate(v[0]) : undefined,
                    to: v?.[1] ? toIsoDate(v[1]) : undefined,
                    page: 1,
                  })
                }
                style={{ flex: phone ? '1 1 100%' : '0 1 300px', minWidth: 240 }}
                data-testid="tasks-filter-due"
              />
            </>
          )}
          {lead || assignedFrom || assignedTo ? (
            <Tag
              closable
              onClose={() => set({ lead: undefined, afrom: undefined, ato: undefined, page: 1 })}
              data-testid="tasks-filter-dashboard"
            >
              {[
                lead ? t('tasks.list.leadOnly', { name: bodyName(lead) }) : null,
                assignedFrom || assignedTo
                  ? t('tasks.list.assignedRange', { from: assignedFrom ? formatDate(assignedFrom) : '…', to: assignedTo ? formatDate(assignedTo) : '…' })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Tag>
          ) : null}
          {anyFilter ? (
            <Button
              type="link"
              onClick={() => {
                setSearch('');
                written.current = '';
                set({
                  status: undefined,
                  source: undefined,
                  body: undefined,
                  lead: undefined,
                  afrom: undefined,
                  ato: undefined,
                  from: undefined,
                  to: undefined,
                  q: undefined,
                  top: undefined,
                  committee: undefined,
                  page: 1,
                });
              }}
              data-testid="tasks-clear-filters"
            >
              {t('tasks.list.clearFilters')}
            </Button>
          ) : null}
        </Flex>
      </Card>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <TaskTable
          items={list.data?.items ?? []}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          testId="tasks-table"
          emptyText={t(anyFilter ? 'tasks.list.emptyFiltered' : `tasks.list.empty.${box}`)}
          paging={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            onChange: (p, size) =>
              set({ page: size !== pageSize ? 1 : p, size: size === 50 ? undefined : size }),
          }}
        />
      )}
    </div>
  );
}

export function MyTasksRoute() {
  return <TaskListRoute fixedBox="mine" />;
}
