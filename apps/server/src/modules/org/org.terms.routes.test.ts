import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { auditCount, auditEvents, DEMO, loginScopedUser } from './org.test-support.ts';

describe('terms (nhiệm kỳ) of a committee', () => {
  // 17:30 UTC on 16/10/2025 is already 00:30 on 17/10 in Hà Nội: the 17th term's first day.
  const clock = fixedClock('2025-10-16T17:30:00Z');
  let t: TestApp;
  let admin: Client;
  let communeAdmin: Client;
  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await t.login('admin');
    communeAdmin = await loginScopedUser(t, {
      username: 'quantrixa',
      committeeId: DEMO.tanPhu,
      role: 'admin',
    });
  });
  afterAll(async () => t.cleanup());

  it('the current term follows the Vietnamese calendar day, not the UTC one', async () => {
    const { terms } = (await admin.get(`/api/org/committees/${DEMO.province}`)).json();
    expect(terms.map((x: { ordinal: number; current: boolean }) => [x.ordinal, x.current])).toEqual([
      [16, false],
      [17, true],
    ]);
    clock.set('2025-10-16T16:30:00Z');
    const before = (await admin.get(`/api/org/committees/${DEMO.province}`)).json().terms;
    expect(before.map((x: { current: boolean }) => x.current)).toEqual([true, false]);
    clock.set('2025-10-16T17:30:00Z');
  });

  it('a term without startsOn starts the day after its congress closes, and the creation is audited', async () => {
    const r = await admin.post(`/api/org/committees/${DEMO.sonHa}/terms`, {
      ordinal: 1,
      label: 'Nhiệm kỳ 2020–2025',
      congressClosedOn: '2020-08-12',
      endsOn: '2025-06-30',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().term).toEqual({
      id: expect.any(Number),
      committeeId: DEMO.sonHa,
      ordinal: 1,
      label: 'Nhiệm kỳ 2020–2025',
      congressClosedOn: '2020-08-12',
      firstPlenumDuringCongressOn: null,
      startsOn: '2020-08-13',
      endsOn: '2025-06-30',
      current: false,
      abilities: { update: true },
    });
    const [ev] = await auditEvents(t, 'org.term_created', r.json().term.id);
    expect(ev?.details).toMatchObject({ committeeId: DEMO.sonHa, ordinal: 1, startsOn: '2020-08-13' });
  });

  it('a term whose first plenum met during the congress starts on that plenum’s opening day', async () => {
    const r = await admin.post(`/api/org/committees/${DEMO.sonHa}/terms`, {
      ordinal: 0 + 2,
      congressClosedOn: '2025-08-20',
      firstPlenumDuringCongressOn: '2025-08-19',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().term).toMatchObject({ startsOn: '2025-08-19', endsOn: null, current: true, label: '' });
  });

  it('two terms of one committee may not overlap, nor share an ordinal, and nothing is written', async () => {
    const before = await auditCount(t);
    const overlap = await admin.post(`/api/org/committees/${DEMO.province}/terms`, {
      ordinal: 18,
      startsOn: '2030-10-20',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({
      code: 'org.term_overlap',
      details: [{ path: 'startsOn', ordinal: 17 }],
    });
    const same = await admin.post(`/api/org/committees/${DEMO.province}/terms`, {
      ordinal: 17,
      startsOn: '2040-01-01',
    });
    expect(same.statusCode).toBe(409);
    expect(same.json().error).toMatchObject({
      code: 'org.term_ordinal_taken',
      details: [{ path: 'ordinal' }],
    });
    const misordered = await admin.post(`/api/org/committees/${DEMO.province}/terms`, {
      ordinal: 19,
      startsOn: '2001-01-01',
      endsOn: '2001-12-31',
    });
    expect(misordered.json().error.code).toBe('org.term_out_of_order');
    expect(await auditCount(t)).toBe(before);
  });

  it('inconsistent dates answer 400 naming the field', async () => {
    const noStart = await admin.post(`/api/org/committees/${DEMO.province}/terms`, { ordinal: 18 });
    expect(noStart.statusCode).toBe(400);
    expect(noStart.json().error).toMatchObject({ code: 'org.invalid_term', details: [{ path: 'startsOn' }] });
    const badDate = await admin.post(`/api/org/committees/${DEMO.province}/terms`, {
      ordinal: 18,
      startsOn: '20/10/2030',
    });
    expect(badDate.json().error).toMatchObject({
      code: 'validation.failed',
      details: [{ path: 'body.startsOn' }],
    });
    const backwards = await admin.post(`/api/org/committees/${DEMO.province}/terms`, {
      ordinal: 18,
      startsOn: '2030-10-20',
      endsOn: '2030-01-01',
    });
    expect(backwards.json().error).toMatchObject({ code: 'org.invalid_term', details: [{ path: 'endsOn' }] });
  });

  it('closing the current term makes room for the next one, which then becomes current on its first day', async () => {
    const closed = await admin.patch('/api/org/terms/2', { endsOn: '2030-10-19' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().term).toMatchObject({
      ordinal: 17,
      endsOn: '2030-10-19',
      startsOn: '2025-10-17',
      current: true,
    });
    const next = await admin.post(`/api/org/committees/${DEMO.province}/terms`, {
      ordinal: 18,
      label: 'Nhiệm kỳ 2030–2035',
      congressClosedOn: '2030-10-19',
    });
    expect(next.json().term).toMatchObject({ startsOn: '2030-10-20', current: false });
    // Five years later (a fresh login: the old session has long expired).
    clock.set('2030-10-19T17:00:00Z');
    const later = await t.login('admin');
    const terms = (await later.get(`/api/org/committees/${DEMO.province}`)).json().terms;
    expect(terms.map((x: { ordinal: number; current: boolean }) => [x.ordinal, x.current])).toEqual([
      [16, false],
      [17, false],
      [18, true],
    ]);
    clock.set('2025-10-16T17:30:00Z');
    admin = await t.login('admin');
    const [ev] = await auditEvents(t, 'org.term_updated', 2);
    expect(ev?.details).toEqual({ changes: { endsOn: '2030-10-19' } });
  });

  it('correcting the congress date moves a computed start with it; an edit that would overlap is refused', async () => {
    const r = await admin.patch('/api/org/terms/1', { congressClosedOn: '2020-10-16' });
    expect(r.json().term).toMatchObject({ congressClosedOn: '2020-10-16', startsOn: '2020-10-17' });
    const overlap = await admin.patch('/api/org/terms/1', { endsOn: '2025-10-20' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.code).toBe('org.term_overlap');
  });

  it('a commune office manages its own terms, reads the province’s, and cannot see another commune’s', async () => {
    const own = (await communeAdmin.get(`/api/org/committees/${DEMO.tanPhu}`)).json().terms;
    expect(own).toHaveLength(1);
    expect(
      (await communeAdmin.patch(`/api/org/terms/${own[0].id}`, { label: 'Nhiệm kỳ I (2025–2030)' }))
        .statusCode,
    ).toBe(200);
    const province = (await communeAdmin.get(`/api/org/committees/${DEMO.province}`)).json().terms;
    expect(province[0].abilities.update).toBe(false);
    expect((await communeAdmin.patch(`/api/org/terms/${province[0].id}`, { label: 'x' })).statusCode).toBe(
      403,
    );
    const sibling = (await admin.get(`/api/org/committees/${DEMO.dongThanh}`)).json().terms[0];
    const hidden = await communeAdmin.patch(`/api/org/terms/${sibling.id}`, { label: 'x' });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('org.term_not_found');
    expect(
      (
        await communeAdmin.post(`/api/org/committees/${DEMO.dongThanh}/terms`, {
          ordinal: 2,
          startsOn: '2030-01-01',
        })
      ).statusCode,
    ).toBe(404);
  });
});
