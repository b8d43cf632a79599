import { lazy, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { ForcedPasswordChangeRoute } from '../features/auth/routes/ForcedPasswordChangeRoute';
import { LoginRoute } from '../features/auth/routes/LoginRoute';
import { SecondFactorRoute } from '../features/auth/routes/SecondFactorRoute';
import { TotpSetupRoute } from '../features/auth/routes/TotpSetupRoute';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { NotFoundRoute, RouteError } from './pages';
import { AppShell } from './shell/AppShell';

/** Screens load on demand: the login page stays small and fast on slow office networks. */
function lazyRoute<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const HomeRoute = lazyRoute(() => import('../features/home/routes/HomeRoute'), 'HomeRoute');
const DirectoryRoute = lazyRoute(() => import('../features/org/routes/DirectoryRoute'), 'DirectoryRoute');
const CommitteeRoute = lazyRoute(() => import('../features/org/routes/CommitteeRoute'), 'CommitteeRoute');
const OrgAdminRoute = lazyRoute(() => import('../features/org/routes/OrgAdminRoute'), 'OrgAdminRoute');
const CalendarRoute = lazyRoute(() => import('../features/calendar/routes/CalendarRoute'), 'CalendarRoute');
const UsersRoute = lazyRoute(() => import('../features/users/routes/UsersRoute'), 'UsersRoute');
const RolesRoute = lazyRoute(() => import('../features/roles/routes/RolesRoute'), 'RolesRoute');
const SettingsRoute = lazyRoute(() => import('../features/settings/routes/SettingsRoute'), 'SettingsRoute');
const DocumentTypesRoute = lazyRoute(
  () => import('../features/document-types/routes/DocumentTypesRoute'),
  'DocumentTypesRoute',
);
const AuditRoute = lazyRoute(() => import('../features/audit/routes/AuditRoute'), 'AuditRoute');
const IncomingListRoute = lazyRoute(() => import('../features/incoming/routes/IncomingListRoute'), 'IncomingListRoute');
const IncomingRegistersRoute = lazyRoute(
  () => import('../features/incoming/routes/IncomingRegistersRoute'),
  'IncomingRegistersRoute',
);
const IncomingDeadlineRulesRoute = lazyRoute(
  () => import('../features/incoming/routes/IncomingDeadlineRulesRoute'),
  'IncomingDeadlineRulesRoute',
);
const IncomingNewRoute = lazyRoute(() => import('../features/incoming/routes/IncomingNewRoute'), 'IncomingNewRoute');
const IncomingInboxRoute = lazyRoute(() => import('../features/incoming/routes/IncomingInboxRoute'), 'IncomingInboxRoute');
const IncomingReportRoute = lazyRoute(
  () => import('../features/incoming/routes/IncomingReportRoute'),
  'IncomingReportRoute',
);
const IncomingDetailRoute = lazyRoute(
  () => import('../features/incoming/routes/IncomingDetailRoute'),
  'IncomingDetailRoute',
);
const OutgoingListRoute = lazyRoute(() => import('../features/outgoing/routes/OutgoingListRoute'), 'OutgoingListRoute');
const OutgoingFormRoute = lazyRoute(() => import('../features/outgoing/routes/OutgoingFormRoute'), 'OutgoingFormRoute');
const OutgoingDetailRoute = lazyRoute(
  () => import('../features/outgoing/routes/OutgoingDetailRoute'),
  'OutgoingDetailRoute',
);
const OutgoingSeriesRoute = lazyRoute(
  () => import('../features/outgoing/routes/OutgoingSeriesRoute'),
  'OutgoingSeriesRoute',
);
const VerifySignatureRoute = lazyRoute(
  () => import('../features/signatures/routes/VerifySignatureRoute'),
  'VerifySignatureRoute',
);
const IncomingScanRoute = lazyRoute(
  () => import('../features/incoming/routes/IncomingScanRoute'),
  'IncomingScanRoute',
);
const SearchRoute = lazyRoute(() => import('../features/search/routes/SearchRoute'), 'SearchRoute');
const TaskListRoute = lazyRoute(() => import('../features/tasks/routes/TaskListRoute'), 'TaskListRoute');
const MyTasksRoute = lazyRoute(() => import('../features/tasks/routes/TaskListRoute'), 'MyTasksRoute');
const TaskFormRoute = lazyRoute(() => import('../features/tasks/routes/TaskFormRoute'), 'TaskFormRoute');
const TaskConclusionRoute = lazyRoute(() => import('../features/tasks/routes/TaskConclusionRoute'), 'TaskConclusionRoute');
const TaskDashboardRoute = lazyRoute(() => import('../features/tasks/routes/TaskDashboardRoute'), 'TaskDashboardRoute');
const TaskDetailRoute = lazyRoute(() => import('../features/tasks/routes/TaskDetailRoute'), 'TaskDetailRoute');
const ProgrammeBoardRoute = lazyRoute(() => import('../features/programmes/routes/ProgrammeBoardRoute'), 'ProgrammeBoardRoute');
const ProgrammeRoute = lazyRoute(() => import('../features/programmes/routes/ProgrammeRoute'), 'ProgrammeRoute');
const WeekRoute = lazyRoute(() => import('../features/schedule/routes/WeekRoute'), 'WeekRoute');
const MonthRoute = lazyRoute(() => import('../features/schedule/routes/MonthRoute'), 'MonthRoute');
const MeetingListRoute = lazyRoute(() => import('../features/meetings/routes/MeetingListRoute'), 'MeetingListRoute');
const MeetingRoute = lazyRoute(() => import('../features/meetings/routes/MeetingRoute'), 'MeetingRoute');
const AccountRoute = lazyRoute(() => import('../features/account/routes/AccountRoute'), 'AccountRoute');

const need = (permission: string, element: ReactNode) => (
  <RequirePermission permission={permission}>{element}</RequirePermission>
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginRoute />, errorElement: <RouteError /> },
  { path: '/login/second-factor', element: <SecondFactorRoute />, errorElement: <RouteError /> },
  { path: '/login/totp-setup', element: <TotpSetupRoute />, errorElement: <RouteError /> },
  { path: '/login/change-password', element: <ForcedPasswordChangeRoute />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: 'directory', element: need('org.view', <DirectoryRoute />) },
          { path: 'directory/committees/:id', element: need('org.view', <CommitteeRoute />) },
          { path: 'calendar', element: <CalendarRoute /> },
          { path: 'incoming', element: need('incoming.view', <IncomingListRoute />) },
          { path: 'incoming/new', element: need('incoming.register', <IncomingNewRoute />) },
          { path: 'incoming/scan', element: need('incoming.register', <IncomingScanRoute />) },
          { path: 'incoming/inbox', element: need('incoming.view', <IncomingInboxRoute />) },
          { path: 'incoming/report', element: need('incoming.view', <IncomingReportRoute />) },
          { path: 'incoming/registers', element: need('incoming.view', <IncomingRegistersRoute />) },
          { path: 'incoming/deadline-rules', element: <IncomingDeadlineRulesRoute /> },
          { path: 'incoming/:id', element: need('incoming.view', <IncomingDetailRoute />) },
          { path: 'outgoing', element: need('outgoing.view', <OutgoingListRoute />) },
          { path: 'outgoing/new', element: need('outgoing.draft', <OutgoingFormRoute />) },
          { path: 'outgoing/series', element: need('outgoing.view', <OutgoingSeriesRoute />) },
          { path: 'outgoing/:id', element: need('outgoing.view', <OutgoingDetailRoute />) },
          { path: 'outgoing/:id/edit', element: need('outgoing.draft', <OutgoingFormRoute />) },
          { path: 'tasks', element: need('tasks.view', <TaskListRoute />) },
          { path: 'tasks/mine', element: need('tasks.view', <MyTasksRoute />) },
          { path: 'tasks/new', element: need('tasks.manage', <TaskFormRoute />) },
          { path: 'tasks/from-conclusion', element: need('tasks.manage', <TaskConclusionRoute />) },
          { path: 'tasks/dashboard', element: need('tasks.view', <TaskDashboardRoute />) },
          { path: 'tasks/:id', element: need('tasks.view', <TaskDetailRoute />) },
          { path: 'programmes', element: need('schedule.view', <ProgrammeBoardRoute />) },
          { path: 'programmes/:id', element: need('schedule.view', <ProgrammeRoute />) },
          { path: 'schedule', element: need('schedule.view', <WeekRoute />) },
          { path: 'schedule/month', element: need('schedule.view', <MonthRoute />) },
          // Invitees see their meetings whatever their permissions: the server decides (404 otherwise).
          { path: 'meetings', element: <MeetingListRoute /> },
          { path: 'meetings/:id', element: <MeetingRoute /> },
          // Any reader of documents may verify a PDF: the screen checks outgoing.view or incoming.view itself.
          { path: 'signatures/verify', element: <VerifySignatureRoute /> },
          // Anyone signed in may search: the server shows each user only what the modules let them see.
          { path: 'search', element: <SearchRoute /> },
          { path: 'account', element: <AccountRoute /> },
          { path: 'admin/org', element: need('org.manage', <OrgAdminRoute />) },
          { path: 'admin/users', element: need('users.view', <UsersRoute />) },
          { path: 'admin/roles', element: need('roles.manage', <RolesRoute />) },
          { path: 'admin/settings', element: need('settings.view', <SettingsRoute />) },
          { path: 'admin/document-types', element: need('settings.view', <DocumentTypesRoute />) },
          { path: 'admin/audit', element: need('audit.view', <AuditRoute />) },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);
