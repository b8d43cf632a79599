/** Helpers of the schedule tests: demo ids by name, a fixed week clear of the demo events, row counts. */
import type { TestApp } from '../../../test/http.ts';

/** Wednesday 25/11/2026, 10:00 in Hà Nội (week 2026-W48; the demo fills W48 and W49). */
export const NOW = new Date('2026-11-25T03:00:00Z');
/** A week of the tests (no demo event): Monday 07/12/2026 … Sunday 13/12/2026. */
export const WEEK = '2026-W50';
export const vn = (date: string, hm: string) => new Date(`${date}T${hm}:00+07:00`).toISOString();

export async function demoIds(t: TestApp) {
  const db = t.ctx.db;
  const person = async (name: string) => (await db.selectFrom('people').select('id').where('full_name', '=', name).executeTakeFirstOrThrow()).id;
  const user = async (username: string) => (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const province = (await db.selectFrom('committees').select('id').where('name', '=', 'Tỉnh ủy Hồng Lam').executeTakeFirstOrThrow()).id;
  const vptu = (await db.selectFrom('agencies').select('id').where('committee_id', '=', province).where('abbreviation', '=', 'VPTU').executeTakeFirstOrThrow()).id;
  return {
    province,
    vptu,
    biThu: await person('Phạm Quang Vinh'),
    pbtTT: await person('Nguyễn Văn Hùng'),
    pbt: await person('Trần Thị Thanh Hương'),
    bithuUser: await user('bithu'),
  };
}

export async function counts(t: TestApp) {
  const n = async (table: 'schedule_events' | 'schedule_event_leaders' | 'schedule_event_resources' | 'audit_events' | 'notifications') =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    events: await n('schedule_events'),
    leaders: await n('schedule_event_leaders'),
    resources: await n('schedule_event_resources'),
    audit: await n('audit_events'),
    notifications: await n('notifications'),
  };
}
