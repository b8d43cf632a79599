import { z } from 'zod';
import { clearance, dbId, isoDate } from './common.ts';

export const userInput = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9._-]{3,40}$/, 'lowercase letters, digits, . _ -; 3–40 characters'),
    password: z.string().min(1).max(256),
    personId: dbId.nullable().default(null),
    displayName: z.string().trim().min(1).max(120),
    roleCodes: z.array(z.string().min(1).max(40)).min(1).max(20),
    clearance: clearance.default('none'),
    scopeCommitteeId: dbId.nullable().default(null),
    scopeAgencyId: dbId.nullable().default(null),
  })
  .strict();

export const userPatch = z
  .object({
    displayName: z.string().trim().min(1).max(120),
    personId: dbId.nullable(),
    roleCodes: z.array(z.string().min(1).max(40)).min(1).max(20),
    clearance,
    scopeCommitteeId: dbId.nullable(),
    scopeAgencyId: dbId.nullable(),
    disabled: z.boolean(),
  })
  .partial()
  .strict();

export const resetPasswordInput = z.object({ password: z.string().min(1).max(256) }).strict();

export const roleInput = z
  .object({
    code: z.string().trim().regex(/^[a-z_]{2,40}$/),
    name: z.string().trim().min(1).max(120),
    permissions: z.array(z.string()).max(200),
  })
  .strict();
export const rolePatch = roleInput.omit({ code: true }).partial().strict();

export const settingsPatch = z
  .object({
    deploymentProfile: z.enum(['internet', 'party-wan', 'isolated-lan']),
    requireTotpForAdmins: z.boolean(),
    passwordMinLength: z.number().int().min(8).max(128),
    sessionIdleMinutes: z.number().int().min(5).max(24 * 60),
    sessionAbsoluteHours: z.number().int().min(1).max(24 * 30),
    organisationName: z.string().trim().min(1).max(300),
    /** Task reminders (issue 5 §6): working days before the due date on which the lead body is reminded. */
    taskReminderDaysBefore: z
      .array(z.number().int().min(1).max(30))
      .max(5)
      .refine((xs) => new Set(xs).size === xs.length, 'each day once'),
    /** Working days overdue after which the head of the lead unit is told, then the assigner (head < assigner). */
    taskEscalateHeadAfterDays: z.number().int().min(1).max(60),
    taskEscalateAssignerAfterDays: z.number().int().min(1).max(120),
  })
  .partial()
  .strict()
  // Both sent: the head hears first. One sent alone is checked against the stored other by the server.
  .refine(
    (s) => s.taskEscalateHeadAfterDays === undefined || s.taskEscalateAssignerAfterDays === undefined || s.taskEscalateHeadAfterDays < s.taskEscalateAssignerAfterDays,
    { message: 'must be fewer days than taskEscalateAssignerAfterDays', path: ['taskEscalateHeadAfterDays'] },
  );

export const holidayInput = z
  .object({
    date: isoDate,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(['holiday', 'compensatory_day_off', 'swapped_day_off', 'swapped_workday']),
  })
  .strict();

const documentTypeFields = {
  name: z.string().trim().min(1).max(120),
  abbreviation: z.string().trim().max(10),
  family: z.enum(['party', 'state', 'both']),
  active: z.boolean(),
};
export const documentTypeInput = z
  .object({ ...documentTypeFields, active: documentTypeFields.active.default(true) })
  .strict();
/** Written out rather than `documentTypeInput.partial()`: a partial of a defaulted field still fills the default, so a rename would re-activate the type. */
export const documentTypePatch = z.object(documentTypeFields).partial().strict();
/** `family=party` lists the types usable for Party documents (party + both); likewise `state`; `both` lists only the shared ones. */
export const documentTypeQuery = z
  .object({
    family: z.enum(['party', 'state', 'both']).optional(),
    active: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(200),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

/** A calendar year the lunar conversion supports (calendar.lunar.ts LUNAR_SUPPORTED_YEARS). */
export const calendarYearParams = z.object({ year: z.coerce.number().int().min(1800).max(2199) }).strict();

export const auditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
    action: z.string().max(80).optional(),
    actor: z.string().max(64).optional(),
    entityType: z.string().max(40).optional(),
    entityId: z.string().max(64).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();
