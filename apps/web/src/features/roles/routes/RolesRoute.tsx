import { EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { allowed, useHasPermission } from '../../../lib/auth';
import type { Role } from '../../../types/api';
import { usePermissionNames } from '../api/get-permissions';
import { useRoles } from '../api/get-roles';
import { RoleFormDrawer } from '../components/RoleFormDrawer';

/** Quản trị › Vai trò (roles.manage): a role is a named bundle of permissions. */
export function RolesRoute() {
  const { t } = useTranslation();
  const canManage = useHasPermission('roles.manage');
  const roles = useRoles();
  const permissions = usePermissionNames();
  const [editing, setEditing] = useState<Role | 'new' | null>(null);

  // The catalogue from /api/permissions; if unavailable, the names the roles already use.
  const allPermissions = useMemo(() => {
    if (permissions.data) {return permissions.data.items;}
    const seen = new Set<string>();
    for (const r of roles.data?.items ?? []) {for (const p of r.permissions) {seen.add(p);}}
    return [...seen].sort();
  }, [permissions.data, roles.data]);

  const columns: ColumnsType<Role> = [
    {
      title: t('roles.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <div>
          <Typography.Text strong>{v}</Typography.Text>{' '}
          {r.builtin ? <Tag bordered={false}>{t('roles.builtin')}</Tag> : null}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.code}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('roles.permissions'),
      dataIndex: 'permissions',
      render: (perms: string[]) => {
        const modules = [...new Set(perms.map((p) => p.split('.')[0] ?? p))];
        return (
          <Flex gap={4} wrap>
            <Tag color="red">{t('roles.permissionCount', { count: perms.length })}</Tag>
            {modules.map((m) => (
              <Tag key={m} bordered={false}>
                {t(`permissionModules.${m}`, { defaultValue: m })}
              </Tag>
            ))}
          </Flex>
        );
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      align: 'center',
      render: (_, r) => {
        const canEdit = allowed(r.abilities, 'update', canManage);
        return (
          <Tooltip title={canEdit ? t('common.edit') : t('common.view')}>
            <Button
              type="text"
              icon={canEdit ? <EditOutlined /> : <EyeOutlined />}
              aria-label={`${canEdit ? t('common.edit') : t('common.view')}: ${r.name}`}
              onClick={() => setEditing(r)}
              data-testid={`role-edit-${r.code}`}
            />
          </Tooltip>
        );
      },
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('roles.title')}
        subtitle={t('roles.subtitle')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="role-create"
            >
              {t('roles.create')}
            </Button>
          ) : null
        }
      />
      {roles.error ? (
        <QueryError error={roles.error} onRetry={() => void roles.refetch()} />
      ) : (
        <Table<Role>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={roles.data?.items ?? []}
          loading={roles.isFetching}
          pagination={false}
          scroll={{ x: 640 }}
          data-testid="roles-table"
        />
      )}
      <RoleFormDrawer
        open={editing !== null}
        role={editing === 'new' ? null : editing}
        allPermissions={allPermissions}
        loadingPermissions={permissions.isPending && roles.isPending}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
