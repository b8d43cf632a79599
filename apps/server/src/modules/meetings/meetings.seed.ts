/**
 * Demo meeting (issue 6 §3): the province's Standing Committee (BTV) meeting of the demo week — the
 * "Hội nghị Ban Thường vụ Tỉnh ủy" event of seed.schedule-events.ts, linked to it — chaired by the Bí thư,
 * with bithu, the Phó Bí thư Thường trực's… accounts present in the demo invited (bithu, chanhvp, kiemtra;
 * chuyenvien is not invited), an agenda from the open items of the demo's monthly BTV programmes
 * (seedProgrammes), and two papers: one for every invitee, one restricted to bithu. A third upload of
 * chanhvp is left unattached for the OpenAPI example of POST /api/meetings/:id/papers.
 *
 * Ids are stable on a fresh database: meeting 1, papers 1 and 2, the spare file DEMO_SPARE_FILE_ID.
 */
import { meetingInput } from '@vanphong/contracts';
import { systemAuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext } from '../../platform/context.ts';
import { samples } from '../../platform/files/files.fixtures.ts';
import type { FileStore } from '../../platform/files/files.store.ts';
import { encryptsUploads } from '../files/files.policies.ts';
import { actorOf } from '../seed/seed.incoming.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { addPaper } from './meetings.papers.ts';
import { createMeeting } from './meetings.usecases.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

/** The upload of chanhvp the demo leaves unattached (the paper example attaches it). */
export const DEMO_SPARE_FILE_ID = 6;

export async function seedDemoMeetings(
  ctx: Ctx,
  store: FileStore | null,
): Promise<{ meetings: number; papers: number }> {
  const chief = await actorOf(ctx, 'chanhvp');
  const audit = systemAuditContext('seed');
  const by = { actor: chief, audit };
  const province = chief.scopeCommitteeId as number;
  const user = async (username: string) =>
    (await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
      .id;
  const biThu = (
    await ctx.db
      .selectFrom('people')
      .select('id')
      .where('full_name', '=', 'Phạm Quang Vinh')
      .executeTakeFirstOrThrow()
  ).id;
  const [bithu, chanhvp, kiemtra] = [await user('bithu'), await user('chanhvp'), await user('kiemtra')];

  const event = await ctx.db
    .selectFrom('schedule_events')
    .select(['id', 'starts_at', 'ends_at', 'place', 'content'])
    .where('committee_id', '=', province)
    .where('content', 'like', 'Hội nghị Ban Thường vụ Tỉnh ủy%')
    .where('meeting_id', 'is', null)
    .orderBy('starts_at')
    .executeTakeFirst();
  const items = await ctx.db
    .selectFrom('programme_items as i')
    .innerJoin('programmes as p', 'p.id', 'i.programme_id')
    .select(['i.id', 'i.content', 'i.presenter'])
    .where('p.committee_id', '=', province)
    .where('p.body', '=', 'btv')
    .where('p.period', '=', 'month')
    .where('i.status', 'in', ['planned', 'prepared'])
    .orderBy('p.starts_on')
    .orderBy('i.sort')
    .orderBy('i.id')
    .limit(2)
    .execute();

  const startsAt = event?.starts_at ?? '2026-11-24T01:00:00.000Z';
  const id = await createMeeting(
    ctx,
    by,
    meetingInput.parse({
      committeeId: province,
      kind: 'btv',
      title: event?.content ?? 'Hội nghị Ban Thường vụ Tỉnh ủy',
      startsAt,
      endsAt: event?.ends_at ?? '2026-11-24T04:30:00.000Z',
      place: event?.place ?? 'Hội trường Tỉnh ủy',
      chairPersonId: biThu,
      agenda: [
        {
          content: 'Cho ý kiến về dự thảo Báo cáo chính trị trình Đại hội Đảng bộ tỉnh',
          programmeItemId: null,
          presenter: 'Văn phòng Tỉnh ủy',
        },
        ...items.map((i) => ({ content: i.content, programmeItemId: i.id, presenter: i.presenter })),
      ],
      inviteeUserIds: [bithu, chanhvp, kiemtra],
    }),
    event ? { linkEventId: event.id } : {},
  );

  let papers = 0;
  if (store) {
    const profile = (await getSettings(ctx.db)).deploymentProfile;
    const upload = async (name: string) => {
      const staged = await store.stage({ bytes: samples.pdf(), name, encrypt: encryptsUploads(profile) });
      return (await inTransaction(ctx, (trx) => store.register({ staged, createdBy: chanhvp, trx, audit })))
        .id;
    };
    const f1 = await upload('du-thao-bao-cao-chinh-tri.pdf');
    await addPaper(ctx, by, id, {
      fileId: f1,
      title: 'Dự thảo Báo cáo chính trị trình Đại hội Đảng bộ tỉnh',
      secrecy: 'none',
      readerUserIds: null,
    });
    const f2 = await upload('to-trinh-ke-hoach-hoi-nghi-bch.pdf');
    await addPaper(ctx, by, id, {
      fileId: f2,
      title: 'Tờ trình Kế hoạch tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 10',
      secrecy: 'none',
      readerUserIds: [bithu],
    });
    papers = 2;
    // The OpenAPI example names this upload by id (DEMO_SPARE_FILE_ID; meetings.routes.test.ts checks it).
    await upload('bao-cao-an-ninh-chinh-tri-2026.pdf');
  }
  return { meetings: 1, papers };
}
