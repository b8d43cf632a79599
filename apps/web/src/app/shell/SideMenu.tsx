import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { usePermissions } from '../../lib/auth';
import { ADMIN_NAV, MAIN_NAV, OUTGOING_NAV, SCHEDULE_NAV, selectedNavKey, TASKS_NAV, visibleNav, type NavItem } from './nav';

type MenuItem = Required<MenuProps>['items'][number];

/** The side menu, built from the user's permissions. Each entry is a real link with a stable data-testid. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const { pathname } = useLocation();

  const toItem = (i: NavItem): MenuItem => ({
    key: i.path,
    icon: i.icon,
    label: (
      <Link to={i.path} data-testid={i.testId} onClick={onNavigate}>
        {t(i.labelKey)}
      </Link>
    ),
  });

  const admin = visibleNav(ADMIN_NAV, permissions);
  const outgoing = visibleNav(OUTGOING_NAV, permissions);
  const tasks = visibleNav(TASKS_NAV, permissions);
  const items: MenuItem[] = [...visibleNav(MAIN_NAV, permissions).map(toItem)];
  if (outgoing.length > 0) {
    items.push({ type: 'group', key: 'outgoing', label: t('nav.outgoingGroup'), children: outgoing.map(toItem) });
  }
  if (tasks.length > 0) {
    items.push({ type: 'group', key: 'tasks', label: t('nav.tasksGroup'), children: tasks.map(toItem) });
  }
  const schedule = visibleNav(SCHEDULE_NAV, permissions);
  if (schedule.length > 0) {
    items.push({ type: 'group', key: 'schedule', label: t('nav.scheduleGroup'), children: schedule.map(toItem) });
  }
  if (admin.length > 0) {
    items.push({ type: 'group', key: 'admin', label: t('nav.admin'), children: admin.map(toItem) });
  }

  return (
    <nav aria-label={t('nav.label')}>
      <Menu mode="inline" selectedKeys={[selectedNavKey(pathname)]} items={items} className="vp-side-menu" />
    </nav>
  );
}
