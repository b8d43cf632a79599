/**
 * Benchmark of the week and month views with ten years of demo-scale schedule data (issue 6 acceptance):
 * every committee of the demo with 15 events a week for 10 years (2 leaders each, a room on a third of
 * them), every week published. Measures p50/p95 of GET /api/schedule/weeks/:w (reader and working copy)
 * and GET /api/schedule/months/:m over random weeks and months.
 *
 *   npx tsx apps/server/src/modules/schedule/schedule.bench.ts            # SQLite
 *   TEST_DB=postgres npx tsx apps/server/src/modules/schedule/schedule.bench.ts
 */
import { createTestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { isoWeekOfInstant, weekRange } from './schedule.models.ts';

const YEARS = 10;
const PER_WEEK = 15;

function p(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

async function main() {
  const t = await createTestApp({ clock: fixedClock(new Date('2026-11-25T03:00:00Z')) });
  const db = t.ctx.db;
  const committees = (await db.selectFrom('committees').select('id').execute()).map((c) => c.id);
  const people = new Map<number, number[]>();
  for (const c of committees) {
    const ps = (await db.selectFrom('people').select('id').where('committee_id', '=', c).execute()).map((x) => x.id);
    people.set(c, ps.length ? ps : [1]);
  }
  const rooms = new Map<number, number>();
  for (const c of committees) {
    const r = await db.insertInto('resources').values({ committee_id: c, kind: 'room', name: `Phòng bench ${c}`, note: '', active: 1 }).returning('id').executeTakeFirstOrThrow();
    rooms.set(c, r.id);
  }
  const started = Date.now();
  const firstMonday = Date.parse(`${weekRange('2017-W01')!.startsOn}T00:00:00+07:00`);
  const weeks = YEARS * 52;
  let n = 0;
  for (const c of committees) {
    const ps = people.get(c)!;
    for (let w0 = 0; w0 < weeks; w0 += 26) {
      await t.ctx.db.transaction().execute(async (trx) => {
        const rows = [];
        for (let w = w0; w < Math.min(weeks, w0 + 26); w++) {
          for (let i = 0; i < PER_WEEK; i++) {
            const start = firstMonday + w * 7 * 86_400_000 + (i % 5) * 86_400_000 + (i < 5 ? 1 : i < 10 ? 3 : 7) * 3600_000 + 7 * 3600_000;
            const s = new Date(start).toISOString();
            rows.push({
              committee_id: c,
              iso_week: isoWeekOfInstant(s),
              starts_at: s,
              ends_at: new Date(start + 2 * 3600_000).toISOString(),
              content: `Sự kiện ${w}-${i}: làm việc với các ban, ngành về tình hình thực hiện nhiệm vụ`,
              place: 'Phòng họp',
              preparing_key: null,
              participants: 'Theo giấy mời',
              notes: '',
              meeting_id: null,
              cancelled: 0,
              changed_after_publish: 0,
              created_by: null,
              created_at: s,
              updated_at: s,
              version: 1,
            });
          }
        }
        const ids: number[] = [];
        for (let k = 0; k < rows.length; k += 100) {
          ids.push(...(await trx.insertInto('schedule_events').values(rows.slice(k, k + 100)).returning('id').execute()).map((r) => r.id));
        }
        const leaders = ids.flatMap((id, k) => [...new Set([ps[k % ps.length]!, ps[(k + 1) % ps.length]!])].map((p) => ({ event_id: id, person_id: p })));
        for (let k = 0; k < leaders.length; k += 300) {
          await trx.insertInto('schedule_event_leaders').values(leaders.slice(k, k + 300)).execute();
        }
        const res = ids.filter((_, k) => k % 3 === 0).map((id) => ({ event_id: id, resource_id: rooms.get(c)! }));
        for (let k = 0; k < res.length; k += 300) {
          await trx.insertInto('schedule_event_resources').values(res.slice(k, k + 300)).execute();
        }
        n += ids.length;
      });
    }
    const wk = new Set<string>();
    for (let w = 0; w < weeks; w++) {
      wk.add(isoWeekOfInstant(new Date(firstMonday + w * 7 * 86_400_000 + 86_400_000)));
    }
    const existing = new Set((await db.selectFrom('schedule_weeks').select('iso_week').where('committee_id', '=', c).execute()).map((r) => r.iso_week));
    const weekRows = [...wk].filter((w) => !existing.has(w)).map((w) => ({ committee_id: c, iso_week: w, status: 'published', revision: 1, published_at: '2026-01-01T00:00:00.000Z', published_by: null }));
    for (let k = 0; k < weekRows.length; k += 200) {
      await db.insertInto('schedule_weeks').values(weekRows.slice(k, k + 200)).execute();
    }
  }
  process.stdout.write(`${t.ctx.dialect.kind}: ${n} events in ${committees.length} committees loaded in ${((Date.now() - started) / 1000).toFixed(1)} s` + '\n');

  const chanhvp = await t.login('chanhvp');
  const bithu = await t.login('bithu');
  const measure = async (label: string, urls: string[], client: typeof bithu) => {
    const times: number[] = [];
    for (const u of urls) {
      const t0 = performance.now();
      const r = await client.get(u);
      times.push(performance.now() - t0);
      if (r.statusCode !== 200) {
        throw new Error(`${u} → ${r.statusCode} ${r.body.slice(0, 200)}`);
      }
    }
    process.stdout.write(`${label}: n=${times.length} p50=${p(times, 0.5).toFixed(1)} ms p95=${p(times, 0.95).toFixed(1)} ms max=${Math.max(...times).toFixed(1)} ms` + '\n');
  };
  const randomWeeks = Array.from({ length: 200 }, (_, k) => isoWeekOfInstant(new Date(firstMonday + ((k * 37) % weeks) * 7 * 86_400_000 + 86_400_000)));
  const randomMonths = Array.from({ length: 100 }, (_, k) => `${2017 + (k % YEARS)}-${String((k % 12) + 1).padStart(2, '0')}`);
  await measure('week (reader, published)', randomWeeks.map((w) => `/api/schedule/weeks/${w}`), bithu);
  await measure('week (working copy, draft=true)', randomWeeks.map((w) => `/api/schedule/weeks/${w}?draft=true`), chanhvp);
  await measure('month (reader)', randomMonths.map((m) => `/api/schedule/months/${m}`), bithu);
  await measure('print.pdf (reader)', randomWeeks.slice(0, 30).map((w) => `/api/schedule/weeks/${w}/print.pdf`), bithu);
  await t.cleanup();
}

await main();
