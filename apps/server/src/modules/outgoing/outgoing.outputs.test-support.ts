import type { Insertable, Kysely } from 'kysely';
import type { Database, OutgoingDocumentsTable } from '../../platform/db/schema.ts';
import { issuerKeyOf } from './outgoing.models.ts';

type Db = Kysely<Database>;
const RANK = { none: 0, confidential: 1, secret: 2, top_secret: 3 } as const;

export interface OutgoingSpec {
  committeeId: number;
  agencyId?: number | null;
  documentTypeId: number;
  drafterId: number;
  status?: string;
  number?: number | null;
  notation?: string | null;
  issuedOn?: string | null;
  summary?: string;
  signerName?: string;
  secrecy?: keyof typeof RANK;
  urgency?: string;
  copies?: number;
  stub?: boolean;
  paperLocation?: string;
  recallReason?: string;
  retainLine?: string;
  recipients?: string[];
}

/**
 * One outgoing document as issuing leaves it (number, notation, issue date, signer), with its
 * recipients; written directly, as the demo writes the documents issued before the system.
 */
export async function insertOutgoing(db: Db, d: OutgoingSpec): Promise<number> {
  const at = `${d.issuedOn ?? '2025-01-02'}T02:00:00.000Z`;
  const secrecy = d.secrecy ?? 'none';
  const summary = d.summary ?? 'V/v triển khai công tác văn thư, lưu trữ năm 2025';
  const values: Omit<Insertable<OutgoingDocumentsTable>, 'id'> = {
    committee_id: d.committeeId,
    agency_id: d.agencyId ?? null,
    issuer_key: issuerKeyOf(d.committeeId, d.agencyId ?? null),
    layout: 'party',
    document_type_id: d.documentTypeId,
    congress: 0,
    drafting_agency_id: null,
    drafter_id: d.drafterId,
    summary,
    summary_folded: summary.toLowerCase(),
    content: JSON.stringify({
      summary,
      body: '',
      addressees: [],
      extraRecipientLines: [],
      ...(d.retainLine === undefined ? {} : { retainLine: d.retainLine }),
    }),
    secrecy,
    secrecy_rank: RANK[secrecy],
    urgency: d.urgency ?? 'normal',
    copies: d.copies ?? 1,
    stub: d.stub ? 1 : 0,
    paper_location: d.paperLocation ?? '',
    status: d.status ?? 'issued',
    circuit_id: null,
    authority_form: 'TM',
    authority_line: 'T/M BAN THƯỜNG VỤ',
    signer_title: 'BÍ THƯ',
    signer_id: null,
    signer_name: d.signerName ?? 'Phạm Quang Vinh',
    signed_at: d.issuedOn ? at : null,
    series_id: null,
    number: d.number ?? null,
    notation: d.notation ?? null,
    notation_folded: d.notation?.toLowerCase() ?? null,
    issued_on: d.issuedOn ?? null,
    issued_at: d.issuedOn && d.status !== 'issuing' ? at : null,
    issued_by: null,
    current_version_id: null,
    docx_file_id: null,
    pdf_file_id: null,
    recall_reason: d.recallReason ?? '',
    created_at: at,
    updated_at: at,
    version: 1,
  };
  const { id } = await db
    .insertInto('outgoing_documents')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  const recipients = d.recipients ?? ['Văn phòng Trung ương Đảng'];
  if (recipients.length > 0) {
    await db
      .insertInto('outgoing_recipients')
      .values(
        recipients.map((name, i) => ({
          document_id: id,
          position: i + 1,
          committee_id: null,
          agency_id: null,
          organization_id: null,
          name,
          delivery: 'paper',
          incoming_document_id: null,
          status_code: null,
          status_at: null,
        })),
      )
      .execute();
  }
  return id;
}
