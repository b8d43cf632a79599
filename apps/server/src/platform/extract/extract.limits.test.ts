import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeLegacy } from '../text/legacy.ts';
import { extractText, makeSearchablePdf, MAX_TEXT_CHARS } from './extract.ts';
import { letterPdf, put, rasterise, scanPdf } from './extract.fixtures.ts';
import { parsePdfInfo, renderPixels } from './pdf.ts';
import { readDocx, xmlText } from './text-formats.ts';
import { EntryTooLarge, readZipEntry } from './zip.ts';

/**
 * Files are untrusted (issue 7 review): texts made to trip a backtracking regular expression, ZIP
 * bombs, enormous texts, pages and page counts, a tool that never ends. Each test finishes because the
 * code is linear or bounded; the per-test timeout is the guard (no timed assertion).
 */

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';
const RUN = 200_000;
const GUARD = 10_000;

let dir: string;
const leftovers: number[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-limits-test-'));
});
afterEach(() => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const docx = (documentXml: string) =>
  zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(documentXml) });
const body = (inner: string) =>
  `<?xml version="1.0"?><w:document xmlns:w="w"><w:body>${inner}</w:body></w:document>`;
const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const readDocxFile = async (name: string, bytes: Uint8Array, extra: { maxTextChars?: number } = {}) =>
  extractText({ file: put(dir, name, bytes), contentType: DOCX, ...extra });

/**
 * A ZIP archive written by hand (deflated by zlib, which is fast on tens of MB), each entry declaring
 * `declared` as its original size when given — a bomb that lies about its size.
 */
function zipOf(entries: { name: string; data: Uint8Array; declared?: number; store?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = e.store ? Buffer.from(e.data) : zlib.deflateRawSync(e.data, { level: 1 });
    const crc = zlib.crc32(e.data);
    const fields = (h: Buffer, at: number) => {
      h.writeUInt16LE(e.store ? 0 : 8, at);
      h.writeUInt32LE(crc, at + 6);
      h.writeUInt32LE(packed.length, at + 10);
      h.writeUInt32LE(e.declared ?? e.data.length, at + 14);
      h.writeUInt16LE(name.length, at + 18);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fields(local, 8);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    fields(central, 10);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A word/document.xml of `mb` MB: one text run of 'a'. */
const hugeDocument = (mb: number) => {
  const xml = Buffer.alloc(mb * 1024 * 1024, 0x61);
  xml.write('<w:p><w:t>');
  return xml;
};

describe('texts made for a backtracking regular expression (200 000 characters)', () => {
  it(
    'DOCX: an unterminated "<" after <w:t> ends the reading, the text before it is kept',
    async () => {
      const out = await readDocxFile(
        'lt.docx',
        docx(body(`${para('Nội dung')}<w:p><w:t>${'<'.repeat(RUN)}`)),
      );
      expect(out).toMatchObject({ method: 'docx', text: 'Nội dung', warnings: [] });
      const only = await readDocxFile('lt-only.docx', docx(`<w:t>${'<'.repeat(RUN)}`));
      expect(only.text).toBe('');
      expect(only.warnings.map((w) => w.code)).toEqual(['no_text']);
    },
    GUARD,
  );

  it(
    'DOCX: entity-like runs, empty paragraphs and unclosed comments are read in one pass',
    async () => {
      const amps = await readDocxFile('amp.docx', docx(body(para('&#x'.repeat(RUN / 3)) + para('&amp;'))));
      expect(amps.pageTexts).toEqual([`${'&#x'.repeat(RUN / 3)}\n&`]);
      const blank = await readDocxFile(
        'blank.docx',
        docx(body(para('A') + '<w:p/>'.repeat(RUN) + para('B'))),
      );
      expect(blank.pageTexts).toEqual([`A${'\n'.repeat(RUN + 1)}B`]);
      const trailing = await readDocxFile('trailing.docx', docx(body(para('A') + '<w:p/>'.repeat(RUN))));
      expect(trailing.pageTexts).toEqual(['A']);
      const comments = await readDocxFile('comments.docx', docx(body(para('A') + '<!--'.repeat(RUN / 4))));
      expect(comments.pageTexts).toEqual(['A']);
    },
    GUARD,
  );

  it(
    'XML: unclosed tags, comments, processing instructions and CDATA sections',
    async () => {
      expect(xmlText(`x${'<'.repeat(RUN)}`)).toBe('x');
      expect(xmlText(`<a>y</a>${'<!--'.repeat(RUN / 4)}`)).toBe('y');
      expect(xmlText(`<a>z</a>${'<?'.repeat(RUN / 2)}`)).toBe('z');
      expect(xmlText(`<a>w</a>${'<![CDATA['.repeat(RUN / 9)}`)).toBe('w');
      expect(xmlText(`<a>${' '.repeat(RUN)}v${' \n'.repeat(RUN)}</a>`)).toBe('v');
      // Well-formed parts still read as before: entities, CDATA kept as written, comments as a space.
      expect(xmlText('<a>Báo cáo &amp; <![CDATA[a &amp; <b>]]>đề<!-- x -->xuất</a><b>Nội dung</b>')).toBe(
        'Báo cáo & a &amp; <b>đề xuất\nNội dung',
      );
      const file = put(dir, 'many.xml', `<vb><ten>Báo cáo</ten>${'<'.repeat(RUN)}`);
      expect((await extractText({ file, contentType: 'application/xml' })).text).toBe('Báo cáo');
    },
    GUARD,
  );

  it(
    'plain text: blank lines and trailing blanks by the hundred thousand',
    async () => {
      const text = `${'\n'.repeat(RUN)}Dòng đầu${' '.repeat(RUN)}\n${'\r\n'.repeat(RUN)}Dòng cuối${'\n \t'.repeat(RUN)}`;
      const out = await extractText({ file: put(dir, 'blank.txt', text), contentType: 'text/plain' });
      expect(out.text).toBe(`Dòng đầu${'\n'.repeat(RUN + 1)}Dòng cuối`);
      const bangs = `é${'!'.repeat(RUN)}é`;
      const legacy = await extractText({
        file: put(dir, 'bangs.txt', Buffer.from(bangs, 'latin1')),
        contentType: 'text/plain',
      });
      expect(legacy).toMatchObject({ text: bangs, legacyEncoding: null });
    },
    GUARD,
  );
});

describe('ZIP bombs', () => {
  let declared: Buffer;
  let liar: Buffer;
  beforeAll(() => {
    const types = { name: '[Content_Types].xml', data: strToU8('<Types/>') };
    declared = zipOf([types, { name: 'word/document.xml', data: hugeDocument(51) }]);
    liar = zipOf([types, { name: 'word/document.xml', data: hugeDocument(60), declared: 1000 }]);
  });

  it(
    'refuses a DOCX whose document declares more than 50 MB, before inflating it',
    async () => {
      expect(declared.length).toBeLessThan(1024 * 1024);
      const out = await readDocxFile('bomb.docx', declared);
      expect(out).toMatchObject({ method: 'none', text: '', pages: 0 });
      expect(out.warnings).toEqual([
        {
          code: 'too_large',
          message: 'Tệp DOCX quá lớn: phần nội dung vượt 50 MB khi giải nén, không đọc',
        },
      ]);
    },
    GUARD,
  );

  it(
    'stops inflating an entry that lies about its size as soon as it passes the limit',
    async () => {
      expect(() => readZipEntry(liar, 'word/document.xml', 1024 * 1024)).toThrow(EntryTooLarge);
      const out = await readDocxFile('liar.docx', liar);
      expect(out.warnings.map((w) => w.code)).toEqual(['too_large']);
    },
    GUARD,
  );

  it('reads an entry within the limit, stored or deflated, and null for one that is not there', () => {
    const xml = body(para('Trích yếu'));
    const small = zipOf([{ name: 'word/document.xml', data: strToU8(xml) }]);
    expect(Buffer.from(readZipEntry(small, 'word/document.xml', 1024)!).toString()).toBe(xml);
    expect(readDocx(small).pages).toEqual(['Trích yếu']);
    expect(readZipEntry(small, 'word/styles.xml', 1024)).toBeNull();
    const stored = zipOf([{ name: 'word/document.xml', data: strToU8('x'.repeat(2000)), store: true }]);
    expect(Buffer.from(readZipEntry(stored, 'word/document.xml', 2000)!).toString()).toBe('x'.repeat(2000));
    expect(() => readZipEntry(stored, 'word/document.xml', 1999)).toThrow(EntryTooLarge);
    // The archives fflate writes (as the fixtures' DOCX) read alike.
    expect(readDocx(docx(body(para('Kính gửi')))).pages).toEqual(['Kính gửi']);
    expect(() => readZipEntry(Buffer.from('PK\u0003\u0004 broken'), 'word/document.xml', 1024)).toThrow(
      /not a valid ZIP archive/,
    );
  });
});

describe('the text kept', () => {
  it('cuts a text past maxTextChars, with a warning', async () => {
    const line = 'Ban Thường vụ Tỉnh ủy đề nghị các cấp ủy rà soát danh sách đảng viên\n';
    const file = put(dir, 'long.txt', line.repeat(100));
    const out = await extractText({ file, contentType: 'text/plain', maxTextChars: 1000 });
    expect(out.text.length).toBeLessThanOrEqual(1000);
    expect(out.text.length).toBeGreaterThan(990);
    expect(line.repeat(100).startsWith(out.text)).toBe(true);
    expect(out.warnings).toEqual([
      { code: 'truncated', message: 'Văn bản quá dài: chỉ giữ 1.000 ký tự đầu' },
    ]);
    // A text within the limit is whole and has no warning.
    const whole = await extractText({ file, contentType: 'text/plain', maxTextChars: line.length * 100 });
    expect(whole).toMatchObject({ text: line.repeat(100).trimEnd(), warnings: [] });
  });

  it('cuts a DOCX at maxTextChars, pages included, and a legacy text file after conversion', async () => {
    const pages = Array.from({ length: 5 }, (_, i) => para(`Trang ${i + 1} ${'chữ '.repeat(100)}`));
    const file = docx(body(pages.join('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')));
    const out = await readDocxFile('pages.docx', file, { maxTextChars: 1200 });
    expect(out.text.length).toBeLessThanOrEqual(1200);
    expect(out.pageTexts.length).toBeLessThan(5);
    expect(out.pageTexts[0]).toMatch(/^Trang 1 chữ/);
    expect(out.warnings.map((w) => w.code)).toEqual(['truncated']);
    const tcvn = put(
      dir,
      'tcvn.txt',
      Buffer.from(encodeLegacy('Cộng hòa xã hội chủ nghĩa\n'.repeat(100), 'tcvn3'), 'latin1'),
    );
    const legacy = await extractText({ file: tcvn, contentType: 'text/plain', maxTextChars: 500 });
    expect(legacy.legacyEncoding).toBe('tcvn3');
    expect('Cộng hòa xã hội chủ nghĩa\n'.repeat(100).startsWith(legacy.text)).toBe(true);
  });

  it(
    `reads at most ${MAX_TEXT_CHARS} characters of a text file by default`,
    async () => {
      const line = 'Nội dung văn bản số 0123456789\n';
      const file = put(dir, 'huge.txt', line.repeat(Math.ceil((9 * 1024 * 1024) / Buffer.byteLength(line))));
      const out = await extractText({ file, contentType: 'text/plain' });
      expect(out.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
      expect(out.text.length).toBeGreaterThan(MAX_TEXT_CHARS - line.length);
      expect(out.text.startsWith(line.repeat(1000))).toBe(true);
      expect(out.warnings.map((w) => w.code)).toEqual(['truncated']);
    },
    GUARD * 3,
  );
});

describe('pages', () => {
  let letter: string;
  beforeAll(async () => {
    letter = put(dir, 'letter.pdf', await letterPdf());
  });

  it('reads at most maxPages pages, saying how many were read', async () => {
    const out = await extractText({ file: letter, contentType: PDF, maxPages: 1 });
    expect(out.pages).toBe(1);
    expect(out.text).not.toContain('Nơi nhận');
    expect(out.warnings).toEqual([{ code: 'truncated', message: 'Tệp có 2 trang: chỉ đọc 1 trang đầu' }]);
    // firstPageOnly is not a truncation.
    expect((await extractText({ file: letter, contentType: PDF, firstPageOnly: true })).warnings).toEqual([]);
  });

  it('makes no searchable PDF of more pages than the cap, nor of an outsized page', async () => {
    const out = path.join(dir, 'searchable.pdf');
    expect(await makeSearchablePdf(letter, out, { maxPages: 1 })).toEqual({
      made: false,
      warning: {
        code: 'too_large',
        message: 'Tệp PDF có 2 trang, quá 1 trang: không tạo bản PDF tìm kiếm được',
      },
    });
    const big = await PDFDocument.create();
    big.addPage([9000, 9000]);
    const bigFile = put(dir, 'big.pdf', await big.save());
    expect(await makeSearchablePdf(bigFile, out)).toEqual({
      made: false,
      warning: {
        code: 'too_large',
        message: 'Trang 1 quá khổ (9.000 × 9.000 pt): không tạo bản PDF tìm kiếm được',
      },
    });
    expect(fs.existsSync(out)).toBe(false);
  });

  it('renders a page at 300 dpi, but never past 4000 pixels on its long side', () => {
    expect(renderPixels({ width: 595.28, height: 841.89 })).toBe(3508); // A4 at 300 dpi
    expect(renderPixels({ width: 9000, height: 9000 })).toBe(4000);
    expect(renderPixels({ width: 14400, height: 10 })).toBe(4000);
    expect(renderPixels(undefined)).toBe(4000);
    expect(renderPixels({ width: 0, height: Number.NaN })).toBe(4000);
  });

  it('OCRs a 9000 × 9000 pt page (a 600-byte file that rasterises to 1.4 gigapixels at 300 dpi) within the cap', async () => {
    const big = await PDFDocument.create();
    big.addPage([9000, 9000]);
    const cropped = big.addPage([9000, 9000]);
    cropped.setCropBox(0, 0, 595, 842);
    const file = put(dir, 'big-ocr.pdf', await big.save());
    const out = await extractText({ file, contentType: PDF });
    expect(out.method).toBe('ocr');
    expect(out.warnings.map((w) => w.code)).toEqual(['no_text']);
  }, 120_000);

  it('reads the page count after the metadata, which may imitate pdfinfo lines', () => {
    const out = [
      'Title:           x',
      'Pages:           1',
      'Page    1 size:  1 x 1 pts',
      'Author:          y',
      'Pages:           3',
      'Encrypted:       no',
      'Page    1 size:  595.28 x 841.89 pts (A4)',
      'Page    1 rot:   0',
      'Page    2 size:  9000 x 9000 pts',
      'File size:       575 bytes',
    ].join('\n');
    expect(parsePdfInfo(out)).toEqual({
      pages: 3,
      sizes: new Map([
        [1, { width: 595.28, height: 841.89 }],
        [2, { width: 9000, height: 9000 }],
      ]),
    });
    expect(parsePdfInfo('Title: Pages: 3\n')).toBeNull();
  });
});

describe('the time budget', () => {
  it('stops a file when totalTimeoutMs passes: the tool and its children killed, what was read kept', async () => {
    const pdf = put(dir, 'letter2.pdf', await letterPdf());
    const png = rasterise(pdf, 1, 100, path.join(dir, 'scan-small'));
    const scan = put(dir, 'scan.pdf', await scanPdf(fs.readFileSync(png), fs.readFileSync(pdf)));
    // A tesseract that answers the probes and then never ends (its `sleep` is a child, not an exec).
    const bin = fs.mkdtempSync(path.join(dir, 'bin-'));
    const pidFile = path.join(dir, 'tesseract.pid');
    const real = execPath('tesseract');
    fs.writeFileSync(
      path.join(bin, 'tesseract'),
      `#!/bin/sh\ncase "$1" in --version|--list-langs) exec ${real} "$@";; esac\nsleep 300 &\necho $! > ${pidFile}\nwait\n`,
      { mode: 0o755 },
    );
    const out = await extractText({
      file: scan,
      contentType: PDF,
      pathEnv: `${bin}:${process.env.PATH}`,
      totalTimeoutMs: 5_000,
    });
    expect(out.pages).toBe(0);
    expect(out.warnings).toEqual([
      { code: 'truncated', message: 'Hết thời gian cho phép (5 giây): chỉ đọc được 0/2 trang' },
    ]);
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    leftovers.push(pid);
    let gone = false;
    for (let i = 0; i < 100 && !gone; i += 1) {
      gone = ended(pid);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(gone).toBe(true);
  }, 60_000);
});

function execPath(cmd: string): string {
  for (const d of (process.env.PATH ?? '').split(':')) {
    const f = path.join(d, cmd);
    if (d !== '' && fs.existsSync(f)) {
      return f;
    }
  }
  throw new Error(`${cmd} not found`);
}

function ended(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}
