import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/types.ts';

/** `POST /api/capture/extract`: read the first page of a scanned or born-digital document (issue 7). */
export function captureRoutes(app: App, ctx: AppContext): void {
  void app;
  void ctx;
}
