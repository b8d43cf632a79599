import { Alert, Button, Flex, Form, Input, QRCode, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';

/** Groups a base32 secret in fours so it can be typed by hand. */
const groupSecret = (s: string) => s.replace(/(.{4})/g, '$1 ').trim();

/**
 * TOTP enrolment: the QR code of `otpauthUrl` to scan with an authenticator app, the secret as text
 * for typing in, then a 6-digit code to confirm. The caller does the requests.
 */
export function TotpEnrolment({
  secret,
  otpauthUrl,
  loading,
  loadError,
  confirm,
}: {
  secret: string | null;
  otpauthUrl: string | null;
  loading?: boolean;
  loadError?: unknown;
  confirm: (code: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async ({ code }: { code: string }) => {
    setPending(true);
    setError(null);
    try {
      await confirm(code.trim());
    } catch (e) {
      setError(errorMessage(e));
      form.setFieldValue('code', '');
    } finally {
      setPending(false);
    }
  };

  if (loadError) {
    return <Alert type="error" showIcon message={errorMessage(loadError)} />;
  }
  if (loading || !secret || !otpauthUrl) {
    return (
      <Flex justify="center" style={{ padding: 32 }}>
        <Spin />
      </Flex>
    );
  }

  return (
    <div>
      <ol className="vp-steps">
        <li>{t('totp.step1')}</li>
        <li>{t('totp.step2')}</li>
        <li>{t('totp.step3')}</li>
      </ol>
      <Flex gap={24} wrap align="center" style={{ margin: '16px 0' }}>
        <QRCode value={otpauthUrl} size={176} bordered data-testid="totp-qr" />
        <div style={{ minWidth: 0, flex: '1 1 200px' }}>
          <Typography.Text type="secondary">{t('totp.secretLabel')}</Typography.Text>
          <Typography.Paragraph
            copyable={{ text: secret, tooltips: [t('common.copy'), t('common.copied')] }}
            code
            style={{ fontSize: 15, marginTop: 4, wordBreak: 'break-all' }}
            data-testid="totp-secret"
          >
            {groupSecret(secret)}
          </Typography.Paragraph>
        </div>
      </Flex>
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} name="totp-confirm">
        <Form.Item
          name="code"
          label={t('totp.codeLabel')}
          rules={[
            { required: true, message: t('totp.codeRequired') },
            { pattern: /^\s*\d{6}\s*$/, message: t('totp.codeFormat') },
          ]}
        >
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            className="vp-otp-input"
            data-testid="totp-setup-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending} data-testid="totp-setup-submit">
          {t('totp.confirm')}
        </Button>
      </Form>
    </div>
  );
}
