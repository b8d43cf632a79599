import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AnyDb } from '../../platform/db/dialect.ts';
import type { Database, OutgoingDocumentsTable, OutgoingRecipientsTable } from '../../platform/db/schema.ts';
import { visibleTo, type OutgoingViewer } from './outgoing.visibility.ts';

type Db = Kysely<Database>;
const asDb = (d: AnyDb) => d as Db;

export type DocRow = Selectable<OutgoingDocumentsTable>;
export type DocValues = Omit<Insertable<OutgoingDocumentsTable>, 'id'>;
export type RecipientRow = Selectable<OutgoingRecipientsTable>;

/** One document, if `viewer` may see it (null otherwise: the caller answers 404). */
export async function findVisible(db: AnyDb, viewer: OutgoingViewer, id: number): Promise<DocRow | null> {
  const r = await asDb(db).selectFrom('outgoing_documents').selectAll().where('id', '=', id).where(visibleTo(viewer)).executeTakeFirst();
  return r ?? null;
}

export async function findDocument(db: AnyDb, id: number): Promise<DocRow | null> {
  return (await asDb(db).selectFrom('outgoing_documents').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function insertDocument(trx: AnyDb, values: DocValues): Promise<number> {
  const r = await asDb(trx).insertInto('outgoing_documents').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Optimistic update: false when someone else changed the document since `version` was read. */
export async function updateDocument(trx: AnyDb, id: number, version: number, values: Partial<DocValues>): Promise<boolean> {
  const r = await asDb(trx)
    .updateTable('outgoing_documents')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/* ------------------------------ versions and comments ------------------------------ */

export async function insertVersion(
  trx: AnyDb,
  v: { documentId: number; kind: 'template' | 'upload'; content: string; fileId: number | null; note: string; createdBy: number; now: string },
): Promise<number> {
  const last = await asDb(trx)
    .selectFrom('outgoing_versions')
    .select((eb) => eb.fn.max('ordinal').as('n'))
    .where('document_id', '=', v.documentId)
    .executeTakeFirst();
  const r = await asDb(trx)
    .insertInto('outgoing_versions')
    .values({
      document_id: v.documentId,
      ordinal: Number(last?.n ?? 0) + 1,
      kind: v.kind,
      content: v.content,
      file_id: v.fileId,
      note: v.note,
      created_by: v.createdBy,
      created_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function listVersions(db: AnyDb, documentId: number) {
  return asDb(db)
    .selectFrom('outgoing_versions as v')
    .innerJoin('users as u', 'u.id', 'v.created_by')
    .leftJoin('files as f', 'f.id', 'v.file_id')
    .select(['v.id', 'v.ordinal', 'v.kind', 'v.file_id', 'v.note', 'v.created_at', 'u.display_name as author', 'f.original_name as file_name', 'f.content_type as file_type'])
    .where('v.document_id', '=', documentId)
    .orderBy('v.ordinal', 'desc')
    .execute();
}

export async function findVersion(db: AnyDb, id: number) {
  return (await asDb(db).selectFrom('outgoing_versions').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function insertComment(trx: AnyDb, v: { documentId: number; versionId: number | null; authorId: number; body: string; now: string }) {
  await asDb(trx)
    .insertInto('outgoing_comments')
    .values({ document_id: v.documentId, version_id: v.versionId, author_id: v.authorId, body: v.body, created_at: v.now })
    .execute();
}

export async function listComments(db: AnyDb, documentId: number) {
  return asDb(db)
    .selectFrom('outgoing_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .leftJoin('outgoing_versions as v', 'v.id', 'c.version_id')
    .select(['c.id', 'c.body', 'c.created_at', 'u.display_name as author', 'v.ordinal as version_ordinal'])
    .where('c.document_id', '=', documentId)
    .orderBy('c.id')
    .execute();
}

/* ------------------------------ review steps ------------------------------ */

export async function listSteps(db: AnyDb, documentId: number) {
  return asDb(db)
    .selectFrom('outgoing_review_steps as s')
    .innerJoin('users as u', 'u.id', 's.assignee_id')
    .leftJoin('users as a', 'a.id', 's.acted_by')
    .select(['s.id', 's.round', 's.ordinal', 's.kind', 's.label', 's.assignee_id', 's.status', 's.acted_at', 's.comment', 'u.display_name as assignee', 'a.display_name as acted_by_name'])
    .where('s.document_id', '=', documentId)
    .orderBy('s.round')
    .orderBy('s.ordinal')
    .execute();
}
export type StepRow = Awaited<ReturnType<typeof listSteps>>[number];

export async function insertSteps(
  trx: AnyDb,
  documentId: number,
  round: number,
  steps: { kind: string; label: string; userId: number }[],
): Promise<void> {
  await asDb(trx)
    .insertInto('outgoing_review_steps')
    .values(
      steps.map((s, i) => ({
        document_id: documentId,
        round,
        ordinal: i + 1,
        kind: s.kind,
        label: s.label,
        assignee_id: s.userId,
        status: i === 0 ? 'pending' : 'waiting',
        acted_by: null,
        acted_at: null,
        comment: '',
      })),
    )
    .execute();
}

export async function updateStep(trx: AnyDb, id: number, values: { status: string; acted_by?: number; acted_at?: string; comment?: string }) {
  await asDb(trx).updateTable('outgoing_review_steps').set(values).where('id', '=', id).execute();
}

/* ------------------------------ recipients ------------------------------ */

export async function replaceRecipients(
  trx: AnyDb,
  documentId: number,
  rows: Omit<Insertable<OutgoingRecipientsTable>, 'id' | 'document_id' | 'position'>[],
): Promise<void> {
  await asDb(trx).deleteFrom('outgoing_recipients').where('document_id', '=', documentId).execute();
  if (rows.length > 0) {
    await asDb(trx)
      .insertInto('outgoing_recipients')
      .values(rows.map((r, i) => ({ ...r, document_id: documentId, position: i + 1 })))
      .execute();
  }
}

export async function listRecipients(db: AnyDb, documentId: number): Promise<RecipientRow[]> {
  return asDb(db).selectFrom('outgoing_recipients').selectAll().where('document_id', '=', documentId).orderBy('position').execute();
}

export async function listReceipts(db: AnyDb, documentId: number) {
  return asDb(db)
    .selectFrom('outgoing_receipts')
    .select(['id', 'recipient_id', 'code', 'at', 'actor_name', 'note'])
    .where('document_id', '=', documentId)
    .orderBy('id')
    .execute();
}

/* ------------------------------ issuers and circuits ------------------------------ */

export async function issuerOf(db: AnyDb, committeeId: number, agencyId: number | null) {
  const committee = await asDb(db)
    .selectFrom('committees')
    .select(['id', 'name', 'superior_line', 'place_name', 'abbreviation', 'numbering_rule', 'active'])
    .where('id', '=', committeeId)
    .executeTakeFirst();
  if (!committee) {
    return null;
  }
  const agency =
    agencyId === null
      ? null
      : ((await asDb(db)
          .selectFrom('agencies')
          .select(['id', 'name', 'abbreviation', 'committee_id', 'active'])
          .where('id', '=', agencyId)
          .executeTakeFirst()) ?? undefined);
  if (agency === undefined || (agency && agency.committee_id !== committeeId)) {
    return null;
  }
  return { committee, agency, abbreviation: agency ? agency.abbreviation : committee.abbreviation, name: agency ? agency.name : committee.name };
}
export type Issuer = NonNullable<Awaited<ReturnType<typeof issuerOf>>>;

export async function termsOf(db: AnyDb, committeeId: number) {
  return asDb(db).selectFrom('terms').select(['id', 'ordinal', 'label', 'starts_on', 'ends_on']).where('committee_id', '=', committeeId).orderBy('ordinal').execute();
}

export async function documentType(db: AnyDb, id: number) {
  return (await asDb(db).selectFrom('document_types').select(['id', 'name', 'abbreviation', 'family', 'active']).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function typeCatalogue(db: AnyDb) {
  return asDb(db).selectFrom('document_types').select(['name', 'abbreviation', 'family']).execute();
}

export async function findCircuit(db: AnyDb, issuerKey: string, documentTypeId: number) {
  const rows = await asDb(db)
    .selectFrom('review_circuits')
    .selectAll()
    .where('circuit_key', 'in', [`${issuerKey}|t${documentTypeId}`, `${issuerKey}|t*`])
    .execute();
  return rows.find((r) => r.document_type_id === documentTypeId) ?? rows[0] ?? null;
}

export async function listCircuits(db: AnyDb, committeeIds: number[] | null) {
  let q = asDb(db).selectFrom('review_circuits').selectAll();
  if (committeeIds !== null) {
    if (committeeIds.length === 0) {
      return [];
    }
    q = q.where('committee_id', 'in', committeeIds);
  }
  return q.orderBy('issuer_key').orderBy('document_type_id').execute();
}

export async function userName(db: AnyDb, id: number): Promise<string | null> {
  const r = await asDb(db)
    .selectFrom('users as u')
    .leftJoin('people as p', 'p.id', 'u.person_id')
    .select(['u.display_name', 'p.full_name'])
    .where('u.id', '=', id)
    .executeTakeFirst();
  return r ? (r.full_name ?? r.display_name) : null;
}
