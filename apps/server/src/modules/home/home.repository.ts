import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database>;

export interface OrgCounts {
  committees: number;
  agencies: number;
  people: number;
  users: number;
}

/**
 * Active committees, agencies, people and enabled accounts within a scope (`null` = everything).
 * Inactive rows (e.g. the district committees dissolved in 2025) are history, not today's organisation.
 */
export async function countOrganisation(db: Db, scopeIds: number[] | null): Promise<OrgCounts> {
  const ids = scopeIds === null ? null : scopeIds.length > 0 ? scopeIds : [-1];
  let committees = db.selectFrom('committees').where('active', '=', 1);
  let agencies = db.selectFrom('agencies').where('active', '=', 1);
  let people = db.selectFrom('people').where('active', '=', 1);
  let users = db.selectFrom('users').where('disabled', '=', 0);
  if (ids !== null) {
    committees = committees.where('id', 'in', ids);
    agencies = agencies.where('committee_id', 'in', ids);
    people = people.where('committee_id', 'in', ids);
    users = users.where('scope_committee_id', 'in', ids);
  }
  const [c, a, p, u] = await Promise.all([
    committees.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    agencies.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    people.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    users.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { committees: Number(c.n), agencies: Number(a.n), people: Number(p.n), users: Number(u.n) };
}

/** Background jobs waiting and jobs that gave up after their last attempt (operators watch the latter). */
export async function countJobs(db: Db): Promise<{ queued: number; failed: number }> {
  const rows = await db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['queued', 'failed'])
    .groupBy('status')
    .execute();
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { queued: of('queued'), failed: of('failed') };
}
