import type { Kysely } from 'kysely';
import type { AnyDb } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import { outgoingErrors as E } from './outgoing.errors.ts';
import { issuerKeyOf, layoutOf, notationOf, seriesFor, termOn, type NumberingRule, type SeriesSpec } from './outgoing.models.ts';
import * as repo from './outgoing.repository.ts';

type Db = Kysely<Database>;
const asDb = (d: AnyDb) => d as Db;

/**
 * Numbering (issue 4 §3, spec §2). A number is taken at issue time only, by one
 * `UPDATE outgoing_series SET last_number = last_number + 1 … RETURNING` inside the issuing
 * transaction: PostgreSQL holds the row lock until commit, SQLite the database write lock from BEGIN
 * IMMEDIATE, so concurrent issues — in one process or several — get consecutive numbers, and a
 * rolled-back issue gives its number back with everything else. Every number given is also a row of
 * `outgoing_numbers` (issued, reserved, void, or consumed by an issue that did not finish), so the gap
 * report shows every number that is not a finished document. Nothing is ever renumbered.
 */

/** The series of a document of `typeId` issued by (committee, agency) on `date`: created on first use (a unique key decides races). */
export async function ensureSeries(
  trx: AnyDb,
  v: { committeeId: number; agencyId: number | null; documentTypeId: number; congress: boolean; secrecy: 'none' | 'confidential' | 'secret' | 'top_secret'; date: string; now: string },
): Promise<{ id: number; spec: SeriesSpec; notationFor: (n: number) => string }> {
  const issuer = await repo.issuerOf(trx, v.committeeId, v.agencyId);
  const type = await repo.documentType(trx, v.documentTypeId);
  if (!issuer || !type) {
    throw E.field('unknown_issuer', 'issuerCommitteeId', 'No such issuing body or document type');
  }
  const rule = issuer.committee.numbering_rule as NumberingRule;
  const terms = await repo.termsOf(trx, v.committeeId);
  const issuerKey = issuerKeyOf(v.committeeId, v.agencyId);
  const spec = seriesFor({
    rule,
    issuerKey,
    issuerAbbreviation: issuer.abbreviation,
    date: v.date,
    term: termOn(terms, v.date),
    congress: v.congress,
    documentTypeId: type.id,
    typeAbbreviation: type.abbreviation,
    secrecy: v.secrecy,
  });
  if ('error' in spec) {
    throw E.field('no_term', 'issuerCommitteeId', `No committee term covers ${v.date}: the administrator adds the term first (Tổ chức → Nhiệm kỳ)`);
  }
  await asDb(trx)
    .insertInto('outgoing_series')
    .values({
      series_key: spec.key,
      issuer_key: issuerKey,
      committee_id: v.committeeId,
      agency_id: v.agencyId,
      kind: spec.kind,
      term_id: spec.termId,
      year: spec.year,
      document_type_id: spec.documentTypeId,
      label: spec.label,
      last_number: 0,
      created_at: v.now,
    })
    .onConflict((oc) => oc.column('series_key').doNothing())
    .execute();
  const row = await asDb(trx).selectFrom('outgoing_series').select('id').where('series_key', '=', spec.key).executeTakeFirstOrThrow();
  const layout = layoutOf(rule);
  return { id: row.id, spec, notationFor: (n) => notationOf(layout, n, type.abbreviation, issuer.abbreviation) };
}

/** The next number of a series, inside the caller's transaction. */
export async function takeNumber(trx: AnyDb, seriesId: number): Promise<number> {
  const r = await asDb(trx)
    .updateTable('outgoing_series')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('id', '=', seriesId)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return r.last_number;
}

export async function insertNumber(
  trx: AnyDb,
  v: { seriesId: number; number: number; state: 'issued' | 'reserved' | 'void' | 'consumed'; notation: string; documentId: number | null; documentTypeId: number; reason: string; by: number | null; now: string },
): Promise<number> {
  const r = await asDb(trx)
    .insertInto('outgoing_numbers')
    .values({
      series_id: v.seriesId,
      number: v.number,
      state: v.state,
      notation: v.notation,
      document_id: v.documentId,
      document_type_id: v.documentTypeId,
      reason: v.reason,
      created_by: v.by,
      created_at: v.now,
      updated_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function setNumberState(trx: AnyDb, id: number, values: { state: string; document_id?: number | null; reason?: string; updated_at: string }) {
  await asDb(trx).updateTable('outgoing_numbers').set(values).where('id', '=', id).execute();
}

/** Moves a reserved number to `state` only if it is still reserved (two clerks racing for it: one wins, the other gets false). */
export async function takeReservation(trx: AnyDb, id: number, values: { state: 'consumed' | 'void'; document_id?: number; reason?: string; updated_at: string }): Promise<boolean> {
  const r = await asDb(trx).updateTable('outgoing_numbers').set(values).where('id', '=', id).where('state', '=', 'reserved').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findNumber(db: AnyDb, id: number) {
  return (await asDb(db).selectFrom('outgoing_numbers').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function listSeries(db: AnyDb, committeeIds: number[] | null) {
  let q = asDb(db)
    .selectFrom('outgoing_series as s')
    .leftJoin('terms as t', 't.id', 's.term_id')
    .select(['s.id', 's.series_key', 's.issuer_key', 's.committee_id', 's.agency_id', 's.kind', 's.term_id', 's.year', 's.document_type_id', 's.label', 's.last_number', 't.label as term_label']);
  if (committeeIds !== null) {
    if (committeeIds.length === 0) {
      return [];
    }
    q = q.where('s.committee_id', 'in', committeeIds);
  }
  return q.orderBy('s.issuer_key').orderBy('s.label').execute();
}

export interface GapEntry {
  /** The number's row (to void a reserved one); null for a missing number. */
  id: number | null;
  number: number;
  notation: string | null;
  /** reserved (for a paper document, not yet used), void (with its reason), consumed (an issue that did not finish), missing (no record: never expected). */
  state: 'reserved' | 'void' | 'consumed' | 'missing';
  reason: string;
  documentId: number | null;
  at: string | null;
}

/** Every number of a series that is not a finished document (issue 4 §3: the gap report). */
export async function gapsOf(db: AnyDb, seriesId: number): Promise<{ lastNumber: number; issued: number; gaps: GapEntry[] }> {
  const series = await asDb(db).selectFrom('outgoing_series').select(['id', 'last_number']).where('id', '=', seriesId).executeTakeFirst();
  if (!series) {
    throw E.seriesNotFound();
  }
  const rows = await asDb(db)
    .selectFrom('outgoing_numbers')
    .select(['id', 'number', 'state', 'notation', 'reason', 'document_id', 'updated_at'])
    .where('series_id', '=', seriesId)
    .orderBy('number')
    .execute();
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  const gaps: GapEntry[] = [];
  let issued = 0;
  for (let n = 1; n <= series.last_number; n++) {
    const r = byNumber.get(n);
    if (!r) {
      gaps.push({ id: null, number: n, notation: null, state: 'missing', reason: '', documentId: null, at: null });
    } else if (r.state === 'issued') {
      issued++;
    } else {
      gaps.push({ id: r.id, number: n, notation: r.notation, state: r.state as GapEntry['state'], reason: r.reason, documentId: r.document_id, at: r.updated_at });
    }
  }
  return { lastNumber: series.last_number, issued, gaps };
}
