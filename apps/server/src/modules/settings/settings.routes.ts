import {
  documentTypeInput,
  documentTypePatch,
  documentTypeQuery,
  idParams,
  settingsPatch,
} from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { auditContextOf, doc, requireActor, requirePermission, type App } from '../../platform/http/types.ts';
import { presentDocumentType, presentSettings } from './settings.presenters.ts';
import { getSettings, listDocumentTypes } from './settings.repository.ts';
import { createDocumentType, updateDocumentType, updateSettings } from './settings.usecases.ts';

export function settingsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/settings',
    {
      schema: doc({
        vi: 'Xem cấu hình hệ thống',
        en: 'Get the system settings',
        tag: 'settings',
        example: { url: '/api/settings' },
      }),
    },
    async (req) => {
      const actor = requirePermission(req, 'settings.view');
      return presentSettings(await getSettings(ctx.db, { fresh: true }), actor);
    },
  );

  app.patch(
    '/api/settings',
    {
      schema: {
        ...doc({
          vi: 'Sửa cấu hình hệ thống',
          en: 'Change system settings (only the keys sent)',
          tag: 'settings',
          example: {
            method: 'PATCH',
            url: '/api/settings',
            body: { passwordMinLength: 12, sessionIdleMinutes: 30 },
          },
        }),
        body: settingsPatch,
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'settings.manage');
      const settings = await updateSettings(ctx, { actor, audit: auditContextOf(req) }, req.body);
      return presentSettings(settings, actor);
    },
  );

  app.get(
    '/api/document-types',
    {
      schema: {
        ...doc({
          vi: 'Danh mục loại văn bản',
          en: 'List document types',
          tag: 'settings',
          example: { url: '/api/document-types?family=party&active=true' },
          description:
            '`family=party` (or `state`) also lists the types shared by both (`both`). Reference list: `limit` defaults to 200.',
        }),
        querystring: documentTypeQuery,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { items, total } = await listDocumentTypes(ctx.db, req.query);
      return { items: items.map((t) => presentDocumentType(t, actor)), total };
    },
  );

  app.post(
    '/api/document-types',
    {
      schema: {
        ...doc({
          vi: 'Thêm loại văn bản',
          en: 'Add a document type',
          tag: 'settings',
          example: {
            method: 'POST',
            url: '/api/document-types',
            body: { name: 'Chỉ thị liên tịch', abbreviation: 'CTLT', family: 'party' },
          },
        }),
        body: documentTypeInput,
      },
    },
    async (req, reply) => {
      const actor = requirePermission(req, 'settings.manage');
      const row = await createDocumentType(ctx, { actor, audit: auditContextOf(req) }, req.body);
      return reply.status(201).send({ documentType: presentDocumentType(row, actor) });
    },
  );

  app.patch(
    '/api/document-types/:id',
    {
      schema: {
        ...doc({
          vi: 'Sửa loại văn bản',
          en: 'Update a document type',
          tag: 'settings',
          example: {
            method: 'PATCH',
            url: '/api/document-types/3',
            body: { abbreviation: 'CLc', active: true },
          },
        }),
        params: idParams,
        body: documentTypePatch,
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'settings.manage');
      const row = await updateDocumentType(
        ctx,
        { actor, audit: auditContextOf(req) },
        req.params.id,
        req.body,
      );
      return { documentType: presentDocumentType(row, actor) };
    },
  );
}
