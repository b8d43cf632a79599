import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { TEST_DB } from '../../../test/test-context.ts';
import { samples } from '../../platform/files/files.fixtures.ts';
import { createFileStore, fileStoreOf } from '../../platform/files/files.store.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { stageRowFiles } from './import.files.ts';
import { importIncoming, type ImportOptions } from './import.usecases.ts';

/**
 * The import's review fixes on the engine under test: files encrypted on the isolated LAN, the "Tệp"
 * column kept inside `--files` (no link, no way out, size checked before reading), the batch audited,
 * historic rows filed so that they leave the queue and the deadline lists.
 */
describe(`import incoming, safety and status, on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: Client;
  let vanthu: Client;
  let dir: string;
  let filesDir: string;
  let outside: string;

  const write = (name: string, content: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const run = (file: string, o: Partial<ImportOptions> = {}) =>
    importIncoming(t.ctx, {
      file,
      filesDir,
      committeeId: null,
      registerKind: 'ordinary',
      as: 'vanthu',
      operator: 'cli:test',
      dryRun: false,
      batch: null,
      numbering: 'new',
      chunkSize: 2,
      ...o,
    });
  /** A date `n` days before today (Vietnam), as the register writes it. */
  const daysAgo = (n: number) => toVietnamDate(new Date(t.ctx.clock.now().getTime() - n * 86_400_000)).split('-').reverse().join('/');
  const header = 'Ngày đến,Tác giả,"Số, ký hiệu",Ngày văn bản,Trích yếu,Hạn xử lý,Tệp';
  const docOf = (notation: string) =>
    t.ctx.db.selectFrom('incoming_documents').select(['id', 'status', 'attachment_count', 'completed_at']).where('notation', '=', notation).executeTakeFirstOrThrow();
  const ids = async (query: string) => {
    const r = await vanthu.get(`/api/incoming?${query}&limit=200`);
    expect(r.statusCode, r.body).toBe(200);
    return new Set((r.json().items as { id: number }[]).map((i) => i.id));
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    vanthu = await t.login('vanthu');
    dir = fs.mkdtempSync(path.join(t.db.dataDir, 'import-'));
    filesDir = path.join(dir, 'tep');
    outside = path.join(dir, 'ngoai');
    fs.mkdirSync(filesDir);
    fs.mkdirSync(outside);
  });
  afterAll(async () => t.cleanup());

  it('on the isolated LAN every imported file is stored encrypted, secret or not; elsewhere plain', async () => {
    const profile = (await admin.get('/api/settings')).json().settings.deploymentProfile as string;
    expect(['internet', 'party-wan']).toContain(profile);
    const content = (n: number) => Buffer.concat([samples.pdf(), Buffer.from(`% Báo cáo tình hình thực hiện nhiệm vụ ${n}\n`)]);
    fs.writeFileSync(path.join(filesDir, 'bao-cao-1.pdf'), content(1));
    fs.writeFileSync(path.join(filesDir, 'bao-cao-2.pdf'), content(2));
    const store = fileStoreOf(t.ctx);
    const fileOf = (notation: string) =>
      t.ctx.db
        .selectFrom('incoming_attachments')
        .innerJoin('incoming_documents', 'incoming_documents.id', 'incoming_attachments.document_id')
        .innerJoin('files', 'files.id', 'incoming_attachments.file_id')
        .select(['files.sha256', 'files.encryption'])
        .where('incoming_documents.notation', '=', notation)
        .executeTakeFirstOrThrow();

    expect((await admin.patch('/api/settings', { deploymentProfile: 'isolated-lan' })).statusCode).toBe(200);
    try {
      const s = await run(write('lan.csv', [header, `${daysAgo(90)},Sở Nội vụ,11-CV/SNV,${daysAgo(91)},V/v báo cáo thường (không mật),,bao-cao-1.pdf`].join('\n')));
      expect(s).toMatchObject({ done: 1, failed: 0 });
      const f = await fileOf('11-CV/SNV');
      expect(f.encryption).toBe('aes-256-gcm');
      const blob = fs.readFileSync(store.pathOf(f.sha256, 'aes-256-gcm'));
      expect(blob.includes(Buffer.from('tình hình thực hiện'))).toBe(false);
      expect(fs.existsSync(store.pathOf(f.sha256))).toBe(false);
    } finally {
      expect((await admin.patch('/api/settings', { deploymentProfile: profile })).statusCode).toBe(200);
    }
    await run(write('wan.csv', [header, `${daysAgo(90)},Sở Nội vụ,12-CV/SNV,${daysAgo(91)},V/v báo cáo trên mạng,,bao-cao-2.pdf`].join('\n')));
    expect((await fileOf('12-CV/SNV')).encryption).toBeNull();
  });

  it('the "Tệp" column reads no link and nothing outside --files, however it is reached', async () => {
    fs.writeFileSync(path.join(outside, 'mat.pdf'), Buffer.concat([samples.pdf(), Buffer.from('% tài liệu ngoài thư mục\n')]));
    fs.writeFileSync(path.join(filesDir, 'that.pdf'), Buffer.concat([samples.pdf(), Buffer.from('% tệp thật\n')]));
    fs.symlinkSync(path.join(outside, 'mat.pdf'), path.join(filesDir, 'lien-ket.pdf'));
    fs.symlinkSync('that.pdf', path.join(filesDir, 'ban-sao.pdf'));
    fs.symlinkSync(outside, path.join(filesDir, 'thu-muc'));
    const filesBefore = Number((await t.ctx.db.selectFrom('files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const rows = ['lien-ket.pdf', 'ban-sao.pdf', 'thu-muc/mat.pdf', '../ngoai/mat.pdf', 'that.pdf'].map(
      (f, i) => `${daysAgo(80)},Sở Nội vụ,${21 + i}-CV/SNV,${daysAgo(81)},V/v tệp ${i},,${f}`,
    );
    const s = await run(write('lien-ket.csv', [header, ...rows].join('\n')));
    expect(s).toMatchObject({ total: 5, done: 1, failed: 4 });
    expect(s.notable.map((r) => [r.rowNumber, r.errors])).toEqual([
      [2, [{ field: 'Tệp', message: 'Tệp «lien-ket.pdf» là một liên kết (symlink); chép chính tệp vào thư mục --files.' }]],
      [3, [{ field: 'Tệp', message: 'Tệp «ban-sao.pdf» là một liên kết (symlink); chép chính tệp vào thư mục --files.' }]],
      [4, [{ field: 'Tệp', message: 'Tên tệp «thu-muc/mat.pdf» ra ngoài thư mục --files.' }]],
      [5, [{ field: 'Tệp', message: 'Tên tệp «../ngoai/mat.pdf» ra ngoài thư mục --files.' }]],
    ]);
    expect((await docOf('25-CV/SNV')).attachment_count).toBe(1);
    const filesAfter = Number((await t.ctx.db.selectFrom('files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(filesAfter).toBe(filesBefore + 1);
  });

  it('a file over the size limit is refused from its metadata, without being opened', async () => {
    const small = createFileStore({ dataDir: t.db.dataDir, db: t.ctx.db, dialect: t.ctx.dialect, maxBytes: 4096 });
    fs.writeFileSync(path.join(filesDir, 'lon.pdf'), Buffer.concat([samples.pdf(), Buffer.alloc(5 * 1024 * 1024, 0x20)]));
    fs.writeFileSync(path.join(filesDir, 'nho.pdf'), Buffer.concat([samples.pdf(), Buffer.from('% nhỏ\n')]));
    const open = vi.spyOn(fsp, 'open');
    const readFile = vi.spyOn(fsp, 'readFile');
    try {
      const r = await stageRowFiles({ dir: filesDir, store: small, dryRun: true }, ['lon.pdf', 'nho.pdf'], { encrypt: false, label: 'Tệp' });
      expect(r.issues).toEqual([{ field: 'Tệp', message: 'Tệp «lon.pdf»: tệp quá lớn (5 MB, tối đa 4 KB).' }]);
      expect(r.staged.map((f) => f.originalName)).toEqual(['nho.pdf']);
      const opened = [...open.mock.calls, ...readFile.mock.calls].map((c) => path.basename(String(c[0])));
      expect(opened).toEqual(['nho.pdf']);
    } finally {
      open.mockRestore();
      readFile.mockRestore();
    }
  });

  it('audits the batch: import.started and import.finished in the name of the operator as the clerk, failures counted', async () => {
    const seqBefore = Number((await t.ctx.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
    const file = write(
      'kiem-tra.csv',
      [
        header,
        `${daysAgo(70)},Sở Tư pháp,41-CV/STP,${daysAgo(71)},V/v một,,`,
        `${daysAgo(69)},Sở Tư pháp,42-CV/STP,ngày mai,V/v hai,,`,
        `${daysAgo(2)},Sở Tư pháp,43-CV/STP,${daysAgo(3)},V/v ba,,`,
      ].join('\n'),
    );
    const s = await run(file);
    expect(s).toMatchObject({ done: 2, failed: 1, filed: 1 });
    const events = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'entity_type', 'entity_id', 'actor_name', 'details'])
      .where('seq', '>', seqBefore)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['import.started', 'incoming.registered', 'incoming.filed', 'incoming.registered', 'import.finished']);
    const started = events[0]!;
    const finished = events.at(-1)!;
    expect([started, finished].map((e) => [e.entity_type, e.entity_id, e.actor_name])).toEqual([
      ['import_batch', 'kiem-tra.csv', 'cli:test as vanthu'],
      ['import_batch', 'kiem-tra.csv', 'cli:test as vanthu'],
    ]);
    expect(JSON.parse(started.details)).toMatchObject({ file: 'kiem-tra.csv', rows: 3, dryRun: false, status: 'by-age' });
    expect(JSON.parse(finished.details)).toEqual({
      file: 'kiem-tra.csv',
      batch: 'kiem-tra.csv',
      dryRun: false,
      rows: 3,
      processed: 3,
      done: 2,
      filed: 1,
      skipped: 0,
      failed: 1,
    });

    // A run that breaks off (here: a dry run whose caller throws on the second row) rolls its rows back
    // but still records both events: each has its own transaction.
    const seqMid = Number((await t.ctx.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
    const broken = write('dung-giua.csv', [header, `${daysAgo(70)},Sở Tư pháp,44-CV/STP,${daysAgo(71)},V/v bốn,,`, `${daysAgo(70)},Sở Tư pháp,45-CV/STP,${daysAgo(71)},V/v năm,,`].join('\n'));
    await expect(
      run(broken, {
        dryRun: true,
        onRow: (r) => {
          if (r.rowNumber === 3) {
            throw new Error('terminal closed');
          }
        },
      }),
    ).rejects.toThrow('terminal closed');
    const after = await t.ctx.db.selectFrom('audit_events').select(['action', 'details']).where('seq', '>', seqMid).orderBy('seq').execute();
    expect(after.map((e) => [e.action, JSON.parse(e.details).dryRun, JSON.parse(e.details).error])).toEqual([
      ['import.started', true, undefined],
      ['import.finished', true, 'terminal closed'],
    ]);
  });

  it('historic rows are filed in the registering transaction (default: over 31 days old) and leave the queue and deadline lists', async () => {
    const file = write(
      'trang-thai.csv',
      [
        header,
        // Arrived two months ago with a deadline long past: filed by default.
        `${daysAgo(60)},Sở Xây dựng,301-CV/SXD,${daysAgo(62)},V/v văn bản cũ đã xử lý,${daysAgo(40)},`,
        // Arrived this week: stays registered, overdue since yesterday.
        `${daysAgo(3)},Sở Xây dựng,302-CV/SXD,${daysAgo(4)},V/v văn bản mới quá hạn,${daysAgo(1)},`,
        // Arrived this week, due today.
        `${daysAgo(2)},Sở Xây dựng,303-CV/SXD,${daysAgo(3)},V/v văn bản mới đến hạn hôm nay,${daysAgo(0)},`,
      ].join('\n'),
    );
    const s = await run(file);
    expect(s).toMatchObject({ done: 3, failed: 0, filed: 1 });
    const open = await run(write('mo.csv', [header, `${daysAgo(50)},Sở Xây dựng,304-CV/SXD,${daysAgo(51)},V/v cũ để mở,${daysAgo(35)},`].join('\n')), { status: 'registered' });
    expect(open).toMatchObject({ done: 1, filed: 0 });
    const shut = await run(write('luu.csv', [header, `${daysAgo(2)},Sở Xây dựng,305-CV/SXD,${daysAgo(3)},V/v mới nhưng đã xử lý,${daysAgo(0)},`].join('\n')), { status: 'filed' });
    expect(shut).toMatchObject({ done: 1, filed: 1 });

    const docs = await Promise.all(['301-CV/SXD', '302-CV/SXD', '303-CV/SXD', '304-CV/SXD', '305-CV/SXD'].map(docOf));
    expect(docs.map((d) => d.status)).toEqual(['filed', 'registered', 'registered', 'registered', 'filed']);
    // When the document was really dealt with is not known: no completion date (see import.filing.ts).
    expect(docs.map((d) => d.completed_at)).toEqual([null, null, null, null, null]);
    const [d301, d302, d303, d304, d305] = docs.map((d) => d.id);

    const overdue = await ids('overdue=true');
    const dueSoon = await ids('dueSoon=true');
    const queue = await ids('inbox=mine');
    const where = (id: number | undefined) => [overdue.has(id!), dueSoon.has(id!), queue.has(id!)];
    expect({
      d301: where(d301),
      d302: where(d302),
      d303: where(d303),
      d304: where(d304),
      d305: where(d305),
    }).toEqual({
      d301: [false, false, false],
      d302: [true, false, true],
      d303: [false, true, true],
      d304: [true, false, true],
      d305: [false, false, false],
    });
    // The document itself reads as filed, with the filing in its trail.
    const shown = (await vanthu.get(`/api/incoming/${d305}`)).json();
    expect(shown.status).toBe('filed');
    expect(shown.overdue).toBe(false);
    expect(shown.dueSoon).toBe(false);
  });
});
