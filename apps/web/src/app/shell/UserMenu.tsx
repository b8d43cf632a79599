import {
  DownOutlined,
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  StopOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLogout } from '../../features/auth/api/logout';
import { useLogoutEverywhere } from '../../features/auth/api/logout-everywhere';
import { forgetReturnTo } from '../../lib/return-to';
import { useRoles } from '../../features/roles/api/get-roles';
import { useHasPermission, useMe } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { setLanguage, translateOr } from '../../lib/i18n';

const initials = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .slice(-2)
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();

/** Role names for codes: from /api/roles when the user may read it, else the catalogue of built-in roles. */
export function useRoleNames(codes: string[]): string[] {
  const canReadRoles = useHasPermission('users.view');
  const { data } = useRoles({ enabled: canReadRoles });
  return codes.map(
    (code) => data?.items.find((r) => r.code === code)?.name ?? translateOr(`roleNames.${code}`, code),
  );
}

export function UserMenu({ compact }: { compact: boolean }) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const logout = useLogout();
  const logoutEverywhere = useLogoutEverywhere();
  const roleNames = useRoleNames(me?.roles ?? []);
  if (!me) {return null;}

  const toLogin = () => {
    forgetReturnTo();
    navigate('/login', { replace: true });
  };

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <div className="vp-user-menu-who">
          <div className="vp-user-menu-name">{me.displayName}</div>
          <div className="vp-user-menu-roles">{roleNames.join(', ')}</div>
        </div>
      ),
    },
    { type: 'divider' },
    {
      key: 'account',
      icon: <UserOutlined />,
      label: <span data-testid="user-menu-account">{t('userMenu.account')}</span>,
    },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="user-menu-change-password">{t('userMenu.changePassword')}</span>,
    },
    {
      key: 'language',
      icon: <GlobalOutlined />,
      label: (
        <span data-testid="user-menu-language">
          {t(i18n.language === 'en' ? 'language.vi' : 'language.en')}
        </span>
      ),
    },
    { type: 'divider' },
    {
      key: 'logout-everywhere',
      icon: <StopOutlined />,
      label: <span data-testid="user-menu-logout-everywhere">{t('userMenu.logoutEverywhere')}</span>,
    },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="user-menu-logout">{t('userMenu.logout')}</span>,
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'account') {navigate('/account');}
    if (key === 'password') {navigate('/account?tab=password');}
    if (key === 'language') {void setLanguage(i18n.language === 'en' ? 'vi' : 'en');}
    if (key === 'logout') {logout.mutate(undefined, { onSettled: toLogin });}
    if (key === 'logout-everywhere') {
      modal.confirm({
        title: t('userMenu.logoutEverywhereConfirmTitle'),
        content: t('userMenu.logoutEverywhereConfirmText'),
        okText: t('userMenu.logoutEverywhere'),
        cancelText: t('common.cancel'),
        okButtonProps: { danger: true },
        onOk: () =>
          logoutEverywhere.mutateAsync().then(
            (r) => {
              void message.success(t('userMenu.loggedOutEverywhere', { count: r.revoked }));
              toLogin();
            },
            (e: unknown) => {
              void message.error(errorMessage(e));
            },
          ),
      });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        className="vp-header-user"
        data-testid="user-menu"
        aria-label={t('userMenu.label', { name: me.displayName })}
      >
        <Avatar size={32} className="vp-header-avatar">
          {initials(me.displayName)}
        </Avatar>
        {compact ? null : (
          <span className="vp-header-user-text">
            <span className="vp-header-user-name" data-testid="header-user-name">
              {me.displayName}
            </span>
            <span className="vp-header-user-roles" data-testid="header-user-roles">
              {roleNames.join(', ')}
            </span>
          </span>
        )}
        {/* On a phone the avatar alone is the button: the header needs the room for the office's name. */}
        {compact ? null : <DownOutlined style={{ fontSize: 10 }} aria-hidden />}
      </Button>
    </Dropdown>
  );
}
