import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editColumn } from '../../../components/edit-column';
import { QueryError } from '../../../components/QueryError';
import { useHasPermission } from '../../../lib/auth';
import type { Position } from '../../../types/api';
import { usePositions } from '../api/get-positions';
import { PositionFormModal } from './PositionFormModal';

export function PositionsPanel() {
  const { t } = useTranslation();
  const canManage = useHasPermission('org.manage');
  const positions = usePositions();
  const [editing, setEditing] = useState<Position | 'new' | null>(null);

  const columns: ColumnsType<Position> = [
    { title: t('org.position.name'), dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
    { title: t('org.position.signatureTitle'), dataIndex: 'signatureTitle' },
    {
      title: t('org.position.isLeader'),
      dataIndex: 'isLeader',
      width: 140,
      render: (v: boolean) =>
        v ? <Tag color="volcano">{t('org.position.leader')}</Tag> : <Tag>{t('org.position.staff')}</Tag>,
    },
    { title: t('org.position.rank'), dataIndex: 'rank', width: 110, align: 'right' },
  ];
  if (canManage) {
    columns.push(editColumn<Position>({ t, canManage, label: (p) => p.name, onEdit: setEditing }));
  }

  return (
    <div>
      <Flex justify="flex-end" style={{ marginBottom: 16 }}>
        {canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="position-create"
          >
            {t('org.position.create')}
          </Button>
        ) : null}
      </Flex>
      {positions.error ? (
        <QueryError error={positions.error} onRetry={() => void positions.refetch()} />
      ) : (
        <Table<Position>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={[...(positions.data?.items ?? [])].sort((a, b) => a.rank - b.rank)}
          loading={positions.isFetching}
          scroll={{ x: 600 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
        />
      )}
      <PositionFormModal
        open={editing !== null}
        position={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
