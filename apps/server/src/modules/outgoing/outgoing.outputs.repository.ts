import type { DraftContent, Secrecy, Urgency } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import {
  REGISTER_STATUSES,
  REPORT_STATUSES,
  type RegisterKind,
  type RegisterRow,
} from './outgoing.outputs.models.ts';
import { visibleTo, type OutgoingViewer } from './outgoing.visibility.ts';

type Db = Kysely<Database>;

/**
 * Queries of the outgoing register and the report of issued documents. Every one that reads documents
 * goes through `visibleTo(viewer)`, the filter of every list: an output never shows — or counts — what
 * the caller could not open.
 */

/** Bound parameters per statement stay well under SQLite's and PostgreSQL's limits. */
const ID_CHUNK = 500;

/** One issuing body's register lines with issue dates in [from, to] that the viewer may see, by date then number. */
export async function listRegisterRows(
  db: Db,
  viewer: OutgoingViewer,
  q: { issuerKey: string; kind: RegisterKind; from: string; to: string; defaultRetainLine: string },
): Promise<RegisterRow[]> {
  const rows = await db
    .selectFrom('outgoing_documents')
    .innerJoin('document_types as t', 't.id', 'outgoing_documents.document_type_id')
    .select([
      'outgoing_documents.id',
      'outgoing_documents.status',
      'outgoing_documents.number',
      'outgoing_documents.notation',
      'outgoing_documents.issued_on',
      't.name as type_name',
      'outgoing_documents.summary',
      'outgoing_documents.signer_name',
      'outgoing_documents.content',
      'outgoing_documents.copies',
      'outgoing_documents.secrecy',
      'outgoing_documents.urgency',
      'outgoing_documents.stub',
      'outgoing_documents.paper_location',
      'outgoing_documents.recall_reason',
    ])
    .where('outgoing_documents.issuer_key', '=', q.issuerKey)
    .where('outgoing_documents.status', 'in', [...REGISTER_STATUSES])
    .where('outgoing_documents.issued_on', '>=', q.from)
    .where('outgoing_documents.issued_on', '<=', q.to)
    .where('outgoing_documents.secrecy', q.kind === 'secret' ? '!=' : '=', 'none')
    .where(visibleTo(viewer))
    .orderBy('outgoing_documents.issued_on')
    .orderBy('outgoing_documents.number')
    .orderBy('outgoing_documents.id')
    .execute();
  const names = await recipientNames(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    number: r.number,
    notation: r.notation,
    issuedOn: r.issued_on ?? '',
    typeName: r.type_name,
    summary: r.summary,
    signerName: r.signer_name,
    recipients: names.get(r.id) ?? [],
    retainLine: retainLineOf(r.content) ?? q.defaultRetainLine,
    copies: r.copies,
    secrecy: r.secrecy as Secrecy,
    urgency: r.urgency as Urgency,
    stub: r.stub === 1,
    paperLocation: r.paper_location,
    recallReason: r.recall_reason,
  }));
}

/** The "Lưu …" line the drafter wrote, if any (content is the draft's JSON). */
function retainLineOf(content: string): string | null {
  try {
    const line = (JSON.parse(content) as Partial<DraftContent>).retainLine?.trim();
    return line ? line : null;
  } catch {
    return null;
  }
}

/** The recipients of each document, in the order of the document's "Nơi nhận". */
async function recipientNames(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await db
      .selectFrom('outgoing_recipients')
      .select(['document_id', 'name'])
      .where('document_id', 'in', ids.slice(i, i + ID_CHUNK))
      .orderBy('document_id')
      .orderBy('position')
      .execute();
    for (const r of rows) {
      out.set(r.document_id, [...(out.get(r.document_id) ?? []), r.name]);
    }
  }
  return out;
}

export interface IssuedCount {
  issuerKey: string;
  committeeId: number;
  agencyId: number | null;
  documentTypeId: number;
  total: number;
  secret: number;
  recalled: number;
}

/** Documents issued in [from, to] that the viewer may see, by issuing body and type. */
export async function countIssued(
  db: Db,
  viewer: OutgoingViewer,
  q: { from: string; to: string; issuerKey?: string },
): Promise<IssuedCount[]> {
  let query = db
    .selectFrom('outgoing_documents')
    .select((eb) => [
      'outgoing_documents.issuer_key',
      'outgoing_documents.committee_id',
      'outgoing_documents.agency_id',
      'outgoing_documents.document_type_id',
      eb.fn.countAll<number>().as('total'),
      eb.fn
        .sum<number>(eb.case().when('outgoing_documents.secrecy', '!=', 'none').then(1).else(0).end())
        .as('secret'),
      eb.fn
        .sum<number>(eb.case().when('outgoing_documents.status', '=', 'recalled').then(1).else(0).end())
        .as('recalled'),
    ])
    .where('outgoing_documents.status', 'in', [...REPORT_STATUSES])
    .where('outgoing_documents.issued_on', '>=', q.from)
    .where('outgoing_documents.issued_on', '<=', q.to)
    .where(visibleTo(viewer));
  if (q.issuerKey !== undefined) {
    query = query.where('outgoing_documents.issuer_key', '=', q.issuerKey);
  }
  const rows = await query
    .groupBy([
      'outgoing_documents.issuer_key',
      'outgoing_documents.committee_id',
      'outgoing_documents.agency_id',
      'outgoing_documents.document_type_id',
    ])
    .execute();
  return rows.map((r) => ({
    issuerKey: r.issuer_key,
    committeeId: r.committee_id,
    agencyId: r.agency_id,
    documentTypeId: r.document_type_id,
    total: Number(r.total),
    secret: Number(r.secret),
    recalled: Number(r.recalled),
  }));
}

/** Names for the report's rows: committees, agencies and document types by id. */
export async function namesFor(
  db: Db,
  ids: { committees: number[]; agencies: number[]; types: number[] },
): Promise<{
  committees: Map<number, string>;
  agencies: Map<number, string>;
  types: Map<number, { name: string; abbreviation: string }>;
}> {
  const pick = async <T>(ids: number[], load: (ids: number[]) => Promise<T[]>) =>
    ids.length === 0 ? [] : load([...new Set(ids)]);
  const committees = await pick(ids.committees, (x) =>
    db.selectFrom('committees').select(['id', 'name']).where('id', 'in', x).execute(),
  );
  const agencies = await pick(ids.agencies, (x) =>
    db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', x).execute(),
  );
  const types = await pick(ids.types, (x) =>
    db.selectFrom('document_types').select(['id', 'name', 'abbreviation']).where('id', 'in', x).execute(),
  );
  return {
    committees: new Map(committees.map((r) => [r.id, r.name])),
    agencies: new Map(agencies.map((r) => [r.id, r.name])),
    types: new Map(types.map((r) => [r.id, { name: r.name, abbreviation: r.abbreviation }])),
  };
}
