import { z } from 'zod';

/** The error envelope every 4xx/5xx answer uses. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** Ids are 32-bit serials on PostgreSQL; a larger one can name no record (and must not reach the database). */
export const MAX_ID = 2_147_483_647;
export const dbId = z.number().int().positive().max(MAX_ID);
export const idParams = z.object({ id: z.coerce.number().int().positive().max(MAX_ID) }).strict();

/** Pagination accepted by every list endpoint. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

/** A calendar date as written in the database and the API: YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected YYYY-MM-DD', abort: true })
  .refine(isRealDate, 'no such date');

/** True when `YYYY-MM-DD` names a day of the Gregorian calendar (rejects 2026-02-30, 2026-13-01). */
export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (!y || !m || !d || y < 1900 || y > 2999) {
    return false;
  }
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** An instant as ISO-8601 with an offset or Z ("2026-11-25T08:30:00+07:00"). */
export const isoInstant = z.iso.datetime({ offset: true });

/** Clearance levels (spec §3): không, Mật, Tối mật, Tuyệt mật. */
export const CLEARANCES = ['none', 'confidential', 'secret', 'top_secret'] as const;
export type Clearance = (typeof CLEARANCES)[number];
export const clearance = z.enum(CLEARANCES);

/** Deployment profile (spec §3). */
export const DEPLOYMENT_PROFILES = ['internet', 'party-wan', 'isolated-lan'] as const;
export type DeploymentProfile = (typeof DEPLOYMENT_PROFILES)[number];

export const abilities = z.record(z.string(), z.boolean());
