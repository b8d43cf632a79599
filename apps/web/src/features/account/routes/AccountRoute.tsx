import { LogoutOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ChangePasswordForm } from '../../../components/ChangePasswordForm';
import { ClearanceTag } from '../../../components/ClearanceTag';
import { PageHeader } from '../../../components/PageHeader';
import { useMe } from '../../../lib/auth';
import { errorMessage } from '../../../lib/errors';
import { translateOr } from '../../../lib/i18n';
import { forgetReturnTo } from '../../../lib/return-to';
import { useChangePassword } from '../api/change-password';
import { useLogoutEverywhere } from '../api/logout-everywhere';
import { TotpSection } from '../components/TotpSection';

const TABS = ['profile', 'password', 'totp', 'sessions'] as const;

/** Tài khoản của tôi: profile, change password, second factor, log out everywhere. */
export function AccountRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const change = useChangePassword();
  const logoutEverywhere = useLogoutEverywhere();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as string)
    : 'profile';
  if (!me) {return null;}

  return (
    <div>
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'profile' ? {} : { tab: k }, { replace: true })}
          items={[
            {
              key: 'profile',
              label: t('account.tabs.profile'),
              children: (
                <Descriptions column={1} size="middle" styles={{ label: { width: 200 } }} bordered>
                  <Descriptions.Item label={t('account.profile.displayName')}>
                    {me.displayName}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('account.profile.username')}>
                    <Typography.Text code>{me.username}</Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('account.profile.roles')}>
                    <Flex gap={4} wrap>
                      {me.roles.map((r) => (
                        <Tag key={r}>{translateOr(`roleNames.${r}`, r)}</Tag>
                      ))}
                    </Flex>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('account.profile.clearance')}>
                    <ClearanceTag value={me.clearance} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('account.profile.totp')}>
                    {me.totpEnabled ? (
                      <Tag color="green">{t('account.totp.on')}</Tag>
                    ) : (
                      <Tag>{t('account.totp.off')}</Tag>
                    )}
                  </Descriptions.Item>
                </Descriptions>
              ),
            },
            {
              key: 'password',
              label: t('account.tabs.password'),
              children: (
                <ChangePasswordForm
                  submit={(v) => change.mutateAsync(v)}
                  onDone={() => void message.success(t('account.password.changed'))}
                />
              ),
            },
            { key: 'totp', label: t('account.tabs.totp'), children: <TotpSection me={me} /> },
            {
              key: 'sessions',
              label: t('account.tabs.sessions'),
              children: (
                <div style={{ maxWidth: 640 }}>
                  <Typography.Paragraph>{t('account.sessions.explain')}</Typography.Paragraph>
                  <Popconfirm
                    title={t('userMenu.logoutEverywhereConfirmTitle')}
                    description={t('userMenu.logoutEverywhereConfirmText')}
                    okText={t('userMenu.logoutEverywhere')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      logoutEverywhere.mutateAsync().then(
                        (r) => {
                          void message.success(t('userMenu.loggedOutEverywhere', { count: r.revoked }));
                          forgetReturnTo();
                          navigate('/login', { replace: true });
                        },
                        (e: unknown) => void message.error(errorMessage(e)),
                      )
                    }
                  >
                    <Button
                      danger
                      icon={<LogoutOutlined />}
                      loading={logoutEverywhere.isPending}
                      data-testid="account-logout-everywhere"
                    >
                      {t('userMenu.logoutEverywhere')}
                    </Button>
                  </Popconfirm>
                </div>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
