import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocumentPackage, parseStatusPackage } from './edxml.ts';
import { fullDocument, fullStatus } from './edxml.test-support.ts';
import { SAMPLE_DOCUMENT_FILE, SAMPLE_STATUS_FILE, sampleDocumentPackage, sampleFile, sampleStatusPackage } from './samples/generate.ts';

const REGENERATE = 'regenerate with: npx tsx apps/server/src/modules/edxml/samples/generate.ts';

describe('edXML operator samples', () => {
  it('the sample công văn is what the library writes today, and imports with its PDF', async () => {
    const onDisk = fs.readFileSync(sampleFile(SAMPLE_DOCUMENT_FILE), 'utf8');
    expect(onDisk, REGENERATE).toBe(await sampleDocumentPackage());
    const r = parseDocumentPackage(fs.readFileSync(sampleFile(SAMPLE_DOCUMENT_FILE)));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.doc).toStrictEqual(fullDocument());
      expect(r.attachments).toHaveLength(1);
      expect(r.attachments[0]!.contentType).toBe('application/pdf');
      expect(r.attachments[0]!.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('the sample status "03 Đã vào sổ" is what the library writes today, and imports', () => {
    const onDisk = fs.readFileSync(sampleFile(SAMPLE_STATUS_FILE), 'utf8');
    expect(onDisk, REGENERATE).toBe(sampleStatusPackage());
    expect(parseStatusPackage(onDisk)).toStrictEqual({ ok: true, status: fullStatus('03') });
  });
});
