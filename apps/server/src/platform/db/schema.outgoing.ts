import type { Generated } from 'kysely';

/** Table types of outgoing documents and signatures (migration 0009; issue 4). */

export interface OutgoingDocumentsTable {
  id: Generated<number>;
  committee_id: number;
  agency_id: number | null;
  issuer_key: string;
  layout: string;
  document_type_id: number;
  congress: number;
  drafting_agency_id: number | null;
  drafter_id: number;
  summary: string;
  summary_folded: string;
  /** JSON of DraftContent. */
  content: string;
  secrecy: string;
  secrecy_rank: number;
  urgency: string;
  copies: number;
  stub: number;
  paper_location: string;
  status: string;
  circuit_id: number | null;
  authority_form: string | null;
  authority_line: string;
  signer_title: string;
  signer_id: number | null;
  signer_name: string | null;
  signed_at: string | null;
  series_id: number | null;
  number: number | null;
  notation: string | null;
  notation_folded: string | null;
  issued_on: string | null;
  issued_at: string | null;
  issued_by: number | null;
  current_version_id: number | null;
  docx_file_id: number | null;
  pdf_file_id: number | null;
  recall_reason: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OutgoingVersionsTable {
  id: Generated<number>;
  document_id: number;
  ordinal: number;
  /** 'template' (structured content) or 'upload' (a DOCX or PDF file). */
  kind: string;
  content: string;
  file_id: number | null;
  note: string;
  created_by: number;
  created_at: string;
}

export interface OutgoingCommentsTable {
  id: Generated<number>;
  document_id: number;
  version_id: number | null;
  author_id: number;
  body: string;
  created_at: string;
}

export interface ReviewCircuitsTable {
  id: Generated<number>;
  committee_id: number;
  agency_id: number | null;
  issuer_key: string;
  document_type_id: number | null;
  circuit_key: string;
  authority_form: string;
  authority_line: string;
  signer_title: string;
  /** JSON: [{ kind, userId, label }]. */
  steps: string;
  updated_at: string;
}

export interface OutgoingReviewStepsTable {
  id: Generated<number>;
  document_id: number;
  round: number;
  ordinal: number;
  kind: string;
  label: string;
  assignee_id: number;
  status: string;
  acted_by: number | null;
  acted_at: string | null;
  comment: string;
}

export interface DelegationsTable {
  id: Generated<number>;
  from_user_id: number;
  to_user_id: number;
  starts_on: string;
  ends_on: string;
  reason: string;
  created_by: number;
  created_at: string;
  revoked_at: string | null;
}

export interface OutgoingSeriesTable {
  id: Generated<number>;
  series_key: string;
  issuer_key: string;
  committee_id: number;
  agency_id: number | null;
  /** 'type_term' | 'congress' | 'year' | 'year_secret'. */
  kind: string;
  term_id: number | null;
  year: number | null;
  document_type_id: number | null;
  label: string;
  last_number: number;
  created_at: string;
}

export interface OutgoingNumbersTable {
  id: Generated<number>;
  series_id: number;
  number: number;
  state: string;
  notation: string;
  document_id: number | null;
  document_type_id: number | null;
  reason: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface OutgoingRecipientsTable {
  id: Generated<number>;
  document_id: number;
  position: number;
  committee_id: number | null;
  agency_id: number | null;
  organization_id: number | null;
  name: string;
  delivery: string;
  incoming_document_id: number | null;
  status_code: string | null;
  status_at: string | null;
}

export interface OutgoingReceiptsTable {
  id: Generated<number>;
  document_id: number;
  recipient_id: number;
  code: string;
  at: string;
  actor_name: string;
  note: string;
}

export interface SigningIdentitiesTable {
  id: Generated<number>;
  issuer_key: string;
  committee_id: number;
  agency_id: number | null;
  subject: string;
  certificate_pem: string;
  fingerprint: string;
  /** base64 PKCS#12, encrypted as `p12_encryption` says ('aes-256-gcm' with the file key, or 'none'). */
  p12: string;
  p12_encryption: string;
  not_after: string;
  /** 'generated' (development CA on first start) or 'uploaded' (the admin's PKCS#12). */
  source: string;
  created_at: string;
  updated_at: string;
}

export interface TrustedCertificatesTable {
  id: Generated<number>;
  fingerprint: string;
  subject: string;
  certificate_pem: string;
  not_after: string;
  note: string;
  active: number;
  created_by: number | null;
  created_at: string;
}
