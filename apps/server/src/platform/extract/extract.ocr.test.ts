import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '../text/fold.ts';
import { extractText, makeSearchablePdf } from './extract.ts';
import { LETTER, letterPdf, put, rasterise, scanPdf } from './extract.fixtures.ts';
import { detectTools } from './tools.ts';

/**
 * OCR with the real tesseract (Vietnamese model) on scans the tests make themselves: page 1 of the
 * generated letter rasterised by pdftoppm. A few seconds each; kept few.
 */

const OCR_TIMEOUT = 180_000;
const folded = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ');

let dir: string;
let pdf: string;
let png: string;
let scan: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanphong-ocr-test-'));
  pdf = put(dir, 'letter.pdf', await letterPdf());
  png = rasterise(pdf, 1, 300, path.join(dir, 'scan'));
  scan = put(dir, 'scan.pdf', await scanPdf(fs.readFileSync(png), fs.readFileSync(pdf)));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('OCR', () => {
  it(
    'reads the scanned page of a PDF with tesseract and the text page from its text layer',
    async () => {
      // The scan page has no text layer at all.
      expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', scan, '-'], { encoding: 'utf8' }).trim()).toBe(
        '',
      );
      const progress: [number, number][] = [];
      const out = await extractText({
        file: scan,
        contentType: 'application/pdf',
        onProgress: (d, n) => void progress.push([d, n]),
      });
      expect(out.method).toBe('ocr');
      expect(out.warnings).toEqual([]);
      expect(progress).toEqual([
        [1, 2],
        [2, 2],
      ]);
      const page1 = out.pageTexts[0]!;
      expect(page1).toBe(page1.normalize('NFC'));
      // With diacritics, as printed (the Vietnamese model reads bold capitals too).
      for (const words of [
        LETTER.superior,
        LETTER.party,
        'TỈNH ỦY',
        '12-CV/TU',
        'tăng cường công tác',
        'quản lý đảng viên',
      ]) {
        expect(page1, words).toContain(words);
      }
      expect(folded(page1)).toContain(folded(LETTER.placeDate));
      expect(folded(page1)).toContain(folded(LETTER.body[0]!));
      // Page 2 kept its text layer, exactly.
      expect(out.pageTexts[1]!.split('\n')).toEqual(LETTER.page2);
    },
    OCR_TIMEOUT,
  );

  it(
    'reads a PNG scan directly, page 1 only',
    async () => {
      const out = await extractText({ file: png, contentType: 'image/png', firstPageOnly: true });
      expect(out.method).toBe('ocr');
      expect(out.pages).toBe(1);
      expect(out.text).toContain(LETTER.party);
      expect(out.text).toContain('V/v'); // tesseract's fraction slash "V⁄v" made a slash
      expect(folded(out.text)).toContain('ra soat danh sach dang vien');
    },
    OCR_TIMEOUT,
  );

  it(
    'falls back to English with a warning when tesseract has no Vietnamese data',
    async () => {
      // A real tesseract whose data directory holds English only, found first on PATH.
      const bin = fs.mkdtempSync(path.join(dir, 'bin-'));
      const data = fs.mkdtempSync(path.join(dir, 'tessdata-'));
      const tessdata = execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).match(/"(.+)"/)![1]!;
      fs.symlinkSync(path.join(tessdata, 'eng.traineddata'), path.join(data, 'eng.traineddata'));
      const tesseract = execFileSync('sh', ['-c', 'command -v tesseract'], { encoding: 'utf8' }).trim();
      fs.writeFileSync(
        path.join(bin, 'tesseract'),
        `#!/bin/sh\nexec ${tesseract} --tessdata-dir ${data} "$@"\n`,
        {
          mode: 0o755,
        },
      );
      const pathEnv = `${bin}:${process.env.PATH}`;
      expect(await detectTools({ pathEnv })).toMatchObject({ tesseract: true, tesseractVietnamese: false });
      const small = rasterise(pdf, 1, 150, path.join(dir, 'small'));
      const out = await extractText({ file: small, contentType: 'image/png', pathEnv });
      expect(out.method).toBe('ocr');
      expect(out.warnings.map((w) => w.code)).toEqual(['ocr_language_missing']);
      expect(out.warnings[0]!.message).toContain('tesseract-ocr-vie');
      expect(folded(out.text)).toContain('12-cv/tu');
    },
    OCR_TIMEOUT,
  );

  it('stops when aborted, removing its temporary files', async () => {
    const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const controller = new AbortController();
      const running = extractText({ file: scan, contentType: 'application/pdf', signal: controller.signal });
      setTimeout(() => controller.abort(), 300);
      await expect(running).rejects.toMatchObject({ name: 'AbortError' });
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      if (saved === undefined) {
        delete process.env.TMPDIR;
      } else {
        process.env.TMPDIR = saved;
      }
    }
    const aborted = AbortSignal.abort();
    await expect(
      extractText({ file: pdf, contentType: 'application/pdf', signal: aborted }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('makeSearchablePdf', () => {
  it(
    'adds a Vietnamese OCR text layer to the scanned page with ocrmypdf',
    async () => {
      const out = path.join(dir, 'searchable.pdf');
      expect(await makeSearchablePdf(scan, out)).toEqual({ made: true });
      const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', out, '-'], { encoding: 'utf8' });
      expect(text).toContain(LETTER.party);
      expect(folded(text)).toContain('quan ly dang vien');
    },
    OCR_TIMEOUT,
  );

  it(
    'makes nothing for a PDF that already has text, with a warning',
    async () => {
      const out = path.join(dir, 'again.pdf');
      expect(await makeSearchablePdf(pdf, out)).toEqual({
        made: false,
        warning: {
          code: 'already_has_text',
          message: 'Tệp PDF đã có lớp chữ: không cần tạo bản PDF tìm kiếm được',
        },
      });
      expect(fs.existsSync(out)).toBe(false);
    },
    OCR_TIMEOUT,
  );
});
