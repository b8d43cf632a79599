import { auditQuery } from '@vanphong/contracts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { doc, requirePermission, type App } from '../../platform/http/types.ts';
import { parseIsoDate } from '../calendar/calendar.workdays.ts';
import { requireInstallationScope } from './audit.policies.ts';
import { listAuditEvents } from './audit.repository.ts';

/** The regex in the contract lets 2026-02-31 through; such a date would otherwise fail deep in the query. */
function assertRealDate(path: 'from' | 'to', date: string | undefined): void {
  if (date === undefined) {
    return;
  }
  try {
    parseIsoDate(date);
  } catch {
    throw badRequest('audit.invalid_date', 'This date does not exist', [{ path, message: date }]);
  }
}

export function auditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/audit',
    {
      schema: {
        ...doc({
          vi: 'Nhật ký hệ thống',
          en: 'The audit log, newest first',
          tag: 'audit',
          example: { url: '/api/audit?action=seed.&from=2026-01-01&limit=20' },
          description:
            '`action` matches a prefix (`users.` lists every account event); `actor` is the exact user name; `from`/`to` are Vietnam calendar days (Asia/Ho_Chi_Minh), both included. Needs `audit.view` and a scope over the whole installation (none, or the root committee); otherwise 403 `audit.scope_required`.',
        }),
        querystring: auditQuery,
      },
    },
    async (req) => {
      await requireInstallationScope(ctx.db, requirePermission(req, 'audit.view'));
      assertRealDate('from', req.query.from);
      assertRealDate('to', req.query.to);
      const { items, total } = await listAuditEvents(ctx.db, req.query);
      // Audit events are immutable: no action applies to them (abilities kept for the uniform record shape).
      return { items: items.map((e) => ({ ...e, abilities: {} })), total };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: doc({
        vi: 'Kiểm tra tính toàn vẹn của nhật ký',
        en: 'Verify the hash chain of the audit log',
        tag: 'audit',
        example: { url: '/api/audit/verify' },
        description:
          'Needs `audit.view` and a scope over the whole installation; otherwise 403 `audit.scope_required`.',
      }),
    },
    async (req) => {
      await requireInstallationScope(ctx.db, requirePermission(req, 'audit.view'));
      return verifyAuditChain(ctx.db);
    },
  );
}
