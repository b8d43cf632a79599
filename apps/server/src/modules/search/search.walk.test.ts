import type { SearchResult } from '@vanphong/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { TEST_DB } from '../../../test/test-context.ts';
import { fixedClock } from '../../platform/clock.ts';
import { walkTuning } from './search.query.ts';

const NOW = new Date('2026-11-25T03:00:00Z');
const DEFAULTS = { ...walkTuning };

/**
 * The walk in chunks (search.query.ts `walk`): continuing from where a chunk stopped, over every kind at
 * once, gives exactly the matches one long walk gives; stopping early on the budget counts, facets and
 * pages over the same (fewer) matches and says there are more.
 */
describe(`the search walk in chunks on ${TEST_DB}`, () => {
  let t: TestApp;
  const clients: Record<string, Client> = {};

  const search = async (c: Client, params: Record<string, string | number>) => {
    const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
    const r = await c.get(`/api/search?${qs}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as SearchResult;
  };
  const keys = (r: SearchResult) => r.items.map((i) => `${i.kind}:${i.id}`);

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(NOW) });
    for (const u of ['admin', 'vanthu', 'chuyenvien']) {
      clients[u] = await t.login(u);
    }
    // Outgoing drafts of chuyenvien beside the incoming documents she may see: the walk merges two kinds.
    for (const [i, summary] of ['Về công tác văn thư năm 2026', 'Báo cáo công tác lưu trữ', 'Công tác đảng viên mới'].entries()) {
      const r = await clients.chuyenvien!.post('/api/outgoing', {
        issuerCommitteeId: 1,
        documentTypeId: 24,
        recipients: [{ committeeId: 3 }],
        content: { summary, body: `Văn bản số ${i + 1} về công tác.` },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
  });
  afterEach(() => Object.assign(walkTuning, DEFAULTS));
  afterAll(async () => t.cleanup());

  it('gives the same matches, counts and facets in chunks as in one walk', async () => {
    let compared = 0;
    for (const u of ['admin', 'vanthu', 'chuyenvien']) {
      for (const q of ['cong tac', 'van ban', '']) {
        for (const sort of ['date_desc', 'date_asc', 'relevance']) {
          Object.assign(walkTuning, { first: 1_000, budgetMs: DEFAULTS.budgetMs });
          const whole = await search(clients[u]!, { q, sort, limit: 50 });
          // Pages of 5 with a first chunk of one row: the walk continues in chunks 5, 10, 20…
          Object.assign(walkTuning, { first: 1, budgetMs: Number.POSITIVE_INFINITY });
          for (let offset = 0; offset < whole.items.length; offset += 5) {
            const chunked = await search(clients[u]!, { q, sort, limit: 5, offset });
            expect(keys(chunked), `${u} "${q}" ${sort} from ${offset}`).toEqual(keys(whole).slice(offset, offset + 5));
            expect(chunked.total).toBe(whole.total);
            expect(chunked.totalCapped).toBe(false);
            expect(chunked.cap).toBe(whole.cap);
            expect(chunked.facets).toEqual(whole.facets);
            compared += chunked.items.length;
          }
        }
      }
    }
    // Not vacuous: several kinds were merged for the specialist.
    const mine = new Set((await search(clients.chuyenvien!, { q: 'cong tac', limit: 50 })).items.map((i) => i.kind));
    expect(mine.has('incoming') && mine.has('outgoing')).toBe(true);
    expect(compared).toBeGreaterThan(100);
  });

  it('stops at the page when out of budget: counts, facets and items over those matches, "more than {cap}"', async () => {
    const whole = await search(clients.vanthu!, { q: 'cong tac', sort: 'date_desc', limit: 50 });
    expect(whole.total).toBeGreaterThan(3);
    Object.assign(walkTuning, { first: 1, budgetMs: -1 });
    const page = await search(clients.vanthu!, { q: 'cong tac', sort: 'date_desc', limit: 2 });
    expect(page.total).toBe(2);
    expect(page.cap).toBe(2);
    expect(page.totalCapped).toBe(true);
    expect(keys(page)).toEqual(keys(whole).slice(0, 2));
    expect(page.facets.kind.reduce((a, f) => a + f.count, 0)).toBe(2);
    expect(page.facets.status.reduce((a, f) => a + f.count, 0)).toBe(2);
    // The second page walks as far as it needs.
    const second = await search(clients.vanthu!, { q: 'cong tac', sort: 'date_desc', limit: 2, offset: 2 });
    expect(second.cap).toBe(4);
    expect(keys(second)).toEqual(keys(whole).slice(2, 4));
    // Everything fits: nothing is said to be capped.
    const few = await search(clients.vanthu!, { q: 'cong tac', sort: 'date_desc', limit: 50 });
    expect(few.totalCapped).toBe(false);
    expect(few.total).toBe(whole.total);
  });

  it('a rebuild batch replaces only its own records inside its id range', async () => {
    const { appendRecords } = await import('./search.index.ts');
    const incoming = await t.ctx.db.selectFrom('search_entries').select(['ref_id', 'id']).where('kind', '=', 'incoming').orderBy('ref_id').execute();
    expect(incoming.length).toBeGreaterThan(3);
    const [first, , , last] = incoming;
    const between = incoming.slice(1, 3);
    await t.ctx.db.transaction().execute((trx) => appendRecords(trx, t.ctx.dialect, 'incoming', [first!.ref_id, last!.ref_id]));
    const after = await t.ctx.db.selectFrom('search_entries').select(['ref_id', 'id']).where('kind', '=', 'incoming').orderBy('ref_id').execute();
    expect(after.map((r) => r.ref_id)).toEqual(incoming.map((r) => r.ref_id));
    // The records between the two were not touched (same rows), the two were written again.
    for (const b of between) {
      expect(after.find((r) => r.ref_id === b.ref_id)?.id).toEqual(b.id);
    }
  });
});
