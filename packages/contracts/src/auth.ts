import { z } from 'zod';
import { clearance } from './common.ts';

export const loginInput = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();

export const totpInput = z.object({ code: z.string().regex(/^\d{6}$/, 'six digits') }).strict();

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(1).max(256),
  })
  .strict();

export const me = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  clearance,
  scopeCommitteeId: z.number().int().nullable(),
  scopeAgencyId: z.number().int().nullable(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof me>;

export const loginResult = z.object({
  status: z.enum(['ok', 'second_factor_required', 'second_factor_setup_required']),
  csrfToken: z.string(),
  user: me.nullable(),
});
