import { deadlineRulesInput } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { forbidden } from '../../platform/errors.ts';
import { auditContextOf, doc, requireActor, requirePermission, type App } from '../../platform/http/types.ts';
import type { Actor } from '../auth/auth.models.ts';
import { listDocumentTypes } from '../settings/settings.repository.ts';
import {
  DUE_SOON_WORKING_DAYS,
  listDeadlineRules,
  replaceDeadlineRules,
  sortDeadlineRules,
  type DeadlineRule,
} from './incoming.deadlines.ts';

/**
 * The rules are installation-wide configuration, edited with `settings.manage` like document types and
 * the calendar; a leader still sets any deadline by hand when directing a document.
 */
const canEditRules = (actor: Actor): boolean => actor.permissions.has('settings.manage');

async function presentRules(db: Kysely<Database>, rules: DeadlineRule[], actor: Actor) {
  const types = new Map((await listDocumentTypes(db, { limit: 10_000, offset: 0 })).items.map((t) => [t.id, t.name]));
  return {
    rules: sortDeadlineRules(rules).map((r) => ({
      documentTypeId: r.documentTypeId,
      documentTypeName: r.documentTypeId === null ? null : (types.get(r.documentTypeId) ?? null),
      urgency: r.urgency,
      workingDays: r.workingDays,
    })),
    dueSoonWorkingDays: DUE_SOON_WORKING_DAYS,
    abilities: { update: canEditRules(actor) },
  };
}

export function incomingDeadlineRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/incoming/deadline-rules',
    {
      schema: doc({
        vi: 'Thời hạn xử lý mặc định theo loại văn bản và độ khẩn',
        en: 'Default handling deadlines by document type and urgency',
        tag: 'incoming',
        example: { url: '/api/incoming/deadline-rules' },
        description:
          'Working days counted from the arrival date on the working calendar. The most specific rule wins: ' +
          'type + urgency, then type, then urgency, then the default (both null). Needs incoming.view or settings.manage.',
      }),
    },
    async (req) => {
      const actor = requireActor(req);
      if (!actor.permissions.has('incoming.view') && !canEditRules(actor)) {
        throw forbidden();
      }
      return presentRules(ctx.db, await listDeadlineRules(ctx.db), actor);
    },
  );

  app.put(
    '/api/incoming/deadline-rules',
    {
      schema: {
        ...doc({
          vi: 'Sửa thời hạn xử lý mặc định (thay cả bộ)',
          en: 'Replace the default handling deadlines (the whole set)',
          tag: 'incoming',
          example: {
            method: 'PUT',
            url: '/api/incoming/deadline-rules',
            body: {
              rules: [
                { documentTypeId: null, urgency: null, workingDays: 7 },
                { documentTypeId: null, urgency: 'urgent', workingDays: 3 },
                { documentTypeId: null, urgency: 'very_urgent', workingDays: 2 },
                { documentTypeId: null, urgency: 'flash', workingDays: 1 },
                { documentTypeId: null, urgency: 'flash_timed', workingDays: 0 },
                { documentTypeId: 16, urgency: null, workingDays: 10 },
              ],
            },
          },
          description: 'Needs settings.manage. Audited with the set before and after.',
        }),
        body: deadlineRulesInput,
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'settings.manage');
      const rules = await replaceDeadlineRules(ctx, { actor, audit: auditContextOf(req) }, req.body.rules);
      return presentRules(ctx.db, rules, actor);
    },
  );
}
