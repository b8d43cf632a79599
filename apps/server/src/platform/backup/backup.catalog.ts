import { createHash } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { canonicalJson } from '../audit/audit.canonical.ts';
import type { DbKind } from '../db/dialect.ts';

/**
 * What the backup needs to know about the schema, read from the engine's own catalog so that tables
 * added by later migrations are included without anyone remembering to list them. Kysely's own
 * migration bookkeeping (`kysely_migration*`) is not application data: restore re-creates it by
 * running the migrations.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>;

export interface TableInfo {
  name: string;
  columns: string[];
  /** Primary-key columns in key order; empty when the table has none (then every column orders). */
  primaryKey: string[];
}

export interface ForeignKey {
  table: string;
  column: string;
  refTable: string;
}

export const kindOf = (db: AnyKysely): DbKind =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';

const isAppTable = (name: string) => !name.startsWith('sqlite_') && !name.startsWith('kysely_');

export async function listTables(db: AnyKysely): Promise<TableInfo[]> {
  if (kindOf(db) === 'sqlite') {
    const { rows } = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' order by name`.execute(db);
    const out: TableInfo[] = [];
    for (const { name } of rows.filter((r) => isAppTable(r.name))) {
      const cols = (
        await sql<{
          name: string;
          pk: number;
        }>`select name, pk from pragma_table_info(${name}) order by cid`.execute(db)
      ).rows;
      out.push({
        name,
        columns: cols.map((c) => c.name),
        primaryKey: cols
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
      });
    }
    return out;
  }
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const out: TableInfo[] = [];
  for (const { name } of rows.filter((r) => isAppTable(r.name))) {
    const cols = await sql<{ name: string }>`
      select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${name} order by ordinal_position`.execute(db);
    const pk = await sql<{ name: string }>`
      select a.attname as name from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ${sql.lit(`"${name}"`)}::regclass and i.indisprimary
      order by array_position(i.indkey::int2[], a.attnum)`.execute(db);
    out.push({ name, columns: cols.rows.map((c) => c.name), primaryKey: pk.rows.map((c) => c.name) });
  }
  return out;
}

export async function listForeignKeys(db: AnyKysely, tables: TableInfo[]): Promise<ForeignKey[]> {
  if (kindOf(db) === 'sqlite') {
    const out: ForeignKey[] = [];
    for (const t of tables) {
      const { rows } = await sql<{
        table: string;
        from: string;
      }>`select "table", "from" from pragma_foreign_key_list(${t.name})`.execute(db);
      out.push(...rows.map((r) => ({ table: t.name, column: r.from, refTable: r.table })));
    }
    return out;
  }
  const { rows } = await sql<ForeignKey>`
    select cl.relname as "table", a.attname as "column", rf.relname as "refTable"
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_class rf on rf.oid = c.confrelid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
    where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`.execute(db);
  return rows;
}

/** JSON-safe value: dates as ISO text, bytes as base64 (our schema uses neither, later modules might). */
export function jsonValue(v: unknown): unknown {
  if (v instanceof Date) {
    return v.toISOString();
  }
  if (Buffer.isBuffer(v)) {
    return { $base64: v.toString('base64') };
  }
  if (typeof v === 'bigint') {
    return v.toString();
  }
  return v;
}

export const jsonRow = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, jsonValue(v)]));

export const fromJsonValue = (v: unknown): unknown =>
  v && typeof v === 'object' && '$base64' in v
    ? Buffer.from(String((v as { $base64: string }).$base64), 'base64')
    : v;

const BATCH = 2000;

/** Every row of `table` in primary-key order, in batches (the caller's transaction keeps pages consistent). */
export async function* rowsOf(db: AnyKysely, table: TableInfo): AsyncGenerator<Record<string, unknown>[]> {
  const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
  for (let offset = 0; ; offset += BATCH) {
    let q = db.selectFrom(table.name).selectAll();
    for (const c of order) {
      q = q.orderBy(sql.ref(c));
    }
    const rows = await q.limit(BATCH).offset(offset).execute();
    if (rows.length === 0) {
      return;
    }
    yield rows.map(jsonRow);
    if (rows.length < BATCH) {
      return;
    }
  }
}

/** Running checksum of one table: SHA-256 over the canonical JSON of each row, one per line. */
export function tableHasher() {
  const hash = createHash('sha256');
  let rows = 0;
  return {
    add(row: Record<string, unknown>) {
      hash.update(canonicalJson(row)).update('\n');
      rows += 1;
    },
    done: () => ({ rows, sha256: hash.digest('hex') }),
  };
}

/** Kysely's record of applied migrations, oldest first (empty on a database never migrated). */
export async function appliedMigrations(db: AnyKysely): Promise<string[]> {
  if (!(await tableExists(db, 'kysely_migration'))) {
    return [];
  }
  const rows = await db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((r) => String(r.name));
}

export async function tableExists(db: AnyKysely, name: string): Promise<boolean> {
  const { rows } =
    kindOf(db) === 'sqlite'
      ? await sql<{
          n: number;
        }>`select count(*) as n from sqlite_master where type = 'table' and name = ${name}`.execute(db)
      : await sql<{
          n: number;
        }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = ${name}`.execute(
          db,
        );
  return Number(rows[0]?.n ?? 0) > 0;
}
