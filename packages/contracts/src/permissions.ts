/**
 * Permission names. Roles are data (bundles of these names) — see the roles table;
 * the names themselves are the contract between policies, the seed and the UI menus.
 */
export const PERMISSIONS = [
  'org.view',
  'org.manage',
  'users.view',
  'users.manage',
  'roles.manage',
  'settings.view',
  'settings.manage',
  'calendar.manage',
  'audit.view',
  'files.upload',
  // Later modules (declared now so roles can carry them from day one).
  'incoming.view',
  'incoming.register',
  'incoming.direct',
  'incoming.handle',
  'outgoing.view',
  'outgoing.draft',
  'outgoing.approve',
  'outgoing.issue',
  'tasks.view',
  'tasks.manage',
  'tasks.inspect',
  'schedule.view',
  'schedule.manage',
  'archive.view',
  'archive.manage',
  'petitions.view',
  'petitions.manage',
  'finance.view',
  'finance.manage',
  'reports.view',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (s: string): s is Permission => (PERMISSIONS as readonly string[]).includes(s);
