import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors.ts';
import { docxToPdf, findSoffice, officeLoad, SOFFICE_ENV } from './libreoffice.ts';

/**
 * Real LibreOffice (Debian libreoffice-writer-nogui, installed here and in CI). Only the failure
 * paths use stand-in scripts for soffice: one that fails, one that hangs.
 */

const sample = (text: string) =>
  Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [new Paragraph({ children: [new TextRun({ text, font: 'Times New Roman', size: 28 })] })],
        },
      ],
    }),
  );

const pdfText = (pdf: Buffer, dir: string) => {
  const file = path.join(dir, `t-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
};

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 'resolved', details: undefined as unknown }),
    (e: unknown) =>
      e instanceof AppError ? { code: e.code, details: e.details } : { code: String(e), details: undefined },
  );

/** /proc state of a process: null when gone; a zombie ("Z") counts as gone. */
const alive = (pid: number) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

describe('LibreOffice DOCX → PDF', () => {
  let dir: string;
  const savedTmp = process.env.TMPDIR;

  beforeAll(() => {
    // A private temporary directory for this file, so that leftovers can be counted exactly.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-office-test-'));
    process.env.TMPDIR = path.join(dir, 'tmp');
    fs.mkdirSync(process.env.TMPDIR);
  });
  afterEach(() => {
    delete process.env[SOFFICE_ENV];
  });
  afterAll(() => {
    process.env.TMPDIR = savedTmp;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const script = (name: string, body: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return file;
  };

  it('finds soffice where Debian installs it, or where VANPHONG_SOFFICE says', () => {
    expect(findSoffice()).toMatch(/soffice|libreoffice/);
    process.env[SOFFICE_ENV] = path.join(dir, 'nowhere', 'soffice');
    expect(findSoffice()).toBeNull();
    process.env[SOFFICE_ENV] = script('my-soffice', 'exit 0');
    expect(findSoffice()).toBe(path.join(dir, 'my-soffice'));
  });

  it('converts a Vietnamese DOCX into a PDF whose text keeps every diacritic, and leaves no temporary file', async () => {
    const pdf = await docxToPdf(await sample('Hồng Lam, ngày 05 tháng 02 năm 2026 — ĐẢNG CỘNG SẢN VIỆT NAM'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(pdf, dir)).toContain('Hồng Lam, ngày 05 tháng 02 năm 2026 — ĐẢNG CỘNG SẢN VIỆT NAM');
    // Only the profile pool stays (removed when the process exits); each conversion's folder is gone.
    const left = fs.readdirSync(process.env.TMPDIR ?? '');
    expect(left).toEqual([expect.stringMatching(new RegExp(`^vanphong-office-${process.pid}-`))]);
    expect(fs.readdirSync(path.join(process.env.TMPDIR ?? '', left[0] ?? ''))).toEqual(['profile-1']);
  });

  it('removes the profile folders of processes that are gone, and only theirs', async () => {
    const tmp = process.env.TMPDIR ?? '';
    const dead = spawnSync('true').pid ?? 0;
    fs.mkdirSync(path.join(tmp, `vanphong-office-${dead}-abcdef`, 'profile-1'), { recursive: true });
    fs.mkdirSync(path.join(tmp, `vanphong-office-${process.ppid}-ghijkl`));
    fs.mkdirSync(path.join(tmp, 'someone-else'));
    vi.resetModules();
    const fresh = await import('./libreoffice.ts');
    await fresh.docxToPdf(await sample('Hồng Lam'));
    const left = fs.readdirSync(tmp).sort();
    expect(left).not.toContain(`vanphong-office-${dead}-abcdef`);
    expect(left).toContain(`vanphong-office-${process.ppid}-ghijkl`);
    expect(left).toContain('someone-else');
    fs.rmSync(path.join(tmp, `vanphong-office-${process.ppid}-ghijkl`), { recursive: true });
    fs.rmSync(path.join(tmp, 'someone-else'), { recursive: true });
  });

  it('runs two conversions at the same time, each with its own profile, and both succeed', async () => {
    const [a, b] = await Promise.all([
      docxToPdf(await sample('Công văn thứ nhất')),
      docxToPdf(await sample('Thông báo thứ hai')),
    ]);
    expect(pdfText(a, dir)).toContain('Công văn thứ nhất');
    expect(pdfText(b, dir)).toContain('Thông báo thứ hai');
    expect(officeLoad()).toMatchObject({ running: 0, waiting: 0 });
  });

  it('lets two soffice run at once and queues the third', async () => {
    process.env[SOFFICE_ENV] = script('slow-soffice', 'sleep 0.3\nexit 0');
    const docx = await sample('x');
    const jobs = [docxToPdf(docx), docxToPdf(docx), docxToPdf(docx)].map(codeOf);
    expect(officeLoad()).toEqual({ running: 2, waiting: 1, limit: 2 });
    const results = await Promise.all(jobs);
    // The stand-in writes no PDF: each one fails cleanly, and the queue drains.
    expect(results.map((r) => r.code)).toEqual(Array(3).fill('office.conversion_failed'));
    expect(officeLoad()).toMatchObject({ running: 0, waiting: 0 });
  });

  it('says office.unavailable when soffice is missing', async () => {
    process.env[SOFFICE_ENV] = path.join(dir, 'nowhere', 'soffice');
    const result = await codeOf(docxToPdf(await sample('x')));
    expect(result.code).toBe('office.unavailable');
  });

  it('says office.conversion_failed with what soffice printed when it fails', async () => {
    process.env[SOFFICE_ENV] = script(
      'failing-soffice',
      'echo "Error: source file could not be loaded" >&2\nexit 1',
    );
    const result = await codeOf(docxToPdf(await sample('x')));
    expect(result.code).toBe('office.conversion_failed');
    expect(result.details).toMatchObject({ reason: 'exit', exitCode: 1 });
    expect(JSON.stringify(result.details)).toContain('source file could not be loaded');
  });

  it('kills soffice and everything it started when the conversion takes too long', async () => {
    const pids = path.join(dir, 'hanging.pids');
    process.env[SOFFICE_ENV] = script('hanging-soffice', `sleep 30 &\necho "$$ $!" > "${pids}"\nwait`);
    const result = await codeOf(docxToPdf(await sample('x'), { timeoutMs: 500 }));
    expect(result.code).toBe('office.conversion_failed');
    expect(result.details).toMatchObject({ reason: 'timeout', timeoutMs: 500 });
    const [shell, sleeper] = fs.readFileSync(pids, 'utf8').trim().split(' ').map(Number);
    expect(alive(shell ?? 0)).toBe(false);
    // SIGKILL went to the whole group at once; the orphaned sleep may take a moment to be reaped.
    for (let i = 0; i < 40 && alive(sleeper ?? 0); i += 1) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(alive(sleeper ?? 0)).toBe(false);
  });

  it('still converts after a failure (the broken profile was replaced)', async () => {
    const pdf = await docxToPdf(await sample('Văn phòng Tỉnh ủy'));
    expect(pdfText(pdf, dir)).toContain('Văn phòng Tỉnh ủy');
  });
});
