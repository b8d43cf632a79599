import { z } from 'zod';
import { dbId, isoDate, MAX_ID, pageQuery } from './common.ts';

const name = z.string().trim().min(1).max(300);
const abbreviation = z.string().trim().min(1).max(30);

/** Committee levels are data (spec §0): trung ương, tỉnh, đảng ủy trực thuộc, xã, chi bộ, huyện (historic). */
export const committeeLevelInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z_]{2,40}$/),
    name,
    rank: z.number().int().min(0).max(99),
    historic: z.boolean().default(false),
  })
  .strict();

export const committeeInput = z
  .object({
    parentId: dbId.nullable().default(null),
    levelCode: z.string().trim().min(1).max(40),
    name,
    superiorLine: z.string().trim().max(300).default(''),
    placeName: z.string().trim().max(100).default(''),
    abbreviation,
    numberingRule: z.enum(['party_term', 'state_year']).default('party_term'),
    active: z.boolean().default(true),
  })
  .strict();
// Patches are written without defaults: zod 4 applies a field's default inside `.partial()`, so
// `committeeInput.partial()` would turn `{ name }` into a patch that also resets `active`, `parentId`…
export const committeePatch = z
  .object({
    parentId: dbId.nullable(),
    levelCode: z.string().trim().min(1).max(40),
    name,
    superiorLine: z.string().trim().max(300),
    placeName: z.string().trim().max(100),
    abbreviation,
    numberingRule: z.enum(['party_term', 'state_year']),
    active: z.boolean(),
  })
  .partial()
  .strict();

/** Query of `GET /api/org/committees`: inactive (e.g. historic huyện ủy) committees are left out unless asked for. */
export const committeeListQuery = z
  .object({
    includeInactive: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .strict();

/** A term (nhiệm kỳ). Spec §2: starts the day after the congress closes, or on the first plenum's opening day if held during the congress. */
export const termInput = z
  .object({
    ordinal: z.number().int().min(1).max(99),
    label: z.string().trim().max(100).default(''),
    congressClosedOn: isoDate.nullable().default(null),
    firstPlenumDuringCongressOn: isoDate.nullable().default(null),
    startsOn: isoDate.nullable().default(null),
    endsOn: isoDate.nullable().default(null),
  })
  .strict();
/** `startsOn: null` in a patch asks for the start to be computed again from the congress dates. */
export const termPatch = z
  .object({
    ordinal: z.number().int().min(1).max(99),
    label: z.string().trim().max(100),
    congressClosedOn: isoDate.nullable(),
    firstPlenumDuringCongressOn: isoDate.nullable(),
    startsOn: isoDate.nullable(),
    endsOn: isoDate.nullable(),
  })
  .partial()
  .strict();

export const agencyInput = z
  .object({
    committeeId: dbId,
    name,
    abbreviation,
    kind: z.string().trim().max(40).default('agency'),
    active: z.boolean().default(true),
  })
  .strict();
export const agencyPatch = z
  .object({
    committeeId: dbId,
    name,
    abbreviation,
    kind: z.string().trim().max(40),
    active: z.boolean(),
  })
  .partial()
  .strict();
export const agencyListQuery = pageQuery
  .extend({ committeeId: z.coerce.number().int().positive().max(MAX_ID).optional() })
  .strict();

export const positionInput = z
  .object({
    name,
    signatureTitle: z.string().trim().max(200).default(''),
    isLeader: z.boolean().default(false),
    rank: z.number().int().min(0).max(999).default(100),
  })
  .strict();
export const positionPatch = z
  .object({
    name,
    signatureTitle: z.string().trim().max(200),
    isLeader: z.boolean(),
    rank: z.number().int().min(0).max(999),
  })
  .partial()
  .strict();
export const positionListQuery = pageQuery.strict();

export const personInput = z
  .object({
    fullName: z.string().trim().min(2).max(120),
    gender: z.enum(['male', 'female', 'other']).nullable().default(null),
    birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
    committeeId: dbId.nullable().default(null),
    agencyId: dbId.nullable().default(null),
    positionId: dbId.nullable().default(null),
    email: z.email().nullable().default(null),
    phone: z.string().trim().max(30).nullable().default(null),
    active: z.boolean().default(true),
  })
  .strict();
export const personPatch = z
  .object({
    fullName: z.string().trim().min(2).max(120),
    gender: z.enum(['male', 'female', 'other']).nullable(),
    birthYear: z.number().int().min(1900).max(2100).nullable(),
    committeeId: dbId.nullable(),
    agencyId: dbId.nullable(),
    positionId: dbId.nullable(),
    email: z.email().nullable(),
    phone: z.string().trim().max(30).nullable(),
    active: z.boolean(),
  })
  .partial()
  .strict();

/** Query of `GET /api/org/people`: `q` matches names without regard to tones, marks or đ/d. */
export const personListQuery = pageQuery
  .extend({
    q: z.string().trim().max(100).optional(),
    committeeId: z.coerce.number().int().positive().max(MAX_ID).optional(),
    agencyId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  })
  .strict();
