import { ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Form, Input, Select, Space, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useFormError } from '../../../hooks/use-form-error';
import { isApiError } from '../../../lib/api';
import { changedFields, trimmed } from '../../../lib/forms';
import { translateOr } from '../../../lib/i18n';
import type { Clearance, Committee, Person, User } from '../../../types/api';
import { useAgencyOptions } from '../api/get-agency-options';
import { useCommitteeOptions } from '../api/get-committee-options';
import { useRoles } from '../api/get-roles';
import { useCreateUser, type CreateUserInput } from '../api/create-user';
import { useUpdateUser } from '../api/update-user';
import { BUILTIN_ROLE_CODES } from '../utils/roles';
import { generatePassword } from '../utils/password';
import { PersonSelect } from './PersonSelect';

export const CLEARANCES: Clearance[] = ['none', 'confidential', 'secret', 'top_secret'];

interface TreeNode {
  value: number;
  title: string;
  children?: TreeNode[];
}

function committeeTree(items: Committee[]): TreeNode[] {
  const byParent = new Map<number | null, Committee[]>();
  const ids = new Set(items.map((c) => c.id));
  for (const c of items) {
    const key = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), c]);
  }
  const build = (parent: number | null): TreeNode[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const children = build(c.id);
      return { value: c.id, title: c.name, children: children.length ? children : undefined };
    });
  return build(null);
}

type Values = CreateUserInput;

/** Create (user null) or edit an account: person, roles, clearance (Không / Mật / Tối mật / Tuyệt mật), scope. */
export function UserFormDrawer({
  open,
  user,
  onClose,
}: {
  open: boolean;
  user: User | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormError(form);
  const roles = useRoles();
  const committees = useCommitteeOptions({ enabled: open });
  const scopeCommitteeId = (Form.useWatch('scopeCommitteeId', form) as number | null | undefined) ?? null;
  const agencies = useAgencyOptions(scopeCommitteeId, { enabled: open && scopeCommitteeId !== null });
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = user !== null;

  const initial = useMemo<Values>(
    () => ({
      username: user?.username ?? '',
      password: '',
      displayName: user?.displayName ?? '',
      personId: user?.personId ?? null,
      roleCodes: user?.roles ?? [],
      clearance: user?.clearance ?? 'none',
      scopeCommitteeId: user?.scopeCommitteeId ?? null,
      scopeAgencyId: user?.scopeAgencyId ?? null,
    }),
    [user],
  );

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial);
    }
  }, [open, initial, form]);

  // The role list comes from the server; the built-in codes only if it cannot be read.
  const roleOptions = roles.data
    ? roles.data.items.map((r) => ({ value: r.code, label: r.name }))
    : roles.error && isApiError(roles.error) && roles.error.status === 404
      ? BUILTIN_ROLE_CODES.map((code) => ({ value: code, label: translateOr(`roleNames.${code}`, code) }))
      : [];

  const onPickPerson = (p: Person | null) => {
    if (!p) {return;}
    if (!trimmed(form.getFieldValue('displayName'))) {form.setFieldValue('displayName', p.fullName);}
    if (!editing && form.getFieldValue('scopeCommitteeId') == null && p.committeeId) {
      form.setFieldsValue({ scopeCommitteeId: p.committeeId, scopeAgencyId: p.agencyId ?? null });
    }
  };

  const onFinish = async (raw: Values) => {
    const values: Values = {
      ...raw,
      username: trimmed(raw.username).toLowerCase(),
      displayName: trimmed(raw.displayName),
      personId: raw.personId ?? null,
      scopeCommitteeId: raw.scopeCommitteeId ?? null,
      scopeAgencyId: raw.scopeAgencyId ?? null,
    };
    try {
      if (user) {
        const { username: _u, password: _p, ...rest } = values;
        const { username: _iu, password: _ip, ...before } = initial;
        const patch = changedFields(before, rest);
        if (Object.keys(patch).length > 0) {await update.mutateAsync({ id: user.id, patch });}
        void message.success(t('common.saved'));
      } else {
        await create.mutateAsync(values);
        void message.success(t('users.created', { username: values.username }));
      }
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? t('users.form.editTitle', { username: user.username }) : t('users.form.createTitle')}
      width={580}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => form.submit()}
            loading={create.isPending || update.isPending}
            data-testid="user-form-submit"
          >
            {editing ? t('common.save') : t('users.form.create')}
          </Button>
        </Flex>
      }
    >
      <Form
        form={form}
        layout="vertical"
        name="user-form"
        onFinish={onFinish}
        initialValues={initial}
        autoComplete="off"
      >
        {editing ? (
          <Form.Item label={t('users.form.username')}>
            <Typography.Text code>{user.username}</Typography.Text>
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="username"
              label={t('users.form.username')}
              extra={t('users.form.usernameHint')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { pattern: /^\s*[a-z0-9._-]{3,40}\s*$/, message: t('users.form.usernameFormat') },
              ]}
            >
              <Input
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                data-testid="user-form-username"
              />
            </Form.Item>
            <Form.Item
              label={t('users.form.password')}
              htmlFor="user-form_password"
              required
              extra={t('users.form.passwordHint')}
            >
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item
                  name="password"
                  noStyle
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <Input.Password
                    autoComplete="new-password"
                    data-testid="user-form-password"
                    aria-label={t('users.form.password')}
                    id="user-form_password"
                  />
                </Form.Item>
                <Button
                  icon={<ThunderboltOutlined />}
                  onClick={() => {
                    form.setFieldValue('password', generatePassword());
                    void form.validateFields(['password']);
                  }}
                >
                  {t('users.form.generate')}
                </Button>
              </Space.Compact>
            </Form.Item>
          </>
        )}
        <Form.Item name="personId" label={t('users.form.person')} extra={t('users.form.personHint')}>
          <PersonSelect initialLabel={user?.displayName} onPick={onPickPerson} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.form.displayName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 120 }]}
        >
          <Input data-testid="user-form-displayName" />
        </Form.Item>
        <Form.Item
          name="roleCodes"
          label={t('users.form.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.form.rolesRequired') }]}
        >
          <Select
            mode="multiple"
            options={roleOptions}
            loading={roles.isPending}
            optionFilterProp="label"
            placeholder={t('users.form.rolesPlaceholder')}
            data-testid="user-form-roles"
          />
        </Form.Item>
        <Form.Item name="clearance" label={t('users.form.clearance')} extra={t('users.form.clearanceHint')}>
          <Select
            options={CLEARANCES.map((c) => ({ value: c, label: t(`clearance.${c}`) }))}
            data-testid="user-form-clearance"
          />
        </Form.Item>
        <Form.Item
          name="scopeCommitteeId"
          label={t('users.form.scopeCommittee')}
          extra={t('users.form.scopeHint')}
        >
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            treeData={committeeTree(committees.data?.items ?? [])}
            loading={committees.isPending && open}
            placeholder={t('users.form.scopeCommitteePlaceholder')}
            onChange={() => form.setFieldValue('scopeAgencyId', null)}
            data-testid="user-form-scopeCommittee"
          />
        </Form.Item>
        <Form.Item name="scopeAgencyId" label={t('users.form.scopeAgency')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            disabled={scopeCommitteeId === null}
            loading={agencies.isFetching}
            options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
            placeholder={t('users.form.scopeAgencyPlaceholder')}
            data-testid="user-form-scopeAgency"
          />
        </Form.Item>
        {editing ? null : <Alert type="info" showIcon message={t('users.form.mustChangeNote')} />}
        <SubmitOnEnter />
      </Form>
    </Drawer>
  );
}
