import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';

/**
 * A dashboard figure opens the list it counts: per unit, `GET /api/tasks?lead=…` (lead body only, the
 * dashboard's own rule) over the same committee, top-level tasks and assignment range gives the same
 * total, status by status — on the demo data, as the office chief and as the inspection role.
 */
describe('dashboard drill-down', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(new Date('2026-11-25T03:00:00Z')) });
  });
  afterAll(async () => t.cleanup());

  for (const user of ['chanhvp', 'kiemtra']) {
    it(`each unit's figures equal the list's totals (${user})`, async () => {
      const c = await t.login(user);
      for (const range of [{}, { from: '2026-01-01', to: '2026-10-31' }] as { from?: string; to?: string }[]) {
        const qs = new URLSearchParams(range as Record<string, string>).toString();
        const d = await c.get(`/api/tasks/dashboard${qs ? `?${qs}` : ''}`);
        expect(d.statusCode, d.body).toBe(200);
        const dash = d.json();
        expect(dash.units.length).toBeGreaterThan(0);
        let checked = 0;
        for (const u of dash.units) {
          const base = new URLSearchParams({ lead: u.key, assignerCommitteeId: String(dash.committeeId), topLevel: 'true', limit: '1' });
          if (range.from) {base.set('assignedFrom', range.from);}
          if (range.to) {base.set('assignedTo', range.to);}
          const all = await c.get(`/api/tasks?${base.toString()}`);
          expect(all.statusCode, all.body).toBe(200);
          expect(all.json().total, `${u.name} total`).toBe(u.total);
          for (const [status, n] of Object.entries(u.counts)) {
            const r = await c.get(`/api/tasks?${base.toString()}&status=${status}`);
            expect(r.json().total, `${u.name} ${status}`).toBe(n);
            checked += n as number;
          }
        }
        expect(checked).toBe(dash.units.reduce((s: number, u: { total: number }) => s + u.total, 0));
      }
    });
  }
});
