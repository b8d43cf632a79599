import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DB, type TestContext } from '../../../test/test-context.ts';
import { systemAuditContext } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/context.ts';
import { seedDemo } from '../seed/seed.ts';
import type { Actor } from '../auth/auth.models.ts';
import { CA_ISSUER_KEY, ensureIdentity, issuerKeyOf, type Issuer } from './signatures.identities.ts';
import { uploadIdentity } from './signatures.identity-admin.ts';
import { unsealP12 } from './signatures.keystore.ts';
import { signPdf } from './signatures.sign.ts';
import { appendIncrementalUpdate, foreignIdentity, hasTool, makePdf, renderPage, runPdfTool } from './signatures.test-support.ts';
import { verifyPdf } from './signatures.verify.ts';

/**
 * Issue 4 §5 acceptance, signatures: a signed PDF verifies; changing one byte makes verification fail;
 * a PDF signed by an untrusted certificate is reported as untrusted; the signed PDF opens in a standard
 * viewer (poppler: pdfinfo, pdftoppm, pdfsig).
 */
describe(`PDF signatures on ${TEST_DB}`, () => {
  let tc: TestContext;
  let office: Issuer & { name: string };
  let committee: Issuer & { name: string };
  const at = new Date('2027-03-05T02:30:00Z');

  beforeAll(async () => {
    tc = await createTestContext();
    await seedDemo(tc.ctx, { nodeEnv: 'test' });
    const vptu = await tc.ctx.db.selectFrom('agencies').selectAll().where('abbreviation', '=', 'VPTU').executeTakeFirstOrThrow();
    const c = await tc.ctx.db.selectFrom('committees').selectAll().where('id', '=', vptu.committee_id).executeTakeFirstOrThrow();
    office = { committeeId: c.id, agencyId: vptu.id, name: vptu.name };
    committee = { committeeId: c.id, agencyId: null, name: c.name };
  });
  afterAll(async () => tc.cleanup());

  const sign = (issuer: Issuer & { name: string }, pdf: Buffer, extra: { reason?: string } = {}) =>
    signPdf(tc.ctx, { issuer, pdf, signerName: 'Nguyễn Văn Thành', bodyName: issuer.name, at, location: 'Hồng Lam', ...extra });

  const audits = (action: string) => tc.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();

  it('the development CA and a body certificate are made once, even when several signings start together', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, () => ensureIdentity(tc.ctx, committee)));
    expect(new Set(ids.map((i) => i.fingerprint)).size).toBe(1);
    const rows = await tc.ctx.db.selectFrom('signing_identities').selectAll().execute();
    expect(rows.map((r) => r.issuer_key).sort()).toEqual([CA_ISSUER_KEY, issuerKeyOf(committee)].sort());
    const ca = rows.find((r) => r.issuer_key === CA_ISSUER_KEY)!;
    expect(ca.subject).toBe(`CN=vanphong development CA — ${committee.name}, C=VN`);
    expect(ids[0]!.subject).toBe(`CN=${committee.name}, O=${committee.name}, C=VN`);
    const trusted = await tc.ctx.db.selectFrom('trusted_certificates').selectAll().execute();
    expect(trusted.map((t) => t.fingerprint)).toEqual([ca.fingerprint]);
    expect(await audits('signatures.ca_generated')).toHaveLength(1);
    expect(await audits('signatures.identity_generated')).toHaveLength(1);
  });

  it('three transactions creating the same body identity at once (as three processes would) leave one row', async () => {
    const other = await tc.ctx.db.selectFrom('agencies').selectAll().where('abbreviation', '!=', 'VPTU').orderBy('id').executeTakeFirstOrThrow();
    const issuer = { committeeId: other.committee_id, agencyId: other.id };
    const made = await Promise.all(
      Array.from({ length: 3 }, () => inTransaction(tc.ctx, (trx) => ensureIdentity({ ...tc.ctx, db: trx }, issuer))),
    );
    expect(new Set(made.map((m) => m.fingerprint)).size).toBe(1);
    const rows = await tc.ctx.db.selectFrom('signing_identities').select('id').where('issuer_key', '=', issuerKeyOf(issuer)).execute();
    expect(rows).toHaveLength(1);
    expect(await audits('signatures.identity_generated')).toHaveLength(2);
  });

  it('keys are stored sealed with the installation file key, not as a readable PKCS#12', async () => {
    const row = await tc.ctx.db.selectFrom('signing_identities').selectAll().where('issuer_key', '=', issuerKeyOf(committee)).executeTakeFirstOrThrow();
    expect(row.p12_encryption).toBe('aes-256-gcm');
    expect(Buffer.from(row.p12, 'base64').subarray(0, 4).toString()).toBe('VPE1');
    const { p12, password } = await unsealP12(tc.ctx.config, row);
    expect(p12[0]).toBe(0x30); // a DER SEQUENCE: the PKCS#12 itself
    expect(password.length).toBeGreaterThan(20);
    // Sealed for its own row: the same blob under another issuer key does not open.
    await expect(unsealP12(tc.ctx.config, { ...row, issuer_key: 'c999' })).rejects.toMatchObject({ code: 'signatures.key_unavailable' });
    // And not with another installation's key.
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-otherkey-'));
    fs.writeFileSync(path.join(otherDir, 'file-encryption.key'), `${Buffer.alloc(32, 7).toString('base64')}\n`);
    await expect(unsealP12({ dataDir: otherDir }, row)).rejects.toMatchObject({ code: 'signatures.key_unavailable' });
    fs.rmSync(otherDir, { recursive: true, force: true });
  });

  it('a signed PDF verifies as valid and trusted, with the body, serial and time', async () => {
    const signed = await sign(office, await makePdf(2), { reason: 'Ban hành văn bản' });
    const v = await verifyPdf(tc.ctx.db, signed);
    expect(v).toMatchObject({ valid: true, trusted: true });
    expect(v.message).toContain('hợp lệ');
    expect(v.signers).toHaveLength(1);
    const identity = await ensureIdentity(tc.ctx, office);
    expect(v.signers[0]).toMatchObject({
      name: 'Văn phòng Tỉnh ủy',
      organization: committee.name,
      fingerprint: identity.fingerprint,
      signedAt: at.toISOString(),
      intact: true,
      coversWholeFile: true,
      trusted: true,
      reason: 'Ban hành văn bản',
    });
    expect(v.signers[0]!.serialNumber).toMatch(/^[0-9A-F]+$/);
  });

  it('the signed PDF opens in standard tools: pdfinfo, pdftoppm, and pdfsig finds a valid ETSI.CAdES.detached signature', async () => {
    const signed = await sign(office, await makePdf(2));
    const info = runPdfTool('pdfinfo', signed);
    expect(info.status).toBe(0);
    expect(info.output).toMatch(/Pages:\s+2/);
    const png = renderPage(signed, 2, path.join(os.tmpdir(), `vp-signed-${TEST_DB}`));
    expect(fs.statSync(png).size).toBeGreaterThan(1000);
    if (hasTool('pdfsig')) {
      const sig = runPdfTool('pdfsig', signed);
      expect(sig.output).toContain('Signature Type: ETSI.CAdES.detached');
      expect(sig.output).toContain('Signature Validation: Signature is Valid.');
      expect(sig.output).toContain('Total document signed');
      expect(sig.output).toContain('Signer Certificate Common Name: Văn phòng Tỉnh ủy');
    }
  });

  it('the visible block is the appearance of the signature widget, bottom right of the last page', async () => {
    const signed = await sign(office, await makePdf(3));
    const doc = await PDFDocument.load(signed);
    const pages = doc.getPages();
    const annotsOf = (i: number) => pages[i]!.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    expect(annotsOf(0)?.size() ?? 0).toBe(0);
    const widget = annotsOf(2)!.lookup(0, PDFDict);
    expect(widget.lookup(PDFName.of('FT'))).toEqual(PDFName.of('Sig'));
    const [x1, y1, x2, y2] = widget.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => Number(n.toString()));
    const { width } = pages[2]!.getSize();
    expect(x2!).toBeLessThan(width - 20);
    expect(x1!).toBeGreaterThan(width / 2);
    expect(y1!).toBeGreaterThan(0);
    expect(y2!).toBeLessThan(60); // inside the 20 mm bottom margin: the text above stays readable
    expect(widget.lookup(PDFName.of('AP'), PDFDict).has(PDFName.of('N'))).toBe(true);
  });

  it('changing one byte inside the signed content makes the signature fail', async () => {
    const signed = await sign(office, await makePdf(1));
    const text = signed.toString('latin1');
    for (const offset of [text.indexOf('stream') + 20, signed.length - 40]) {
      const altered = Buffer.from(signed);
      altered[offset] = altered[offset]! ^ 0x01;
      const v = await verifyPdf(tc.ctx.db, altered);
      expect(v).toMatchObject({ valid: false, trusted: false });
      expect(v.signers[0]).toMatchObject({ intact: false });
      expect(v.message).toContain('bị thay đổi sau khi ký');
    }
  });

  it('an incremental update appended after signing leaves the signature intact but not covering the file', async () => {
    const signed = await sign(office, await makePdf(1));
    const updated = appendIncrementalUpdate(signed);
    expect(runPdfTool('pdfinfo', updated).status).toBe(0);
    const v = await verifyPdf(tc.ctx.db, updated);
    expect(v.signers[0]).toMatchObject({ intact: true, coversWholeFile: false });
    expect(v).toMatchObject({ valid: false, trusted: false });
    expect(v.message).toContain('bổ sung nội dung sau khi ký');
    if (hasTool('pdfsig')) {
      expect(runPdfTool('pdfsig', updated).output).not.toContain('Total document signed');
    }
  });

  it('a PDF without signature is not valid and says so', async () => {
    expect(await verifyPdf(tc.ctx.db, await makePdf(1))).toEqual({
      valid: false,
      trusted: false,
      signers: [],
      message: 'Tệp không có chữ ký số.',
    });
  });

  it('a file that is not a PDF is refused, and a signed PDF is not signed over again', async () => {
    await expect(verifyPdf(tc.ctx.db, Buffer.from('PK\u0003\u0004 not a pdf'))).rejects.toMatchObject({ code: 'signatures.not_pdf', status: 400 });
    const signed = await sign(office, await makePdf(1));
    await expect(sign(office, signed)).rejects.toMatchObject({ code: 'signatures.already_signed', status: 400 });
    await expect(sign(office, Buffer.from('%PDF-1.7\ngarbage'))).rejects.toMatchObject({ code: 'signatures.bad_pdf' });
  });

  it('a body signing with a certificate from a foreign CA gives an intact but untrusted signature', async () => {
    const foreign = await foreignIdentity();
    const admin = { actor: { userId: null } as unknown as Actor, audit: systemAuditContext('test') };
    const view = await uploadIdentity(tc.ctx, admin, { ...committee, p12: foreign.p12, password: foreign.password });
    expect(view).toMatchObject({ source: 'uploaded', trusted: false, subject: 'CN=Sở Nội vụ tỉnh Bắc Sơn, O=UBND tỉnh Bắc Sơn, C=VN' });
    const v = await verifyPdf(tc.ctx.db, await sign(committee, await makePdf(1)));
    expect(v).toMatchObject({ valid: true, trusted: false });
    expect(v.signers[0]).toMatchObject({ name: 'Sở Nội vụ tỉnh Bắc Sơn', intact: true, coversWholeFile: true, trusted: false });
    expect(v.message).toContain('không thuộc danh sách tin cậy');
    const [event] = await audits('signatures.identity_uploaded');
    expect(JSON.parse(event!.details)).toMatchObject({ issuerKey: issuerKeyOf(committee), replacedSource: 'generated' });
    expect(event!.details).not.toContain(foreign.password);
  });

  it('a PDF signed elsewhere (adbe.pkcs7.detached by @signpdf/signer-p12, signing-time, no ESS attribute) verifies too', async () => {
    const foreign = await foreignIdentity('Ủy ban nhân dân tỉnh Bắc Sơn');
    const doc = await PDFDocument.load(await makePdf(1));
    pdflibAddPlaceholder({ pdfDoc: doc, reason: 'Ban hanh', contactInfo: '', name: 'UBND', location: 'Bac Son', signatureLength: 12_000 });
    const signed = await new SignPdf().sign(Buffer.from(await doc.save({ useObjectStreams: false })), new P12Signer(foreign.p12, { passphrase: foreign.password }));
    const v = await verifyPdf(tc.ctx.db, signed);
    expect(v).toMatchObject({ valid: true, trusted: false, signers: [{ name: 'Ủy ban nhân dân tỉnh Bắc Sơn', intact: true, reason: 'Ban hanh' }] });
    const tampered = Buffer.from(signed);
    tampered[100] = tampered[100]! ^ 1;
    expect((await verifyPdf(tc.ctx.db, tampered)).valid).toBe(false);
  });

  it('a wrong password or a file that is not a PKCS#12 is refused with signatures.bad_p12, and nothing changes', async () => {
    const foreign = await foreignIdentity();
    const admin = { actor: { userId: null } as unknown as Actor, audit: systemAuditContext('test') };
    const before = await tc.ctx.db.selectFrom('signing_identities').select(['issuer_key', 'fingerprint']).orderBy('id').execute();
    await expect(uploadIdentity(tc.ctx, admin, { ...office, p12: foreign.p12, password: 'sai' })).rejects.toMatchObject({
      code: 'signatures.bad_p12',
      details: [{ path: 'p12', message: expect.stringContaining('wrong password') }],
    });
    await expect(uploadIdentity(tc.ctx, admin, { ...office, p12: await makePdf(1), password: '' })).rejects.toMatchObject({ code: 'signatures.bad_p12' });
    expect(await tc.ctx.db.selectFrom('signing_identities').select(['issuer_key', 'fingerprint']).orderBy('id').execute()).toEqual(before);
  });

  it.skipIf(!hasTool('openssl'))('a PKCS#12 made by OpenSSL 3 (AES-256, SHA-256 MAC) signs and verifies', async () => {
    const foreign = await foreignIdentity('Ban Tổ chức Tỉnh ủy');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-openssl-'));
    fs.writeFileSync(path.join(dir, 'key.pem'), foreign.leafKeyPem);
    fs.writeFileSync(path.join(dir, 'cert.pem'), foreign.leafPem);
    fs.writeFileSync(path.join(dir, 'ca.pem'), foreign.caPem);
    const { execFileSync } = await import('node:child_process');
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-certfile', 'ca.pem', '-out', 'id.p12', '-passout', 'pass:Ab12-xyz'], { cwd: dir });
    const p12 = fs.readFileSync(path.join(dir, 'id.p12'));
    fs.rmSync(dir, { recursive: true, force: true });
    const admin = { actor: { userId: null } as unknown as Actor, audit: systemAuditContext('test') };
    await uploadIdentity(tc.ctx, admin, { ...office, p12, password: 'Ab12-xyz' });
    const v = await verifyPdf(tc.ctx.db, await sign(office, await makePdf(1)));
    expect(v).toMatchObject({ valid: true, trusted: false });
    expect(v.signers[0]!.name).toBe('Ban Tổ chức Tỉnh ủy');
  });
});
