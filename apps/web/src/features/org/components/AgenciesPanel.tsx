import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, TreeSelect } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editColumn } from '../../../components/edit-column';
import { ActiveTag } from '../../../components/ActiveTag';
import { QueryError } from '../../../components/QueryError';
import { useHasPermission, useMe } from '../../../lib/auth';
import { translateOr } from '../../../lib/i18n';
import type { Agency } from '../../../types/api';
import { useAgencies } from '../api/get-agencies';
import { useCommittees } from '../api/get-committees';
import { committeeTreeSelectData } from '../utils/tree';
import { AgencyFormModal } from './AgencyFormModal';

/** Agencies table; with `committeeId` fixed it lists that committee's agencies only. */
export function AgenciesTable({
  agencies,
  loading,
  showCommittee,
  committeeName,
  onEdit,
}: {
  agencies: Agency[];
  loading?: boolean;
  showCommittee?: boolean;
  committeeName?: Map<number, string>;
  onEdit?: (a: Agency) => void;
}) {
  const { t } = useTranslation();
  const canManage = useHasPermission('org.manage');
  const columns: ColumnsType<Agency> = [
    { title: t('org.agency.name'), dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
    { title: t('org.agency.abbreviation'), dataIndex: 'abbreviation', width: 120 },
    {
      title: t('org.agency.kind'),
      dataIndex: 'kind',
      width: 170,
      render: (v: string) => <Tag>{translateOr(`org.agencyKind.${v}`, v)}</Tag>,
    },
  ];
  if (showCommittee) {
    columns.push({
      title: t('org.agency.committee'),
      dataIndex: 'committeeId',
      render: (v: number) => committeeName?.get(v) ?? '—',
    });
  }
  columns.push({
    title: t('common.status'),
    dataIndex: 'active',
    width: 130,
    render: (v: boolean) => <ActiveTag active={v} />,
  });
  if (onEdit && canManage) {
    columns.push(editColumn<Agency>({ t, canManage, label: (a) => a.name, onEdit: onEdit }));
  }
  return (
    <Table<Agency>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={agencies}
      loading={loading}
      scroll={{ x: 600 }}
      pagination={
        agencies.length > 20 ? { pageSize: 20, showTotal: (n) => t('common.total', { count: n }) } : false
      }
    />
  );
}

/** All agencies with a committee filter. */
export function AgenciesPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = useHasPermission('org.manage');
  const [committeeId, setCommitteeId] = useState<number | null>(me?.scopeCommitteeId ?? null);
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const committees = useCommittees(true);
  const agencies = useAgencies(committeeId);
  const committeeName = useMemo(
    () => new Map((committees.data?.items ?? []).map((c) => [c.id, c.name])),
    [committees.data],
  );

  return (
    <div>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          treeDefaultExpandAll
          placeholder={t('org.agency.allCommittees')}
          aria-label={t('org.agency.committee')}
          treeData={committeeTreeSelectData(committees.data?.items ?? [])}
          value={committeeId ?? undefined}
          onChange={(v: number | undefined) => setCommitteeId(v ?? null)}
          style={{ flex: '1 1 260px', maxWidth: 360 }}
        />
        <div style={{ flex: 1 }} />
        {canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="agency-create"
          >
            {t('org.agency.create')}
          </Button>
        ) : null}
      </Flex>
      {agencies.error ? (
        <QueryError error={agencies.error} onRetry={() => void agencies.refetch()} />
      ) : (
        <AgenciesTable
          agencies={agencies.data?.items ?? []}
          loading={agencies.isFetching}
          showCommittee={committeeId === null}
          committeeName={committeeName}
          onEdit={(a) => setEditing(a)}
        />
      )}
      <AgencyFormModal
        open={editing !== null}
        agency={editing === 'new' ? null : editing}
        committeeId={committeeId}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
