import { isoDate } from '@vanphong/contracts';
import { z } from 'zod';
import { REGISTER_KINDS } from './outgoing.outputs.models.ts';

/**
 * Query strings of the outgoing register and report. They belong with the other outgoing inputs in
 * packages/contracts (strict zod, shared with the web); kept here until the contracts index exports them.
 */

const issuerKey = z
  .string()
  .regex(/^c\d{1,10}(-a\d{1,10})?$/, { message: 'expected an issuer key such as "c1" or "c1-a2"' });

/** A calendar year, or from–to (issue dates, both included, a year at most); neither = the current year. */
const period = {
  year: z.coerce.number().int().min(1900).max(2999).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

export const outgoingRegisterQuery = z
  .object({ issuerKey, ...period, kind: z.enum(REGISTER_KINDS).default('ordinary') })
  .strict();
export type OutgoingRegisterQuery = z.infer<typeof outgoingRegisterQuery>;

export const issuedReportQuery = z.object({ ...period, issuerKey: issuerKey.optional() }).strict();
export type IssuedReportQuery = z.infer<typeof issuedReportQuery>;
