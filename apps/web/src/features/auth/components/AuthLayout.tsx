import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Emblem } from '../../../components/Emblem';
import { LanguageSwitch } from '../../../components/LanguageSwitch';

/** The frame of the login screens: the app's name on the left (wide screens), the form card on the right. */
export function AuthLayout({
  title,
  subtitle,
  children,
  width = 420,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <div className="vp-auth">
      <aside className="vp-auth-brand" aria-hidden="false">
        <Flex align="center" gap={14}>
          <Emblem size={48} />
          <div>
            <div className="vp-auth-brand-title">{t('app.name')}</div>
            <div className="vp-auth-brand-sub">{t('app.tagline')}</div>
          </div>
        </Flex>
        <p className="vp-auth-brand-text">{t('auth.brandText')}</p>
        <div className="vp-auth-brand-foot">{t('auth.offlineNote')}</div>
      </aside>
      <main className="vp-auth-main">
        <div className="vp-auth-lang">
          <LanguageSwitch />
        </div>
        <div style={{ width: '100%', maxWidth: width }}>
          <Flex className="vp-auth-mobile-brand" align="center" gap={10}>
            <Emblem size={36} />
            <Typography.Text strong style={{ fontSize: 18 }}>
              {t('app.name')}
            </Typography.Text>
          </Flex>
          <Card className="vp-auth-card">
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: subtitle ? 4 : 20 }}>
              {title}
            </Typography.Title>
            {subtitle ? (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
                {subtitle}
              </Typography.Paragraph>
            ) : null}
            {children}
          </Card>
        </div>
      </main>
    </div>
  );
}
