import type { TableSummary } from './backup.archive.ts';
import { kindOf, listTables, rowsOf, tableHasher, type AnyKysely } from './backup.catalog.ts';

/**
 * One checksum per table: SHA-256 over the canonical JSON (keys sorted) of every row, ordered by
 * primary key. Two databases of the same engine hold the same data exactly when these are equal, which
 * is how a restore is proven right. On PostgreSQL the tables are read in one REPEATABLE READ snapshot.
 */
export async function tableSummaries(db: AnyKysely): Promise<TableSummary[]> {
  const run = async (q: AnyKysely) => {
    const out: TableSummary[] = [];
    for (const table of await listTables(q)) {
      const h = tableHasher();
      for await (const batch of rowsOf(q, table)) {
        batch.forEach(h.add);
      }
      out.push({ name: table.name, ...h.done() });
    }
    return out;
  };
  if (kindOf(db) === 'postgres' && !db.isTransaction) {
    return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(run);
  }
  return run(db);
}

export async function databaseChecksums(
  db: AnyKysely,
): Promise<Record<string, { rows: number; sha256: string }>> {
  return Object.fromEntries(
    (await tableSummaries(db)).map((t) => [t.name, { rows: t.rows, sha256: t.sha256 }]),
  );
}
