import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { ProgrammeRow } from './programmes.usecases.ts';

type Db = Kysely<Database>;

export interface ProgrammeCounts {
  planned: number;
  prepared: number;
  presented: number;
  postponed: number;
  dropped: number;
  total: number;
  slipped: number;
}

/**
 * Items of each programme counted by status and slipped, in one GROUP BY over the items of the given
 * programmes (index programme_items_programme). "Slipped" is the rule of programmes.models.ts isSlipped
 * as SQL: dates are ISO text on both engines, so text comparison is date comparison.
 */
export async function countsOf(db: Db, programmeIds: number[], today: string): Promise<Map<number, ProgrammeCounts>> {
  const out = new Map<number, ProgrammeCounts>();
  if (programmeIds.length === 0) {
    return out;
  }
  const month = today.slice(0, 7);
  const count = (status: string) => sql<number>`sum(case when programme_items.status = ${status} then 1 else 0 end)`;
  const rows = await db
    .selectFrom('programme_items')
    .where('programme_id', 'in', programmeIds)
    .groupBy('programme_id')
    .select([
      'programme_id',
      count('planned').as('planned'),
      count('prepared').as('prepared'),
      count('presented').as('presented'),
      count('postponed').as('postponed'),
      count('dropped').as('dropped'),
      sql<number>`count(*)`.as('total'),
      sql<number>`sum(case when programme_items.status in ('planned', 'prepared') and ((programme_items.planned_on is not null and programme_items.planned_on < ${today}) or (programme_items.planned_on is null and programme_items.planned_month < ${month})) then 1 else 0 end)`.as(
        'slipped',
      ),
    ])
    .execute();
  for (const r of rows) {
    out.set(r.programme_id, {
      planned: Number(r.planned),
      prepared: Number(r.prepared),
      presented: Number(r.presented),
      postponed: Number(r.postponed),
      dropped: Number(r.dropped),
      total: Number(r.total),
      slipped: Number(r.slipped),
    });
  }
  return out;
}

/** The committee's programmes of a year, with the term programmes whose term covers part of it. */
export async function programmesOfYear(db: Db, committeeId: number, year: number): Promise<ProgrammeRow[]> {
  return db
    .selectFrom('programmes')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .where((eb) =>
      eb.or([
        eb('year', '=', year),
        eb.and([eb('period', '=', 'term'), eb('starts_on', '<=', `${year}-12-31`), eb('ends_on', '>=', `${year}-01-01`)]),
      ]),
    )
    .execute();
}

export async function itemsOf(db: Db, programmeId: number) {
  return db.selectFrom('programme_items').selectAll().where('programme_id', '=', programmeId).orderBy('sort').orderBy('id').execute();
}

export async function eventsOf(db: Db, itemIds: number[]) {
  if (itemIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('programme_item_events')
    .leftJoin('users', 'users.id', 'programme_item_events.actor_id')
    .select(['programme_item_events.id', 'programme_item_events.item_id', 'programme_item_events.at', 'programme_item_events.action', 'programme_item_events.details', 'users.display_name'])
    .where('programme_item_events.item_id', 'in', itemIds)
    .orderBy('programme_item_events.id')
    .execute();
}
