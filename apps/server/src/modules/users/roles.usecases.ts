import type { z } from 'zod';
import {
  isPermission,
  PERMISSIONS,
  type Permission,
  type rolePatch,
  type roleInput,
} from '@vanphong/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext } from '../../platform/context.ts';
import { roleErrors } from './roles.errors.ts';
import { findRole, findRoleByCode, insertRole, updateRoleRow, type Role } from './roles.repository.ts';
import type { By } from './users.usecases.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

/** What the `admin` role can never lose: without them nobody could give the permissions back (issue 2 §5). */
export const ADMIN_ROLE_CODE = 'admin';
export const ADMIN_ESSENTIALS: Permission[] = ['users.manage', 'roles.manage'];

/**
 * Roles are bundles of known permission names (issue 2 §5): an unknown name is refused with the
 * offending names; duplicates are dropped and the list kept in the canonical order of PERMISSIONS.
 */
export function normalisePermissions(names: string[]): Permission[] {
  const unknown = [...new Set(names.filter((n) => !isPermission(n)))];
  if (unknown.length > 0) {
    throw roleErrors.unknownPermission(unknown);
  }
  return PERMISSIONS.filter((p) => names.includes(p));
}

export async function createRole(ctx: Ctx, by: By, input: z.infer<typeof roleInput>): Promise<Role> {
  const permissions = normalisePermissions(input.permissions);
  let id: number;
  try {
    id = await inTransaction(ctx, async (trx) => {
      if (await findRoleByCode(trx, input.code)) {
        throw roleErrors.codeTaken();
      }
      const newId = await insertRole(trx, { code: input.code, name: input.name, permissions });
      await recordAudit(
        { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit },
        {
          action: 'roles.created',
          entityType: 'role',
          entityId: newId,
          details: { code: input.code, name: input.name, permissions },
        },
      );
      return newId;
    });
  } catch (err) {
    // Two admins creating the same code at once: the unique index decides.
    if (ctx.dialect.isUniqueViolation(err)) {
      throw roleErrors.codeTaken();
    }
    throw err;
  }
  return (await findRole(ctx.db, id)) as Role;
}

/**
 * Renames a role or changes its permissions; built-in roles too (they are starting bundles, not law),
 * but the admin role keeps ADMIN_ESSENTIALS. The audit event lists what was added and removed.
 * Sessions pick the new permissions up at their next request (they are read per request).
 */
export async function updateRole(
  ctx: Ctx,
  by: By,
  id: number,
  patch: z.infer<typeof rolePatch>,
): Promise<Role> {
  const wanted = patch.permissions === undefined ? undefined : normalisePermissions(patch.permissions);
  await inTransaction(ctx, async (trx) => {
    const before = await findRole(trx, id);
    if (!before) {
      throw roleErrors.notFound();
    }
    const permissions = wanted ?? before.permissions;
    if (before.code === ADMIN_ROLE_CODE) {
      const missing = ADMIN_ESSENTIALS.filter((p) => !permissions.includes(p));
      if (missing.length > 0) {
        throw roleErrors.adminLockout(missing);
      }
    }
    const name = patch.name ?? before.name;
    const added = permissions.filter((p) => !before.permissions.includes(p));
    const removed = before.permissions.filter((p) => !permissions.includes(p));
    if (name === before.name && added.length === 0 && removed.length === 0) {
      return;
    }
    await updateRoleRow(trx, id, { name, permissions });
    await recordAudit(
      { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit },
      {
        action: 'roles.updated',
        entityType: 'role',
        entityId: id,
        details: {
          code: before.code,
          ...(name === before.name ? {} : { name: { from: before.name, to: name } }),
          added,
          removed,
        },
      },
    );
  });
  return (await findRole(ctx.db, id)) as Role;
}
