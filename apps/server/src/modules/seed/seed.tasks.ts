import { progressInput, taskInput, type TaskCadence } from '@vanphong/contracts';
import type { z } from 'zod';
import { systemAuditContext } from '../../platform/audit/audit.ts';
import { fixedClock } from '../../platform/clock.ts';
import { inTransaction, type AppContext } from '../../platform/context.ts';
import { samples } from '../../platform/files/files.fixtures.ts';
import type { FileStore } from '../../platform/files/files.store.ts';
import type { Actor } from '../auth/auth.models.ts';
import { addCalendarDays, toVietnamDate } from '../calendar/calendar.workdays.ts';
import { encryptsUploads } from '../files/files.policies.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { periodEndOnOrAfter } from '../tasks/tasks.models.ts';
import { evaluateTask, reportProgress, requestExtension } from '../tasks/tasks.progress.ts';
import { createTask } from '../tasks/tasks.usecases.ts';
import { actorOf } from './seed.incoming.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

/**
 * Demo tasks (issue 5), ~25, made through the task use cases with the clock set to each step's day, so
 * the history reads as it happened and the statuses come out of the working calendar relative to the
 * seed's day: the province assigns tasks from two conclusions — the demo's outgoing "Kết luận … chuẩn
 * bị đại hội đảng bộ cơ sở" and a Standing Committee meeting four months ago — and from two incoming
 * documents, to its agencies and communes: some not yet due, some in progress, overdue (Ban Tổ chức
 * has two, for the urging letter), done on time or late and evaluated, a standing quarterly and a
 * monthly task, two sub-tasks at Tân Phú (made by the commune account xatanphu), progress reports
 * (one with a file) and one pending extension.
 *
 * Ids are stable on a fresh database — the OpenAPI examples use them: 1 VPTU, open, never changed;
 * 2 VPTU, open, in progress; 3 VPTU, done with a file (the progress files' example); 5 BTCTU, overdue,
 * with the pending extension 1.
 *
 * Agencies and communes without a demo account report through the office: their reports are entered by
 * the office specialist acting for the unit (what the office does with reports that arrive on paper).
 */
export async function seedDemoTasks(ctx: Ctx, store: FileStore | null): Promise<{ tasks: number }> {
  const audit = systemAuditContext('seed');
  const [specialist, chief, commune] = await Promise.all([actorOf(ctx, 'chuyenvien'), actorOf(ctx, 'chanhvp'), actorOf(ctx, 'xatanphu')]);
  const province = specialist.scopeCommitteeId as number;
  const today = toVietnamDate(ctx.clock.now());
  const d = (days: number) => addCalendarDays(today, days);
  const agency = async (abbreviation: string, committeeId = province) =>
    (await ctx.db.selectFrom('agencies').select('id').where('committee_id', '=', committeeId).where('abbreviation', '=', abbreviation).executeTakeFirstOrThrow()).id;
  const committee = async (name: string) => (await ctx.db.selectFrom('committees').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const [VPTU, BTCTU, UBKTTU, BTGDVTU, BNCTU, BCSCLTU] = (await Promise.all(['VPTU', 'BTCTU', 'UBKTTU', 'BTGDVTU', 'BNCTU', 'BCSCLTU'].map((a) => agency(a)))) as [number, number, number, number, number, number];
  const [tanPhu, dongThanh, hoaBinh, honNgoc, coQuan] = (await Promise.all(
    ['Đảng ủy xã Tân Phú', 'Đảng ủy phường Đông Thành', 'Đảng ủy xã Hòa Bình', 'Đảng ủy đặc khu Hòn Ngọc', 'Đảng ủy các cơ quan Đảng tỉnh'].map(committee),
  )) as [number, number, number, number, number];
  const tanPhuOffice = await agency('VPĐU', tanPhu);
  const body = (agencyId: number | null, committeeId = province) => ({ committeeId, agencyId });
  const lead = {
    VPTU: body(VPTU),
    BTCTU: body(BTCTU),
    UBKTTU: body(UBKTTU),
    BTGDVTU: body(BTGDVTU),
    BNCTU: body(BNCTU),
    BCSCLTU: body(BCSCLTU),
    tanPhu: body(null, tanPhu),
    dongThanh: body(null, dongThanh),
    hoaBinh: body(null, hoaBinh),
    honNgoc: body(null, honNgoc),
    coQuan: body(null, coQuan),
  };

  /** The use cases' context on the given day (09:30 in Vietnam). */
  const on = (date: string): Ctx => ({ db: ctx.db, dialect: ctx.dialect, clock: fixedClock(`${date}T02:30:00.000Z`) });
  const as = (actor: Actor) => ({ actor, audit });
  /** The office specialist entering a unit's paper report, acting for that unit. */
  const forUnit = (b: { committeeId: number; agencyId: number | null }): Actor => ({
    ...specialist,
    scopeCommitteeId: b.committeeId,
    scopeAgencyId: b.agencyId,
    permissions: new Set(specialist.permissions),
  });
  const reporterOf = (b: { committeeId: number; agencyId: number | null }): Actor =>
    b.committeeId === province && b.agencyId === VPTU ? specialist : b.committeeId === tanPhu ? commune : forUnit(b);

  // Sources: the demo's outgoing conclusion (issued 40 days ago), a meeting, two incoming documents.
  const conclusion = await ctx.db
    .selectFrom('outgoing_documents')
    .select(['id', 'notation', 'issued_on'])
    .where('summary', 'like', 'Kết luận của Ban Thường vụ Tỉnh ủy về công tác chuẩn bị đại hội%')
    .executeTakeFirst();
  const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const c1 = (paragraph: string) =>
    conclusion
      ? { kind: 'outgoing' as const, outgoingId: conclusion.id, reference: `Kết luận ${conclusion.notation ?? ''}${conclusion.issued_on ? ` ngày ${vn(conclusion.issued_on)}` : ''}`.trim(), paragraph }
      : { kind: 'ad_hoc' as const, reference: 'Kết luận của Ban Thường vụ Tỉnh ủy về chuẩn bị đại hội đảng bộ cơ sở', paragraph };
  const c1Assigned = conclusion?.issued_on ?? d(-38);
  const meetingOn = d(-120);
  const c2 = (item: string, paragraph: string) => ({
    kind: 'meeting' as const,
    reference: `Hội nghị Ban Thường vụ Tỉnh ủy ngày ${vn(meetingOn)} (Thông báo kết luận số 198-TB/TU), mục ${item}`,
    paragraph,
  });
  const incoming = async (notation: string) => (await ctx.db.selectFrom('incoming_documents').select(['id', 'notation', 'document_date']).where('notation', '=', notation).executeTakeFirst()) ?? null;
  const nq18 = await incoming('18-NQ/TW');
  const cv1400 = await incoming('1400-CV/VPTW');
  const fromIncoming = (doc: Awaited<ReturnType<typeof incoming>>, paragraph: string) =>
    doc
      ? { kind: 'incoming' as const, incomingId: doc.id, reference: `${doc.notation}${doc.document_date ? ` ngày ${vn(doc.document_date)}` : ''}`, paragraph }
      : { kind: 'ad_hoc' as const, reference: '', paragraph };

  let count = 0;
  const create = async (
    on_: string,
    o: {
      by?: Actor;
      parentId?: number;
      content: string;
      source?: Record<string, unknown>;
      lead: { committeeId: number; agencyId: number | null };
      co?: { committeeId: number; agencyId: number | null }[];
      deadline?: string;
      cadence?: TaskCadence;
      expectedProducts?: string;
      secrecy?: 'none' | 'confidential' | 'secret';
    },
  ): Promise<number> => {
    const input = taskInput.parse({
      parentId: o.parentId ?? null,
      content: o.content,
      source: o.source ?? { kind: 'ad_hoc' },
      ...(o.parentId ? {} : { assigner: body(null) }),
      assignedOn: on_,
      lead: o.lead,
      co: o.co ?? [],
      deadline: o.deadline ?? null,
      cadence: o.cadence ?? null,
      expectedProducts: o.expectedProducts ?? '',
      secrecy: o.secrecy ?? 'none',
    });
    count += 1;
    return createTask(on(on_), as(o.by ?? specialist), input);
  };
  const report = async (id: number, date: string, by: Actor, o: Partial<z.input<typeof progressInput>> & { note: string }) =>
    reportProgress(on(date), as(by), id, progressInput.parse({ percent: 0, ...o }));
  const evaluate = (id: number, date: string, result: 'met' | 'not_met', comment: string) => evaluateTask(on(date), as(chief), id, { result, comment });
  const mustBePast = (date: string) => (date > today ? today : date);

  /* --- Conclusion 1: the outgoing Kết luận on preparing the grassroots congresses (ids 1–11). --- */
  // 1: VPTU, not yet due, never changed (the PATCH example expects version 1).
  await create(c1Assigned, {
    content: 'Tham mưu Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết công tác chuẩn bị đại hội đảng bộ cơ sở; chuẩn bị báo cáo, dự kiến chương trình hội nghị.',
    source: c1('Giao Văn phòng Tỉnh ủy chủ trì tham mưu tổ chức hội nghị sơ kết công tác chuẩn bị đại hội đảng bộ cơ sở.'),
    lead: lead.VPTU,
    co: [lead.BTCTU],
    deadline: d(45),
    expectedProducts: 'Báo cáo sơ kết; chương trình hội nghị',
  });
  // 2: VPTU, in progress (the progress example reports it done, the evaluation example closes it).
  const t2 = await create(c1Assigned, {
    content: 'Tổng hợp tình hình tổ chức đại hội điểm các chi bộ trực thuộc, báo cáo Thường trực Tỉnh ủy.',
    source: c1('Văn phòng Tỉnh ủy tổng hợp tình hình tổ chức đại hội điểm, báo cáo Thường trực Tỉnh ủy.'),
    lead: lead.VPTU,
    co: [lead.BTCTU],
    deadline: d(10),
    expectedProducts: 'Báo cáo tổng hợp',
  });
  await report(t2, d(-5), specialist, { percent: 40, note: 'Đã nhận báo cáo của 3/5 đảng ủy trực thuộc; đang tổng hợp.' });
  // 3: VPTU, done on time with the report attached, evaluated met.
  const t3 = await create(c1Assigned, {
    content: 'Chuẩn bị tài liệu phục vụ hội nghị Ban Chấp hành Đảng bộ tỉnh về công tác chuẩn bị đại hội.',
    source: c1('Văn phòng Tỉnh ủy chuẩn bị tài liệu phục vụ hội nghị Ban Chấp hành Đảng bộ tỉnh.'),
    lead: lead.VPTU,
    deadline: d(-12),
    expectedProducts: 'Bộ tài liệu hội nghị',
  });
  let fileIds: number[] = [];
  if (store) {
    const profile = (await getSettings(ctx.db)).deploymentProfile;
    const staged = await store.stage({ bytes: samples.pdf(), name: 'bao-cao-tai-lieu-hoi-nghi.pdf', encrypt: encryptsUploads(profile) });
    const f = await inTransaction(on(mustBePast(d(-14))), (trx) => store.register({ staged, createdBy: specialist.userId, trx, audit }));
    fileIds = [f.id];
  }
  await report(t3, mustBePast(d(-14)), specialist, { percent: 100, done: true, note: 'Đã hoàn thành bộ tài liệu, gửi các đồng chí Ủy viên Ban Chấp hành.', fileIds });
  await evaluate(t3, mustBePast(d(-11)), 'met', 'Tài liệu chuẩn bị chu đáo, đúng thời gian.');
  // 4 and 5: Ban Tổ chức, both overdue (the urging letter's example); 5 asks for an extension (pending, id 1).
  const t4 = await create(c1Assigned, {
    content: 'Hướng dẫn công tác nhân sự cấp ủy tại đại hội chi bộ nhiệm kỳ 2027–2029.',
    source: c1('Ban Tổ chức Tỉnh ủy hướng dẫn công tác nhân sự, báo cáo Thường trực Tỉnh ủy.'),
    lead: lead.BTCTU,
    co: [lead.UBKTTU],
    deadline: d(-6),
    expectedProducts: 'Văn bản hướng dẫn',
  });
  await report(t4, d(-9), reporterOf(lead.BTCTU), { percent: 60, note: 'Đã xây dựng dự thảo hướng dẫn, đang lấy ý kiến các đảng ủy trực thuộc (Báo cáo số 45-BC/BTCTU).' });
  const t5 = await create(c1Assigned, {
    content: 'Thẩm định phương án nhân sự cấp ủy của các đảng ủy trực thuộc trước đại hội.',
    source: c1('Ban Tổ chức Tỉnh ủy thẩm định phương án nhân sự của các đảng ủy trực thuộc.'),
    lead: lead.BTCTU,
    deadline: d(-20),
  });
  await requestExtension(on(d(-19)), as(reporterOf(lead.BTCTU)), t5, { requestedDeadline: d(20), reason: 'Hai đảng ủy chưa gửi phương án nhân sự; đề nghị gia hạn để thẩm định đủ.' });
  // 6: Tân Phú, with two sub-tasks it gave its own office and itself.
  const t6 = await create(c1Assigned, {
    content: 'Lãnh đạo tổ chức đại hội điểm chi bộ thôn Đông; rút kinh nghiệm, báo cáo kết quả về Ban Thường vụ Tỉnh ủy.',
    source: c1('Các đảng ủy trực thuộc hoàn thành đại hội điểm trước ngày 15/12.'),
    lead: lead.tanPhu,
    co: [lead.BTCTU],
    deadline: d(20),
    expectedProducts: 'Báo cáo kết quả đại hội điểm',
  });
  const subOn = addCalendarDays(c1Assigned, 3);
  const t7 = await create(subOn, {
    by: commune,
    parentId: t6,
    source: { kind: 'ad_hoc', reference: 'Kế hoạch số 27-KH/ĐU của Ban Thường vụ Đảng ủy xã Tân Phú', paragraph: '' },
    content: 'Chuẩn bị văn kiện, phương án nhân sự đại hội chi bộ thôn Đông.',
    lead: body(tanPhuOffice, tanPhu),
    deadline: d(5),
  });
  await report(t7, d(-2), commune, { percent: 70, note: 'Đã hoàn thành dự thảo báo cáo chính trị; đang hoàn thiện phương án nhân sự.' });
  const t8 = await create(subOn, {
    by: commune,
    parentId: t6,
    source: { kind: 'ad_hoc', reference: 'Kế hoạch số 27-KH/ĐU của Ban Thường vụ Đảng ủy xã Tân Phú', paragraph: '' },
    content: 'Tổ chức đại hội điểm chi bộ thôn Đông.',
    lead: body(null, tanPhu),
    deadline: d(-5),
  });
  await report(t8, d(-1), commune, { percent: 100, done: true, completedOn: d(-1), note: 'Đại hội điểm đã tổ chức thành công ngày hôm qua (chậm do mưa bão).' });
  await report(t6, d(-1), commune, { percent: 50, note: 'Đã tổ chức xong đại hội điểm; đang chuẩn bị văn kiện cho các chi bộ còn lại.' });
  // 9–11: the other communes: done on time, overdue, done late (evaluated not met).
  const t9 = await create(c1Assigned, { content: 'Hoàn thành đại hội điểm chi bộ khu phố 3.', source: c1('Các đảng ủy trực thuộc hoàn thành đại hội điểm trước ngày 15/12.'), lead: lead.dongThanh, deadline: d(-8) });
  await report(t9, d(-10), reporterOf(lead.dongThanh), { percent: 100, done: true, note: 'Đại hội điểm hoàn thành (Báo cáo số 31-BC/ĐU).' });
  await evaluate(t9, d(-7), 'met', 'Đạt yêu cầu.');
  await create(c1Assigned, { content: 'Hoàn thành đại hội điểm chi bộ thôn Bình An.', source: c1('Các đảng ủy trực thuộc hoàn thành đại hội điểm trước ngày 15/12.'), lead: lead.hoaBinh, deadline: d(-8) });
  const t11 = await create(c1Assigned, { content: 'Hoàn thành đại hội điểm chi bộ ấp Bãi Dài.', source: c1('Các đảng ủy trực thuộc hoàn thành đại hội điểm trước ngày 15/12.'), lead: lead.honNgoc, deadline: d(-8) });
  await report(t11, d(-4), reporterOf(lead.honNgoc), { percent: 100, done: true, completedOn: d(-4), note: 'Đã tổ chức đại hội điểm (Báo cáo số 12-BC/ĐU).' });
  await evaluate(t11, d(-3), 'not_met', 'Chậm thời hạn; chưa gửi kèm biên bản kiểm phiếu.');

  /* --- Conclusion 2: the Standing Committee's meeting four months ago (ids 12–17). --- */
  const c2On = addCalendarDays(meetingOn, 2);
  const t12 = await create(c2On, {
    content: 'Kiểm tra việc thực hiện quy chế làm việc tại 03 đảng ủy xã, phường.',
    source: c2('1', 'Giao Ủy ban Kiểm tra Tỉnh ủy kiểm tra việc thực hiện quy chế làm việc tại 03 đảng ủy xã, phường.'),
    lead: lead.UBKTTU,
    deadline: d(-60),
    expectedProducts: 'Báo cáo kết quả kiểm tra',
  });
  await report(t12, d(-62), reporterOf(lead.UBKTTU), { percent: 100, done: true, note: 'Đã kiểm tra xong, có báo cáo kết quả.' });
  await evaluate(t12, d(-58), 'met', 'Hoàn thành tốt.');
  await create(c2On, {
    content: 'Tổ chức tuyên truyền kỷ niệm 97 năm Ngày thành lập Đảng Cộng sản Việt Nam.',
    source: c2('2', 'Giao Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì tổ chức tuyên truyền kỷ niệm Ngày thành lập Đảng.'),
    lead: lead.BTGDVTU,
    co: [lead.VPTU],
    deadline: d(60),
  });
  const t14 = await create(c2On, {
    content: 'Theo dõi, đôn đốc giải quyết các vụ việc khiếu nại, tố cáo phức tạp, kéo dài.',
    source: c2('3', 'Giao Ban Nội chính Tỉnh ủy phối hợp với Ủy ban Kiểm tra Tỉnh ủy theo dõi, đôn đốc giải quyết các vụ việc khiếu nại, tố cáo.'),
    lead: lead.BNCTU,
    co: [lead.UBKTTU],
    deadline: d(-30),
  });
  await report(t14, d(-25), reporterOf(lead.BNCTU), { percent: 100, done: true, note: 'Đã giải quyết dứt điểm 4/5 vụ việc; 01 vụ chuyển cơ quan chức năng.' });
  // 15: the standing quarterly report of Ban Chính sách, chiến lược — each past quarter reported a few days after it ended.
  const t15 = await create(c2On, {
    content: 'Báo cáo tình hình thực hiện Nghị quyết Đại hội Đảng bộ tỉnh về phát triển kinh tế – xã hội (hằng quý).',
    source: c2('4', 'Ban Chính sách, chiến lược Tỉnh ủy định kỳ hằng quý báo cáo tình hình thực hiện Nghị quyết Đại hội.'),
    lead: lead.BCSCLTU,
    cadence: 'quarterly',
    expectedProducts: 'Báo cáo quý',
  });
  await reportPeriods(t15, 'quarterly', c2On, 5, reporterOf(lead.BCSCLTU), 'Báo cáo quý');
  // 16: VPTU's standing monthly summary.
  const t16 = await create(c2On, {
    content: 'Tổng hợp tình hình thực hiện chương trình công tác của Ban Thường vụ Tỉnh ủy (hằng tháng).',
    source: c2('5', 'Văn phòng Tỉnh ủy hằng tháng tổng hợp tình hình thực hiện chương trình công tác.'),
    lead: lead.VPTU,
    cadence: 'monthly',
  });
  await reportPeriods(t16, 'monthly', c2On, 3, specialist, 'Báo cáo tháng');
  const t17 = await create(c2On, {
    content: 'Rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý nhiệm kỳ 2025–2030.',
    source: c2('6', 'Giao Ban Tổ chức Tỉnh ủy chủ trì rà soát, bổ sung quy hoạch cán bộ.'),
    lead: lead.BTCTU,
    deadline: d(-45),
  });
  await report(t17, d(-40), reporterOf(lead.BTCTU), { percent: 100, done: true, note: 'Đã trình Ban Thường vụ Tỉnh ủy danh sách quy hoạch bổ sung.' });
  await evaluate(t17, d(-38), 'met', 'Đạt; lưu ý bảo đảm thời hạn lần sau.');

  /* --- Other tasks (ids 18–25). --- */
  const t18 = await create(d(-20), {
    content: 'Sơ kết 6 tháng thực hiện mô hình đảng ủy các cơ quan Đảng tỉnh.',
    source: c2('7', 'Đảng ủy các cơ quan Đảng tỉnh sơ kết 6 tháng thực hiện mô hình.'),
    lead: lead.coQuan,
    deadline: d(3),
  });
  await report(t18, d(-2), reporterOf(lead.coQuan), { percent: 30, note: 'Đã xây dựng đề cương báo cáo sơ kết.' });
  const t19 = await create(d(-15), {
    content: 'Hoàn thành chuyển đổi số trong hoạt động của cơ quan đảng xã, kết nối với hệ thống của Tỉnh ủy.',
    source: c2('8', 'Đề nghị Đảng ủy xã Tân Phú tập trung chỉ đạo hoàn thành chuyển đổi số.'),
    lead: lead.tanPhu,
    deadline: d(30),
  });
  await report(t19, d(-3), commune, { percent: 20, note: 'Đã rà soát hạ tầng, thiết bị; đang lập danh mục cần bổ sung.' });
  await create(d(-25), {
    content: 'Chỉ đạo giải quyết dứt điểm đơn thư kéo dài trên địa bàn phường.',
    source: c2('9', 'Đề nghị Đảng ủy phường Đông Thành chỉ đạo giải quyết dứt điểm đơn thư kéo dài.'),
    lead: lead.dongThanh,
    deadline: d(-2),
  });
  // 21: Mật, entered by the office chief (metadata only; the content stays on paper).
  await create(d(-10), {
    by: chief,
    content: 'Nắm tình hình, báo cáo về công tác bảo vệ chính trị nội bộ theo yêu cầu của Thường trực Tỉnh ủy.',
    source: { kind: 'meeting', reference: `Thường trực Tỉnh ủy làm việc ngày ${vn(d(-10))}`, paragraph: '' },
    lead: lead.BNCTU,
    deadline: d(15),
    secrecy: 'secret',
  });
  // Entered by the office chief: the Nghị quyết went to Ban Tổ chức, the specialist of the office does not see it.
  const t22 = await create(d(-12), {
    by: chief,
    content: 'Xây dựng kế hoạch thực hiện Nghị quyết về tiếp tục đổi mới, sắp xếp tổ chức bộ máy, trình Ban Thường vụ Tỉnh ủy.',
    source: fromIncoming(nq18, 'Các tỉnh ủy, thành ủy xây dựng kế hoạch thực hiện Nghị quyết.'),
    lead: lead.BTCTU,
    co: [lead.VPTU],
    deadline: d(25),
  });
  await report(t22, d(-4), reporterOf(lead.BTCTU), { percent: 50, note: 'Đã có dự thảo kế hoạch, đang xin ý kiến các ban.' });
  await create(d(-6), {
    content: 'Triển khai chế độ báo cáo định kỳ bằng phần mềm tới các đảng ủy trực thuộc.',
    source: fromIncoming(cv1400, 'Các tỉnh ủy, thành ủy triển khai chế độ báo cáo định kỳ bằng phần mềm.'),
    lead: lead.VPTU,
    deadline: d(12),
  });
  const t24 = await create(c2On, {
    content: 'Nghiên cứu, đề xuất chương trình phát triển kinh tế biển, đảo của tỉnh.',
    source: c2('10', 'Giao Ban Chính sách, chiến lược Tỉnh ủy nghiên cứu, đề xuất chương trình phát triển kinh tế biển.'),
    lead: lead.BCSCLTU,
    deadline: d(-70),
  });
  await report(t24, d(-71), reporterOf(lead.BCSCLTU), { percent: 100, done: true, note: 'Đã trình đề án.' });
  await evaluate(t24, d(-68), 'met', 'Đạt.');
  await create(c2On, {
    content: 'Củng cố, kiện toàn các chi bộ yếu kém trên địa bàn xã.',
    source: c2('11', 'Đảng ủy xã Hòa Bình củng cố, kiện toàn các chi bộ yếu kém.'),
    lead: lead.hoaBinh,
    deadline: d(-40),
  });
  return { tasks: count };

  /** Reports each period of a standing task that ended at least `after` days before today. */
  async function reportPeriods(id: number, cadence: TaskCadence, assignedOn: string, after: number, by: Actor, what: string): Promise<void> {
    let from = assignedOn;
    for (let i = 0; i < 24; i++) {
      const end = periodEndOnOrAfter(cadence, from);
      const on_ = addCalendarDays(end, after);
      if (on_ > today) {
        return;
      }
      await report(id, on_, by, { percent: Math.min(100, 25 * (i + 1)), note: `${what} kỳ đến ngày ${vn(end)} đã gửi.` });
      from = addCalendarDays(end, 1);
    }
  }
}
