import { z } from 'zod';
import { pageQuery } from './common.ts';

/** The directory of organisations that send documents (issuers): Party bodies, State agencies, others. */
export const ORGANIZATION_KINDS = ['party', 'state', 'other'] as const;

export const organizationInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    code: z.string().trim().max(30).default(''),
    kind: z.enum(ORGANIZATION_KINDS).default('other'),
  })
  .strict();
export const organizationPatch = z
  .object({
    name: z.string().trim().min(1).max(200),
    code: z.string().trim().max(30),
    kind: z.enum(ORGANIZATION_KINDS),
    active: z.boolean(),
  })
  .partial()
  .strict();
/** `includeInactive=true` (the directory screen) also lists deactivated issuers; the autocomplete does not. */
export const organizationListQuery = pageQuery
  .extend({
    q: z.string().trim().max(100).optional(),
    includeInactive: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .strict();
export const organizationView = z.object({
  id: z.number(),
  name: z.string(),
  code: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  active: z.boolean(),
});
