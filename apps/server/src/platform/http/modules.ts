import type { AppContext } from '../context.ts';
import type { App } from './types.ts';
import { healthRoutes } from '../../modules/health/health.routes.ts';
import { authRoutes } from '../../modules/auth/auth.routes.ts';
import { usersRoutes } from '../../modules/users/users.routes.ts';

/** Every module's routes, registered in one place. */
export async function registerModules(app: App, ctx: AppContext): Promise<void> {
  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  usersRoutes(app, ctx);
}
