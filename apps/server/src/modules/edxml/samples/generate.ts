import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDocumentPackage, buildStatusPackage } from '../edxml.ts';
import { fullDocument, fullStatus, smallPdf } from '../edxml.test-support.ts';

/**
 * Writes the operator samples next to this file: a công văn with its signed-PDF attachment and the
 * status "03 Đã vào sổ" a recipient sends back. Run: npx tsx apps/server/src/modules/edxml/samples/generate.ts
 * (edxml.samples.test.ts fails when the samples drift from what the library writes).
 */

export const SAMPLE_DOCUMENT_FILE = 'cong-van-01-CV-TU.edxml';
export const SAMPLE_STATUS_FILE = 'trang-thai-03-da-vao-so.edxml';

export async function sampleDocumentPackage(): Promise<string> {
  const pdf = await smallPdf();
  return buildDocumentPackage(fullDocument(), [
    { name: '01-CV-TU đôn đốc số hóa.pdf', contentType: 'application/pdf', bytes: pdf, description: 'Văn bản chính (bản ký số)' },
  ]);
}

export function sampleStatusPackage(): string {
  return buildStatusPackage(fullStatus('03'));
}

export function sampleFile(name: string): string {
  return fileURLToPath(new URL(name, import.meta.url));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(sampleFile(SAMPLE_DOCUMENT_FILE), await sampleDocumentPackage());
  fs.writeFileSync(sampleFile(SAMPLE_STATUS_FILE), sampleStatusPackage());
}
