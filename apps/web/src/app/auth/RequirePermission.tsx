import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../lib/auth';

/** A screen reserved to a permission: others see a 403 page (the menu does not offer it to them anyway). */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { t } = useTranslation();
  const permissions = usePermissions();
  if (!permissions.has(permission)) {
    return <Result status="403" title={t('pages.forbidden.title')} subTitle={t('pages.forbidden.text')} />;
  }
  return <>{children}</>;
}
