import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { errorMessage } from '../../../lib/errors';
import { useVerifyTotp } from '../api/verify-totp';
import { AuthLayout } from '../components/AuthLayout';
import { OtherAccountLink } from '../components/OtherAccountLink';
import { LOGIN_PATHS, nextStep } from '../utils/next-step';

export function SecondFactorRoute() {
  const { t } = useTranslation();
  const { data } = useAuth();
  const verify = useVerifyTotp();
  const [form] = Form.useForm<{ code: string }>();
  const [error, setError] = useState<string | null>(null);

  if (!data || data.status !== 'second_factor_required') {
    return <Navigate to={nextStep(data) ?? LOGIN_PATHS.login} replace />;
  }

  const onFinish = ({ code }: { code: string }) => {
    setError(null);
    verify.mutate(code.trim(), {
      onError: (e) => {
        setError(errorMessage(e));
        form.setFieldValue('code', '');
      },
    });
  };

  return (
    <AuthLayout title={t('auth.secondFactor.title')} subtitle={t('auth.secondFactor.subtitle')}>
      {error ? (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 16 }}
          role="alert"
          data-testid="totp-error"
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        name="second-factor"
        onFinish={onFinish}
        requiredMark={false}
        size="large"
      >
        <Form.Item
          name="code"
          label={t('totp.codeLabel')}
          rules={[
            { required: true, message: t('totp.codeRequired') },
            { pattern: /^\s*\d{6}\s*$/, message: t('totp.codeFormat') },
          ]}
        >
          <Input
            prefix={<SafetyOutlined aria-hidden />}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            autoFocus
            className="vp-otp-input"
            data-testid="totp-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={verify.isPending} data-testid="totp-submit">
          {t('auth.secondFactor.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <OtherAccountLink />
      </div>
    </AuthLayout>
  );
}
