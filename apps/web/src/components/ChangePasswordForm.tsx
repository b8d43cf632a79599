import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormError } from '../hooks/use-form-error';
import { isApiError } from '../lib/api';

export interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
}

const ALIASES = { password: 'newPassword' };

/** Current password, new password twice. The caller does the request; the server applies the policy. */
export function ChangePasswordForm({
  submit,
  onDone,
  submitLabel,
}: {
  submit: (values: ChangePasswordValues) => Promise<unknown>;
  onDone?: () => void;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChangePasswordValues & { confirm: string }>();
  const [pending, setPending] = useState(false);
  const onError = useFormError(form, ALIASES);

  const onFinish = async (values: ChangePasswordValues & { confirm: string }) => {
    setPending(true);
    try {
      await submit({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.resetFields();
      onDone?.();
    } catch (e) {
      if (isApiError(e) && e.code === 'auth.invalid_credentials') {
        form.setFields([{ name: 'currentPassword', errors: [t('account.password.wrongCurrent')] }]);
      } else {
        onError(e);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      requiredMark={false}
      name="change-password"
      style={{ maxWidth: 440 }}
    >
      <Alert type="info" showIcon message={t('account.password.policy')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="currentPassword"
        label={t('account.password.current')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input.Password autoComplete="current-password" data-testid="change-password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.password.new')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input.Password autoComplete="new-password" data-testid="change-password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('account.password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('account.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="change-password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} data-testid="change-password-submit">
        {submitLabel ?? t('account.password.submit')}
      </Button>
    </Form>
  );
}
