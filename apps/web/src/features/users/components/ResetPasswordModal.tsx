import { ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useFormError } from '../../../hooks/use-form-error';
import type { User } from '../../../types/api';
import { useResetUserPassword } from '../api/reset-user-password';
import { generatePassword } from '../utils/password';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const onError = useFormError(form);
  const reset = useResetUserPassword();

  useEffect(() => {
    if (user) {form.resetFields();}
  }, [user, form]);

  const onFinish = async ({ password }: { password: string }) => {
    if (!user) {return;}
    try {
      await reset.mutateAsync({ id: user.id, password });
      void message.success(t('users.reset.done', { username: user.username }));
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={t('users.reset.title', { username: user?.username ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.reset.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'reset-password-submit' } as Record<string, string>}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t('users.reset.note')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" name="reset-password" onFinish={onFinish}>
        <Form.Item label={t('users.reset.newPassword')} htmlFor="reset-password_password" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="password"
              noStyle
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input.Password
                autoComplete="new-password"
                id="reset-password_password"
                aria-label={t('users.reset.newPassword')}
                data-testid="reset-password-input"
              />
            </Form.Item>
            <Button
              icon={<ThunderboltOutlined />}
              onClick={() => form.setFieldValue('password', generatePassword())}
            >
              {t('users.form.generate')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
