import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  CalendarOutlined,
  ClusterOutlined,
  EditOutlined,
  FieldTimeOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  InboxOutlined,
  MailOutlined,
  NumberOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export interface NavItem {
  path: string;
  labelKey: string;
  testId: string;
  icon: ReactNode;
  /** Shown only with this permission; none = everyone. */
  permission?: string;
  /** Shown with any one of these permissions. */
  anyPermission?: string[];
}

/** Everyday screens. */
export const MAIN_NAV: NavItem[] = [
  { path: '/', labelKey: 'nav.home', testId: 'menu-home', icon: <HomeOutlined /> },
  {
    path: '/incoming/inbox',
    labelKey: 'nav.incomingInbox',
    testId: 'menu-incoming-inbox',
    icon: <InboxOutlined />,
    permission: 'incoming.view',
  },
  {
    path: '/incoming',
    labelKey: 'nav.incoming',
    testId: 'menu-incoming',
    icon: <MailOutlined />,
    permission: 'incoming.view',
  },
  {
    path: '/incoming/new',
    labelKey: 'nav.incomingNew',
    testId: 'menu-incoming-new',
    icon: <FormOutlined />,
    permission: 'incoming.register',
  },
  {
    path: '/directory',
    labelKey: 'nav.directory',
    testId: 'menu-org',
    icon: <ApartmentOutlined />,
    permission: 'org.view',
  },
  { path: '/calendar', labelKey: 'nav.calendar', testId: 'menu-calendar', icon: <CalendarOutlined /> },
];

/** The "Văn bản đi" group (issue 4). */
export const OUTGOING_NAV: NavItem[] = [
  {
    path: '/outgoing',
    labelKey: 'nav.outgoing',
    testId: 'menu-outgoing',
    icon: <SendOutlined />,
    permission: 'outgoing.view',
  },
  {
    path: '/outgoing/new',
    labelKey: 'nav.outgoingNew',
    testId: 'menu-outgoing-new',
    icon: <EditOutlined />,
    permission: 'outgoing.draft',
  },
  {
    path: '/outgoing/series',
    labelKey: 'nav.outgoingSeries',
    testId: 'menu-outgoing-series',
    icon: <NumberOutlined />,
    // The clerk's register of numbers (reserved, void, unfinished issues): the API answers 403 to others.
    permission: 'outgoing.issue',
  },
  {
    path: '/signatures/verify',
    labelKey: 'nav.verifySignature',
    testId: 'menu-verify-signature',
    icon: <FileProtectOutlined />,
    anyPermission: ['outgoing.view', 'incoming.view'],
  },
];

/** The "Theo dõi nhiệm vụ" group (issue 5). */
export const TASKS_NAV: NavItem[] = [
  { path: '/tasks/mine', labelKey: 'nav.tasksMine', testId: 'menu-tasks-mine', icon: <CarryOutOutlined />, permission: 'tasks.view' },
  { path: '/tasks', labelKey: 'nav.tasks', testId: 'menu-tasks', icon: <ProfileOutlined />, permission: 'tasks.view' },
  {
    path: '/tasks/from-conclusion',
    labelKey: 'nav.tasksConclusion',
    testId: 'menu-tasks-conclusion',
    icon: <OrderedListOutlined />,
    permission: 'tasks.manage',
  },
  {
    path: '/tasks/dashboard',
    labelKey: 'nav.tasksDashboard',
    testId: 'menu-tasks-dashboard',
    icon: <BarChartOutlined />,
    permission: 'tasks.view',
  },
];

/** The "Chương trình, lịch công tác" group (issue 6). */
export const SCHEDULE_NAV: NavItem[] = [
  { path: '/schedule', labelKey: 'nav.schedule', testId: 'menu-schedule', icon: <ScheduleOutlined />, permission: 'schedule.view' },
  { path: '/schedule/month', labelKey: 'nav.scheduleMonth', testId: 'menu-schedule-month', icon: <CalendarOutlined />, permission: 'schedule.view' },
  { path: '/programmes', labelKey: 'nav.programmes', testId: 'menu-programmes', icon: <ProjectOutlined />, permission: 'schedule.view' },
  { path: '/meetings', labelKey: 'nav.meetings', testId: 'menu-meetings', icon: <TeamOutlined /> },
];

/** The "Quản trị" group. */
export const ADMIN_NAV: NavItem[] = [
  {
    path: '/admin/org',
    labelKey: 'nav.orgAdmin',
    testId: 'menu-admin-org',
    icon: <ClusterOutlined />,
    permission: 'org.manage',
  },
  {
    path: '/admin/users',
    labelKey: 'nav.users',
    testId: 'menu-users',
    icon: <TeamOutlined />,
    permission: 'users.view',
  },
  {
    path: '/admin/roles',
    labelKey: 'nav.roles',
    testId: 'menu-roles',
    icon: <SafetyCertificateOutlined />,
    permission: 'roles.manage',
  },
  {
    path: '/admin/settings',
    labelKey: 'nav.settings',
    testId: 'menu-settings',
    icon: <SettingOutlined />,
    permission: 'settings.view',
  },
  {
    path: '/admin/document-types',
    labelKey: 'nav.documentTypes',
    testId: 'menu-document-types',
    icon: <FileTextOutlined />,
    permission: 'settings.view',
  },
  {
    path: '/incoming/deadline-rules',
    labelKey: 'nav.deadlineRules',
    testId: 'menu-deadline-rules',
    icon: <FieldTimeOutlined />,
    permission: 'settings.manage',
  },
  {
    path: '/admin/audit',
    labelKey: 'nav.audit',
    testId: 'menu-audit',
    icon: <AuditOutlined />,
    permission: 'audit.view',
  },
];

export const visibleNav = (items: NavItem[], permissions: ReadonlySet<string>) =>
  items.filter(
    (i) =>
      (!i.permission || permissions.has(i.permission)) &&
      (!i.anyPermission || i.anyPermission.some((p) => permissions.has(p))),
  );

/** The menu key for a pathname: the longest nav path it starts with. */
export function selectedNavKey(pathname: string): string {
  const all = [...MAIN_NAV, ...OUTGOING_NAV, ...TASKS_NAV, ...SCHEDULE_NAV, ...ADMIN_NAV].map((i) => i.path).filter((p) => p !== '/');
  const hit = all
    .filter((p) => pathname === p || pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];
  return hit ?? (pathname === '/' ? '/' : '');
}
