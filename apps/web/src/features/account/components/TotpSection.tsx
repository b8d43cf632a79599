import { SafetyOutlined } from '@ant-design/icons';
import { App, Button, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TotpEnrolment } from '../../../components/TotpEnrolment';
import type { Me } from '../../../types/api';
import { useBeginTotpSetup } from '../api/begin-totp-setup';
import { useConfirmTotp } from '../api/confirm-totp';

export function TotpSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setup = useBeginTotpSetup();
  const confirm = useConfirmTotp();
  const [enrolling, setEnrolling] = useState(false);

  if (enrolling) {
    return (
      <div style={{ maxWidth: 560 }}>
        <TotpEnrolment
          secret={setup.data?.secret ?? null}
          otpauthUrl={setup.data?.otpauthUrl ?? null}
          loading={setup.isPending}
          loadError={setup.error}
          confirm={async (code) => {
            await confirm.mutateAsync(code);
            void message.success(t('account.totp.enabled'));
            setEnrolling(false);
          }}
        />
        <Button type="link" style={{ paddingInline: 0, marginTop: 12 }} onClick={() => setEnrolling(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    );
  }

  return (
    <Space direction="vertical" size={12} style={{ maxWidth: 640 }}>
      <div>
        <Typography.Text>{t('account.totp.status')} </Typography.Text>
        {me.totpEnabled ? (
          <Tag color="green" data-testid="account-totp-status">
            {t('account.totp.on')}
          </Tag>
        ) : (
          <Tag data-testid="account-totp-status">{t('account.totp.off')}</Tag>
        )}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('account.totp.explain')}
      </Typography.Paragraph>
      {me.totpEnabled ? (
        <Result
          status="success"
          icon={<SafetyOutlined />}
          title={t('account.totp.activeTitle')}
          subTitle={t('account.totp.activeText')}
          style={{ padding: 16 }}
        />
      ) : null}
      {/* Once on, the second factor is replaced only after an administrator resets it (a session alone must not switch it off). */}
      {me.totpEnabled ? null : (
        <div>
          <Button
            type="primary"
            icon={<SafetyOutlined />}
            onClick={() => {
              setEnrolling(true);
              setup.mutate();
            }}
            data-testid="account-totp-setup"
          >
            {t('account.totp.enrol')}
          </Button>
        </div>
      )}
    </Space>
  );
}
