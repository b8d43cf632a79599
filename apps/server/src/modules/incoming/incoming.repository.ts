import type { RegisterKind } from '@vanphong/contracts';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AnyDb } from '../../platform/db/dialect.ts';
import type { Database, IncomingDocumentsTable } from '../../platform/db/schema.ts';
import { isParticipant, visibleTo, type IncomingViewer } from './incoming.visibility.ts';
import { registerScopeKey } from './incoming.models.ts';

type Db = Kysely<Database>;

export interface RegisterRow {
  id: number;
  committee_id: number;
  agency_id: number | null;
  year: number;
  kind: RegisterKind;
  name: string;
  last_number: number;
}

const REGISTER_COLUMNS = ['id', 'committee_id', 'agency_id', 'year', 'kind', 'name', 'last_number'] as const;

export async function findRegister(db: Db, id: number): Promise<RegisterRow | null> {
  const r = await db.selectFrom('incoming_registers').select(REGISTER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return (r as RegisterRow | undefined) ?? null;
}

export async function listRegisters(db: Db, committeeIds: number[] | null, year?: number): Promise<RegisterRow[]> {
  let q = db.selectFrom('incoming_registers').select(REGISTER_COLUMNS);
  if (committeeIds !== null) {
    if (committeeIds.length === 0) {
      return [];
    }
    q = q.where('committee_id', 'in', committeeIds);
  }
  if (year !== undefined) {
    q = q.where('year', '=', year);
  }
  return (await q.orderBy('year', 'desc').orderBy('committee_id').orderBy('kind').execute()) as RegisterRow[];
}

export async function insertRegister(
  trx: AnyDb,
  v: { committeeId: number; agencyId: number | null; year: number; kind: RegisterKind; name: string; now: string },
): Promise<number> {
  const r = await (trx as Db)
    .insertInto('incoming_registers')
    .values({
      committee_id: v.committeeId,
      agency_id: v.agencyId,
      scope_key: registerScopeKey(v.committeeId, v.agencyId),
      year: v.year,
      kind: v.kind,
      name: v.name,
      last_number: 0,
      created_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The register of a committee (or one of its agencies) of a kind for a year, created on first use (race-safe: a unique key decides). */
export async function ensureRegister(
  trx: AnyDb,
  v: { committeeId: number; agencyId?: number | null; year: number; kind: RegisterKind; name: string; now: string },
): Promise<RegisterRow & { created: boolean }> {
  const db = trx as Db;
  const agencyId = v.agencyId ?? null;
  const scopeKey = registerScopeKey(v.committeeId, agencyId);
  const inserted = await db
    .insertInto('incoming_registers')
    .values({
      committee_id: v.committeeId,
      agency_id: agencyId,
      scope_key: scopeKey,
      year: v.year,
      kind: v.kind,
      name: v.name,
      last_number: 0,
      created_at: v.now,
    })
    .onConflict((oc) => oc.columns(['scope_key', 'year', 'kind']).doNothing())
    .executeTakeFirst();
  const row = (await db
    .selectFrom('incoming_registers')
    .select(REGISTER_COLUMNS)
    .where('scope_key', '=', scopeKey)
    .where('year', '=', v.year)
    .where('kind', '=', v.kind)
    .executeTakeFirstOrThrow()) as RegisterRow;
  return { ...row, created: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 };
}

/**
 * The next arrival number of a register (số đến). One UPDATE … RETURNING inside the registering
 * transaction: PostgreSQL holds the row lock until commit, SQLite holds the database write lock from
 * BEGIN IMMEDIATE, so concurrent registrations — in one process or several — get consecutive numbers,
 * and a rolled-back registration gives its number back with everything else (no gap, no duplicate).
 */
export async function takeArrivalNumber(trx: AnyDb, registerId: number): Promise<number> {
  const r = await (trx as Db)
    .updateTable('incoming_registers')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('id', '=', registerId)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return r.last_number;
}

export type DocumentValues = Omit<Insertable<IncomingDocumentsTable>, 'id'>;

export async function insertDocument(trx: AnyDb, values: DocumentValues): Promise<number> {
  const r = await (trx as Db).insertInto('incoming_documents').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateDocument(
  trx: AnyDb,
  id: number,
  version: number,
  values: Partial<DocumentValues>,
): Promise<boolean> {
  const r = await (trx as Db)
    .updateTable('incoming_documents')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertTrail(
  trx: AnyDb,
  v: {
    documentId: number;
    action: string;
    actorId: number | null;
    actorName: string;
    at: string;
    fromStatus: string | null;
    toStatus: string | null;
    note?: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await (trx as Db)
    .insertInto('incoming_trail')
    .values({
      document_id: v.documentId,
      action: v.action,
      actor_id: v.actorId,
      actor_name: v.actorName,
      at: v.at,
      from_status: v.fromStatus,
      to_status: v.toStatus,
      note: v.note ?? '',
      details: JSON.stringify(v.details ?? {}),
    })
    .execute();
}

export async function replaceRecipients(
  trx: AnyDb,
  documentId: number,
  rows: { role: string; agencyId: number | null; userId: number | null }[],
  now: string,
): Promise<void> {
  const db = trx as Db;
  await db.updateTable('incoming_recipients').set({ active: 0 }).where('document_id', '=', documentId).execute();
  if (rows.length > 0) {
    await db
      .insertInto('incoming_recipients')
      .values(
        rows.map((r) => ({
          document_id: documentId,
          role: r.role,
          agency_id: r.agencyId,
          user_id: r.userId,
          active: 1,
          created_at: now,
        })),
      )
      .execute();
  }
}

export async function insertAttachments(
  trx: AnyDb,
  documentId: number,
  rows: { fileId: number; main: boolean }[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  await (trx as Db)
    .insertInto('incoming_attachments')
    .values(rows.map((r, i) => ({ document_id: documentId, file_id: r.fileId, is_main: r.main ? 1 : 0, position: i + 1 })))
    .execute();
}

/* ---------------- one document ---------------- */

export type DocumentRow = Selectable<IncomingDocumentsTable>;

/** One document if the viewer may see it, else null (the caller answers 404). */
export async function findVisibleDocument(db: Db, viewer: IncomingViewer, id: number): Promise<DocumentRow | null> {
  const r = await db
    .selectFrom('incoming_documents')
    .selectAll('incoming_documents')
    .where('incoming_documents.id', '=', id)
    .where(visibleTo(viewer))
    .executeTakeFirst();
  return (r as DocumentRow | undefined) ?? null;
}

export async function findDocument(db: AnyDb, id: number): Promise<DocumentRow | null> {
  const r = await (db as Db).selectFrom('incoming_documents').selectAll().where('id', '=', id).executeTakeFirst();
  return (r as DocumentRow | undefined) ?? null;
}

/**
 * Whether the viewer is named on the document for reading secret content: in person (handling trail,
 * presented to, lead person, recipient) or as a handler of a lead or co-unit.
 */
export async function isNamedOn(db: Db, viewer: IncomingViewer, id: number, { handler }: { handler: boolean }): Promise<boolean> {
  const r = await db
    .selectFrom('incoming_documents')
    .select('incoming_documents.id')
    .where('incoming_documents.id', '=', id)
    .where((eb) => isParticipant(eb, viewer, handler ? ['lead', 'co'] : []))
    .executeTakeFirst();
  return r !== undefined;
}

export async function loadTrail(db: Db, documentId: number) {
  return db
    .selectFrom('incoming_trail')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('id')
    .execute();
}

export async function loadRecipients(db: Db, documentId: number) {
  return db
    .selectFrom('incoming_recipients as r')
    .leftJoin('agencies as a', 'a.id', 'r.agency_id')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.role', 'r.agency_id', 'a.name as agency_name', 'r.user_id', 'u.display_name as user_name'])
    .where('r.document_id', '=', documentId)
    .where('r.active', '=', 1)
    .orderBy('r.id')
    .execute();
}

export async function loadAttachments(db: Db, documentId: number) {
  return db
    .selectFrom('incoming_attachments as x')
    .innerJoin('files as f', 'f.id', 'x.file_id')
    .leftJoin('file_texts as t', 't.file_id', 'x.file_id')
    .select(['x.file_id', 'x.is_main', 'f.original_name', 'f.content_type', 'f.size', 'f.encryption', 't.status as text_status', 't.searchable_file_id'])
    .where('x.document_id', '=', documentId)
    .orderBy('x.position')
    .execute();
}

export async function findDuplicates(
  db: Db,
  viewer: IncomingViewer,
  v: { notationKey: string; documentDate: string; issuerId: number | null; issuerName: string },
): Promise<{ id: number; arrival_number: number; arrival_date: string; register_id: number }[]> {
  let q = db
    .selectFrom('incoming_documents')
    .select(['incoming_documents.id', 'arrival_number', 'arrival_date', 'register_id'])
    .where('notation_folded', '=', v.notationKey)
    .where('document_date', '=', v.documentDate)
    .where('status', '!=', 'cancelled')
    .where(visibleTo(viewer));
  // The same issuer typed once and picked from the directory once is still the same issuer.
  q = q.where((eb) =>
    eb.or([eb('issuer_name', '=', v.issuerName), ...(v.issuerId !== null ? [eb('issuer_id', '=', v.issuerId)] : [])]),
  );
  return q.orderBy('incoming_documents.id').limit(5).execute();
}

/** Users of the given committees holding a permission through one of their roles (active accounts only). */
export async function usersWithPermission(
  db: Db,
  permission: string,
  committeeIds: number[] | null,
): Promise<{ id: number; display_name: string; scope_agency_id: number | null; scope_committee_id: number | null; clearance: string }[]> {
  let q = db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .select(['users.id', 'users.display_name', 'users.scope_agency_id', 'users.scope_committee_id', 'users.clearance', 'roles.permissions'])
    .where('users.disabled', '=', 0);
  if (committeeIds !== null) {
    q = q.where('users.scope_committee_id', 'in', committeeIds.length > 0 ? committeeIds : [-1]);
  }
  const rows = await q.execute();
  const out = new Map<number, (typeof rows)[number]>();
  for (const r of rows) {
    if ((JSON.parse(r.permissions) as string[]).includes(permission)) {
      out.set(r.id, r);
    }
  }
  return [...out.values()].map(({ permissions: _p, ...u }) => u);
}

export async function previousEntry(db: Db, userId: number) {
  return db
    .selectFrom('incoming_documents')
    .select(['channel', 'issuer_id', 'issuer_name', 'document_type_id', 'urgency', 'secrecy', 'signer', 'register_id'])
    .where('created_by', '=', userId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
