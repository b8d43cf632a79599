import type { MigrationDef } from './registry.ts';

/**
 * Indexes for the filtered incoming register at scale (issue 3 benchmarks, docs/benchmarks.md). With the
 * visibility filter a clerk sees the documents of a few committees (~13 % of 1M in the benchmark); a
 * filter on status, deadline, urgency, secrecy or dates then had only `(committee_id, id)` to start from
 * and read every visible row to find the matches (100–600 ms). Leading with the committee, each index
 * reaches just the visible matches — one short range per committee in scope — for the page and for the
 * capped count alike. On PostgreSQL `secrecy_rank, id` at the end let the clearance check and the sort
 * by id run on the index alone (index-only scans). Not on SQLite: there an index holding both
 * `committee_id` and `secrecy_rank` covers the bare visibility filter, and the planner then sorted every
 * visible row (15–60 ms) instead of walking the primary key newest first and stopping at the page (0.3 ms).
 * A register's own list walks `(register_id, id)` newest first and stops at the page.
 */
export const m0006IncomingIndexes: MigrationDef = {
  name: '0006-incoming-indexes',
  async up(db, d) {
    const tail = d.kind === 'postgres' ? ['secrecy_rank', 'id'] : [];
    const docs = (name: string, columns: string[]) =>
      db.schema.createIndex(name).on('incoming_documents').columns([...columns, ...tail]).execute();
    // status, status + year or date range, the clerk's inbox (registered)
    await docs('incoming_committee_status_date', ['committee_id', 'status', 'arrival_date']);
    // overdue and due soon: open statuses with a deadline before / within the window
    await docs('incoming_committee_status_deadline', ['committee_id', 'status', 'deadline']);
    // year or date range alone
    await docs('incoming_committee_date', ['committee_id', 'arrival_date']);
    await docs('incoming_committee_urgency', ['committee_id', 'urgency']);
    await docs('incoming_committee_secrecy', ['committee_id', 'secrecy']);
    await db.schema.createIndex('incoming_register_id').on('incoming_documents').columns(['register_id', 'id']).execute();
    if (d.kind === 'postgres') {
      // "most urgent first": walked from the most urgent, the scope and clearance checks skip ~7 rows in 8.
      // Not on SQLite: its planner kept sorting every visible row anyway, and a second small index led by
      // `committee_id` made it pick that one instead of `(committee_id, id)` for the plain newest-first
      // list, losing the early exit per committee (0.3 → 300 ms).
      await db.schema.createIndex('incoming_urgency_rank').on('incoming_documents').columns(['urgency_rank', 'id']).execute();
    }
  },
};
