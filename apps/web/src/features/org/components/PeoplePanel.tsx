import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Table, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editColumn } from '../../../components/edit-column';
import { ActiveTag } from '../../../components/ActiveTag';
import { QueryError } from '../../../components/QueryError';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { useHasPermission } from '../../../lib/auth';
import type { Person } from '../../../types/api';
import { useAgencies } from '../api/get-agencies';
import { useCommittees } from '../api/get-committees';
import { usePeople } from '../api/get-people';
import { committeeTreeSelectData } from '../utils/tree';
import { PersonFormDrawer } from './PersonFormDrawer';

/** People (cán bộ): search without diacritics (server side), filter by committee and agency; edit with org.manage. */
export function PeoplePanel() {
  const { t } = useTranslation();
  const canManage = useHasPermission('org.manage');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 350);
  const [committeeId, setCommitteeId] = useState<number | null>(null);
  const [agencyId, setAgencyId] = useState<number | null>(null);
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Person | 'new' | null>(null);

  const committees = useCommittees(true);
  const filterAgencies = useAgencies(committeeId, { enabled: committeeId !== null });
  const allAgencies = useAgencies(null);
  const people = usePeople({
    q,
    committeeId,
    agencyId,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  });

  const committeeName = useMemo(
    () => new Map((committees.data?.items ?? []).map((c) => [c.id, c.name])),
    [committees.data],
  );
  const agencyName = useMemo(
    () => new Map((allAgencies.data?.items ?? []).map((a) => [a.id, a.name])),
    [allAgencies.data],
  );

  const resetPage = () => setPage((p) => ({ ...p, current: 1 }));

  const columns: ColumnsType<Person> = [
    {
      title: t('org.person.fullName'),
      dataIndex: 'fullName',
      render: (v: string, p) => (
        <div>
          <Typography.Text strong>{v}</Typography.Text>
          {p.birthYear ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t(`gender.${p.gender ?? 'unknown'}`)} · {p.birthYear}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    { title: t('org.person.position'), dataIndex: 'positionName', render: (v: string | null) => v ?? '—' },
    {
      title: t('org.person.unit'),
      key: 'unit',
      render: (_, p) => (
        <div>
          {p.agencyId ? <div>{agencyName.get(p.agencyId) ?? '—'}</div> : null}
          <Typography.Text
            type={p.agencyId ? 'secondary' : undefined}
            style={p.agencyId ? { fontSize: 12 } : undefined}
          >
            {p.committeeId ? (committeeName.get(p.committeeId) ?? '—') : '—'}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('org.person.contact'),
      key: 'contact',
      responsive: ['lg'],
      render: (_, p) => (
        <div style={{ fontSize: 13 }}>
          {p.email ? <div>{p.email}</div> : null}
          {p.phone ? <div>{p.phone}</div> : null}
          {!p.email && !p.phone ? '—' : null}
        </div>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 130,
      render: (v: boolean) => <ActiveTag active={v} />,
    },
  ];
  if (canManage) {
    columns.push(editColumn<Person>({ t, canManage, label: (p) => p.fullName, onEdit: setEditing }));
  }

  return (
    <div>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t('org.person.searchPlaceholder')}
          aria-label={t('org.person.searchPlaceholder')}
          title={t('org.person.searchHint')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            resetPage();
          }}
          style={{ flex: '1 1 260px', maxWidth: 360 }}
          data-testid="people-search"
        />
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          treeDefaultExpandAll
          placeholder={t('org.person.filterCommittee')}
          aria-label={t('org.person.filterCommittee')}
          treeData={committeeTreeSelectData(committees.data?.items ?? [])}
          value={committeeId ?? undefined}
          onChange={(v: number | undefined) => {
            setCommitteeId(v ?? null);
            setAgencyId(null);
            resetPage();
          }}
          style={{ flex: '1 1 220px', maxWidth: 300 }}
          popupMatchSelectWidth={320}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('org.person.filterAgency')}
          aria-label={t('org.person.filterAgency')}
          disabled={committeeId === null}
          value={agencyId ?? undefined}
          onChange={(v: number | undefined) => {
            setAgencyId(v ?? null);
            resetPage();
          }}
          options={(filterAgencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          style={{ flex: '1 1 200px', maxWidth: 280 }}
          popupMatchSelectWidth={300}
        />
        <div style={{ flex: 1 }} />
        {canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="person-create"
          >
            {t('org.person.create')}
          </Button>
        ) : null}
      </Flex>
      {people.error ? (
        <QueryError error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <Table<Person>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={people.data?.items ?? []}
          loading={people.isFetching}
          scroll={{ x: 720 }}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: people.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
          data-testid="people-table"
        />
      )}
      <PersonFormDrawer
        open={editing !== null}
        person={editing === 'new' ? null : editing}
        defaultCommitteeId={committeeId}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
