import { z } from 'zod';
import { abilities, clearance, dbId, isoDate, isoInstant, pageQuery } from './common.ts';

/** Urgency (độ khẩn), spec §3: Thường, Khẩn, Thượng khẩn, Hỏa tốc, Hỏa tốc hẹn giờ — edXML codes 0–4 in this order. */
export const URGENCIES = ['normal', 'urgent', 'very_urgent', 'flash', 'flash_timed'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const urgency = z.enum(URGENCIES);

/** Secrecy (độ mật) of a document uses the clearance scale: none, Mật, Tối mật, Tuyệt mật. */
export const SECRECY_LEVELS = ['none', 'confidential', 'secret', 'top_secret'] as const;
export type Secrecy = (typeof SECRECY_LEVELS)[number];
export const secrecy = clearance;

/** How the document arrived. */
export const CHANNELS = ['paper', 'email', 'edxml', 'hand'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Register kinds (spec §2, Hướng dẫn 48-HD/VPTW): ordinary, secret documents, letters of complaint. */
export const REGISTER_KINDS = ['ordinary', 'secret', 'complaint'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/**
 * The handling flow (issue 3 §4): registered → presented → directed → in_progress → done | filed;
 * cancelled (thu hồi) keeps its number. "Returned" is a step in the trail that moves the document back.
 */
export const INCOMING_STATUSES = ['registered', 'presented', 'directed', 'in_progress', 'done', 'filed', 'cancelled'] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];
export const OPEN_INCOMING_STATUSES: readonly IncomingStatus[] = ['registered', 'presented', 'directed', 'in_progress'];

export const TRAIL_ACTIONS = [
  'registered',
  'updated',
  'presented',
  'directed',
  'redirected',
  'started',
  'completed',
  'filed',
  'returned',
  'cancelled',
  'viewed_attachment',
] as const;
export type TrailAction = (typeof TRAIL_ACTIONS)[number];

export const RECIPIENT_ROLES = ['lead', 'co', 'info'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

export const registerInput = z
  .object({
    committeeId: dbId,
    agencyId: dbId.nullable().default(null),
    year: z.number().int().min(1990).max(2999),
    kind: z.enum(REGISTER_KINDS),
    name: required(200),
  })
  .strict();

export const registerListQuery = z
  .object({ year: z.coerce.number().int().min(1990).max(2999).optional() })
  .strict();

export const attachmentRef = z
  .object({
    fileId: dbId,
    main: z.boolean().default(false),
  })
  .strict();

/** `POST /api/incoming`. Missing `registerId`: the register of the caller's committee for the arrival year, by kind. */
export const incomingInput = z
  .object({
    registerId: dbId.optional(),
    /** Complaint letters go to their own register; secret documents always go to the secret register. */
    registerKind: z.enum(['ordinary', 'complaint']).default('ordinary'),
    arrivedAt: isoInstant.optional(),
    channel: z.enum(CHANNELS).default('paper'),
    issuerId: dbId.nullable().default(null),
    /** Free text when the issuer is not (yet) in the directory; ignored when `issuerId` is set. */
    issuerName: text(200).default(''),
    notation: required(50),
    documentDate: isoDate,
    documentTypeId: dbId.nullable().default(null),
    summary: text(500).default(''),
    signer: text(100).default(''),
    pageCount: z.number().int().min(0).max(100_000).nullable().default(null),
    copies: z.number().int().min(1).max(10_000).default(1),
    urgency: urgency.default('normal'),
    /** For Hỏa tốc hẹn giờ: the time by which it must be delivered. */
    deliverBy: isoInstant.nullable().default(null),
    secrecy: secrecy.default('none'),
    deadline: isoDate.nullable().default(null),
    /** Where the paper original is kept; required for secret documents on networked profiles. */
    paperLocation: text(200).default(''),
    note: text(1000).default(''),
    attachments: z.array(attachmentRef).max(50).default([]),
    /** Present to this leader at once (urgent documents: the same minute). */
    presentTo: dbId.nullable().default(null),
  })
  .strict();
export type IncomingInput = z.infer<typeof incomingInput>;

/** Corrections of the registration while it is still with the office (registered or presented). */
export const incomingPatch = z
  .object({
    issuerId: dbId.nullable(),
    issuerName: text(200),
    notation: required(50),
    documentDate: isoDate,
    documentTypeId: dbId.nullable(),
    summary: text(500),
    signer: text(100),
    pageCount: z.number().int().min(0).max(100_000).nullable(),
    copies: z.number().int().min(1).max(10_000),
    urgency,
    deadline: isoDate.nullable(),
    paperLocation: text(200),
    note: text(1000),
    version: z.number().int().min(1),
  })
  .partial()
  .required({ version: true })
  .strict();

const boolString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const INCOMING_SORTS = ['arrival_desc', 'arrival_asc', 'deadline_asc', 'urgency_desc'] as const;

export const incomingListQuery = pageQuery
  .extend({
    year: z.coerce.number().int().min(1990).max(2999).optional(),
    registerId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    status: z.enum(INCOMING_STATUSES).optional(),
    /** Lead unit (agency) the document was directed to. */
    agencyId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    urgency: urgency.optional(),
    secrecy: secrecy.optional(),
    overdue: boolString.optional(),
    dueSoon: boolString.optional(),
    /** `mine`: documents waiting for the caller (presented to me, directed to me or my unit). */
    inbox: z.enum(['mine']).optional(),
    q: z.string().trim().max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    sort: z.enum(INCOMING_SORTS).default('arrival_desc'),
  })
  .strict();
export type IncomingListQuery = z.infer<typeof incomingListQuery>;

export const presentInput = z.object({ toUserId: dbId, note: text(1000).default('') }).strict();

export const directInput = z
  .object({
    direction: required(2000),
    leadAgencyId: dbId.nullable().default(null),
    leadUserId: dbId.nullable().default(null),
    coAgencyIds: z.array(dbId).max(50).default([]),
    infoUserIds: z.array(dbId).max(100).default([]),
    infoAgencyIds: z.array(dbId).max(50).default([]),
    deadline: isoDate.nullable().default(null),
  })
  .strict();
export type DirectInput = z.infer<typeof directInput>;

export const completeInput = z
  .object({ resultNote: required(2000), replyOutgoingId: dbId.nullable().default(null) })
  .strict();
export const reasonInput = z.object({ reason: required(1000) }).strict();
export const noteInput = z.object({ note: text(1000).default('') }).strict();

export const registerBookQuery = z
  .object({
    registerId: z.coerce.number().int().positive().max(2_147_483_647),
    from: isoDate,
    to: isoDate,
    format: z.enum(['pdf', 'xlsx']).default('pdf'),
  })
  .strict();

export const handlingReportQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    format: z.enum(['json', 'xlsx']).default('json'),
  })
  .strict();

export const deadlineRuleInput = z
  .object({
    documentTypeId: dbId.nullable(),
    urgency: urgency.nullable(),
    workingDays: z.number().int().min(0).max(365),
  })
  .strict();
export const deadlineRulesInput = z.object({ rules: z.array(deadlineRuleInput).max(500) }).strict();

/* ---------- answers ---------- */

export const registerView = z.object({
  id: z.number(),
  committeeId: z.number(),
  agencyId: z.number().nullable(),
  year: z.number(),
  kind: z.enum(REGISTER_KINDS),
  name: z.string(),
  /** Only for people who register documents: a counter would tell others how many (secret) documents arrived. */
  lastNumber: z.number().nullable(),
});

export const incomingListItem = z.object({
  id: z.number(),
  registerId: z.number(),
  arrivalNumber: z.number(),
  arrivedAt: z.string(),
  arrivalDate: z.string(),
  channel: z.enum(CHANNELS),
  issuerId: z.number().nullable(),
  issuerName: z.string(),
  notation: z.string(),
  documentDate: z.string(),
  documentTypeId: z.number().nullable(),
  documentTypeName: z.string().nullable(),
  /** Null for a Tuyệt mật stub (withheld) or when not recorded. */
  summary: z.string().nullable(),
  urgency,
  secrecy,
  status: z.enum(INCOMING_STATUSES),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  leadAgencyId: z.number().nullable(),
  leadAgencyName: z.string().nullable(),
  leadUserId: z.number().nullable(),
  leadUserName: z.string().nullable(),
  attachmentCount: z.number(),
});
export type IncomingListItem = z.infer<typeof incomingListItem>;

export const trailEntry = z.object({
  id: z.number(),
  action: z.enum(TRAIL_ACTIONS),
  actorId: z.number().nullable(),
  actorName: z.string(),
  at: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const incomingDetail = incomingListItem.extend({
  register: registerView,
  committeeId: z.number(),
  signer: z.string(),
  pageCount: z.number().nullable(),
  copies: z.number(),
  deliverBy: z.string().nullable(),
  paperLocation: z.string(),
  note: z.string(),
  direction: z.string(),
  presentedToId: z.number().nullable(),
  presentedToName: z.string().nullable(),
  resultNote: z.string(),
  replyOutgoingId: z.number().nullable(),
  cancelReason: z.string(),
  completedAt: z.string().nullable(),
  /** True when secret content is kept off this system (networked deployment profile). */
  stub: z.boolean(),
  recipients: z.array(
    z.object({
      role: z.enum(RECIPIENT_ROLES),
      agencyId: z.number().nullable(),
      agencyName: z.string().nullable(),
      userId: z.number().nullable(),
      userName: z.string().nullable(),
    }),
  ),
  attachments: z.array(
    z.object({
      fileId: z.number(),
      name: z.string(),
      contentType: z.string(),
      size: z.number(),
      main: z.boolean(),
      url: z.string(),
      /** Text extraction (issue 7): status, and the searchable PDF made beside a scan (served at the same route). */
      textStatus: z.enum(['queued', 'running', 'done', 'failed', 'unavailable']).nullable(),
      searchableUrl: z.string().nullable(),
    }),
  ),
  trail: z.array(trailEntry),
  /** The "ĐẾN" stamp (spec §4): agency, number, date, forwarded to, file code. */
  stamp: z.object({
    agencyName: z.string(),
    arrivalNumber: z.number(),
    arrivalDate: z.string(),
    arrivalTime: z.string(),
    forwardedTo: z.string(),
    fileCode: z.string(),
  }),
  version: z.number(),
  createdAt: z.string(),
  abilities,
});
export type IncomingDetail = z.infer<typeof incomingDetail>;

export const incomingWarning = z.object({ code: z.string(), field: z.string(), message: z.string() });

export const INCOMING_ABILITIES = [
  'update',
  'present',
  'direct',
  'redirect',
  'start',
  'complete',
  'file',
  'return',
  'cancel',
  'downloadAttachments',
] as const;
