import { sql, type Kysely } from 'kysely';
import { OPEN_INCOMING_STATUSES, type Secrecy, type Urgency } from '@vanphong/contracts';
import type { Database } from '../../platform/db/schema.ts';
import type { RegisterBookEntry } from './incoming.outputs.models.ts';
import { visibleTo, type IncomingViewer } from './incoming.visibility.ts';

type Db = Kysely<Database>;

/**
 * Queries of the printed register and the handling report. Every one that reads documents goes through
 * `visibleTo(viewer)`, the same filter as every list: an output never shows what a list would hide.
 */

export interface RegisterForBook {
  id: number;
  committeeId: number;
  committeeName: string;
  year: number;
  kind: string;
  name: string;
}

/** The register when its committee is within the viewer's scope; undefined otherwise (answers 404). */
export async function findVisibleRegister(
  db: Db,
  viewer: IncomingViewer,
  registerId: number,
): Promise<RegisterForBook | undefined> {
  if (viewer.committeeIds !== null && viewer.committeeIds.length === 0) {
    return undefined;
  }
  let q = db
    .selectFrom('incoming_registers as r')
    .innerJoin('committees as c', 'c.id', 'r.committee_id')
    .select(['r.id', 'r.committee_id', 'c.name as committee_name', 'r.year', 'r.kind', 'r.name'])
    .where('r.id', '=', registerId);
  if (viewer.committeeIds !== null) {
    q = q.where('r.committee_id', 'in', viewer.committeeIds);
  }
  const row = await q.executeTakeFirst();
  return (
    row && {
      id: row.id,
      committeeId: row.committee_id,
      committeeName: row.committee_name,
      year: row.year,
      kind: row.kind,
      name: row.name,
    }
  );
}

/** Bound parameters per statement stay well under SQLite's and PostgreSQL's limits. */
const ID_CHUNK = 500;

/** The register's lines for arrival dates in [from, to] that the viewer may see, by arrival number. */
export async function listRegisterBookEntries(
  db: Db,
  viewer: IncomingViewer,
  { registerId, from, to }: { registerId: number; from: string; to: string },
): Promise<RegisterBookEntry[]> {
  const rows = await db
    .selectFrom('incoming_documents')
    .leftJoin('document_types as dt', 'dt.id', 'incoming_documents.document_type_id')
    .leftJoin('agencies as la', 'la.id', 'incoming_documents.lead_agency_id')
    .leftJoin('users as lu', 'lu.id', 'incoming_documents.lead_user_id')
    .select([
      'incoming_documents.id',
      'incoming_documents.arrival_number',
      'incoming_documents.arrival_date',
      'incoming_documents.issuer_name',
      'incoming_documents.notation',
      'incoming_documents.document_date',
      'dt.name as type_name',
      'incoming_documents.summary',
      'incoming_documents.secrecy',
      'incoming_documents.urgency',
      'incoming_documents.status',
      'la.name as lead_agency_name',
      'lu.display_name as lead_user_name',
      'incoming_documents.directed_at',
      'incoming_documents.note',
      'incoming_documents.cancel_reason',
    ])
    .where('incoming_documents.register_id', '=', registerId)
    .where('incoming_documents.arrival_date', '>=', from)
    .where('incoming_documents.arrival_date', '<=', to)
    .where(visibleTo(viewer))
    .orderBy('incoming_documents.arrival_number')
    .execute();
  const co = await coRecipients(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    arrivalNumber: r.arrival_number,
    arrivalDate: r.arrival_date,
    issuerName: r.issuer_name,
    notation: r.notation,
    documentDate: r.document_date,
    documentTypeName: r.type_name,
    summary: r.summary,
    secrecy: r.secrecy as Secrecy,
    urgency: r.urgency as Urgency,
    status: r.status,
    leadAgencyName: r.lead_agency_name,
    leadUserName: r.lead_user_name,
    coRecipients: co.get(r.id) ?? [],
    directedAt: r.directed_at,
    note: r.note,
    cancelReason: r.cancel_reason,
  }));
}

/** Active co-units (phối hợp) of each document, unit name or person name, in the order they were named. */
async function coRecipients(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const rows = await db
      .selectFrom('incoming_recipients as r')
      .leftJoin('agencies as a', 'a.id', 'r.agency_id')
      .leftJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.document_id', 'a.name as agency_name', 'u.display_name as user_name'])
      .where('r.document_id', 'in', ids.slice(i, i + ID_CHUNK))
      .where('r.role', '=', 'co')
      .where('r.active', '=', 1)
      .orderBy('r.document_id')
      .orderBy('r.id')
      .execute();
    for (const r of rows) {
      const name = r.agency_name ?? r.user_name;
      if (name) {
        out.set(r.document_id, [...(out.get(r.document_id) ?? []), name]);
      }
    }
  }
  return out;
}

export interface HandlingCounts {
  agencyId: number | null;
  total: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  inProgress: number;
}

/**
 * Handling status by lead unit of the documents that arrived in [from, to] and that the viewer may see.
 * The unit is the lead unit, or the lead person's unit when a person was named; none = not yet
 * distributed. Done (or filed for information) counts on time when finished by the deadline or without
 * one; open counts overdue when its deadline is before `today` (Vietnam). Recalled documents
 * (thu hồi) are out of the handling count.
 */
export async function countHandlingByUnit(
  db: Db,
  viewer: IncomingViewer,
  { from, to, today }: { from: string; to: string; today: string },
): Promise<HandlingCounts[]> {
  const closed = ['done', 'filed'];
  const open = [...OPEN_INCOMING_STATUSES];
  const rows = await db
    .selectFrom('incoming_documents')
    .leftJoin('users as lu', 'lu.id', 'incoming_documents.lead_user_id')
    .select((eb) => {
      const d = (c: 'status' | 'deadline' | 'completed_on') => eb.ref(`incoming_documents.${c}`);
      const isClosed = eb(d('status'), 'in', closed);
      const isOpen = eb(d('status'), 'in', open);
      const late = eb.and([
        eb(d('deadline'), 'is not', null),
        eb(d('completed_on'), 'is not', null),
        eb(d('completed_on'), '>', d('deadline')),
      ]);
      const pastDeadline = eb.and([eb(d('deadline'), 'is not', null), eb(d('deadline'), '<', today)]);
      const count = (cond: ReturnType<typeof eb.and>) =>
        eb.fn.sum<number>(eb.case().when(cond).then(1).else(0).end());
      return [
        eb.fn.coalesce('incoming_documents.lead_agency_id', 'lu.scope_agency_id').as('agency_id'),
        eb.fn.countAll<number>().as('total'),
        count(eb.and([isClosed, eb.not(late)])).as('done_on_time'),
        count(eb.and([isClosed, late])).as('done_late'),
        count(eb.and([isOpen, pastDeadline])).as('overdue'),
        count(eb.and([isOpen, eb.not(pastDeadline)])).as('in_progress'),
      ];
    })
    .where('incoming_documents.arrival_date', '>=', from)
    .where('incoming_documents.arrival_date', '<=', to)
    .where('incoming_documents.status', '!=', 'cancelled')
    .where(visibleTo(viewer))
    .groupBy(sql`coalesce(incoming_documents.lead_agency_id, lu.scope_agency_id)`)
    .execute();
  return rows.map((r) => ({
    agencyId: r.agency_id === null ? null : Number(r.agency_id),
    total: Number(r.total),
    doneOnTime: Number(r.done_on_time),
    doneLate: Number(r.done_late),
    overdue: Number(r.overdue),
    inProgress: Number(r.in_progress),
  }));
}

/** Names of units, for the report's rows. */
export async function agencyNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The name printed at the head of a report (the caller's committee). */
export async function committeeName(db: Db, id: number): Promise<string | null> {
  const row = await db.selectFrom('committees').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}
