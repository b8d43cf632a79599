import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { committeeLineageIds, committeeSubtreeIds } from './org.scope.ts';
import { auditEvents, DEMO } from './org.test-support.ts';

const ROUNDS = 8;

describe('the committee tree under concurrent moves', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t.cleanup());

  const createDirect = async (name: string): Promise<number> => {
    const r = await admin.post('/api/org/committees', {
      parentId: DEMO.province,
      levelCode: 'direct',
      name,
      superiorLine: 'ĐẢNG BỘ TỈNH HỒNG LAM',
      placeName: 'Hồng Lam',
      abbreviation: 'ĐU',
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().committee.id;
  };

  it('two simultaneous moves that would put each committee under the other: one succeeds, the other answers 409 org.cycle', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const a = await createDirect(`Đảng ủy Khối A${i}`);
      const b = await createDirect(`Đảng ủy Khối B${i}`);
      const [ra, rb] = await Promise.all([
        admin.patch(`/api/org/committees/${a}`, { parentId: b, levelCode: 'commune' }),
        admin.patch(`/api/org/committees/${b}`, { parentId: a, levelCode: 'commune' }),
      ]);
      const outcome = [ra, rb].map((r) =>
        r.statusCode === 200 ? 200 : `${r.statusCode} ${r.json().error.code}`,
      );
      expect(outcome.sort((x, y) => String(x).localeCompare(String(y)))).toEqual([200, '409 org.cycle']);
      // The tree is still a tree: both committees reach the province.
      expect((await committeeLineageIds(t.ctx.db, a)).at(-1)).toBe(DEMO.province);
      expect((await committeeLineageIds(t.ctx.db, b)).at(-1)).toBe(DEMO.province);
      // Only the accepted move is in the audit trail.
      const moves = [
        ...(await auditEvents(t, 'org.committee_updated', a)),
        ...(await auditEvents(t, 'org.committee_updated', b)),
      ];
      expect(moves).toHaveLength(1);
    }
  });

  it('walking up or down a tree that a damaged database left with a cycle still ends', async () => {
    const a = await createDirect('Đảng ủy Khối vòng A');
    const b = await createDirect('Đảng ủy Khối vòng B');
    // Written past the use cases on purpose: the walks must not loop even on data they never produce.
    await t.ctx.db.updateTable('committees').set({ parent_id: b }).where('id', '=', a).execute();
    await t.ctx.db.updateTable('committees').set({ parent_id: a }).where('id', '=', b).execute();
    try {
      expect(await committeeLineageIds(t.ctx.db, a)).toEqual([a, b]);
      expect((await committeeSubtreeIds(t.ctx.db, a)).sort((x, y) => x - y)).toEqual(
        [a, b].sort((x, y) => x - y),
      );
    } finally {
      await t.ctx.db
        .updateTable('committees')
        .set({ parent_id: DEMO.province })
        .where('id', 'in', [a, b])
        .execute();
    }
    expect(await committeeLineageIds(t.ctx.db, a)).toEqual([a, DEMO.province]);
  });
});
