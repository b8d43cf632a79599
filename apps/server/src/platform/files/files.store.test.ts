import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-context.ts';
import { verifyAuditChain } from '../audit/audit.ts';
import { inTransaction } from '../context.ts';
import { AppError } from '../errors.ts';
import { samples } from './files.fixtures.ts';
import { createFileStore, fileStoreOf, type FileStore } from './files.store.ts';

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

const blobsOnDisk = (dataDir: string): string[] =>
  fs.existsSync(path.join(dataDir, 'files'))
    ? (fs.readdirSync(path.join(dataDir, 'files'), { recursive: true }) as string[]).filter((p) =>
        fs.statSync(path.join(dataDir, 'files', p)).isFile(),
      )
    : [];

describe('the content-addressed file store', () => {
  let t: TestContext;
  let store: FileStore;
  const log = { error: vi.fn() };
  const put = (bytes: Buffer, name: string, createdBy: number | null = null) =>
    inTransaction(t.ctx, (trx) => store.put({ bytes, name, createdBy, trx }));

  beforeAll(async () => {
    t = await createTestContext({ config: { maxFileBytes: 4096 } });
    store = fileStoreOf(t.ctx, log);
  });
  afterAll(async () => t.cleanup());

  it('keeps a PDF under files/<aa>/<bb>/<sha256> with its row, and the same bytes twice are stored once', async () => {
    const a = await put(samples.pdf(), 'Công văn 12.pdf');
    const b = await put(samples.pdf(), 'Bản sao.pdf');
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.sha256).toBe(a.sha256);
    expect(b.id).not.toBe(a.id);
    expect(a).toMatchObject({
      size: samples.pdf().length,
      contentType: 'application/pdf',
      originalName: 'Công văn 12.pdf',
    });
    const file = path.join(t.db.dataDir, 'files', a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256);
    expect(store.pathOf(a.sha256)).toBe(file);
    expect(fs.readFileSync(file).equals(samples.pdf())).toBe(true);
    expect(blobsOnDisk(t.db.dataDir).filter((p) => p.endsWith(a.sha256))).toHaveLength(1);
    expect(blobsOnDisk(t.db.dataDir).some((p) => path.basename(p).startsWith('.tmp-'))).toBe(false);
  });

  it('writes the files.uploaded audit event in the same transaction as the row', async () => {
    const f = await put(samples.png(), 'so-do.png', 1);
    const ev = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'files.uploaded')
      .where('entity_id', '=', String(f.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(ev.details)).toMatchObject({
      sha256: f.sha256,
      originalName: 'so-do.png',
      contentType: 'image/png',
    });
    expect(ev.actor_user_id).toBe(1);

    const before = await t.ctx.db
      .selectFrom('files')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const auditBefore = await t.ctx.db
      .selectFrom('audit_events')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const failed = inTransaction(t.ctx, async (trx) => {
      await store.put({ bytes: samples.jpg(), name: 'anh.jpg', createdBy: null, trx });
      throw new Error('the surrounding use case failed');
    });
    await expect(failed).rejects.toThrow('the surrounding use case failed');
    const after = await t.ctx.db
      .selectFrom('files')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const auditAfter = await t.ctx.db
      .selectFrom('audit_events')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('staging checks and writes the bytes without touching the database; registering adds row and audit event', async () => {
    const count = async (table: 'files' | 'audit_events') =>
      Number(
        (
          await t.ctx.db
            .selectFrom(table)
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [files, events] = [await count('files'), await count('audit_events')];
    const staged = await store.stage({ bytes: Buffer.from('Thông báo số 3\n'), name: 'thong-bao.txt' });
    expect(fs.readFileSync(store.pathOf(staged.sha256), 'utf8')).toBe('Thông báo số 3\n');
    expect([await count('files'), await count('audit_events')]).toEqual([files, events]);
    expect(await codeOf(store.stage({ bytes: samples.exe(), name: 'a.pdf' }))).toBe('files.forbidden_type');
    const f = await inTransaction(t.ctx, (trx) => store.register({ staged, createdBy: 1, trx }));
    expect(f).toMatchObject({ sha256: staged.sha256, originalName: 'thong-bao.txt', createdBy: 1 });
    expect([await count('files'), await count('audit_events')]).toEqual([files + 1, events + 1]);
  });

  it('refuses a file above the size limit with files.too_large and writes nothing', async () => {
    const big = Buffer.concat([Buffer.from('Báo cáo\n'), Buffer.alloc(5000, 0x61)]);
    const files = blobsOnDisk(t.db.dataDir).length;
    expect(await codeOf(put(big, 'bao-cao.txt'))).toBe('files.too_large');
    expect(blobsOnDisk(t.db.dataDir)).toHaveLength(files);
  });

  it('refuses executables and scripts by name or by content, whatever they pretend to be', async () => {
    const cases: [Buffer, string][] = [
      [samples.pdf(), 'hoso.pdf.exe'],
      [samples.text(), 'cai-dat.bat'],
      [samples.text(), 'chay.sh'],
      [samples.text(), 'macro.js'],
      [samples.zip(), 'ung-dung.jar'],
      [samples.exe(), 'cong-van.pdf'],
      [samples.elf(), 'ghi-chu.txt'],
      [samples.machO(), 'bang.xlsx'],
      [samples.shellScript(), 'huong-dan.txt'],
    ];
    for (const [bytes, name] of cases) {
      expect(`${name}: ${await codeOf(put(bytes, name))}`).toBe(`${name}: files.forbidden_type`);
    }
    expect(await codeOf(put(samples.text(), 'trang.html'))).toBe('files.forbidden_type');
  });

  it('refuses content that does not match its extension', async () => {
    const cases: [Buffer, string][] = [
      [samples.png(), 'to-trinh.pdf'],
      [samples.text(), 'bao-cao.docx'],
      [samples.png(), 'anh-the.jpg'],
      [samples.pdf(), 'ghi-chu.txt'],
      [Buffer.from('a\u0000b'), 'du-lieu.csv'],
      [Buffer.from([0xc3, 0x28]), 'sai-ma.txt'],
      [samples.text(), 'danh-sach.xml'],
      [samples.pdf(), 'cu.doc'],
      [samples.jpg(), 'luu-tru.zip'],
    ];
    for (const [bytes, name] of cases) {
      expect(`${name}: ${await codeOf(put(bytes, name))}`).toBe(`${name}: files.type_mismatch`);
    }
  });

  it('accepts every allowed kind with its canonical content type and a clean NFC name', async () => {
    const cases: [Buffer, string, string][] = [
      [
        samples.docx(),
        'Báo cáo.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [samples.cfb(), 'cu.doc', 'application/msword'],
      [samples.cfb(), 'bang-cu.xls', 'application/vnd.ms-excel'],
      [samples.jpg(), 'anh.JPEG', 'image/jpeg'],
      [samples.tif(), 'scan.tiff', 'image/tiff'],
      [samples.text(), 'ghi-chu.txt', 'text/plain; charset=utf-8'],
      [samples.csv(), 'danh-sach.csv', 'text/csv; charset=utf-8'],
      [samples.xml(), 'van-ban.xml', 'application/xml'],
      [samples.zip(), 'ho-so.zip', 'application/zip'],
    ];
    for (const [bytes, name, type] of cases) {
      expect((await put(bytes, name)).contentType).toBe(type);
    }
    const nfd = 'Quyết định'.normalize('NFD');
    const f = await put(samples.pdf(), `C:\\fakepath\\${nfd}.pdf`);
    expect(f.originalName).toBe('Quyết định.pdf');
    expect(f.originalName).toBe(f.originalName.normalize('NFC'));
  });

  it('detects bytes altered on disk, never returns them, logs it, and verifyAll names the damaged file', async () => {
    const f = await put(samples.csv(), 'bang-luong.csv');
    expect((await store.read(f.id)).bytes.equals(samples.csv())).toBe(true);
    fs.writeFileSync(store.pathOf(f.sha256), Buffer.from('số,tên\n1,Người khác\n'));
    log.error.mockClear();
    const err = await store.read(f.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('files.integrity');
    expect((err as AppError).status).toBe(500);
    expect(log.error).toHaveBeenCalled();
    const report = await store.verifyAll();
    expect(report.broken).toEqual([
      expect.objectContaining({
        sha256: f.sha256,
        reason: 'hash_mismatch',
        fileIds: expect.arrayContaining([f.id]),
      }),
    ]);
    expect(report.checked).toBeGreaterThan(5);

    // Uploading the genuine content again repairs the stored copy.
    await put(samples.csv(), 'bang-luong-lai.csv');
    expect((await store.read(f.id)).bytes.equals(samples.csv())).toBe(true);
  });

  it('treats a stored file that has disappeared as an integrity failure', async () => {
    const s = createFileStore({ dataDir: t.db.dataDir, db: t.ctx.db, maxBytes: 4096, log });
    const f = await inTransaction(t.ctx, (trx) =>
      s.put({ bytes: Buffer.from('Tệp sẽ mất\n'), name: 'mat.txt', createdBy: null, trx }),
    );
    fs.rmSync(s.pathOf(f.sha256));
    expect(await codeOf(s.read(f.id))).toBe('files.integrity');
    expect((await s.verifyAll()).broken.some((b) => b.sha256 === f.sha256 && b.reason === 'missing')).toBe(
      true,
    );
    expect(await codeOf(s.read(999_999))).toBe('files.not_found');
  });
});
