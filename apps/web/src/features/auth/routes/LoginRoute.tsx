import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { errorMessage } from '../../../lib/errors';
import { isApiError } from '../../../lib/api';
import { useLogin, type LoginInput } from '../api/login';
import { AuthLayout } from '../components/AuthLayout';
import { nextStep } from '../utils/next-step';

export function LoginRoute() {
  const { t } = useTranslation();
  const { data } = useAuth();
  const login = useLogin();
  const [form] = Form.useForm<LoginInput>();
  const [error, setError] = useState<{ text: string; throttled: boolean } | null>(null);

  const step = nextStep(data);
  if (step) {return <Navigate to={step} replace />;}

  const onFinish = (values: LoginInput) => {
    setError(null);
    login.mutate(values, {
      onError: (e) => {
        setError({ text: errorMessage(e), throttled: isApiError(e) && e.code === 'auth.throttled' });
        form.setFieldValue('password', '');
        form.getFieldInstance('password')?.focus?.();
      },
    });
  };

  return (
    <AuthLayout title={t('auth.login.title')} subtitle={t('auth.login.subtitle')}>
      {error ? (
        <Alert
          type={error.throttled ? 'warning' : 'error'}
          showIcon
          message={error.text}
          style={{ marginBottom: 16 }}
          role="alert"
          data-testid="login-error"
        />
      ) : null}
      <Form form={form} layout="vertical" name="login" onFinish={onFinish} requiredMark={false} size="large">
        <Form.Item
          name="username"
          label={t('auth.login.username')}
          rules={[{ required: true, whitespace: true, message: t('auth.login.usernameRequired') }]}
        >
          <Input
            prefix={<UserOutlined aria-hidden />}
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            autoFocus
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.login.password')}
          rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined aria-hidden />}
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('auth.login.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
