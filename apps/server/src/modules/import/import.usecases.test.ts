import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { TEST_DB } from '../../../test/test-context.ts';
import { samples } from '../../platform/files/files.fixtures.ts';
import { encodeLegacy } from '../../platform/text/legacy.ts';
import { importIncoming, type ImportOptions } from './import.usecases.ts';

/**
 * The import against a real database of the engine under test, through the incoming module's own
 * registration: good rows land with their numbers, bad rows are reported and leave no trace, a dry
 * run writes nothing, legacy CSV and XLSX are read.
 */
describe(`import incoming on ${TEST_DB}`, () => {
  let t: TestApp;
  let vanthu: Client;
  let dir: string;
  let filesDir: string;
  let vanthuId: number;

  const write = (name: string, content: string | Buffer) => {
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
      numbering: 'keep',
      chunkSize: 2,
      ...o,
    });
  const docsByNotation = (notations: string[]) =>
    t.ctx.db
      .selectFrom('incoming_documents')
      .innerJoin('incoming_registers', 'incoming_registers.id', 'incoming_documents.register_id')
      .select([
        'incoming_documents.id',
        'notation',
        'arrival_number',
        'arrival_date',
        'arrived_at',
        'issuer_name',
        'summary',
        'note',
        'urgency',
        'status',
        'created_by',
        'attachment_count',
        'incoming_registers.year',
        'incoming_registers.kind',
      ])
      .where('notation', 'in', notations)
      .orderBy('arrival_number')
      .execute();
  const count = async (table: 'incoming_documents' | 'files' | 'audit_events' | 'import_rows' | 'incoming_registers' | 'incoming_trail' | 'notifications' | 'incoming_attachments') =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const blobs = () => {
    const root = path.join(t.db.dataDir, 'files');
    const walk = (d: string): string[] => (fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [e.name])) : []);
    return walk(root).length;
  };

  beforeAll(async () => {
    t = await createTestApp();
    vanthu = await t.login('vanthu');
    dir = fs.mkdtempSync(path.join(t.db.dataDir, 'import-'));
    filesDir = path.join(dir, 'tep');
    fs.mkdirSync(filesDir);
    fs.writeFileSync(path.join(filesDir, 'cv12.pdf'), samples.pdf());
    fs.writeFileSync(path.join(filesDir, 'phu luc.png'), samples.png());
    vanthuId = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'vanthu').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t.cleanup());

  it('registers good rows through the registration: kept numbers and dates, files, trail, audit in the clerk’s name', async () => {
    const file = write(
      'so-den-2023.csv',
      [
        'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2023',
        'STT,Ngày đến,Số đến,Tác giả,"Số, ký hiệu",Ngày văn bản,Loại văn bản,Trích yếu,Độ khẩn,Đơn vị nhận,Tệp',
        '1,03/01/2023,1,Văn phòng Trung ương Đảng,915-CV/VPTW,30/12/2022,Công văn,"V/v chuẩn bị tổng kết công tác năm 2022",Khẩn,Văn phòng,cv12.pdf; phu luc.png',
        '2,8h15 04/01/2023,2,UBND tỉnh Hồng Lam,945/QĐ-UBND,02/01/2023,Quyết định,Quyết định thành lập Ban chỉ đạo,,Ban Tổ chức,',
        '3,05/01/2023,3,Ban Tổ chức Trung ương,931-HD/BTCTW,04/01/2023,HD,Hướng dẫn kết nạp đảng viên,,,',
      ].join('\r\n'),
    );
    const s = await run(file);
    expect(s).toMatchObject({ total: 3, done: 3, skipped: 0, failed: 0, batch: 'so-den-2023.csv', encoding: 'utf-8', legacyEncoding: null });
    const docs = await docsByNotation(['915-CV/VPTW', '945/QĐ-UBND', '931-HD/BTCTW']);
    // Arrived years ago: filed (lưu) in the registering transaction, by default.
    expect(docs.map((d) => [d.arrival_number, d.arrival_date, d.year, d.kind, d.status, d.created_by])).toEqual([
      [1, '2023-01-03', 2023, 'ordinary', 'filed', vanthuId],
      [2, '2023-01-04', 2023, 'ordinary', 'filed', vanthuId],
      [3, '2023-01-05', 2023, 'ordinary', 'filed', vanthuId],
    ]);
    expect(docs[1]!.arrived_at).toBe('2023-01-04T01:15:00.000Z'); // 08:15 in Vietnam
    expect(docs[0]).toMatchObject({ urgency: 'urgent', attachment_count: 2, note: 'Đơn vị nhận: Văn phòng', issuer_name: 'Văn phòng Trung ương Đảng' });
    // Read back as the clerk through the API, as any registered document.
    const shown = (await vanthu.get(`/api/incoming/${docs[0]!.id}`)).json();
    expect(shown).toMatchObject({ arrivalNumber: 1, notation: '915-CV/VPTW' });
    expect(shown.attachments.map((a: { name?: string; originalName?: string }) => a.name ?? a.originalName)).toEqual(['cv12.pdf', 'phu luc.png']);
    const audit = await t.ctx.db.selectFrom('audit_events').select(['action', 'actor_user_id', 'actor_name']).where('entity_type', '=', 'incoming').where('entity_id', '=', String(docs[0]!.id)).execute();
    expect(audit).toEqual([
      { action: 'incoming.registered', actor_user_id: vanthuId, actor_name: 'cli:test as vanthu' },
      { action: 'incoming.filed', actor_user_id: vanthuId, actor_name: 'cli:test as vanthu' },
    ]);
    const trail = await t.ctx.db.selectFrom('incoming_trail').select(['action', 'from_status', 'to_status', 'note']).where('document_id', '=', docs[0]!.id).orderBy('id').execute();
    expect(trail).toEqual([
      { action: 'registered', from_status: null, to_status: 'registered', note: '' },
      { action: 'filed', from_status: 'registered', to_status: 'filed', note: 'Nhập từ sổ cũ (lô «so-den-2023.csv»): đã xử lý, lưu.' },
    ]);
    // An urgent document of 2023 tells no leader today.
    const told = await t.ctx.db.selectFrom('notifications').select('id').where('entity_id', '=', String(docs[0]!.id)).execute();
    expect(told).toEqual([]);
    const ledger = await t.ctx.db.selectFrom('import_rows').select(['row_number', 'status', 'incoming_id']).where('batch_key', '=', 'so-den-2023.csv').orderBy('row_number').execute();
    expect(ledger).toEqual(docs.map((d, i) => ({ row_number: i + 3, status: 'done', incoming_id: d.id })));
    const reg = await t.ctx.db.selectFrom('incoming_registers').select('last_number').where('year', '=', 2023).where('kind', '=', 'ordinary').executeTakeFirstOrThrow();
    expect(reg.last_number).toBe(3);
  });

  it('reports bad rows with row number, column and a Vietnamese message, and writes nothing of them', async () => {
    const before = { docs: await count('incoming_documents'), files: await count('files'), audit: await count('audit_events'), blobs: blobs() };
    const file = write(
      'loi.csv',
      [
        'Ngày đến,Số đến,Tác giả,"Số, ký hiệu",Ngày văn bản,Trích yếu,Tệp',
        '10/01/2023,4,Tỉnh ủy Hồng Lam,16-CV/TU,09/01/2023,V/v dòng tốt,',
        '11/01/2023,5,Tỉnh ủy Hồng Lam,17-CV/TU,31/02/2023,V/v ngày sai,',
        '12/01/2023,6,Tỉnh ủy Hồng Lam,,10/01/2023,V/v thiếu ký hiệu,',
        '13/01/2023,7,Tỉnh ujy Hồng Lam,18-CV/TU,10/01/2023,V/v tệp lạ,khong-co.pdf',
        // Fails inside the registration, after its file row was written: the savepoint takes both back.
        '14/01/2023,4,Tỉnh ủy Hồng Lam,19-CV/TU,10/01/2023,V/v số đến trùng,cv12.pdf',
        '01/01/2099,8,Tỉnh ủy Hồng Lam,20-CV/TU,10/01/2023,V/v đến trong tương lai,',
      ].join('\n'),
    );
    const s = await run(file);
    expect(s).toMatchObject({ total: 6, done: 1, failed: 5 });
    expect(s.notable.map((r) => [r.rowNumber, r.status, r.errors])).toEqual([
      [3, 'failed', [{ field: 'Ngày văn bản', message: 'Ngày không hợp lệ: «31/02/2023» (viết ngày/tháng/năm, ví dụ 05/03/2024).' }]],
      [4, 'failed', [{ field: 'Số, ký hiệu', message: 'Chưa có số, ký hiệu văn bản.' }]],
      [5, 'failed', [{ field: 'Tệp', message: `Không tìm thấy tệp «khong-co.pdf» trong thư mục ${filesDir}.` }]],
      [6, 'failed', [{ field: 'Số đến', message: expect.stringMatching(/^Số đến 4 đã có trong sổ \(văn bản id \d+\); dùng --numbering new/) }]],
      [7, 'failed', [{ field: 'Ngày đến', message: 'Ngày đến sau thời điểm hiện tại.' }]],
    ]);
    const docs = await docsByNotation(['16-CV/TU', '17-CV/TU', '18-CV/TU', '19-CV/TU', '20-CV/TU']);
    expect(docs.map((d) => d.notation)).toEqual(['16-CV/TU']);
    expect(await count('incoming_documents')).toBe(before.docs + 1);
    expect(await count('files')).toBe(before.files);
    // The good row: its registration and filing events (the register of 2023 exists already), and the
    // batch's import.started and import.finished; no event for a failed row.
    expect(await count('audit_events')).toBe(before.audit + 4);
    // cv12.pdf was staged for row 6, but its content is already stored: no new blob.
    expect(blobs()).toBe(before.blobs);
    const failed = await t.ctx.db.selectFrom('import_rows').select(['row_number', 'status', 'error']).where('batch_key', '=', 'loi.csv').where('status', '=', 'failed').orderBy('row_number').execute();
    expect(failed.map((f) => f.row_number)).toEqual([3, 4, 5, 6, 7]);
    expect(JSON.parse(failed[0]!.error!)).toEqual([{ field: 'Ngày văn bản', message: expect.stringContaining('31/02/2023') }]);

    // Corrected and run again: the good row is skipped, the corrected ones go in, the rest fail again.
    const fixed = fs.readFileSync(file, 'utf8').replace('31/02/2023', '09/01/2023').replace(',,10/01/2023,V/v thiếu', ',21-CV/TU,10/01/2023,V/v thiếu');
    fs.writeFileSync(file, fixed);
    const again = await run(file);
    expect(again).toMatchObject({ total: 6, done: 2, skipped: 1, failed: 3 });
    expect((await docsByNotation(['17-CV/TU', '21-CV/TU'])).map((d) => d.arrival_number)).toEqual([5, 6]);
  });

  it('a dry run checks everything, tells what would happen and writes nothing', async () => {
    const tables = ['incoming_documents', 'incoming_registers', 'files', 'audit_events', 'import_rows', 'incoming_trail', 'notifications', 'incoming_attachments'] as const;
    const before = await Promise.all(tables.map(count));
    const blobsBefore = blobs();
    fs.writeFileSync(path.join(filesDir, 'moi.pdf'), Buffer.concat([samples.pdf(), Buffer.from('% chưa lưu\n')]));
    const file = write(
      'thu.csv',
      [
        'Ngày đến,Tác giả,"Số, ký hiệu",Ngày văn bản,Trích yếu,Độ khẩn,Tệp',
        '02/02/2022,Văn phòng Trung ương Đảng,1-TB/VPTW,01/02/2022,Thông báo lịch nghỉ Tết,Hỏa tốc,moi.pdf',
        '03/02/2022,Văn phòng Trung ương Đảng,2-TB/VPTW,01/02/2022,Thông báo kết luận,,',
        '04/02/2022,Văn phòng Trung ương Đảng,3-TB/VPTW,05/02/2022,Ngày văn bản sau ngày đến,,',
      ].join('\n'),
    );
    const seen: string[] = [];
    const s = await run(file, { dryRun: true, onRow: (r) => seen.push(`${r.rowNumber}:${r.status}:${r.arrivalNumber ?? '-'}`) });
    expect(s).toMatchObject({ dryRun: true, total: 3, done: 2, failed: 1 });
    // The register of 2022 does not exist yet: the numbers it would give.
    expect(seen).toEqual(['2:done:1', '3:done:2', '4:failed:-']);
    expect(s.notable[0]!.errors).toEqual([{ field: 'Ngày văn bản', message: 'Ngày văn bản sau ngày đến.' }]);
    // Nothing but the batch's two audit events (marked as a dry run).
    const after = await Promise.all(tables.map(count));
    expect(after).toEqual(before.map((n, i) => (tables[i] === 'audit_events' ? n + 2 : n)));
    const events = await t.ctx.db.selectFrom('audit_events').select(['action', 'details']).orderBy('seq', 'desc').limit(2).execute();
    expect(events.map((e) => [e.action, JSON.parse(e.details).dryRun, JSON.parse(e.details).file])).toEqual([
      ['import.finished', true, 'thu.csv'],
      ['import.started', true, 'thu.csv'],
    ]);
    expect(blobs()).toBe(blobsBefore);
  });

  it('reads a Windows-1252 CSV of TCVN3 text and a VNI one, and stores Unicode', async () => {
    for (const [enc, n] of [['tcvn3', 30], ['vni', 40]] as const) {
      const lines = [
        'Ngày đến,Tác giả,Số, ký hiệu,Ngày văn bản,Trích yếu,Độ mật'.replace('Số, ký hiệu', '"Số, ký hiệu"'),
        `06/03/2023,Ban Tuyên giáo Tỉnh ủy,${n}-CV/BTGTU,01/03/2023,Về việc tuyên truyền kỷ niệm ngày thành lập Đảng,`,
        `07/03/2023,Văn phòng Tỉnh ủy,${n + 1}-TB/VPTU,02/03/2023,Thông báo kết quả kiểm tra đảng viên,`,
      ];
      const bytes = Buffer.from(encodeLegacy(lines.join('\r\n'), enc), 'latin1');
      const s = await run(write(`${enc}.csv`, bytes));
      expect(s, enc).toMatchObject({ encoding: 'windows-1252', legacyEncoding: enc, done: 2, failed: 0 });
      const docs = await docsByNotation([`${n}-CV/BTGTU`, `${n + 1}-TB/VPTU`]);
      expect(docs.map((d) => [d.issuer_name, d.summary])).toEqual([
        ['Ban Tuyên giáo Tỉnh ủy', 'Về việc tuyên truyền kỷ niệm ngày thành lập Đảng'],
        // (TCVN3 has no codes of its own for toned capitals such as Ủ: those come back lower case.)
        ['Văn phòng Tỉnh ủy', 'Thông báo kết quả kiểm tra đảng viên'],
      ]);
    }
  });

  it('reads an XLSX register (date cells, number cells) and --numbering new keeps the old number in the note', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sổ văn bản đến');
    ws.addRow(['Sổ đăng ký văn bản đến năm 2021']);
    ws.addRow(['Ngày đến', 'Số đến', 'Cơ quan ban hành', 'Số, ký hiệu', 'Ngày văn bản', 'Trích yếu', 'Độ mật', 'Nơi lưu bản giấy']);
    ws.addRow([new Date(Date.UTC(2021, 5, 1)), 101, 'Tỉnh ủy Hồng Lam', '50-KH/TU', new Date(Date.UTC(2021, 4, 28)), 'Kế hoạch tổ chức đại hội', '', '']);
    ws.addRow([new Date(Date.UTC(2021, 5, 2, 9, 45)), 102, 'Tỉnh ủy Hồng Lam', '51-BC/TU', '29/05/2021', '', 'Mật', 'Tủ hồ sơ mật, phòng Văn thư']);
    const file = write('so-2021.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const s = await run(file, { numbering: 'new' });
    expect(s).toMatchObject({ encoding: 'xlsx', done: 2, failed: 0 });
    const docs = await docsByNotation(['50-KH/TU', '51-BC/TU']);
    expect(docs.map((d) => [d.kind, d.year, d.arrival_number, d.arrival_date, d.note])).toEqual([
      ['ordinary', 2021, 1, '2021-06-01', 'Số đến trong sổ cũ: 101'],
      ['secret', 2021, 1, '2021-06-02', 'Số đến trong sổ cũ: 102'],
    ]);
    expect(docs[1]!.arrived_at).toBe('2021-06-02T02:45:00.000Z');
  });

  it('refuses a file without the required columns, a user who may not register, an unknown committee', async () => {
    const file = write('thieu.csv', 'Ngày đến,Tác giả,Trích yếu,Độ khẩn\n01/01/2023,X,Y,\n');
    await expect(run(file)).rejects.toMatchObject({ code: 'import.unusable_file', message: 'thiếu cột: Số, ký hiệu; Ngày văn bản' });
    const ok = write('ok.csv', 'Tác giả,"Số, ký hiệu",Ngày văn bản,Trích yếu\nX,1-CV/X,01/01/2023,Y\n');
    await expect(run(ok, { as: 'chuyenvien' })).rejects.toMatchObject({ code: 'import.unusable_file', message: expect.stringContaining('không có quyền vào sổ') });
    await expect(run(ok, { committeeId: 9999 })).rejects.toMatchObject({ code: 'import.unusable_file', message: 'không có cấp ủy id 9999 (--committee)' });
  });
});
