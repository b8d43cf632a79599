import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { NOW } from './schedule.test-support.ts';

/** Issue 6 §2: the published week prints as the usual A4 landscape table (the demo week, with a change marked). */
describe('printed week', () => {
  let t: TestApp;
  let bithu: Client;
  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(NOW) });
    bithu = await t.login('bithu');
  });
  afterAll(async () => t.cleanup());

  it('is an A4 landscape PDF with the columns, the committee header and the marked change', async () => {
    const r = await bithu.get('/api/schedule/weeks/2026-W48/print.pdf');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const bytes = r.rawPayload;
    const doc = await PDFDocument.load(bytes);
    const page = doc.getPage(0);
    expect(Math.round(page.getWidth())).toBe(842);
    expect(Math.round(page.getHeight())).toBe(595);
    const dir = mkdtempSync(join(tmpdir(), 'schedule-pdf-'));
    const file = join(dir, 'week.pdf');
    writeFileSync(file, bytes);
    if (process.env.SCHEDULE_PDF_OUT) {
      writeFileSync(process.env.SCHEDULE_PDF_OUT, bytes);
    }
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const s of ['TỈNH ỦY HỒNG LAM', 'LỊCH CÔNG TÁC TUẦN 48', 'Thứ/ngày', 'Thời gian', 'Nội dung', 'Lãnh đạo dự', 'Địa điểm', 'Đơn vị chuẩn bị', 'Thành phần', 'Thứ Hai', '23/11/2026', 'Phạm Quang Vinh', '[Điều chỉnh]', 'Phát hành lần 1', 'Trang 1/']) {
      expect(text, s).toContain(s);
    }
    // A week not published prints for readers as an empty table; the draft preview is for managers only.
    expect((await bithu.get('/api/schedule/weeks/2026-W49/print.pdf?draft=true')).statusCode).toBe(403);
    const chanhvp = await t.login('chanhvp');
    const draft = await chanhvp.get('/api/schedule/weeks/2026-W49/print.pdf?draft=true');
    expect(draft.statusCode).toBe(200);
    writeFileSync(join(dir, 'draft.pdf'), draft.rawPayload);
    expect(execFileSync('pdftotext', [join(dir, 'draft.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC')).toContain('Bản dự thảo');
  });
});
