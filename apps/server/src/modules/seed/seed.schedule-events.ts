/**
 * Demo leaders' schedule (issue 6 §2, §4): the rooms "Phòng họp số 1" and "Hội trường Tỉnh ủy" and a car
 * of the province; events of the current and the next week (Vietnam time) for the Bí thư and the other
 * leaders; the current week published (revision 1) with one change after publishing marked; and a demo
 * iCalendar feed of the Bí thư's schedule at a known URL (/api/schedule/ical/demo-lich-cong-tac-bi-thu-tinh-uy.ics;
 * demo data only, never in production).
 */
import { recordAudit, systemAuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext } from '../../platform/context.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { sha256 } from '../schedule/schedule.ical.ts';
import { isoWeekOfDate, isoWeekOfInstant, weekRange } from '../schedule/schedule.models.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

/** The demo feed token (a real one is 43 random characters, shown once). */
export const DEMO_ICAL_TOKEN = 'demo-lich-cong-tac-bi-thu-tinh-uy';

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const at = (date: string, hm: string) => new Date(`${date}T${hm}:00+07:00`).toISOString();

interface DemoEvent {
  day: number;
  from: string;
  to: string;
  content: string;
  place: string;
  leaders: string[];
  preparing: string | null;
  participants: string;
  notes?: string;
  resources?: string[];
}

const BI_THU = 'Phạm Quang Vinh';
const PBT_TT = 'Nguyễn Văn Hùng';
const PBT = 'Trần Thị Thanh Hương';
const UVBTV = 'Lê Quốc Tuấn';

/** Week 0: the current week; week 1: the next. Days 0 (Monday) … 6. */
const WEEKS: DemoEvent[][] = [
  [
    { day: 0, from: '07:30', to: '08:30', content: 'Giao ban Thường trực Tỉnh ủy', place: 'Phòng họp số 1', leaders: [BI_THU, PBT_TT, PBT], preparing: 'VPTU', participants: 'Chánh Văn phòng Tỉnh ủy', resources: ['Phòng họp số 1'] },
    { day: 0, from: '09:00', to: '11:30', content: 'Làm việc với Ban Tổ chức Tỉnh ủy về công tác cán bộ', place: 'Trụ sở Ban Tổ chức Tỉnh ủy', leaders: [BI_THU], preparing: 'BTCTU', participants: 'Lãnh đạo Ban Tổ chức Tỉnh ủy' },
    { day: 1, from: '08:00', to: '11:30', content: 'Hội nghị Ban Thường vụ Tỉnh ủy cho ý kiến về dự thảo Báo cáo chính trị trình Đại hội', place: 'Hội trường Tỉnh ủy', leaders: [BI_THU, PBT_TT, PBT, UVBTV], preparing: 'VPTU', participants: 'Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy; lãnh đạo các ban Đảng Tỉnh ủy', resources: ['Hội trường Tỉnh ủy'] },
    { day: 1, from: '14:00', to: '17:00', content: 'Tiếp công dân định kỳ', place: 'Trụ sở Tiếp công dân tỉnh', leaders: [PBT], preparing: 'VPTU', participants: 'Ban Tiếp công dân tỉnh', notes: 'Nội bộ: chuẩn bị hồ sơ các vụ việc kéo dài.' },
    { day: 2, from: '07:00', to: '17:00', content: 'Kiểm tra thực hiện Nghị quyết Đại hội tại Đảng ủy xã Tân Phú', place: 'Xã Tân Phú', leaders: [BI_THU], preparing: 'UBKTTU', participants: 'Đoàn kiểm tra theo Quyết định số 125-QĐ/TU', resources: ['Xe ô tô 7 chỗ 37A-012.34'] },
    { day: 2, from: '08:00', to: '11:00', content: 'Làm việc với Đảng ủy các cơ quan Đảng tỉnh', place: 'Phòng họp số 1', leaders: [PBT_TT], preparing: 'VPTU', participants: 'Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh', resources: ['Phòng họp số 1'] },
    { day: 3, from: '14:00', to: '16:30', content: 'Họp Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh', place: 'Phòng họp số 1', leaders: [BI_THU, UVBTV], preparing: 'BNCTU', participants: 'Thành viên Ban Chỉ đạo', resources: ['Phòng họp số 1'] },
    { day: 4, from: '08:00', to: '11:00', content: 'Dự Lễ kỷ niệm Ngày Nhà giáo Việt Nam', place: 'Trường THPT chuyên tỉnh', leaders: [PBT], preparing: null, participants: 'Theo giấy mời của Sở Giáo dục và Đào tạo' },
  ],
  [
    { day: 0, from: '07:30', to: '08:30', content: 'Giao ban Thường trực Tỉnh ủy', place: 'Phòng họp số 1', leaders: [BI_THU, PBT_TT, PBT], preparing: 'VPTU', participants: 'Chánh Văn phòng Tỉnh ủy', resources: ['Phòng họp số 1'] },
    { day: 1, from: '08:00', to: '17:00', content: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5', place: 'Hội trường Tỉnh ủy', leaders: [BI_THU, PBT_TT, PBT, UVBTV], preparing: 'VPTU', participants: 'Các đồng chí Tỉnh ủy viên', resources: ['Hội trường Tỉnh ủy'] },
    { day: 2, from: '08:00', to: '11:00', content: 'Làm việc với Ban Tuyên giáo và Dân vận Tỉnh ủy', place: 'Phòng họp số 1', leaders: [PBT], preparing: 'BTGDVTU', participants: 'Lãnh đạo Ban Tuyên giáo và Dân vận Tỉnh ủy', resources: ['Phòng họp số 1'] },
    { day: 3, from: '08:00', to: '11:30', content: 'Tiếp và làm việc với Đoàn công tác của Ban Tổ chức Trung ương', place: 'Hội trường Tỉnh ủy', leaders: [BI_THU, PBT_TT], preparing: 'BTCTU', participants: 'Theo kế hoạch', resources: ['Hội trường Tỉnh ủy'] },
  ],
];

export async function seedDemoScheduleEvents(ctx: Ctx): Promise<void> {
  const today = toVietnamDate(ctx.clock.now());
  const thisWeek = isoWeekOfDate(today);
  const monday = weekRange(thisWeek)!.startsOn;
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    const province = await trx.selectFrom('committees').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    const agencies = new Map((await trx.selectFrom('agencies').select(['id', 'abbreviation']).where('committee_id', '=', province.id).execute()).map((a) => [a.abbreviation, a.id]));
    const people = new Map((await trx.selectFrom('people').select(['id', 'full_name']).execute()).map((p) => [p.full_name, p.id]));
    const chanhvp = await trx.selectFrom('users').select('id').where('username', '=', 'chanhvp').executeTakeFirst();
    const bithu = await trx.selectFrom('users').select(['id', 'person_id']).where('username', '=', 'bithu').executeTakeFirst();
    const resources = new Map<string, number>();
    for (const [kind, name, note] of [
      ['room', 'Phòng họp số 1', '40 chỗ, tầng 2 nhà A'],
      ['room', 'Hội trường Tỉnh ủy', '300 chỗ'],
      ['car', 'Xe ô tô 7 chỗ 37A-012.34', 'Tổ xe Văn phòng Tỉnh ủy'],
    ] as const) {
      const r = await trx.insertInto('resources').values({ committee_id: province.id, kind, name, note, active: 1 }).returning('id').executeTakeFirstOrThrow();
      resources.set(name, r.id);
    }
    let firstOfWeek0: number | null = null;
    for (const [w, events] of WEEKS.entries()) {
      for (const e of events) {
        const date = addDays(monday, w * 7 + e.day);
        const startsAt = at(date, e.from);
        const agency = e.preparing ? agencies.get(e.preparing) : undefined;
        const r = await trx
          .insertInto('schedule_events')
          .values({
            committee_id: province.id,
            iso_week: isoWeekOfInstant(startsAt),
            starts_at: startsAt,
            ends_at: at(date, e.to),
            content: e.content,
            place: e.place,
            preparing_key: agency ? `c${province.id}-a${agency}` : null,
            participants: e.participants,
            notes: e.notes ?? '',
            meeting_id: null,
            cancelled: 0,
            changed_after_publish: 0,
            created_by: chanhvp?.id ?? null,
            created_at: now,
            updated_at: now,
            version: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        firstOfWeek0 ??= r.id;
        const leaderIds = e.leaders.map((n) => people.get(n)).filter((id): id is number => id !== undefined);
        if (leaderIds.length) {
          await trx.insertInto('schedule_event_leaders').values(leaderIds.map((p) => ({ event_id: r.id, person_id: p }))).execute();
        }
        const resIds = (e.resources ?? []).map((n) => resources.get(n)).filter((id): id is number => id !== undefined);
        if (resIds.length) {
          await trx.insertInto('schedule_event_resources').values(resIds.map((x) => ({ event_id: r.id, resource_id: x }))).execute();
        }
      }
    }
    // The current week is published; an event added afterwards is marked as a change.
    await trx.insertInto('schedule_weeks').values({ committee_id: province.id, iso_week: thisWeek, status: 'published', revision: 1, published_at: now, published_by: chanhvp?.id ?? null }).execute();
    const friday = addDays(monday, 4);
    const added = await trx
      .insertInto('schedule_events')
      .values({
        committee_id: province.id,
        iso_week: thisWeek,
        starts_at: at(friday, '14:00'),
        ends_at: at(friday, '16:30'),
        content: 'Làm việc với Ủy ban Kiểm tra Tỉnh ủy về kết quả kiểm tra, giám sát năm 2026',
        place: 'Phòng họp số 1',
        preparing_key: agencies.has('UBKTTU') ? `c${province.id}-a${agencies.get('UBKTTU')}` : null,
        participants: 'Lãnh đạo Ủy ban Kiểm tra Tỉnh ủy',
        notes: '',
        meeting_id: null,
        cancelled: 0,
        changed_after_publish: 1,
        created_by: chanhvp?.id ?? null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const biThuId = people.get(BI_THU);
    if (biThuId !== undefined) {
      await trx.insertInto('schedule_event_leaders').values({ event_id: added.id, person_id: biThuId }).execute();
    }
    await trx.insertInto('schedule_event_resources').values({ event_id: added.id, resource_id: resources.get('Phòng họp số 1')! }).execute();
    if (bithu?.person_id) {
      await trx.insertInto('ical_tokens').values({ user_id: bithu.id, token_sha256: sha256(DEMO_ICAL_TOKEN), person_id: bithu.person_id, body_key: null, created_at: now, revoked_at: null }).execute();
    }
    await recordAudit(
      { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: systemAuditContext('seed') },
      { action: 'seed.schedule_events', entityType: 'system', details: { week: thisWeek, events: WEEKS.flat().length + 1, firstEventId: firstOfWeek0 } },
    );
  });
}
