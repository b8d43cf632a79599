import type { CreateDraftInput } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { systemAuditContext } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { FileStore } from '../../platform/files/files.store.ts';
import { addCalendarDays, toVietnamDate } from '../calendar/calendar.workdays.ts';
import { createDraft } from '../outgoing/outgoing.drafts.ts';
import { ensureSeries, insertNumber, takeNumber } from '../outgoing/outgoing.numbering.ts';
import * as repo from '../outgoing/outgoing.repository.ts';
import { decide, saveCircuit, submit } from '../outgoing/outgoing.review.ts';
import { samplePdf } from '../outgoing/outgoing.samples.ts';
import { addVersionFile } from '../outgoing/outgoing.versions.ts';
import { actorOf } from './seed.incoming.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;
type Db = Kysely<Database>;

/**
 * Demo outgoing documents (issue 4), made through the real use cases where the work is on-line
 * (drafting, review, signature) and recorded directly for the three documents issued before the demo
 * starts (entered from the paper register, without files). Ids are stable on a fresh database: the
 * OpenAPI examples use them.
 *
 *  1 TB 01-TB/TU issued · 2 TB 03-TB/TU issued (02 void) · 3 BC 01-BC/TU issued ·
 *  4 TB signed, ready to issue · 5 CV awaiting bithu's signature · 6 CV at chanhvp's review ·
 *  7 CV draft · 8 KH draft ready to submit · 9 CV at chanhvp's review (to return) ·
 *  10 draft with an uploaded PDF version · 11 Mật công văn recorded as a stub (draft).
 */
export async function seedDemoOutgoing(ctx: Ctx, store: FileStore | null): Promise<void> {
  const c = ctx as Pick<AppContext, 'db' | 'dialect' | 'clock' | 'config'>;
  const audit = systemAuditContext('seed');
  const [admin, specialist, chief, secretary] = await Promise.all([actorOf(ctx, 'admin'), actorOf(ctx, 'chuyenvien'), actorOf(ctx, 'chanhvp'), actorOf(ctx, 'bithu')]);
  const as = (actor: typeof admin) => ({ actor, audit });
  const type = async (abbreviation: string) =>
    (await ctx.db.selectFrom('document_types').select('id').where('family', '=', 'party').where('abbreviation', '=', abbreviation).executeTakeFirstOrThrow()).id;
  const org = async (code: string) => (await ctx.db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const committee = async (name: string) => (await ctx.db.selectFrom('committees').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const agency = async (abbreviation: string) => (await ctx.db.selectFrom('agencies').select('id').where('abbreviation', '=', abbreviation).executeTakeFirstOrThrow()).id;
  const province = specialist.scopeCommitteeId as number;
  const vptu = await agency('VPTU');

  await saveCircuit(c, as(admin), {
    issuerCommitteeId: province,
    issuerAgencyId: null,
    documentTypeId: null,
    authorityForm: 'TM',
    authorityLine: 'T/M BAN THƯỜNG VỤ',
    signerTitle: 'BÍ THƯ',
    steps: [
      { kind: 'review', userId: chief.userId, label: 'Chánh Văn phòng thẩm định' },
      { kind: 'sign', userId: secretary.userId, label: 'Bí thư Tỉnh ủy ký' },
    ],
  });
  await saveCircuit(c, as(admin), {
    issuerCommitteeId: province,
    issuerAgencyId: vptu,
    documentTypeId: null,
    authorityForm: 'direct',
    authorityLine: '',
    signerTitle: 'CHÁNH VĂN PHÒNG',
    steps: [{ kind: 'sign', userId: chief.userId, label: 'Chánh Văn phòng ký' }],
  });

  const [TB, BC, CV, KH] = await Promise.all([type('TB'), type('BC'), type('CV'), type('KH')]);
  const [vptw, ubnd, btctw] = await Promise.all([org('VPTW'), org('UBND'), org('BTCTW')]);
  const [tanPhu, dongThanh] = await Promise.all([committee('Đảng ủy xã Tân Phú'), committee('Đảng ủy phường Đông Thành')]);
  const btctu = await agency('BTCTU');
  const draft = (input: Omit<CreateDraftInput, 'issuerCommitteeId' | 'issuerAgencyId' | 'secrecy' | 'urgency' | 'copies' | 'congress' | 'draftingAgencyId' | 'paperLocation'> & Partial<CreateDraftInput>) =>
    createDraft(c, as(specialist), { issuerCommitteeId: province, issuerAgencyId: null, secrecy: 'none', urgency: 'normal', copies: 1, congress: false, draftingAgencyId: vptu, paperLocation: '', ...input });
  const content = (summary: string, body: string, addressees: string[] = []) => ({ summary, body, addressees, extraRecipientLines: [] });
  const today = toVietnamDate(ctx.clock.now());

  // 1–3: issued before the demo, entered from the paper register (no files).
  const d1 = await draft({
    documentTypeId: TB,
    recipients: [{ committeeId: null, agencyId: null, organizationId: vptw }, { committeeId: null, agencyId: null, organizationId: btctw }],
    content: content(
      'Kết luận của Ban Thường vụ Tỉnh ủy về công tác chuẩn bị đại hội đảng bộ cơ sở nhiệm kỳ 2025–2030',
      'Ngày 10/11, Ban Thường vụ Tỉnh ủy nghe Ban Tổ chức Tỉnh ủy báo cáo tiến độ chuẩn bị đại hội đảng bộ cơ sở.\nBan Thường vụ Tỉnh ủy kết luận như sau:\n1. Các đảng ủy trực thuộc hoàn thành đại hội điểm trước ngày 15/12.\n2. Ban Tổ chức Tỉnh ủy hướng dẫn công tác nhân sự, báo cáo Thường trực Tỉnh ủy.',
    ),
  });
  await recordIssued(c, d1.id, { date: addCalendarDays(today, -40), signer: secretary.userId });
  await recordVoid(c, { committeeId: province, typeId: TB, date: addCalendarDays(today, -30), reason: 'Lấy nhầm số; văn bản không ban hành', by: chief.userId });
  const d2 = await draft({
    documentTypeId: TB,
    recipients: [{ committeeId: null, agencyId: null, organizationId: ubnd }],
    content: content('Ý kiến của Thường trực Tỉnh ủy về dự thảo kế hoạch phát triển kinh tế – xã hội năm 2027', 'Thường trực Tỉnh ủy thống nhất với dự thảo và đề nghị Ủy ban nhân dân tỉnh tiếp thu các ý kiến tại hội nghị.'),
  });
  await recordIssued(c, d2.id, { date: addCalendarDays(today, -20), signer: secretary.userId });
  const d3 = await draft({
    documentTypeId: BC,
    recipients: [{ committeeId: null, agencyId: null, organizationId: vptw }],
    content: content('Báo cáo kết quả công tác xây dựng Đảng tháng 10 năm 2026', 'Trong tháng, các cấp ủy tập trung lãnh đạo thực hiện nhiệm vụ chính trị, công tác xây dựng Đảng.'),
  });
  await recordIssued(c, d3.id, { date: addCalendarDays(today, -10), signer: secretary.userId });

  // 4: signed, ready to issue (the OpenAPI example issues it).
  const d4 = await draft({
    documentTypeId: TB,
    urgency: 'urgent',
    recipients: [{ committeeId: tanPhu, agencyId: null, organizationId: null }, { committeeId: null, agencyId: btctu, organizationId: null }, { committeeId: null, agencyId: null, organizationId: ubnd }],
    content: content(
      'Kết luận của Thường trực Tỉnh ủy về công tác phòng, chống thiên tai cuối năm 2026',
      'Thường trực Tỉnh ủy yêu cầu các cấp ủy, chính quyền chủ động phương án ứng phó với mưa lũ cuối năm.\n1. Đảng ủy các xã, phường ven biển rà soát khu dân cư có nguy cơ sạt lở.\n2. Ban Tổ chức Tỉnh ủy phối hợp bố trí cán bộ trực ban.',
    ),
  });
  await submit(c, as(specialist), d4.id, 1);
  await decide(c, as(chief), d4.id, 'approve', { version: 2, comment: 'Đồng ý, trình Bí thư ký.' });
  await decide(c, as(secretary), d4.id, 'sign', { version: 3, comment: '' });
  await bumpToVersion(ctx.db, d4.id, 1);

  // 5: approved by the office chief, awaiting bithu's signature.
  const d5 = await draft({
    documentTypeId: CV,
    recipients: [{ committeeId: dongThanh, agencyId: null, organizationId: null }, { committeeId: tanPhu, agencyId: null, organizationId: null }],
    content: content(
      'V/v tổng kết công tác năm 2026 và xây dựng chương trình công tác năm 2027',
      'Để chuẩn bị hội nghị Ban Chấp hành Đảng bộ tỉnh cuối năm, Ban Thường vụ Tỉnh ủy đề nghị các đảng ủy trực thuộc xây dựng báo cáo tổng kết, gửi về Văn phòng Tỉnh ủy trước ngày 10/12/2026.',
      ['Các đảng ủy trực thuộc Tỉnh ủy'],
    ),
  });
  await submit(c, as(specialist), d5.id, 1);
  await decide(c, as(chief), d5.id, 'approve', { version: 2, comment: 'Đồng ý.' });
  await bumpToVersion(ctx.db, d5.id, 1);

  // 6 and 9: at the office chief's review; 7: a draft; 8: ready to submit.
  const d6 = await draft({
    documentTypeId: CV,
    recipients: [{ committeeId: null, agencyId: btctu, organizationId: null }],
    content: content('V/v cử cán bộ tham gia đoàn kiểm tra công tác đảng viên', 'Ban Thường vụ Tỉnh ủy đề nghị Ban Tổ chức Tỉnh ủy cử 02 cán bộ tham gia đoàn kiểm tra.', ['Ban Tổ chức Tỉnh ủy']),
  });
  await submit(c, as(specialist), d6.id, 1);
  await bumpToVersion(ctx.db, d6.id, 1);
  const d7 = await draft({
    documentTypeId: CV,
    recipients: [{ committeeId: tanPhu, agencyId: null, organizationId: null }],
    content: content('V/v báo cáo tình hình thực hiện Chỉ thị 05-CT/TW năm 2026', 'Ban Thường vụ Tỉnh ủy đề nghị Đảng ủy xã Tân Phú báo cáo kết quả thực hiện Chỉ thị 05-CT/TW trước ngày 20/12/2026.', ['Đảng ủy xã Tân Phú']),
  });
  const d8 = await draft({
    documentTypeId: KH,
    recipients: [{ committeeId: dongThanh, agencyId: null, organizationId: null }, { committeeId: tanPhu, agencyId: null, organizationId: null }],
    content: content('Kế hoạch kiểm tra, giám sát năm 2027 của Ban Thường vụ Tỉnh ủy', 'Thực hiện chương trình kiểm tra, giám sát toàn khóa, Ban Thường vụ Tỉnh ủy ban hành kế hoạch kiểm tra, giám sát năm 2027.'),
  });
  const d9 = await draft({
    documentTypeId: CV,
    recipients: [{ committeeId: null, agencyId: null, organizationId: ubnd }],
    content: content('V/v góp ý dự thảo đề án sắp xếp đơn vị sự nghiệp', 'Ban Thường vụ Tỉnh ủy có ý kiến về dự thảo đề án như sau.', ['Ban cán sự đảng Ủy ban nhân dân tỉnh']),
  });
  await submit(c, as(specialist), d9.id, 1);
  await bumpToVersion(ctx.db, d9.id, 1);

  // 10: a draft whose current version is an uploaded PDF; 11: a Mật công văn recorded as a stub.
  const d10 = await draft({
    documentTypeId: CV,
    recipients: [{ committeeId: null, agencyId: null, organizationId: vptw }],
    content: content('V/v đăng ký nhu cầu đào tạo lý luận chính trị năm 2027', '', ['Văn phòng Trung ương Đảng']),
  });
  if (store) {
    const bytes = await samplePdf('Cong van dang ky dao tao ly luan chinh tri nam 2027');
    const file = await inTransaction(ctx, (trx) => store.put({ bytes, name: 'cong-van-dao-tao.pdf', createdBy: specialist.userId, trx, audit }));
    await addVersionFile(c, as(specialist), d10.id, { fileId: file.id, note: 'Bản PDF trình ký' });
  }
  await draft({
    documentTypeId: CV,
    secrecy: 'confidential',
    paperLocation: 'Tủ tài liệu mật, phòng Văn thư',
    recipients: [{ committeeId: null, agencyId: null, organizationId: btctw, delivery: 'paper' }],
    content: content('V/v công tác bảo vệ chính trị nội bộ', '', ['Ban Tổ chức Trung ương']),
  });
  await bumpToVersion(ctx.db, d10.id, 1);
  void d7;
  void d8;
}

/** A document issued before the system: its number from its series, its review steps done, no files. */
async function recordIssued(ctx: Pick<AppContext, 'db' | 'dialect' | 'clock'>, id: number, v: { date: string; signer: number }) {
  await inTransaction(ctx, async (trx) => {
    const doc = (await repo.findDocument(trx, id))!;
    const at = `${v.date}T09:00:00+07:00`;
    const iso = new Date(at).toISOString();
    const series = await ensureSeries(trx, { committeeId: doc.committee_id, agencyId: doc.agency_id, documentTypeId: doc.document_type_id, congress: false, secrecy: 'none', date: v.date, now: iso });
    const number = await takeNumber(trx, series.id);
    const notation = series.notationFor(number);
    await insertNumber(trx, { seriesId: series.id, number, state: 'issued', notation, documentId: id, documentTypeId: doc.document_type_id, reason: '', by: null, now: iso });
    await repo.insertSteps(trx, id, 1, [{ kind: 'sign', label: 'Bí thư Tỉnh ủy ký', userId: v.signer }]);
    await (trx as Db).updateTable('outgoing_review_steps').set({ status: 'signed', acted_by: v.signer, acted_at: iso }).where('document_id', '=', id).execute();
    await (trx as Db)
      .updateTable('outgoing_documents')
      .set({
        status: 'issued',
        signer_id: v.signer,
        signer_name: await repo.userName(trx, v.signer),
        signed_at: iso,
        series_id: series.id,
        number,
        notation,
        notation_folded: notation.toLowerCase(),
        issued_on: v.date,
        issued_at: iso,
        updated_at: iso,
      })
      .where('id', '=', id)
      .execute();
  });
}

async function recordVoid(ctx: Pick<AppContext, 'db' | 'dialect' | 'clock'>, v: { committeeId: number; typeId: number; date: string; reason: string; by: number }) {
  await inTransaction(ctx, async (trx) => {
    const iso = new Date(`${v.date}T10:00:00+07:00`).toISOString();
    const series = await ensureSeries(trx, { committeeId: v.committeeId, agencyId: null, documentTypeId: v.typeId, congress: false, secrecy: 'none', date: v.date, now: iso });
    const number = await takeNumber(trx, series.id);
    await insertNumber(trx, { seriesId: series.id, number, state: 'void', notation: series.notationFor(number), documentId: null, documentTypeId: v.typeId, reason: v.reason, by: v.by, now: iso });
  });
}

/** Demo documents start at version 1 so the OpenAPI examples can name it. */
async function bumpToVersion(db: Kysely<Database>, id: number, version: number) {
  await db.updateTable('outgoing_documents').set({ version }).where('id', '=', id).execute();
}
