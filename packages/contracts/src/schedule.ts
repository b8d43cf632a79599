import { z } from 'zod';
import { abilities, clearance, dbId, isoDate, isoInstant } from './common.ts';
import { bodyRef } from './tasks.ts';

/**
 * Work programme, leaders' weekly schedule and meetings (issue 6; spec §8): what the Executive Committee
 * (BCH), the Standing Committee (BTV) and the Standing Office (Thường trực) take up in the term, the year
 * and each month; the leaders' week; and the meetings that turn items into conclusions and tasks.
 */
export const PROGRAMME_BODIES = ['bch', 'btv', 'thuong_truc'] as const;
export type ProgrammeBody = (typeof PROGRAMME_BODIES)[number];

/** term: the whole term; half: 1–2; quarter: 1–4; month: 1–12 (`index`). */
export const PROGRAMME_PERIODS = ['term', 'year', 'half', 'quarter', 'month'] as const;
export type ProgrammePeriod = (typeof PROGRAMME_PERIODS)[number];

export const ITEM_STATUSES = ['planned', 'prepared', 'presented', 'postponed', 'dropped'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const id = z.coerce.number().int().positive().max(2_147_483_647);

/** `POST /api/programmes`: one programme per committee, body and period. */
export const programmeInput = z
  .object({
    committeeId: dbId,
    body: z.enum(PROGRAMME_BODIES),
    period: z.enum(PROGRAMME_PERIODS),
    /** The year (for a term programme: the term's first year; `termId` names it). */
    year: z.number().int().min(2000).max(2999),
    index: z.number().int().min(1).max(12).nullable().default(null),
    termId: dbId.nullable().default(null),
    title: text(300).default(''),
  })
  .strict();

export const programmeListQuery = z
  .object({
    committeeId: id.optional(),
    body: z.enum(PROGRAMME_BODIES).optional(),
    period: z.enum(PROGRAMME_PERIODS).optional(),
    year: z.coerce.number().int().min(2000).max(2999).optional(),
  })
  .strict();

/** `POST /api/programmes/:id/items`. The planned month or date must fall inside the programme's period. */
export const programmeItemInput = z
  .object({
    content: required(2000),
    /** YYYY-MM, or a day with `plannedOn`. */
    plannedMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM').nullable().default(null),
    plannedOn: isoDate.nullable().default(null),
    lead: bodyRef.nullable().default(null),
    /** The body or person who presents it (Ban Tổ chức Tỉnh ủy; đồng chí Phó Bí thư Thường trực). */
    presenter: text(300).default(''),
    /** The document expected: "Tờ trình, dự thảo Nghị quyết …". */
    expectedDocument: text(500).default(''),
    sort: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();

export const programmeItemPatch = z
  .object({
    version: z.number().int().min(1),
    content: required(2000).optional(),
    plannedMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).nullable().optional(),
    plannedOn: isoDate.nullable().optional(),
    lead: bodyRef.nullable().optional(),
    presenter: text(300).optional(),
    expectedDocument: text(500).optional(),
    /** postponed needs `reason` (and may name the month it moves to); dropped needs `reason`. */
    status: z.enum(ITEM_STATUSES).optional(),
    reason: text(1000).optional(),
    postponedTo: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).nullable().optional(),
  })
  .strict();

/** `POST /api/programmes/:id/items/move`: items of a wider programme taken into this (narrower) one. */
export const moveItemsInput = z.object({ itemIds: z.array(dbId).min(1).max(200) }).strict();

const body = z.object({ key: z.string(), committeeId: dbId, agencyId: dbId.nullable(), name: z.string() });

export const programmeItem = z.object({
  id: dbId,
  programmeId: dbId,
  content: z.string(),
  plannedMonth: z.string().nullable(),
  plannedOn: isoDate.nullable(),
  lead: body.nullable(),
  presenter: z.string(),
  expectedDocument: z.string(),
  status: z.enum(ITEM_STATUSES),
  statusReason: z.string(),
  /** The item of the wider programme it was taken from, and the one it was carried over from. */
  fromItemId: dbId.nullable(),
  carriedFromItemId: dbId.nullable(),
  meetingId: dbId.nullable(),
  /** Past its planned month or date and still planned or prepared. */
  slipped: z.boolean(),
  version: z.number().int(),
  history: z.array(z.object({ at: isoInstant, actorName: z.string(), action: z.string(), summary: z.string() })),
});

export const programme = z.object({
  id: dbId,
  committeeId: dbId,
  body: z.enum(PROGRAMME_BODIES),
  period: z.enum(PROGRAMME_PERIODS),
  year: z.number().int(),
  index: z.number().int().nullable(),
  termId: dbId.nullable(),
  title: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  items: z.array(programmeItem),
  /** presented ÷ (items not dropped), 0–100. */
  progress: z.number().int(),
  slipped: z.array(dbId),
  abilities,
});

/* ------------------------------------------------------------- weekly schedule */

/** ISO week "2026-W48". */
export const isoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'expected an ISO week such as 2026-W48');

export const RESOURCE_KINDS = ['room', 'car'] as const;

/** `POST /api/schedule/events`. Answers the event with `conflicts` (leaders booked elsewhere at the same time). */
export const eventInput = z
  .object({
    committeeId: dbId,
    startsAt: isoInstant,
    endsAt: isoInstant,
    content: required(2000),
    place: text(300).default(''),
    /** People (org directory) attending as leaders: a double booking is flagged, not refused. */
    leaderIds: z.array(dbId).max(30).default([]),
    preparingBody: bodyRef.nullable().default(null),
    participants: text(2000).default(''),
    notes: text(2000).default(''),
    /** Rooms and cars: a double booking is refused. */
    resourceIds: z.array(dbId).max(10).default([]),
    meetingId: dbId.nullable().default(null),
  })
  .strict();
/**
 * `PATCH /api/schedule/events/:id`: only the fields sent change. Spelled out rather than
 * `eventInput.partial()`: zod 4 still applies `.default()` inside `.partial()`, which would reset every
 * field not sent (place, leaders, rooms …) to its default.
 */
export const eventPatch = z
  .object({
    version: z.number().int().min(1),
    startsAt: isoInstant.optional(),
    endsAt: isoInstant.optional(),
    content: required(2000).optional(),
    place: text(300).optional(),
    leaderIds: z.array(dbId).max(30).optional(),
    preparingBody: bodyRef.nullable().optional(),
    participants: text(2000).optional(),
    notes: text(2000).optional(),
    resourceIds: z.array(dbId).max(10).optional(),
    meetingId: dbId.nullable().optional(),
  })
  .strict();

export const leaderConflict = z.object({
  personId: dbId,
  personName: z.string(),
  eventId: dbId,
  content: z.string(),
  startsAt: isoInstant,
  endsAt: isoInstant,
});

export const scheduleEvent = z.object({
  id: dbId,
  committeeId: dbId,
  week: isoWeek,
  startsAt: isoInstant,
  endsAt: isoInstant,
  content: z.string(),
  place: z.string(),
  leaders: z.array(z.object({ id: dbId, name: z.string(), position: z.string().nullable() })),
  preparingBody: body.nullable(),
  participants: z.string(),
  notes: z.string(),
  resources: z.array(z.object({ id: dbId, kind: z.enum(RESOURCE_KINDS), name: z.string() })),
  meetingId: dbId.nullable(),
  cancelled: z.boolean(),
  /** Added or changed after the week was published ("Điều chỉnh"). */
  changedAfterPublish: z.boolean(),
  version: z.number().int(),
  conflicts: z.array(leaderConflict),
});

/** `GET /api/schedule/weeks/:isoWeek`: the published week (draft events only for schedule.manage). */
export const scheduleWeek = z.object({
  week: isoWeek,
  committeeId: dbId,
  startsOn: isoDate,
  endsOn: isoDate,
  status: z.enum(['draft', 'published']),
  publishedAt: isoInstant.nullable(),
  revision: z.number().int(),
  events: z.array(scheduleEvent),
  abilities,
});
export const weekQuery = z.object({ committeeId: id.optional(), draft: z.enum(['true', 'false']).default('false') }).strict();

export const resourceInput = z.object({ committeeId: dbId, kind: z.enum(RESOURCE_KINDS), name: required(200), note: text(500).default('') }).strict();

/** `POST /api/schedule/ical-tokens`: a feed of a leader (person) or of a body, behind a secret URL. */
export const icalTokenInput = z
  .object({ personId: dbId.nullable().default(null), body: bodyRef.nullable().default(null) })
  .strict()
  .refine((v) => (v.personId === null) !== (v.body === null), { message: 'exactly one of personId and body', path: ['personId'] });

/* ------------------------------------------------------------- meetings */

export const MEETING_KINDS = ['bch', 'btv', 'thuong_truc', 'giao_ban'] as const;
export const MEETING_STATUSES = ['planned', 'held', 'closed'] as const;

export const meetingInput = z
  .object({
    committeeId: dbId,
    kind: z.enum(MEETING_KINDS),
    title: required(500),
    startsAt: isoInstant,
    endsAt: isoInstant,
    place: text(300).default(''),
    chairPersonId: dbId,
    /** Agenda items, in order; each may name the programme item it presents. */
    agenda: z.array(z.object({ content: required(1000), programmeItemId: dbId.nullable().default(null), presenter: text(300).default('') }).strict()).max(50).default([]),
    /** Invited accounts (they read the papers). */
    inviteeUserIds: z.array(dbId).max(300).default([]),
    resourceIds: z.array(dbId).max(10).default([]),
  })
  .strict();

export const attendanceInput = z
  .object({
    items: z.array(z.object({ userId: dbId, attended: z.boolean(), absenceReason: text(500).default('') }).strict()).max(300),
  })
  .strict();

/** A paper attached to a meeting: readable by the invitees (or only those listed), within their clearance. */
export const paperInput = z
  .object({ fileId: dbId, title: required(500), secrecy: clearance.default('none'), readerUserIds: z.array(dbId).max(300).nullable().default(null) })
  .strict();

export const minutesInput = z.object({ version: z.number().int().min(1), minutes: text(100_000), conclusions: text(50_000) }).strict();

export const meeting = z.object({
  id: dbId,
  committeeId: dbId,
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  startsAt: isoInstant,
  endsAt: isoInstant,
  place: z.string(),
  chair: z.object({ id: dbId, name: z.string() }),
  status: z.enum(MEETING_STATUSES),
  eventId: dbId.nullable(),
  agenda: z.array(z.object({ id: dbId, ordinal: z.number().int(), content: z.string(), programmeItemId: dbId.nullable(), presenter: z.string() })),
  invitees: z.array(z.object({ userId: dbId, name: z.string(), attended: z.boolean().nullable(), absenceReason: z.string() })),
  papers: z.array(z.object({ id: dbId, title: z.string(), secrecy: clearance, fileName: z.string(), url: z.string() })),
  minutes: z.string(),
  conclusions: z.string(),
  conclusionOutgoingId: dbId.nullable(),
  taskIds: z.array(dbId),
  version: z.number().int(),
  abilities,
});

/* ------------------------------------------------------------- programme board and list (programmes agent) */

/** Items of one programme counted by status, with its progress and how many slipped. */
export const programmeSummary = z.object({
  id: dbId,
  committeeId: dbId,
  body: z.enum(PROGRAMME_BODIES),
  period: z.enum(PROGRAMME_PERIODS),
  year: z.number().int(),
  index: z.number().int().nullable(),
  title: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  counts: z.object({ planned: z.number().int(), prepared: z.number().int(), presented: z.number().int(), postponed: z.number().int(), dropped: z.number().int() }),
  total: z.number().int(),
  /** presented ÷ (items not dropped), 0–100. */
  progress: z.number().int(),
  slipped: z.number().int(),
});

/** `GET /api/programmes`. */
export const programmeList = z.object({ items: z.array(programmeSummary) });

/** `GET /api/programmes/board?committeeId&year`: the committee's programmes of the year, by body. */
export const programmeBoardQuery = z.object({ committeeId: id.optional(), year: z.coerce.number().int().min(2000).max(2999) }).strict();

export const programmeBoard = z.object({
  committeeId: dbId,
  year: z.number().int(),
  /** Always the three bodies, in the order bch, btv, thuong_truc; programmes from the widest period down (term, year, half, quarter, month). */
  bodies: z.array(z.object({ body: z.enum(PROGRAMME_BODIES), programmes: z.array(programmeSummary) })),
  abilities,
});
