import { describe, expect, it } from 'vitest';
import { findSignatureRanges, MAX_HOLE_BYTES } from './signatures.pdf-scan.ts';

/** The scan of a crafted file stays bounded (security review, issue 4: a verify request must not exhaust the server). */
describe('finding signatures in a crafted PDF', () => {
  it('looks at one hole once, however many ByteRange entries point at it', () => {
    const head = '%PDF-1.7\n1 0 obj << /Type /Sig /Contents ';
    const hole = `<${'00'.repeat(4096)}>`;
    const b = head.length;
    const c = b + hole.length;
    const tail = Array.from({ length: 300 }, (_, i) => `/ByteRange [0 ${b} ${c} ${i + 1}]`).join('\n');
    const pdf = Buffer.from(`${head}${hole}\n${tail}\n%%EOF\n`, 'latin1');
    expect(findSignatureRanges(pdf)).toHaveLength(1);
  });

  it('skips a hole larger than any real signature', () => {
    const head = '%PDF-1.7\n1 0 obj << /Type /Sig /Contents ';
    const hole = `<${'0'.repeat(MAX_HOLE_BYTES + 2)}>`;
    const b = head.length;
    const c = b + hole.length;
    const pdf = Buffer.from(`${head}${hole}\n/ByteRange [0 ${b} ${c} 10]\n%%EOF\n`, 'latin1');
    expect(findSignatureRanges(pdf)).toEqual([]);
  });
});
