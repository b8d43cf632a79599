import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { appendRecords, clearIndex } from './search.index.ts';
import { searchSources } from './search.registry.ts';

export interface RebuildResult {
  indexed: Record<string, number>;
  seconds: number;
  perSecond: number;
}

/** The GIN index of the postings (migration 0010), dropped during a PostgreSQL rebuild. */
const GIN = sql`create index if not exists search_entries_vector on search_entries using gin (search_vector)`;

/**
 * Rebuilds the whole index from the modules' tables: empties it, then adds every record in batches,
 * one transaction per batch (a crash leaves a partial index that the next rebuild replaces; searches
 * meanwhile see fewer results, never wrong ones). SQLite's FTS5 segments are merged at the end, and
 * both engines' statistics refreshed (the plans depend on them: SQLite planned the rebuild's own lookups
 * with the statistics of an empty index). On PostgreSQL the postings' GIN index is dropped for the load
 * and built once at the end (2,291 → 3,157 records/s at 1M: docs/benchmarks.md, Search); text searches
 * during a rebuild then walk without it (slower, still right), and it is built again even when the
 * rebuild fails (after a crash, by the next rebuild).
 */
export async function rebuildSearchIndex(
  ctx: Pick<AppContext, 'db' | 'dialect' | 'clock'>,
  audit: AuditContext,
  { batch = 2_000, onProgress }: { batch?: number; onProgress?: (kind: string, done: number) => void } = {},
): Promise<RebuildResult> {
  const started = performance.now();
  const pg = ctx.dialect.kind === 'postgres';
  await ctx.db.transaction().execute(async (trx) => {
    await clearIndex(trx, ctx.dialect);
    if (pg) {
      await sql`drop index if exists search_entries_vector`.execute(trx);
    }
    await recordAudit({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: audit }, { action: 'search.rebuild_started', entityType: 'search' });
  });
  const indexed: Record<string, number> = {};
  try {
    for (const source of searchSources()) {
      let after = 0;
      let done = 0;
      for (;;) {
        const ids = await source.idsAfter(ctx.db, after, batch);
        if (ids.length === 0) {
          break;
        }
        done += await ctx.db.transaction().execute((trx) => appendRecords(trx, ctx.dialect, source.kind, ids, ctx.clock.now()));
        after = ids[ids.length - 1]!;
        onProgress?.(source.kind, done);
      }
      indexed[source.kind] = done;
    }
  } finally {
    if (pg) {
      await ctx.db.transaction().execute(async (trx) => {
        await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
        await GIN.execute(trx);
      });
    }
  }
  if (pg) {
    await sql`analyze search_entries`.execute(ctx.db);
  } else {
    await sql`insert into search_fts (search_fts) values ('optimize')`.execute(ctx.db);
    await sql`analyze search_entries`.execute(ctx.db);
  }
  const seconds = (performance.now() - started) / 1000;
  const total = Object.values(indexed).reduce((a, b) => a + b, 0);
  await ctx.db.transaction().execute((trx) =>
    recordAudit({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: audit }, { action: 'search.rebuilt', entityType: 'search', details: { indexed, seconds: Math.round(seconds) } }),
  );
  return { indexed, seconds, perSecond: seconds > 0 ? total / seconds : total };
}
