import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { stampNumber } from './outgoing.stamp.ts';

describe('stamping a document laid out elsewhere', () => {
  it('prints the number and date, and drops scripts, opening actions and embedded files before sealing', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595.28, 841.89]);
    const js = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') });
    doc.catalog.set(PDFName.of('OpenAction'), js);
    doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: doc.context.obj({ Names: [PDFString.of('x'), js] }) }));
    await doc.attach(Buffer.from('secret'), 'ghi-chu.txt', { mimeType: 'text/plain' });
    const before = Buffer.from(await doc.save({ useObjectStreams: false }));
    expect(before.toString('latin1')).toContain('/OpenAction');

    const stamped = await stampNumber(before, { notation: '05-CV/TU', place: 'Hồng Lam', date: '2026-11-25' });
    const out = await PDFDocument.load(stamped);
    expect(out.catalog.get(PDFName.of('OpenAction'))).toBeUndefined();
    const names = out.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
    expect(names?.get(PDFName.of('JavaScript'))).toBeUndefined();
    expect(names?.get(PDFName.of('EmbeddedFiles'))).toBeUndefined();
    expect(out.getSubject()).toBe('05-CV/TU (25/11/2026)');
  });
});
