import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/types.ts';

/** `GET /api/search` and the extraction status of files (issue 7). */
export function searchRoutes(app: App, ctx: AppContext): void {
  void app;
  void ctx;
}
