import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLegacy } from '../text/legacy.ts';
import { extractText, makeSearchablePdf } from './extract.ts';
import { LETTER, letterDocx, letterPdf, put } from './extract.fixtures.ts';
import { detectTools, resetToolCache } from './tools.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';

let dir: string;
let emptyPath: string;
let pdf: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-extract-test-'));
  emptyPath = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-empty-path-'));
  pdf = put(dir, 'letter.pdf', await letterPdf());
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(emptyPath, { recursive: true, force: true });
});

describe('PDF text layer', () => {
  it('reads every page with pdftotext -layout, in NFC, reporting progress page by page', async () => {
    const progress: [number, number][] = [];
    const out = await extractText({
      file: pdf,
      contentType: PDF,
      onProgress: (d, n) => void progress.push([d, n]),
    });
    expect(out.method).toBe('text-layer');
    expect(out.pages).toBe(2);
    expect(out.pageTexts).toHaveLength(2);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    // The two header columns stay on one line, as printed.
    expect(out.pageTexts[0]).toMatch(/ĐẢNG BỘ TỈNH HỒNG LAM\s{3,}ĐẢNG CỘNG SẢN VIỆT NAM/);
    expect(out.pageTexts[0]).toContain(LETTER.notation);
    expect(out.pageTexts[0]).toContain(LETTER.placeDate);
    expect(out.pageTexts[1]).toContain('Nguyễn Văn An');
    expect(out.pageTexts[0]).not.toContain('Nguyễn Văn An');
    expect(out.text).toBe(`${out.pageTexts[0]}\n\n${out.pageTexts[1]}`);
    expect(out.text).toBe(out.text.normalize('NFC'));
    expect(out).toMatchObject({ legacyEncoding: null, warnings: [] });
  });

  it('reads page 1 only when asked', async () => {
    const out = await extractText({ file: pdf, contentType: PDF, firstPageOnly: true });
    expect(out.pages).toBe(1);
    expect(out.text).toContain(LETTER.superior);
    expect(out.text).not.toContain('Nơi nhận');
  });

  it('reports a corrupt PDF as unreadable, without throwing', async () => {
    const bad = put(dir, 'bad.pdf', '%PDF-1.4\nthis is not really a PDF\n');
    const out = await extractText({ file: bad, contentType: PDF });
    expect(out.method).toBe('none');
    expect(out.warnings.map((w) => w.code)).toEqual(['unreadable']);
    expect(out.warnings[0]!.message).toMatch(/^Tệp bị hỏng hoặc không mở được/);
  });
});

describe('DOCX', () => {
  it('reads paragraphs and table cells as lines, tabs, entities, and splits pages at page breaks', async () => {
    const file = put(dir, 'letter.docx', await letterDocx());
    const out = await extractText({ file, contentType: DOCX });
    expect(out.method).toBe('docx');
    expect(out.pages).toBe(2);
    expect(out.pageTexts[0]!.split('\n')).toEqual([
      LETTER.superior,
      LETTER.issuer,
      LETTER.notation,
      LETTER.party,
      LETTER.placeDate,
      LETTER.subject,
      'Kính gửi:\tCác huyện ủy & thành ủy',
    ]);
    expect(out.pageTexts[1]!.split('\n')).toEqual(LETTER.page2);
    const first = await extractText({ file, contentType: DOCX, firstPageOnly: true });
    expect(first.pageTexts).toEqual([out.pageTexts[0]]);
  });

  it('converts a paragraph set in .VnTime (TCVN3) to Unicode', async () => {
    const legacy = encodeLegacy(
      'Ban Thường vụ Tỉnh ủy đề nghị các cấp ủy rà soát danh sách đảng viên',
      'tcvn3',
    );
    expect(legacy).toContain('Th\u00ADêng');
    const file = put(dir, 'legacy.docx', await letterDocx(legacy));
    const out = await extractText({ file, contentType: DOCX });
    expect(out.legacyEncoding).toBe('tcvn3');
    expect(out.text).toContain('Ban Thường vụ Tỉnh ủy đề nghị các cấp ủy rà soát danh sách đảng viên');
    // The Unicode paragraphs of the same document are left as they were.
    expect(out.pageTexts[0]).toContain(LETTER.placeDate);
  });

  it('reports a file that is not a DOCX as unreadable', async () => {
    const file = put(dir, 'bad.docx', 'PK\u0003\u0004 broken');
    const out = await extractText({ file, contentType: DOCX });
    expect(out.method).toBe('none');
    expect(out.warnings.map((w) => w.code)).toEqual(['unreadable']);
  });
});

describe('plain text, CSV, XML', () => {
  it('reads a TCVN3 text file (not UTF-8: read as Windows-1252, then converted)', async () => {
    const text = `${LETTER.superior}\n${LETTER.notation}\n${LETTER.subject}\n${LETTER.body.join('\n')}`;
    const file = put(dir, 'tcvn3.txt', Buffer.from(encodeLegacy(text, 'tcvn3'), 'latin1'));
    const out = await extractText({ file, contentType: 'text/plain; charset=utf-8' });
    expect(out).toMatchObject({ method: 'plain', pages: 1, legacyEncoding: 'tcvn3', warnings: [] });
    expect(out.text).toBe(text);
  });

  it('reads a VNI CSV', async () => {
    const rows =
      'so,trich_yeu\n12-CV/TU,Tăng cường công tác quản lý đảng viên\n13-TB/TU,Thông báo kết luận của Thường trực';
    const file = put(dir, 'vni.csv', Buffer.from(encodeLegacy(rows, 'vni'), 'latin1'));
    const out = await extractText({ file, contentType: 'text/csv' });
    expect(out.legacyEncoding).toBe('vni');
    expect(out.text).toBe(rows);
  });

  it('composes NFD UTF-8 text and leaves it unconverted', async () => {
    const text = LETTER.body.join('\n');
    const file = put(dir, 'nfd.txt', `\uFEFF${text.normalize('NFD')}`);
    const out = await extractText({ file, contentType: 'text/plain' });
    expect(out).toMatchObject({ text, legacyEncoding: null, method: 'plain' });
  });

  it('reads the character data of XML', async () => {
    const file = put(
      dir,
      'doc.xml',
      '<?xml version="1.0"?><vb so="12"><ten>Báo cáo &amp; đề xuất</ten><!-- x --><nd>Nội dung</nd></vb>',
    );
    const out = await extractText({ file, contentType: 'application/xml' });
    expect(out.text).toBe('Báo cáo & đề xuất\nNội dung');
  });

  it('warns on an empty file and an unsupported type', async () => {
    const empty = await extractText({ file: put(dir, 'empty.txt', ''), contentType: 'text/plain' });
    expect(empty.warnings.map((w) => w.code)).toEqual(['no_text']);
    const doc = await extractText({ file: put(dir, 'old.doc', 'x'), contentType: 'application/msword' });
    expect(doc).toMatchObject({ method: 'none', pages: 0, text: '' });
    expect(doc.warnings.map((w) => w.code)).toEqual(['unsupported_type']);
  });
});

describe('a machine without the tools (PATH pointing at an empty directory)', () => {
  it('detects no tool, while the real PATH has them all (CI installs them)', async () => {
    resetToolCache();
    expect(await detectTools({ pathEnv: emptyPath })).toEqual({
      pdftotext: false,
      pdftoppm: false,
      tesseract: false,
      tesseractVietnamese: false,
      ocrmypdf: false,
    });
    expect(await detectTools()).toEqual({
      pdftotext: true,
      pdftoppm: true,
      tesseract: true,
      tesseractVietnamese: true,
      ocrmypdf: true,
    });
  });

  it('degrades a PDF to a warning, never an exception', async () => {
    const out = await extractText({ file: pdf, contentType: PDF, pathEnv: emptyPath });
    expect(out.method).toBe('none');
    expect(out.pages).toBe(2); // counted by pdf-lib without pdfinfo
    expect(out.warnings.map((w) => w.code)).toEqual(['tool_missing', 'tool_missing', 'no_text']);
    expect(out.warnings[0]!.message).toContain('poppler-utils');
  });

  it('degrades an image to "tesseract-ocr is not installed"', async () => {
    const png = put(dir, 'x.png', Buffer.from('89504e470d0a1a0a', 'hex'));
    const out = await extractText({ file: png, contentType: 'image/png', pathEnv: emptyPath });
    expect(out.method).toBe('none');
    expect(out.warnings[0]).toEqual({
      code: 'tool_missing',
      message: 'Máy chủ chưa cài tesseract-ocr: không đọc được bản quét',
    });
  });

  it('still reads DOCX and text, which need no tool', async () => {
    const file = put(dir, 'bare.docx', await letterDocx());
    const out = await extractText({ file, contentType: DOCX, pathEnv: emptyPath });
    expect(out.method).toBe('docx');
    expect(out.warnings).toEqual([]);
  });

  it('makes no searchable PDF without ocrmypdf', async () => {
    const out = path.join(dir, 'none.pdf');
    expect(await makeSearchablePdf(pdf, out, { pathEnv: emptyPath })).toMatchObject({
      made: false,
      warning: { code: 'tool_missing' },
    });
    expect(fs.existsSync(out)).toBe(false);
  });
});
