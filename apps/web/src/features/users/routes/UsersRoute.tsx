import {
  EditOutlined,
  KeyOutlined,
  LockOutlined,
  PlusOutlined,
  SafetyOutlined,
  SearchOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClearanceTag } from '../../../components/ClearanceTag';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { allowed, useHasPermission } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { translateOr } from '../../../lib/i18n';
import type { User } from '../../../types/api';
import { useAgencyOptions } from '../api/get-agency-options';
import { useCommitteeOptions } from '../api/get-committee-options';
import { useRoles } from '../api/get-roles';
import { useUsers } from '../api/get-users';
import { useResetUserTotp } from '../api/reset-user-totp';
import { useUpdateUser } from '../api/update-user';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { UserFormDrawer } from '../components/UserFormDrawer';

/** Quản trị › Tài khoản (users.view; changes with users.manage and the record's abilities). */
export function UsersRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useHasPermission('users.manage');
  const canSeeOrg = useHasPermission('org.view');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 350);
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const users = useUsers({ q, limit: page.pageSize, offset: (page.current - 1) * page.pageSize });
  const roles = useRoles();
  const committees = useCommitteeOptions({ enabled: canSeeOrg });
  const agencies = useAgencyOptions(null, { enabled: canSeeOrg });
  const update = useUpdateUser();
  const resetTotp = useResetUserTotp();

  const roleName = useMemo(
    () => new Map((roles.data?.items ?? []).map((r) => [r.code, r.name])),
    [roles.data],
  );
  const committeeName = useMemo(
    () => new Map((committees.data?.items ?? []).map((c) => [c.id, c.name])),
    [committees.data],
  );
  const agencyName = useMemo(
    () => new Map((agencies.data?.items ?? []).map((a) => [a.id, a.name])),
    [agencies.data],
  );

  const setDisabled = async (user: User, disabled: boolean) => {
    try {
      await update.mutateAsync({ id: user.id, patch: { disabled } });
      void message.success(
        disabled
          ? t('users.disabledDone', { username: user.username })
          : t('users.enabledDone', { username: user.username }),
      );
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const columns: ColumnsType<User> = [
    {
      title: t('users.columns.account'),
      key: 'account',
      render: (_, u) => (
        <div>
          <Typography.Text strong>{u.displayName}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {u.username}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('users.columns.roles'),
      dataIndex: 'roles',
      render: (codes: string[]) => (
        <Flex gap={4} wrap>
          {codes.map((c) => (
            <Tag key={c} style={{ marginInlineEnd: 0 }}>
              {roleName.get(c) ?? translateOr(`roleNames.${c}`, c)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('users.columns.clearance'),
      dataIndex: 'clearance',
      width: 120,
      render: (v: User['clearance']) => <ClearanceTag value={v} />,
    },
    {
      title: t('users.columns.scope'),
      key: 'scope',
      responsive: ['lg'],
      render: (_, u) =>
        u.scopeCommitteeId === null && u.scopeAgencyId === null ? (
          <Typography.Text type="secondary">{t('users.scopeAll')}</Typography.Text>
        ) : (
          <div style={{ fontSize: 13 }}>
            {u.scopeAgencyId ? <div>{agencyName.get(u.scopeAgencyId) ?? `#${u.scopeAgencyId}`}</div> : null}
            {u.scopeCommitteeId ? (
              <Typography.Text
                type={u.scopeAgencyId ? 'secondary' : undefined}
                style={{ fontSize: u.scopeAgencyId ? 12 : 13 }}
              >
                {committeeName.get(u.scopeCommitteeId) ?? `#${u.scopeCommitteeId}`}
              </Typography.Text>
            ) : null}
          </div>
        ),
    },
    {
      title: t('users.columns.status'),
      key: 'status',
      width: 150,
      render: (_, u) => (
        <Flex gap={4} wrap>
          {u.disabled ? (
            <Tag color="default">{t('users.status.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('users.status.active')}</Tag>
          )}
          {u.totpEnabled ? <Tag color="blue">{t('users.status.totp')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('users.columns.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      responsive: ['xl'],
      render: (v: string) => <span style={{ fontSize: 13 }}>{formatDateTime(v, 'DD/MM/YYYY HH:mm')}</span>,
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 160,
      align: 'center',
      render: (_, u) => (
        <Flex gap={2} justify="center">
          {allowed(u.abilities, 'update') ? (
            <Tooltip title={t('common.edit')}>
              <Button
                type="text"
                icon={<EditOutlined />}
                aria-label={`${t('common.edit')}: ${u.username}`}
                onClick={() => setEditing(u)}
                data-testid={`user-edit-${u.username}`}
              />
            </Tooltip>
          ) : null}
          {allowed(u.abilities, 'resetPassword') ? (
            <Tooltip title={t('users.reset.action')}>
              <Button
                type="text"
                icon={<KeyOutlined />}
                aria-label={`${t('users.reset.action')}: ${u.username}`}
                onClick={() => setResetting(u)}
                data-testid={`user-reset-${u.username}`}
              />
            </Tooltip>
          ) : null}
          {allowed(u.abilities, 'resetTotp') ? (
            <Popconfirm
              title={t('users.resetTotp.confirm', { username: u.username })}
              description={t('users.resetTotp.note')}
              okText={t('users.resetTotp.action')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                resetTotp.mutateAsync({ id: u.id }).then(
                  () => void message.success(t('users.resetTotp.done', { username: u.username })),
                  (e: unknown) => void message.error(errorMessage(e)),
                )
              }
            >
              <Tooltip title={t('users.resetTotp.action')}>
                <Button
                  type="text"
                  icon={<SafetyOutlined />}
                  aria-label={`${t('users.resetTotp.action')}: ${u.username}`}
                  data-testid={`user-reset-totp-${u.username}`}
                />
              </Tooltip>
            </Popconfirm>
          ) : null}
          {allowed(
            u.abilities,
            u.disabled ? 'enable' : 'disable',
            u.disabled && allowed(u.abilities, 'disable'),
          ) ? (
            <Popconfirm
              title={
                u.disabled
                  ? t('users.enableConfirm', { username: u.username })
                  : t('users.disableConfirm', { username: u.username })
              }
              description={u.disabled ? undefined : t('users.disableNote')}
              okText={u.disabled ? t('users.enable') : t('users.disable')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: !u.disabled }}
              onConfirm={() => setDisabled(u, !u.disabled)}
            >
              <Tooltip title={u.disabled ? t('users.enable') : t('users.disable')}>
                <Button
                  type="text"
                  danger={!u.disabled}
                  icon={u.disabled ? <UnlockOutlined /> : <LockOutlined />}
                  aria-label={`${u.disabled ? t('users.enable') : t('users.disable')}: ${u.username}`}
                  data-testid={`user-toggle-${u.username}`}
                />
              </Tooltip>
            </Popconfirm>
          ) : null}
        </Flex>
      ),
    });
  }

  return (
    <div>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="user-create"
            >
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          style={{ maxWidth: 380 }}
          data-testid="users-search"
        />
      </Flex>
      {users.error ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          scroll={{ x: 760 }}
          rowClassName={(u) => (u.disabled ? 'vp-row-disabled' : '')}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
          data-testid="users-table"
        />
      )}
      <UserFormDrawer
        open={editing !== null}
        user={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
