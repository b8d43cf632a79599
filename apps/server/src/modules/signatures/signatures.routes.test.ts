import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../test/http.ts';
import { TEST_DB } from '../../../test/test-context.ts';
import { samples } from '../../platform/files/files.fixtures.ts';
import { signPdf } from './signatures.sign.ts';
import { createSignaturesTestApp, foreignIdentity, makePdf, multipartBody } from './signatures.test-support.ts';

/**
 * The HTTP side: `POST /api/signatures/verify` (any logged-in user, stores nothing), the trusted list
 * (settings.view / settings.manage) and the upload of a body's PKCS#12, each mutation audited.
 */
describe(`signature routes on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: Client;
  let vanthu: Client;
  let body: { committeeId: number; agencyId: number; name: string };
  const at = new Date('2027-03-05T02:30:00Z');

  beforeAll(async () => {
    t = await createSignaturesTestApp();
    admin = await t.login('admin');
    vanthu = await t.login('vanthu');
    const a = await t.ctx.db.selectFrom('agencies').selectAll().where('abbreviation', '=', 'VPTU').executeTakeFirstOrThrow();
    body = { committeeId: a.committee_id, agencyId: a.id, name: a.name };
  });
  afterAll(async () => t.cleanup());

  const send = (c: Client, method: 'POST' | 'PUT', url: string, form: ReturnType<typeof multipartBody>) =>
    t.app.inject({ method, url, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': form.contentType }, payload: form.payload });
  const verify = (c: Client, bytes: Buffer, contentType = 'application/pdf', filename = 'van-ban.pdf') =>
    send(c, 'POST', '/api/signatures/verify', multipartBody({}, [{ field: 'file', filename, bytes, contentType }]));
  const sign = async () =>
    signPdf(t.ctx, { issuer: body, pdf: await makePdf(1), signerName: 'Nguyễn Văn Thành', bodyName: body.name, at });
  const audits = (action: string) => t.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();

  it('any logged-in user verifies a signed PDF: valid and trusted; the file is not stored', async () => {
    const signed = await sign();
    const filesBefore = await t.ctx.db.selectFrom('files').select('id').execute();
    const r = await verify(vanthu, signed);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ valid: true, trusted: true, signers: [{ name: 'Văn phòng Tỉnh ủy', intact: true, coversWholeFile: true, trusted: true }] });
    expect(await t.ctx.db.selectFrom('files').select('id').execute()).toEqual(filesBefore);
  });

  it('an unsigned PDF answers valid false with no signer; a non-PDF, a missing file and no session are refused', async () => {
    const unsigned = await verify(vanthu, await makePdf(1));
    expect(unsigned.statusCode).toBe(200);
    expect(unsigned.json()).toEqual({ valid: false, trusted: false, signers: [], message: 'Tệp không có chữ ký số.' });
    const png = await verify(vanthu, samples.png(), 'image/png', 'anh.png');
    expect(png.statusCode).toBe(400);
    expect(png.json().error).toMatchObject({ code: 'signatures.not_pdf', details: [{ path: 'file' }] });
    const none = await send(vanthu, 'POST', '/api/signatures/verify', multipartBody({ note: 'x' }, []));
    expect(none.statusCode).toBe(400);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/signatures/verify', headers: { 'content-type': multipartBody({}, []).contentType }, payload: multipartBody({}, []).payload });
    expect(anonymous.statusCode).toBe(401);
  });

  it('a foreign CA: untrusted until the admin adds it to the list, untrusted again once deactivated', async () => {
    const foreign = await foreignIdentity();
    const up = await send(
      admin,
      'PUT',
      '/api/signatures/identities',
      multipartBody({ committeeId: String(body.committeeId), agencyId: String(body.agencyId), password: foreign.password }, [
        { field: 'p12', filename: 'bac-son.p12', bytes: foreign.p12, contentType: 'application/x-pkcs12' },
      ]),
    );
    expect(up.statusCode).toBe(200);
    expect(up.json().identity).toMatchObject({ issuerKey: `c${body.committeeId}-a${body.agencyId}`, source: 'uploaded', trusted: false, bodyName: body.name });
    expect(await audits('signatures.identity_uploaded')).toHaveLength(1);

    const signed = await sign();
    expect((await verify(vanthu, signed)).json()).toMatchObject({ valid: true, trusted: false, signers: [{ name: 'Sở Nội vụ tỉnh Bắc Sơn', trusted: false }] });

    const added = await admin.post('/api/signatures/trusted', { pem: foreign.caPem, note: 'CA tỉnh Bắc Sơn' });
    expect(added.statusCode).toBe(201);
    const cert = added.json().certificate;
    expect(cert).toMatchObject({ subject: 'CN=CA thử nghiệm Bắc Sơn, O=Bắc Sơn, C=VN', active: true, note: 'CA tỉnh Bắc Sơn' });
    expect((await verify(vanthu, signed)).json()).toMatchObject({ valid: true, trusted: true });
    const listed = (await admin.get('/api/signatures/identities')).json();
    expect(listed.items.find((i: { agencyId: number | null }) => i.agencyId === body.agencyId)).toMatchObject({ trusted: true });

    expect((await admin.post('/api/signatures/trusted', { pem: foreign.caPem })).statusCode).toBe(409);
    const off = await admin.del(`/api/signatures/trusted/${cert.id}`);
    expect(off.statusCode).toBe(200);
    expect(off.json().certificate.active).toBe(false);
    expect((await verify(vanthu, signed)).json()).toMatchObject({ valid: true, trusted: false });
    const again = await admin.post('/api/signatures/trusted', { pem: foreign.caPem });
    expect(again.statusCode).toBe(200);
    expect(again.json().certificate.active).toBe(true);

    expect(await audits('signatures.trusted_added')).toHaveLength(1);
    expect(await audits('signatures.trusted_deactivated')).toHaveLength(1);
    expect(await audits('signatures.trusted_reactivated')).toHaveLength(1);
  });

  it('the trusted list: a text that is not a certificate is refused naming the field; only settings.manage changes it', async () => {
    const bad = await admin.post('/api/signatures/trusted', { pem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'signatures.bad_certificate', details: [{ path: 'pem' }] });
    const prose = await admin.post('/api/signatures/trusted', { pem: 'không phải chứng thư' });
    expect(prose.json().error).toMatchObject({ code: 'signatures.bad_certificate', details: [{ path: 'pem' }] });
    expect((await admin.post('/api/signatures/trusted', { pem: 'x', extra: 1 })).statusCode).toBe(400);
    const list = await admin.get('/api/signatures/trusted');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.some((c: { subject: string }) => c.subject.startsWith('CN=vanphong development CA — '))).toBe(true);
    expect((await vanthu.post('/api/signatures/trusted', { pem: (await foreignIdentity()).caPem })).statusCode).toBe(403);
    expect((await vanthu.del('/api/signatures/trusted/1')).statusCode).toBe(403);
    expect((await admin.del('/api/signatures/trusted/999999')).statusCode).toBe(404);
  });

  it('uploading a PKCS#12: a wrong password is signatures.bad_p12 and changes nothing; the clerk may not upload', async () => {
    const foreign = await foreignIdentity();
    const before = await t.ctx.db.selectFrom('signing_identities').select(['issuer_key', 'fingerprint', 'updated_at']).orderBy('id').execute();
    const form = (password: string) =>
      multipartBody({ committeeId: String(body.committeeId), agencyId: '', password }, [
        { field: 'p12', filename: 'tinh-uy.p12', bytes: foreign.p12, contentType: 'application/x-pkcs12' },
      ]);
    const wrong = await send(admin, 'PUT', '/api/signatures/identities', form('sai'));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'signatures.bad_p12', details: [{ path: 'p12' }] });
    expect((await send(vanthu, 'PUT', '/api/signatures/identities', form(foreign.password))).statusCode).toBe(403);
    const noFile = await send(admin, 'PUT', '/api/signatures/identities', multipartBody({ committeeId: String(body.committeeId), password: 'x' }, []));
    expect(noFile.statusCode).toBe(400);
    const unknownBody = await send(
      admin,
      'PUT',
      '/api/signatures/identities',
      multipartBody({ committeeId: '999999', password: foreign.password }, [{ field: 'p12', filename: 'x.p12', bytes: foreign.p12, contentType: 'application/x-pkcs12' }]),
    );
    expect(unknownBody.statusCode).toBe(404);
    expect(await t.ctx.db.selectFrom('signing_identities').select(['issuer_key', 'fingerprint', 'updated_at']).orderBy('id').execute()).toEqual(before);
    const ok = await send(admin, 'PUT', '/api/signatures/identities', form(foreign.password));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().identity).toMatchObject({ agencyId: null, source: 'uploaded' });
  });

  it('the identities list shows every body, with or without a certificate yet, and the development CA', async () => {
    const r = await admin.get('/api/signatures/identities');
    expect(r.statusCode).toBe(200);
    const { items, developmentCa } = r.json();
    expect(developmentCa.subject).toMatch(/^CN=vanphong development CA — /);
    expect(items.length).toBeGreaterThan(2);
    expect(items.some((i: { subject: string | null }) => i.subject === null)).toBe(true);
    expect((await vanthu.get('/api/signatures/identities')).statusCode).toBe(403);
  });
});
