import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { sql } from 'kysely';
import { canonicalJson } from '../audit/audit.canonical.ts';
import { PRIVATE_FILE_MODE, type TableSummary } from './backup.archive.ts';
import {
  appliedMigrations,
  fromJsonValue,
  listForeignKeys,
  listTables,
  rowsOf,
  tableHasher,
  type AnyKysely,
  type ForeignKey,
  type TableInfo,
} from './backup.catalog.ts';
import { tableSummaries } from './backup.checksums.ts';
import { backupErrors } from './backup.errors.ts';

export const jsonlEntry = (table: string) => `db/${table}.jsonl`;

/**
 * Every table as JSON lines (canonical JSON, primary-key order), all read in ONE `REPEATABLE READ, READ
 * ONLY` transaction: PostgreSQL then shows every query the same snapshot, so the files agree with each
 * other (an audit event and its change, a file row and its uploader) without pg_dump and without
 * stopping the server. The table checksum is the SHA-256 of its file.
 */
export async function exportPostgres({
  db,
  dir,
}: {
  db: AnyKysely;
  dir: string;
}): Promise<{ tables: TableSummary[]; migrations: string[] }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const tables: TableSummary[] = [];
      for (const table of await listTables(trx)) {
        const fh = await fs.open(path.join(dir, jsonlEntry(table.name)), 'w', PRIVATE_FILE_MODE);
        const h = tableHasher();
        try {
          for await (const batch of rowsOf(trx, table)) {
            batch.forEach(h.add);
            await fh.write(batch.map((r) => `${canonicalJson(r)}\n`).join(''));
          }
        } finally {
          await fh.close();
        }
        tables.push({ name: table.name, ...h.done() });
      }
      return { tables, migrations: await appliedMigrations(trx) };
    });
}

/**
 * Order in which tables can be filled without breaking a foreign key: referenced tables first.
 * References to the table itself (committees.parent_id) or around a cycle cannot be satisfied by order
 * alone; those columns are inserted empty and set once every row exists.
 */
export function insertionOrder(
  tables: string[],
  fks: ForeignKey[],
): { order: string[]; deferred: Map<string, string[]> } {
  const remaining = new Set(tables);
  const order: string[] = [];
  const deferred = new Map<string, string[]>();
  const pending = (t: string) =>
    fks.filter((f) => f.table === t && f.refTable !== t && remaining.has(f.refTable));
  while (remaining.size > 0) {
    const sorted = [...remaining].sort();
    const next = sorted.find((t) => pending(t).length === 0) ?? (sorted[0] as string);
    remaining.delete(next);
    const late = fks
      .filter((f) => f.table === next && (f.refTable === next || remaining.has(f.refTable)))
      .map((f) => f.column);
    if (late.length > 0) {
      deferred.set(next, [...new Set(late)]);
    }
    order.push(next);
  }
  return { order, deferred };
}

async function* jsonLines(file: string): AsyncGenerator<Record<string, unknown>> {
  const lines = readline.createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line) {
      const row = JSON.parse(line) as Record<string, unknown>;
      yield Object.fromEntries(Object.entries(row).map(([k, v]) => [k, fromJsonValue(v)]));
    }
  }
}

interface LateValue {
  table: string;
  key: Record<string, unknown>;
  set: Record<string, unknown>;
}

async function fillTable(
  trx: AnyKysely,
  table: TableInfo,
  file: string,
  late: string[],
): Promise<LateValue[]> {
  const lateValues: LateValue[] = [];
  // PostgreSQL binds at most 65,535 parameters per statement.
  const perBatch = Math.max(1, Math.floor(30_000 / Math.max(1, table.columns.length)));
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length > 0) {
      await trx.insertInto(table.name).values(batch).execute();
      batch = [];
    }
  };
  for await (const row of jsonLines(file)) {
    const set = Object.fromEntries(late.filter((c) => row[c] != null).map((c) => [c, row[c]]));
    if (Object.keys(set).length > 0 && table.primaryKey.length > 0) {
      lateValues.push({
        table: table.name,
        key: Object.fromEntries(table.primaryKey.map((c) => [c, row[c]])),
        set,
      });
      batch.push({ ...row, ...Object.fromEntries(Object.keys(set).map((c) => [c, null])) });
    } else {
      batch.push(row);
    }
    if (batch.length >= perBatch) {
      await flush();
    }
  }
  await flush();
  return lateValues;
}

/** After an explicit-id load, each serial sequence continues after the largest id (else the next insert collides). */
async function resetSequences(trx: AnyKysely, tables: TableInfo[]): Promise<void> {
  for (const t of tables) {
    const { rows } = await sql<{ column: string }>`
      select column_name as "column" from information_schema.columns
      where table_schema = current_schema() and table_name = ${t.name} and column_default like 'nextval(%'`.execute(
      trx,
    );
    for (const { column } of rows) {
      const ref = sql.ref(column);
      await sql`select setval(pg_get_serial_sequence(${`"${t.name}"`}, ${column}),
        coalesce((select max(${ref}) from ${sql.table(t.name)}), 1),
        (select max(${ref}) from ${sql.table(t.name)}) is not null)`.execute(trx);
    }
  }
}

/**
 * Loads an archive into a migrated PostgreSQL database in ONE transaction: every application table is
 * emptied (the target was empty, or --force was given), filled in foreign-key order, its sequences reset,
 * and — when the schema versions agree — every table's checksum compared with the manifest before the
 * commit. Any failure rolls everything back.
 */
export async function restorePostgres({
  db,
  dir,
  expected,
  migrations,
}: {
  db: AnyKysely;
  dir: string;
  expected: TableSummary[];
  migrations: string[];
}): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const tables = await listTables(trx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const unknown = expected.filter((t) => !byName.has(t.name)).map((t) => t.name);
    if (unknown.length > 0) {
      throw backupErrors.newerVersion(unknown.map((t) => `table ${t}`));
    }
    await sql`truncate table ${sql.join(tables.map((t) => sql.table(t.name)))} restart identity cascade`.execute(
      trx,
    );
    const { order, deferred } = insertionOrder(
      expected.map((t) => t.name),
      await listForeignKeys(trx, tables),
    );
    const late: LateValue[] = [];
    for (const name of order) {
      const table = byName.get(name) as TableInfo;
      late.push(...(await fillTable(trx, table, path.join(dir, jsonlEntry(name)), deferred.get(name) ?? [])));
    }
    for (const l of late) {
      let q = trx.updateTable(l.table).set(l.set);
      for (const [k, v] of Object.entries(l.key)) {
        q = q.where(sql.ref(k), '=', v);
      }
      await q.execute();
    }
    await resetSequences(trx, tables);
    const sameSchema = canonicalJson(await appliedMigrations(trx)) === canonicalJson(migrations);
    if (sameSchema) {
      const actual = new Map((await tableSummaries(trx)).map((t) => [t.name, t.sha256]));
      const wrong = expected.filter((t) => actual.get(t.name) !== t.sha256).map((t) => t.name);
      if (wrong.length > 0) {
        throw backupErrors.verifyFailed(wrong);
      }
    }
  });
}
