import { App, Button, Drawer, Flex, Form, Input, Spin, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useFormError } from '../../../hooks/use-form-error';
import { allowed } from '../../../lib/auth';
import { changedFields, trimmed } from '../../../lib/forms';
import type { Role } from '../../../types/api';
import { useCreateRole, type RoleInput } from '../api/create-role';
import { useUpdateRole } from '../api/update-role';
import { PermissionPicker } from './PermissionPicker';

export function RoleFormDrawer({
  open,
  role,
  allPermissions,
  loadingPermissions,
  onClose,
}: {
  open: boolean;
  role: Role | null;
  allPermissions: string[];
  loadingPermissions: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoleInput>();
  const onError = useFormError(form);
  const create = useCreateRole();
  const update = useUpdateRole();
  const readOnly = role !== null && !allowed(role.abilities, 'update', true);

  const initial = useMemo<RoleInput>(
    () => ({ code: role?.code ?? '', name: role?.name ?? '', permissions: role?.permissions ?? [] }),
    [role],
  );
  // Permissions a role holds that the catalogue does not list still show (and are kept).
  const all = useMemo(
    () => [...allPermissions, ...(role?.permissions ?? []).filter((p) => !allPermissions.includes(p))],
    [allPermissions, role],
  );

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial);
    }
  }, [open, initial, form]);

  const onFinish = async (raw: RoleInput) => {
    const values: RoleInput = {
      ...raw,
      code: trimmed(raw.code),
      name: trimmed(raw.name),
      permissions: raw.permissions ?? [],
    };
    try {
      if (role) {
        const patch = changedFields(
          { name: initial.name, permissions: initial.permissions },
          { name: values.name, permissions: values.permissions },
        );
        if (Object.keys(patch).length > 0) {await update.mutateAsync({ id: role.id, patch });}
      } else {
        await create.mutateAsync(values);
      }
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={role ? t('roles.editTitle', { name: role.name }) : t('roles.createTitle')}
      width={820}
      destroyOnHidden
      footer={
        readOnly ? null : (
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              onClick={() => form.submit()}
              loading={create.isPending || update.isPending}
              data-testid="role-form-submit"
            >
              {t('common.save')}
            </Button>
          </Flex>
        )
      }
    >
      <Form
        form={form}
        layout="vertical"
        name="role-form"
        onFinish={onFinish}
        initialValues={initial}
        disabled={readOnly}
      >
        <Flex gap={16} wrap>
          <Form.Item
            name="name"
            label={t('roles.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 120 }]}
            style={{ flex: '2 1 260px' }}
          >
            <Input data-testid="role-form-name" />
          </Form.Item>
          {role ? (
            <Form.Item label={t('roles.code')} style={{ flex: '1 1 160px' }}>
              <Typography.Text code>{role.code}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item
              name="code"
              label={t('roles.code')}
              extra={t('roles.codeHint')}
              rules={[
                { required: true, message: t('validation.required') },
                { pattern: /^[a-z_]{2,40}$/, message: t('roles.codeFormat') },
              ]}
              style={{ flex: '1 1 160px' }}
            >
              <Input data-testid="role-form-code" spellCheck={false} />
            </Form.Item>
          )}
        </Flex>
        <Form.Item name="permissions" label={t('roles.permissions')}>
          {loadingPermissions ? <Spin /> : <PermissionPicker all={all} disabled={readOnly} />}
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Drawer>
  );
}
