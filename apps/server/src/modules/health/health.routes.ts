import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { doc, type App } from '../../platform/http/types.ts';

const healthBody = z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string() });

export function healthRoutes(app: App, ctx: AppContext): void {
  const body = { status: 'ok' as const, db: ctx.dbKind, version: ctx.config.version };
  app.get(
    '/api/health',
    {
      schema: {
        ...doc({ vi: 'Tình trạng máy chủ', en: 'Health: status, database kind and version', tag: 'system', example: { url: '/api/health' } }),
        response: { 200: healthBody },
      },
    },
    async () => body,
  );
}
