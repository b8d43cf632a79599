import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';

/**
 * Issue 4 acceptance: bad input — signing before approval, issuing twice, no recipients, a recipient
 * outside the directory, a secret document sent electronically, a draft that breaks the format — gets
 * a clear error naming the field and changes nothing. Also: who sees a draft, delegation, return and
 * resubmit, the secret stub on a networked profile.
 */
const CV = 24;
const TB = 12;
const letter = (over: Record<string, unknown> = {}) => ({
  issuerCommitteeId: 1,
  documentTypeId: CV,
  recipients: [{ committeeId: 3 }],
  content: { summary: 'V/v thử dữ liệu sai', body: 'Nội dung.', addressees: ['Đảng ủy xã Tân Phú'] },
  ...over,
});

describe('outgoing bad input and rules', () => {
  let t: TestApp;
  let chuyenvien: Client;
  let chanhvp: Client;
  let bithu: Client;
  let vanthu: Client;

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(new Date('2026-11-25T03:00:00Z')) });
    chuyenvien = await t.login('chuyenvien');
    chanhvp = await t.login('chanhvp');
    bithu = await t.login('bithu');
    vanthu = await t.login('vanthu');
  });
  afterAll(async () => t.cleanup());

  const count = async () => Number((await t.ctx.db.selectFrom('outgoing_documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audits = async () => Number((await t.ctx.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it.each([
    ['a recipient outside the directory', { recipients: [{ organizationId: 99_999 }] }, 'outgoing.unknown_recipient', 'recipients.0'],
    ['a body of this installation that does not exist', { recipients: [{ committeeId: 4242 }] }, 'outgoing.unknown_recipient', 'recipients.0'],
    ['the issuing body itself', { recipients: [{ committeeId: 1 }] }, 'outgoing.recipient_is_issuer', 'recipients.0'],
    ['the same recipient twice', { recipients: [{ committeeId: 3 }, { committeeId: 3 }] }, 'outgoing.duplicate_recipient', 'recipients.1'],
    ['an organization by liên thông', { recipients: [{ organizationId: 4, delivery: 'internal' }] }, 'outgoing.not_on_installation', 'recipients.0.delivery'],
    ['a Mật document sent electronically', { secrecy: 'confidential', paperLocation: 'Tủ mật', content: { summary: 'V/v mật', body: '', addressees: ['X'] }, recipients: [{ committeeId: 3, delivery: 'internal' }] }, 'outgoing.secret_electronic', 'recipients.0.delivery'],
    ['secret text on a networked deployment', { secrecy: 'confidential', paperLocation: 'Tủ mật', recipients: [{ organizationId: 4, delivery: 'paper' }] }, 'outgoing.secret_content_refused', 'content.body'],
    ['a secret stub without the paper’s place', { secrecy: 'confidential', content: { summary: 'V/v mật', body: '', addressees: ['X'] }, recipients: [{ organizationId: 4, delivery: 'paper' }] }, 'outgoing.paper_location_required', 'paperLocation'],
    ['above the drafter’s clearance', { secrecy: 'secret' }, 'outgoing.secrecy_above_clearance', 'secrecy'],
    ['an unknown document type', { documentTypeId: 9999 }, 'outgoing.unknown_type', 'documentTypeId'],
    ['a State type for a Party body', { documentTypeId: 40 }, 'outgoing.unknown_type', 'documentTypeId'],
  ])('refuses %s with a clear error and writes nothing', async (_name, over, code, field) => {
    const [docs, events] = [await count(), await audits()];
    const r = await chuyenvien.post('/api/outgoing', letter(over));
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.code).toBe(code);
    expect(r.json().error.details[0].path).toBe(field);
    expect([await count(), await audits()]).toEqual([docs, events]);
  });

  it('refuses to submit without recipients, and to sign before approval', async () => {
    const draft = (await chuyenvien.post('/api/outgoing', letter({ recipients: [] }))).json();
    const s = await chuyenvien.post(`/api/outgoing/${draft.id}/submit`, { version: draft.version });
    expect(s.statusCode).toBe(400);
    expect(s.json().error).toMatchObject({ code: 'outgoing.no_recipients', details: [{ path: 'recipients' }] });

    const ok = (await chuyenvien.post('/api/outgoing', letter())).json();
    const submitted = (await chuyenvien.post(`/api/outgoing/${ok.id}/submit`, { version: ok.version })).json();
    expect(submitted.status).toBe('in_review');
    const early = await bithu.post(`/api/outgoing/${ok.id}/sign`, { version: submitted.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('before every review step');
    expect((await chuyenvien.get(`/api/outgoing/${ok.id}`)).json()).toMatchObject({ status: 'in_review', version: submitted.version });
    // Nor can the clerk issue it.
    expect((await vanthu.post(`/api/outgoing/${ok.id}/issue`, { version: submitted.version })).statusCode).toBe(404);
  });

  it('the format checker stands before the signer: a công văn without "V/v" cannot reach bithu', async () => {
    const good = (await chuyenvien.post('/api/outgoing', letter())).json();
    expect(good.violations).toEqual([]); // the circuit's signer is printed before the draft is submitted
    const d = (await chuyenvien.post('/api/outgoing', letter({ content: { summary: 'Báo cáo tình hình', body: 'Nội dung', addressees: [] } }))).json();
    expect(d.violations.map((v: { code: string }) => v.code)).toContain('format.letter_addressees');
    expect(d.violations.map((v: { code: string }) => v.code)).not.toContain('format.signer_missing');
    const s = (await chuyenvien.post(`/api/outgoing/${d.id}/submit`, { version: d.version })).json();
    const a = await chanhvp.post(`/api/outgoing/${d.id}/approve`, { version: s.version, comment: '' });
    expect(a.statusCode).toBe(422);
    expect(a.json().error.code).toBe('outgoing.format_violations');
    expect(a.json().error.details.map((x: { code: string }) => x.code)).toContain('format.letter_addressees');
    expect((await chanhvp.get(`/api/outgoing/${d.id}`)).json().status).toBe('in_review');
  });

  it('a draft is seen by its drafter and its circuit only; others get 404 and do not count it', async () => {
    const d = (await chuyenvien.post('/api/outgoing', letter())).json();
    const luutru = await t.login('luutru');
    const kiemtra = await t.login('kiemtra');
    for (const c of [luutru, kiemtra, vanthu, bithu]) {
      expect((await c.get(`/api/outgoing/${d.id}`)).statusCode).toBe(404);
      expect((await c.get('/api/outgoing?limit=200')).json().items.map((i: { id: number }) => i.id)).not.toContain(d.id);
    }
    const s = (await chuyenvien.post(`/api/outgoing/${d.id}/submit`, { version: d.version })).json();
    expect((await chanhvp.get('/api/outgoing?box=review')).json().items.map((i: { id: number }) => i.id)).toContain(d.id);
    expect((await bithu.get(`/api/outgoing/${d.id}`)).statusCode).toBe(200); // the signer is in its circuit
    expect(s.status).toBe('in_review');
  });

  it('returns with a comment, the drafter edits (a new version) and resubmits; a delegate approves', async () => {
    const d = (await chuyenvien.post('/api/outgoing', letter())).json();
    let r = (await chuyenvien.post(`/api/outgoing/${d.id}/submit`, { version: d.version })).json();
    expect((await chanhvp.post(`/api/outgoing/${d.id}/return`, { version: r.version, comment: '' })).statusCode).toBe(400);
    r = (await chanhvp.post(`/api/outgoing/${d.id}/return`, { version: r.version, comment: 'Bổ sung thời hạn báo cáo' })).json();
    expect(r.status).toBe('returned');
    expect(r.comments.map((c: { body: string }) => c.body)).toContain('Bổ sung thời hạn báo cáo');
    r = (await chuyenvien.patch(`/api/outgoing/${d.id}`, { version: r.version, content: { ...letter().content, body: 'Báo cáo trước ngày 15/12/2026.' }, note: 'Bổ sung thời hạn' })).json();
    expect(r.versions).toHaveLength(2);
    r = (await chuyenvien.post(`/api/outgoing/${d.id}/submit`, { version: r.version })).json();
    expect(r.steps.filter((s: { round: number }) => s.round === 2)).toHaveLength(2);
    // chanhvp is away: he hands his steps to the deputy (Ngô Minh Dũng has no account; use luutru for the test).
    const luutruId = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'luutru').executeTakeFirstOrThrow()).id;
    const g = await chanhvp.post('/api/outgoing/delegations', { toUserId: luutruId, startsOn: '2026-11-25', endsOn: '2026-11-27', reason: 'Đi công tác' });
    expect(g.statusCode, g.body).toBe(201);
    const luutru = await t.login('luutru');
    const a = await luutru.post(`/api/outgoing/${d.id}/approve`, { version: r.version, comment: 'Đồng ý' });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().steps.find((s: { round: number; ordinal: number }) => s.round === 2 && s.ordinal === 1)).toMatchObject({ status: 'approved', comment: expect.stringContaining('thay') });
    expect(a.json().status).toBe('awaiting_signature');
  });

  it('a secret document on a networked deployment is issued as a stub: a number, no file, paper delivery', async () => {
    const d = (await chuyenvien.post('/api/outgoing', { issuerCommitteeId: 1, documentTypeId: TB, secrecy: 'confidential', paperLocation: 'Tủ tài liệu mật, phòng Văn thư', recipients: [{ organizationId: 5 }], content: { summary: 'Thông báo mật về công tác nhân sự', body: '' } })).json();
    expect(d.stub).toBe(true);
    expect(d.recipients[0].delivery).toBe('paper');
    let r = (await chuyenvien.post(`/api/outgoing/${d.id}/submit`, { version: d.version })).json();
    r = (await chanhvp.post(`/api/outgoing/${d.id}/approve`, { version: r.version, comment: '' })).json();
    r = (await bithu.post(`/api/outgoing/${d.id}/sign`, { version: r.version })).json();
    const issued = await vanthu.post(`/api/outgoing/${d.id}/issue`, { version: r.version });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ notation: expect.stringMatching(/-TB\/TU$/), pdfFileId: null });
    expect((await vanthu.get(`/api/outgoing/${d.id}/pdf`)).statusCode).toBe(404);
    expect((await vanthu.get(`/api/outgoing/${d.id}/edxml`)).statusCode).toBe(400);
  });
});
