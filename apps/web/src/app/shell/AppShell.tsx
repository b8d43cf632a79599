import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Spin } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { Emblem } from '../../components/Emblem';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { useSettings } from '../../features/settings/api/get-settings';
import { useHasPermission } from '../../lib/auth';
import { GlobalSearch } from './GlobalSearch';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

const COLLAPSE_KEY = 'vp.siderCollapsed';

/** The organisation's name: from the settings when the user may read them, else the generic name. */
function useOrganisationName(): string {
  const { t } = useTranslation();
  const canView = useHasPermission('settings.view');
  const { data } = useSettings({ enabled: canView });
  return data?.settings.organisationName?.trim() || t('app.name');
}

export function AppShell() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;
  const orgName = useOrganisationName();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(() => {
    try {
      return window.localStorage.getItem(COLLAPSE_KEY) === '1';
    } catch {
      return false;
    }
  });
  const [drawerOpen, setDrawerOpen] = useState(false);

  useEffect(() => {
    try {
      window.localStorage.setItem(COLLAPSE_KEY, collapsed ? '1' : '0');
    } catch {
      /* ignore */
    }
  }, [collapsed]);

  useEffect(() => {
    setDrawerOpen(false);
    document.getElementById('vp-main')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  const toggle = () => (isMobile ? setDrawerOpen(true) : setCollapsed((c) => !c));
  const toggleIcon = isMobile ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />;

  return (
    <Layout className="vp-shell">
      <a href="#vp-main" className="vp-skip-link">
        {t('nav.skipToContent')}
      </a>
      <Layout.Header className="vp-header">
        <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
          <Button
            type="text"
            className="vp-header-btn"
            icon={toggleIcon}
            onClick={toggle}
            aria-label={
              isMobile ? t('nav.openMenu') : collapsed ? t('nav.expandMenu') : t('nav.collapseMenu')
            }
            aria-expanded={isMobile ? drawerOpen : !collapsed}
            data-testid="sider-toggle"
          />
          <Link to="/" className="vp-header-brand" aria-label={t('nav.home')}>
            <Emblem size={30} />
            <span className="vp-header-brand-text">
              <span className="vp-header-org" data-testid="header-org-name" title={orgName}>
                {orgName}
              </span>
              {isMobile ? null : <span className="vp-header-app">{t('app.tagline')}</span>}
            </span>
          </Link>
        </Flex>
        <Flex align="center" gap={4} style={{ flex: 'none' }}>
          <GlobalSearch compact={isMobile} />
          {isMobile ? null : <LanguageSwitch ghost />}
          <NotificationBell />
          <UserMenu compact={isMobile} />
        </Flex>
      </Layout.Header>
      <Layout>
        {isMobile ? (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            width={280}
            title={t('nav.label')}
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu onNavigate={() => setDrawerOpen(false)} />
            <div style={{ padding: 16 }}>
              <LanguageSwitch />
            </div>
          </Drawer>
        ) : (
          <Layout.Sider
            width={248}
            collapsedWidth={64}
            collapsed={collapsed}
            trigger={null}
            className="vp-sider"
            theme="light"
          >
            <SideMenu />
          </Layout.Sider>
        )}
        <Layout.Content id="vp-main" tabIndex={-1} className="vp-content">
          <Suspense
            fallback={
              <Flex justify="center" style={{ padding: 48 }}>
                <Spin />
              </Flex>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
