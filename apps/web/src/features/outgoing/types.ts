/** Shapes of the outgoing API; the zod schemas live in packages/contracts/src/outgoing.ts. */
import type {
  Delivery,
  FormatViolation,
  IssueResult,
  Layout,
  NumberState,
  OutgoingListItem,
  OutgoingStatus,
  ReceiptCode,
  ReviewStepKind,
  ReviewStepStatus,
} from '@vanphong/contracts';
import type { Secrecy, Urgency } from '../incoming/types';

export type {
  Delivery,
  FormatViolation,
  IssueResult,
  Layout,
  NumberState,
  OutgoingListItem,
  OutgoingStatus,
  ReceiptCode,
  ReviewStepKind,
  ReviewStepStatus,
  Secrecy,
  Urgency,
};

export type OutgoingBox = 'all' | 'mine' | 'review' | 'to_issue';

export interface OutgoingListAnswer {
  total: number;
  items: OutgoingListItem[];
}

/** An issuing body as `GET /api/outgoing/issuers` gives it, with the lines its header prints. */
export interface Issuer {
  committeeId: number;
  agencyId: number | null;
  name: string;
  abbreviation: string;
  superiorLine: string;
  issuerLine: string;
  issuerKey: string;
  place: string;
  layout: Layout;
}

export interface DraftContent {
  summary: string;
  body: string;
  addressees: string[];
  extraRecipientLines: string[];
  retainLine?: string;
}

export interface OutgoingStep {
  id: number;
  round: number;
  ordinal: number;
  kind: ReviewStepKind;
  label: string;
  assigneeId: number;
  assignee: string;
  status: ReviewStepStatus;
  actedBy: string | null;
  actedAt: string | null;
  comment: string;
}

export interface OutgoingRecipient {
  id: number;
  name: string;
  delivery: Delivery;
  committeeId: number | null;
  agencyId: number | null;
  organizationId: number | null;
  incomingDocumentId: number | null;
  statusCode: ReceiptCode | null;
  statusLabel: string | null;
  statusAt: string | null;
}

export interface OutgoingVersion {
  id: number;
  ordinal: number;
  kind: string;
  fileId: number | null;
  fileName: string | null;
  fileType: string | null;
  note: string;
  author: string;
  createdAt: string;
}

export interface OutgoingComment {
  id: number;
  body: string;
  author: string;
  versionOrdinal: number | null;
  createdAt: string;
}

export interface OutgoingReceipt {
  id: number;
  recipientId: number;
  code: ReceiptCode;
  label: string | null;
  at: string;
  actor: string | null;
  note: string;
}

export type OutgoingAbility =
  | 'edit'
  | 'submit'
  | 'approve'
  | 'return'
  | 'sign'
  | 'issue'
  | 'recall'
  | 'comment'
  | 'downloadPdf';

/** `GET /api/outgoing/:id`. */
export interface OutgoingDetail {
  id: number;
  status: OutgoingStatus;
  layout: Layout;
  issuerKey: string;
  issuer: { committeeId: number; agencyId: number | null; name: string; abbreviation: string };
  documentType: { id: number; name: string; abbreviation: string };
  congress: boolean;
  draftingAgencyId: number | null;
  drafter: { id: number; name: string };
  summary: string;
  content: DraftContent;
  secrecy: Secrecy;
  urgency: Urgency;
  copies: number;
  stub: boolean;
  paperLocation: string;
  authority: { form: string; line: string; signerTitle: string };
  signer: { id: number; name: string; signedAt: string | null } | null;
  number: number | null;
  notation: string | null;
  issuedOn: string | null;
  issuedAt: string | null;
  pdfFileId: number | null;
  docxFileId: number | null;
  recallReason: string;
  version: number;
  currentVersionId: number | null;
  versions: OutgoingVersion[];
  comments: OutgoingComment[];
  steps: OutgoingStep[];
  recipients: OutgoingRecipient[];
  receipts: OutgoingReceipt[];
  violations: FormatViolation[];
  abilities: Record<OutgoingAbility, boolean>;
  createdAt: string;
  updatedAt: string;
}

/** A recipient as the form sends it: a body on this installation, or an organization of the directory. */
export interface RecipientBody {
  committeeId: number | null;
  agencyId: number | null;
  organizationId: number | null;
  delivery?: Delivery;
}

/** The body of `POST /api/outgoing` (createDraftInput). */
export interface CreateDraftBody {
  issuerCommitteeId: number;
  issuerAgencyId: number | null;
  documentTypeId: number;
  draftingAgencyId: number | null;
  secrecy: Secrecy;
  urgency: Urgency;
  copies: number;
  congress: boolean;
  recipients: RecipientBody[];
  content: DraftContent;
  paperLocation: string;
}

/** The body of `PATCH /api/outgoing/:id` (updateDraftInput). */
export type UpdateDraftBody = Partial<Omit<CreateDraftBody, 'issuerCommitteeId' | 'issuerAgencyId'>> & {
  version: number;
  note?: string;
};

export interface Series {
  id: number;
  issuerKey: string;
  kind: string;
  termId: number | null;
  termLabel: string | null;
  year: number | null;
  documentTypeId: number | null;
  label: string;
  lastNumber: number;
}

export type GapState = 'reserved' | 'void' | 'consumed' | 'missing';

export interface Gap {
  /** Present on reserved numbers: the id `POST /api/outgoing/numbers/:id/void` takes. */
  id?: number;
  number: number;
  notation: string;
  state: GapState;
  reason: string;
  documentId: number | null;
  at: string | null;
}

export interface GapReport {
  seriesId: number;
  label: string;
  lastNumber: number;
  issued: number;
  gaps: Gap[];
}

export interface Delegation {
  id: number;
  fromUserId: number;
  fromName: string;
  toUserId: number;
  toName: string;
  startsOn: string;
  endsOn: string;
  reason: string;
  revokedAt: string | null;
}
