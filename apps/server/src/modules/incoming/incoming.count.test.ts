import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DB, type TestContext } from '../../../test/test-context.ts';
import { countWithin } from './incoming.list.repository.ts';

/** The list's count has a time budget on PostgreSQL: past it the list answers an estimate instead of waiting. */
describe(`a count within a time budget on ${TEST_DB}`, () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => t.cleanup());

  it('answers the count when it is quick', async () => {
    const n = await countWithin(t.ctx.db, t.ctx.dialect, 5_000, (db) =>
      db.selectFrom('incoming_documents').select((eb) => eb.fn.countAll<number>().as('n')),
    );
    expect(n).toBe(0);
  });

  it.runIf(TEST_DB === 'postgres')('answers null when the count outlives its budget, and leaves the connection usable', async () => {
    const slow = await countWithin(t.ctx.db, t.ctx.dialect, 20, (db) =>
      db.selectNoFrom(sql<number>`(select count(*) from pg_sleep(0.3))`.as('n')),
    );
    expect(slow).toBeNull();
    // The timeout was local to the count's transaction: the next statement on the pool runs unbounded.
    const r = await sql<{ n: number }>`select count(*)::int as n from pg_sleep(0.05)`.execute(t.ctx.db);
    expect(r.rows[0]!.n).toBe(1);
  });
});
