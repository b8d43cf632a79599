import { moveItemsInput, programmeInput, programmeItemInput, programmeItemPatch } from '@vanphong/contracts';
import { systemAuditContext } from '../../platform/audit/audit.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { addItem, createProgramme, moveItems, patchItem } from '../programmes/programmes.usecases.ts';
import { actorOf } from './seed.incoming.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

/**
 * Demo work programmes (issue 6 §1), made by the Chánh Văn phòng through the programme use cases with
 * the clock set to each step's day: the yearly programme 2026 of the province's Standing Committee (BTV)
 * with eight items — two presented, one prepared but past its month (slipped) — and the monthly
 * programmes of November and December 2026 with items moved in from the year; November's report on
 * security and order is postponed to December with its reason and carried over.
 *
 * Ids are stable on a fresh database — the OpenAPI examples use them: programme 1 (year), 2 (November),
 * 3 (December); items 1–8 of the year, item 8 never changed nor moved.
 * (The weekly schedule's demo is in seed.schedule-events.ts.)
 */
export async function seedProgrammes(ctx: Ctx): Promise<{ programmes: number; items: number }> {
  const chief = await actorOf(ctx, 'chanhvp');
  const by = { actor: chief, audit: systemAuditContext('seed') };
  const province = chief.scopeCommitteeId as number;
  const agency = async (abbreviation: string) =>
    (await ctx.db.selectFrom('agencies').select('id').where('committee_id', '=', province).where('abbreviation', '=', abbreviation).executeTakeFirstOrThrow()).id;
  const [VPTU, BTCTU, UBKTTU, BTGDVTU, BNCTU] = (await Promise.all(['VPTU', 'BTCTU', 'UBKTTU', 'BTGDVTU', 'BNCTU'].map(agency))) as [number, number, number, number, number];
  /** The use cases' context on the given day (09:30 in Vietnam). */
  const on = (date: string): Ctx => ({ db: ctx.db, dialect: ctx.dialect, clock: fixedClock(`${date}T02:30:00.000Z`) });

  const year = await createProgramme(on('2026-01-05'), by, programmeInput.parse({ committeeId: province, body: 'btv', period: 'year', year: 2026 }));
  const items: [string, string, number, string, string][] = [
    ['Đề án sắp xếp, kiện toàn tổ chức bộ máy các cơ quan tham mưu, giúp việc Tỉnh ủy', '2026-03', BTCTU, 'Ban Tổ chức Tỉnh ủy', 'Tờ trình, dự thảo Đề án'],
    ['Sơ kết công tác 6 tháng đầu năm, phương hướng, nhiệm vụ 6 tháng cuối năm 2026', '2026-07', VPTU, 'Văn phòng Tỉnh ủy', 'Báo cáo sơ kết'],
    ['Báo cáo kết quả thực hiện Nghị quyết số 21-NQ/TW về củng cố, nâng cao chất lượng tổ chức cơ sở đảng', '2026-09', BTCTU, 'Ban Tổ chức Tỉnh ủy', 'Báo cáo, dự thảo Kết luận'],
    ['Kế hoạch tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 10 (cuối năm 2026)', '2026-11', VPTU, 'Văn phòng Tỉnh ủy', 'Kế hoạch'],
    ['Báo cáo tình hình an ninh chính trị, trật tự, an toàn xã hội năm 2026', '2026-11', BNCTU, 'Ban Nội chính Tỉnh ủy', 'Báo cáo'],
    ['Chương trình công tác năm 2027 của Ban Chấp hành, Ban Thường vụ Tỉnh ủy', '2026-12', VPTU, 'Văn phòng Tỉnh ủy', 'Dự thảo Chương trình công tác'],
    ['Báo cáo kết quả công tác kiểm tra, giám sát và thi hành kỷ luật đảng năm 2026', '2026-12', UBKTTU, 'Ủy ban Kiểm tra Tỉnh ủy', 'Báo cáo'],
    ['Tổng kết công tác tuyên giáo và dân vận năm 2026', '2026-12', BTGDVTU, 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Báo cáo tổng kết'],
  ];
  const ids: number[] = [];
  for (const [content, plannedMonth, agencyId, presenter, expectedDocument] of items) {
    ids.push(
      await addItem(on('2026-01-05'), by, year, programmeItemInput.parse({ content, plannedMonth, lead: { committeeId: province, agencyId }, presenter, expectedDocument })),
    );
  }
  const [reorganise, midYear, resolution21, plenum, security, nextYear, inspection] = ids as [number, number, number, number, number, number, number];
  await patchItem(on('2026-03-27'), by, year, reorganise, programmeItemPatch.parse({ version: 1, status: 'presented', reason: 'Hội nghị Ban Thường vụ ngày 27/3/2026' }));
  await patchItem(on('2026-07-10'), by, year, midYear, programmeItemPatch.parse({ version: 1, status: 'presented', reason: 'Hội nghị Ban Thường vụ ngày 10/7/2026' }));
  await patchItem(on('2026-09-15'), by, year, resolution21, programmeItemPatch.parse({ version: 1, status: 'prepared' }));

  const november = await createProgramme(on('2026-10-26'), by, programmeInput.parse({ committeeId: province, body: 'btv', period: 'month', year: 2026, index: 11 }));
  const december = await createProgramme(on('2026-11-20'), by, programmeInput.parse({ committeeId: province, body: 'btv', period: 'month', year: 2026, index: 12 }));
  const [, securityInNovember] = (await moveItems(on('2026-10-26'), by, november, moveItemsInput.parse({ itemIds: [plenum, security] }))) as [number, number];
  await moveItems(on('2026-11-20'), by, december, moveItemsInput.parse({ itemIds: [nextYear, inspection] }));
  await patchItem(
    on('2026-11-20'),
    by,
    november,
    securityInNovember,
    programmeItemPatch.parse({ version: 1, status: 'postponed', reason: 'Chờ số liệu tổng kết năm của Công an tỉnh', postponedTo: '2026-12' }),
  );
  const counted = await ctx.db.selectFrom('programme_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { programmes: 3, items: Number(counted.n) };
}
