import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { multipartFile } from '../../platform/files/files.fixtures.ts';
import { parseDocumentPackage } from '../edxml/edxml.ts';
import { signedDocuments } from './outgoing.test-support.ts';

/**
 * Issue 4 acceptance: an exported edXML package validates and re-imports with identical fields; a
 * malformed package is refused with a message naming the element.
 */
describe('edXML export and import', () => {
  let t: TestApp;
  let vanthu: Client;

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(new Date('2026-11-25T03:00:00Z')) });
    vanthu = await t.login('vanthu');
  });
  afterAll(async () => t.cleanup());

  const post = (c: Client, url: string, bytes: Buffer, filename = 'goi.edxml') => {
    const f = multipartFile({ field: 'file', filename, bytes, contentType: 'application/xml' });
    return t.app.inject({ method: 'POST', url, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': f.contentType }, payload: f.payload });
  };

  it('exports an issued document as a valid package that re-imports with identical fields', async () => {
    const [id] = await signedDocuments(t.ctx, 1);
    const issued = await vanthu.post(`/api/outgoing/${id}/issue`, { version: 5 });
    expect(issued.statusCode, issued.body).toBe(200);
    const exported = await vanthu.get(`/api/outgoing/${id}/edxml`);
    expect(exported.statusCode, exported.body).toBe(200);
    const parsed = parseDocumentPackage(exported.rawPayload);
    expect(parsed.ok).toBe(true);
    const detail = (await vanthu.get(`/api/outgoing/${id}`)).json();

    const read = await post(vanthu, '/api/incoming/edxml', exported.rawPayload);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().fields).toMatchObject({
      issuerName: 'Tỉnh ủy Hồng Lam',
      notation: issued.json().notation,
      documentDate: '2026-11-25',
      documentTypeName: 'Hướng dẫn',
      documentTypeId: 11,
      summary: detail.summary,
      signer: detail.signer.name,
      copies: 1,
      urgency: 'normal',
      toPlaces: ['Văn phòng Trung ương Đảng'],
    });
    expect(read.json().fields.attachments).toEqual([expect.objectContaining({ contentType: 'application/pdf' })]);

    const registered = await post(vanthu, '/api/incoming/edxml?register=1', exported.rawPayload);
    expect(registered.statusCode, registered.body).toBe(201);
    const incoming = (await vanthu.get(`/api/incoming/${registered.json().incomingId}`)).json();
    expect(incoming).toMatchObject({ notation: issued.json().notation, documentDate: '2026-11-25', summary: detail.summary, channel: 'edxml' });
    expect(incoming.attachments).toHaveLength(1);
    // The attachment is the sealed PDF, byte for byte.
    const original = await vanthu.get(`/api/outgoing/${id}/pdf`);
    const copy = await vanthu.get(`/api/incoming/${incoming.id}/attachments/${incoming.attachments[0].fileId}`);
    expect(Buffer.compare(copy.rawPayload, original.rawPayload)).toBe(0);
  });

  it('refuses a malformed package with a message naming the element', async () => {
    const [id] = await signedDocuments(t.ctx, 1);
    await vanthu.post(`/api/outgoing/${id}/issue`, { version: 5 });
    const xml = (await vanthu.get(`/api/outgoing/${id}/edxml`)).body.replace(/<(\w+:)?CodeNumber>[^<]*<\/(\w+:)?CodeNumber>/, '');
    const r = await post(vanthu, '/api/incoming/edxml?register=1', Buffer.from(xml));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('incoming.edxml_invalid');
    expect(r.json().error.details[0].path).toMatch(/Code\/CodeNumber$/);
    expect(r.json().error.message).toContain('CodeNumber');
    const notXml = await post(vanthu, '/api/incoming/edxml', Buffer.from('%PDF-1.7 not a package'));
    expect(notXml.statusCode).toBe(400);
  });

  it('does not export a document that is not issued, and refuses readers without the clerk’s permission', async () => {
    expect((await vanthu.get('/api/outgoing/4/edxml')).statusCode).toBe(409);
    const bithu = await t.login('bithu');
    expect((await bithu.get('/api/outgoing/1/edxml')).statusCode).toBe(403);
  });
});
