/** Shapes of the incoming API; the zod schemas live in packages/contracts/src/incoming.ts. */
import type {
  Channel,
  IncomingDetail,
  IncomingListItem,
  IncomingStatus,
  RegisterKind,
  Secrecy,
  TrailAction,
  Urgency,
} from '@vanphong/contracts';
import type { DeploymentProfile } from '../../types/api';

export type {
  Channel,
  IncomingDetail,
  IncomingListItem,
  IncomingStatus,
  RegisterKind,
  Secrecy,
  TrailAction,
  Urgency,
};

export type IncomingWarning = { code: string; field: string; message: string };

export type IncomingCreated = IncomingDetail & { warnings?: IncomingWarning[] };

export interface RegisterView {
  id: number;
  committeeId: number;
  agencyId: number | null;
  year: number;
  kind: RegisterKind;
  name: string;
  lastNumber: number;
}

export interface FormDefaults {
  registers: { id: number; name: string; kind: RegisterKind; year: number; nextNumber: number }[];
  previous: {
    channel: Channel;
    issuerId: number | null;
    issuerName: string;
    documentTypeId: number | null;
    urgency: Urgency;
    secrecy: Secrecy;
    signer: string;
  } | null;
  deploymentProfile: DeploymentProfile;
  /** Users who direct incoming documents, with their clearance (a leader below the secrecy cannot receive it). */
  leaders: { id: number; name: string; clearance?: Secrecy }[];
}

export interface Organization {
  id: number;
  name: string;
  code: string;
  kind: 'party' | 'state' | 'other';
  active: boolean;
}

export interface Assignee {
  id: number;
  name: string;
  agencyId: number | null;
  agencyName: string | null;
  canHandle: boolean;
  canDirect: boolean;
}

export interface IncomingListAnswer {
  items: IncomingListItem[];
  total: number;
  totalCapped?: boolean;
}

export interface HandlingReportRow {
  agencyId: number | null;
  agencyName: string;
  total: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  inProgress: number;
}

export interface HandlingReport {
  rows: HandlingReportRow[];
  totals: Omit<HandlingReportRow, 'agencyId' | 'agencyName'>;
}

/** The body of `POST /api/incoming` (incomingInput). */
export interface IncomingInputBody {
  registerKind: 'ordinary' | 'complaint';
  arrivedAt?: string;
  channel: Channel;
  issuerId: number | null;
  issuerName: string;
  notation: string;
  documentDate: string;
  documentTypeId: number | null;
  summary: string;
  signer: string;
  pageCount: number | null;
  copies: number;
  urgency: Urgency;
  deliverBy: string | null;
  secrecy: Secrecy;
  deadline: string | null;
  paperLocation: string;
  note: string;
  attachments: { fileId: number; main: boolean }[];
  presentTo: number | null;
}

/** The body of `PATCH /api/incoming/:id` (incomingPatch); `version` is required. */
export type IncomingPatchBody = Partial<
  Pick<
    IncomingInputBody,
    | 'issuerId'
    | 'issuerName'
    | 'notation'
    | 'documentDate'
    | 'documentTypeId'
    | 'summary'
    | 'signer'
    | 'pageCount'
    | 'copies'
    | 'urgency'
    | 'deadline'
    | 'paperLocation'
    | 'note'
  >
> & { version: number };

export interface DirectBody {
  direction: string;
  leadAgencyId: number | null;
  leadUserId: number | null;
  coAgencyIds: number[];
  infoUserIds: number[];
  infoAgencyIds: number[];
  deadline: string | null;
}
