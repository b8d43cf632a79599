import type { FastifyRequest } from 'fastify';
import type { Permission } from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { auditContextOf, requirePermission } from '../../platform/http/types.ts';
import { todayInVietnam } from './org.models.ts';
import type { Viewer } from './org.presenters.ts';
import { loadOrgScope } from './org.scope.ts';
import type { By } from './org.usecases.ts';

export type OrgRequestor = By & Viewer;

/** Permission, scope, audit context and today's date, resolved once per request. */
export async function requestorOf(
  ctx: AppContext,
  req: FastifyRequest,
  permission: Permission,
): Promise<OrgRequestor> {
  const actor = requirePermission(req, permission);
  return {
    actor,
    scope: await loadOrgScope(ctx.db, actor),
    audit: auditContextOf(req),
    today: todayInVietnam(ctx.clock.now()),
  };
}

/** Creating or moving a committee changes the subtree, so abilities are computed on the scope as it is now. */
export const refreshed = async (ctx: AppContext, r: OrgRequestor): Promise<OrgRequestor> => ({
  ...r,
  scope: await loadOrgScope(ctx.db, r.actor),
});
