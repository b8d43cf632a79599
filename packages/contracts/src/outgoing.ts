import { z } from 'zod';
import { dbId, isoDate, isoInstant, pageQuery } from './common.ts';
import { secrecy, urgency } from './incoming.ts';

/**
 * Outgoing documents (văn bản đi, issue 4): drafts → review circuit → signature → issue (number,
 * date, PDF, PAdES seal of the issuing body) → distribution (liên thông to bodies on this
 * installation, edXML or paper for the rest) → status receipts, recall.
 */
export const OUTGOING_STATUSES = [
  'draft',
  'in_review',
  'returned',
  'awaiting_signature',
  'signed',
  // A number was taken but the PDF could not be produced: the number shows in the gap report and the
  // issue can be retried with the same number (issue 4 §3: nothing is ever renumbered).
  'issuing',
  'issued',
  'recalled',
  'cancelled',
] as const;
export type OutgoingStatus = (typeof OUTGOING_STATUSES)[number];

/** Layout: the Party format (36-HD/VPTW) or the State format (ND30) — follows the issuing body's numbering rule. */
export const LAYOUTS = ['party', 'state'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Authority forms (spec §2): T/M, K/T, the head signing directly, T/L, T/UQ. */
export const AUTHORITY_FORMS = ['TM', 'KT', 'direct', 'TL', 'TUQ'] as const;
export type AuthorityForm = (typeof AUTHORITY_FORMS)[number];

export const REVIEW_STEP_KINDS = ['review', 'sign'] as const;
export type ReviewStepKind = (typeof REVIEW_STEP_KINDS)[number];
export const REVIEW_STEP_STATUSES = ['waiting', 'pending', 'approved', 'returned', 'signed', 'skipped'] as const;
export type ReviewStepStatus = (typeof REVIEW_STEP_STATUSES)[number];

/** How a recipient receives the document: liên thông on this installation, an edXML package, paper. */
export const DELIVERIES = ['internal', 'edxml', 'paper'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/**
 * Receipt status codes (spec §10, edXML): 01 received, 02 refused, 03 registered, 04 assigned,
 * 05 in progress, 06 done, 13 recall requested, 15 recall agreed, 16 recall refused.
 */
export const RECEIPT_CODES = ['01', '02', '03', '04', '05', '06', '13', '15', '16'] as const;
export type ReceiptCode = (typeof RECEIPT_CODES)[number];

/** Number states in a series: issued with a document, reserved for a paper-signed one, void with a reason. */
export const NUMBER_STATES = ['issued', 'reserved', 'void', 'consumed'] as const;
export type NumberState = (typeof NUMBER_STATES)[number];

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

/** A recipient chosen from the directory: a committee or agency on this installation, or an outside organization. */
export const recipientInput = z
  .object({
    committeeId: dbId.nullable().default(null),
    agencyId: dbId.nullable().default(null),
    organizationId: dbId.nullable().default(null),
    delivery: z.enum(DELIVERIES).optional(),
  })
  .strict()
  .refine((r) => [r.committeeId !== null || r.agencyId !== null, r.organizationId !== null].filter(Boolean).length === 1, {
    message: 'a recipient is a body on this installation or an organization of the directory',
  });
export type RecipientInput = z.infer<typeof recipientInput>;

/** The structured content of a draft made from a type template (issue 4 §1). */
export const draftContent = z
  .object({
    summary: required(500),
    body: text(100_000).default(''),
    /** "Kính gửi:" lines for a công văn (the addressees, as printed). */
    addressees: z.array(required(300)).max(50).default([]),
    /** Extra "Nơi nhận" lines printed before "- Lưu …" (e.g. "- Như trên,"). */
    extraRecipientLines: z.array(required(300)).max(30).default([]),
    /** "Lưu …" line; default "Văn phòng" + issuer (spec §2). */
    retainLine: text(200).optional(),
  })
  .strict();
export type DraftContent = z.infer<typeof draftContent>;

export const createDraftInput = z
  .object({
    /** The issuing body: a committee, or one of its agencies. */
    issuerCommitteeId: dbId,
    issuerAgencyId: dbId.nullable().default(null),
    documentTypeId: dbId,
    draftingAgencyId: dbId.nullable().default(null),
    secrecy: secrecy.default('none'),
    urgency: urgency.default('normal'),
    copies: z.number().int().min(1).max(10_000).default(1),
    congress: z.boolean().default(false),
    recipients: z.array(recipientInput).max(300).default([]),
    content: draftContent,
    /** Where the paper original is kept (secret stubs). */
    paperLocation: text(300).default(''),
  })
  .strict();
export type CreateDraftInput = z.infer<typeof createDraftInput>;

export const updateDraftInput = z
  .object({
    version: z.number().int().positive(),
    documentTypeId: dbId.optional(),
    draftingAgencyId: dbId.nullable().optional(),
    secrecy: secrecy.optional(),
    urgency: urgency.optional(),
    copies: z.number().int().min(1).max(10_000).optional(),
    congress: z.boolean().optional(),
    recipients: z.array(recipientInput).max(300).optional(),
    content: draftContent.optional(),
    paperLocation: text(300).optional(),
    /** What changed, kept with the new version. */
    note: text(500).default(''),
  })
  .strict();
export type UpdateDraftInput = z.infer<typeof updateDraftInput>;

export const commentInput = z.object({ body: required(4000), versionId: dbId.optional() }).strict();
export const decisionInput = z.object({ version: z.number().int().positive(), comment: text(4000).default('') }).strict();
export const returnInput = z.object({ version: z.number().int().positive(), comment: required(4000) }).strict();
export const submitInput = z.object({ version: z.number().int().positive() }).strict();
/** Issue with the next number of the series, or with a number reserved earlier for this document signed on paper. */
export const issueInput = z.object({ version: z.number().int().positive(), reservedNumberId: dbId.optional() }).strict();
export const recallInput = z.object({ version: z.number().int().positive(), reason: required(1000) }).strict();
export const recallAnswerInput = z.object({ agree: z.boolean(), note: text(1000).default('') }).strict();

/** A review circuit (trình duyệt): ordered steps for an issuing body, optionally one document type. */
export const circuitStepInput = z
  .object({ kind: z.enum(REVIEW_STEP_KINDS), userId: dbId, label: required(200) })
  .strict();
export const circuitInput = z
  .object({
    issuerCommitteeId: dbId,
    issuerAgencyId: dbId.nullable().default(null),
    documentTypeId: dbId.nullable().default(null),
    authorityForm: z.enum(AUTHORITY_FORMS),
    /** The line above the signer's title, e.g. "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ"; empty when signing directly. */
    authorityLine: text(200).default(''),
    /** The title printed above the name, e.g. "BÍ THƯ", "PHÓ BÍ THƯ", "CHÁNH VĂN PHÒNG". */
    signerTitle: required(200),
    steps: z.array(circuitStepInput).min(1).max(10),
  })
  .strict()
  .refine((c) => c.steps.filter((s) => s.kind === 'sign').length === 1 && c.steps.at(-1)?.kind === 'sign', {
    message: 'a circuit ends with exactly one signing step',
    path: ['steps'],
  });
export type CircuitInput = z.infer<typeof circuitInput>;

export const delegationInput = z
  .object({ toUserId: dbId, startsOn: isoDate, endsOn: isoDate, reason: required(500) })
  .strict()
  .refine((d) => d.endsOn >= d.startsOn, { message: 'ends before it starts', path: ['endsOn'] });

export const reserveInput = z
  .object({
    issuerCommitteeId: dbId,
    issuerAgencyId: dbId.nullable().default(null),
    documentTypeId: dbId,
    congress: z.boolean().default(false),
    reason: required(500),
  })
  .strict();
export const voidInput = z.object({ reason: required(500) }).strict();

export const outgoingListQuery = pageQuery
  .extend({
    status: z.enum(OUTGOING_STATUSES).optional(),
    box: z.enum(['all', 'mine', 'review', 'to_issue']).default('all'),
    documentTypeId: z.coerce.number().int().positive().optional(),
    issuerKey: z.string().max(40).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    q: z.string().trim().max(200).optional(),
  })
  .strict();
export type OutgoingListQuery = z.infer<typeof outgoingListQuery>;

export const formatViolation = z.object({ code: z.string(), field: z.string(), message: z.string() });
export type FormatViolation = z.infer<typeof formatViolation>;

export const outgoingListItem = z.object({
  id: z.number(),
  status: z.enum(OUTGOING_STATUSES),
  issuerName: z.string(),
  issuerKey: z.string(),
  documentType: z.object({ id: z.number(), name: z.string(), abbreviation: z.string() }),
  summary: z.string(),
  number: z.number().nullable(),
  notation: z.string().nullable(),
  issuedOn: isoDate.nullable(),
  secrecy,
  urgency,
  stub: z.boolean(),
  drafter: z.object({ id: z.number(), name: z.string() }),
  signerName: z.string().nullable(),
  currentStep: z.string().nullable(),
  updatedAt: isoInstant,
});
export type OutgoingListItem = z.infer<typeof outgoingListItem>;

export const issueResult = z.object({
  id: z.number(),
  number: z.number().int(),
  notation: z.string(),
  issuedOn: isoDate,
  status: z.enum(OUTGOING_STATUSES),
  pdfFileId: z.number().nullable(),
  deliveries: z.array(z.object({ recipientId: z.number(), name: z.string(), delivery: z.enum(DELIVERIES), incomingDocumentId: z.number().nullable() })),
  /** E.g. `outgoing.issued_late`: issued later than the working day after signing (spec §4). */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type IssueResult = z.infer<typeof issueResult>;

export const signatureVerification = z.object({
  valid: z.boolean(),
  trusted: z.boolean(),
  signers: z.array(
    z.object({
      name: z.string(),
      organization: z.string().nullable(),
      serialNumber: z.string(),
      fingerprint: z.string(),
      signedAt: isoInstant.nullable(),
      /** The signed bytes still hash to the signed digest. */
      intact: z.boolean(),
      /** The whole file is covered (nothing appended after signing). */
      coversWholeFile: z.boolean(),
      trusted: z.boolean(),
      reason: z.string().nullable(),
    }),
  ),
  message: z.string(),
});
export type SignatureVerification = z.infer<typeof signatureVerification>;

