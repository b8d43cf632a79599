import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, fixedClock, type TestContext } from '../../../test/test-context.ts';
import type { Trx } from '../../platform/context.ts';
import { startWorker, type Worker } from '../../platform/jobs/jobs.worker.ts';
import { seedReference } from '../seed/seed.ts';
import { registerIncomingReminders, sendDeadlineReminders } from './incoming.reminders.ts';

/**
 * A small office of its own (not the demo, whose documents move with the incoming module): one
 * committee, two units, a clerk, two leaders and the unit's people. Wednesday 25/11/2026, 09:00 in
 * Vietnam: due soon runs to Sunday 29/11 (Thursday and Friday are the next two working days).
 */
describe('deadline reminders', () => {
  const clock = fixedClock('2026-11-25T02:00:00.000Z');
  let t: TestContext;
  let worker: Worker;
  const u: Record<string, number> = {};
  const doc: Record<string, number> = {};
  let unitA = 0;
  let unitB = 0;

  const addUser = async (trx: Trx, o: { username: string; role: string; clearance: string; agencyId: number | null; committeeId: number; disabled?: boolean }) => {
    const at = clock.now().toISOString();
    const r = await trx
      .insertInto('users')
      .values({ username: o.username, display_name: o.username, person_id: null, password_hash: 'x', clearance: o.clearance, scope_committee_id: o.committeeId, scope_agency_id: o.agencyId, disabled: o.disabled ? 1 : 0, totp_secret: null, totp_enabled: 0, must_change_password: 0, password_changed_at: at, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const role = await trx.selectFrom('roles').select('id').where('code', '=', o.role).executeTakeFirstOrThrow();
    await trx.insertInto('user_roles').values({ user_id: r.id, role_id: role.id }).execute();
    u[o.username] = r.id;
  };

  beforeAll(async () => {
    t = await createTestContext({ clock });
    await seedReference(t.ctx);
    const at = clock.now().toISOString();
    await t.ctx.db.transaction().execute(async (trx) => {
      const c = await trx
        .insertInto('committees')
        .values({ parent_id: null, level_code: 'province', name: 'Tỉnh ủy Thử nghiệm', superior_line: 'ĐẢNG BỘ TỈNH THỬ NGHIỆM', place_name: 'Thử nghiệm', abbreviation: 'TU', numbering_rule: 'party_term', active: 1, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      const agency = (name: string, abbreviation: string) =>
        trx.insertInto('agencies').values({ committee_id: c.id, name, abbreviation, kind: 'board', active: 1 }).returning('id').executeTakeFirstOrThrow();
      unitA = (await agency('Văn phòng', 'VP')).id;
      unitB = (await agency('Ban Tổ chức', 'BTC')).id;
      const base = { committeeId: c.id };
      await addUser(trx, { ...base, username: 'clerk', role: 'clerk', clearance: 'secret', agencyId: unitA });
      await addUser(trx, { ...base, username: 'leader', role: 'committee_leader', clearance: 'top_secret', agencyId: null });
      await addUser(trx, { ...base, username: 'officeLeader', role: 'office_leader', clearance: 'top_secret', agencyId: unitA });
      await addUser(trx, { ...base, username: 'handlerA', role: 'specialist', clearance: 'confidential', agencyId: unitA });
      await addUser(trx, { ...base, username: 'uncleared', role: 'specialist', clearance: 'none', agencyId: unitA });
      await addUser(trx, { ...base, username: 'gone', role: 'specialist', clearance: 'top_secret', agencyId: unitA, disabled: true });
      await addUser(trx, { ...base, username: 'archivist', role: 'archivist', clearance: 'top_secret', agencyId: unitA });
      await addUser(trx, { ...base, username: 'handlerB', role: 'specialist', clearance: 'secret', agencyId: unitB });
      const reg = await trx
        .insertInto('incoming_registers')
        .values({ committee_id: c.id, agency_id: null, scope_key: `c${c.id}`, year: 2026, kind: 'ordinary', name: 'Sổ văn bản đến', last_number: 0, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      let n = 0;
      const add = async (
        key: string,
        o: { status: string; deadline: string | null; secrecy?: string; leadUser?: number; leadAgency?: number; presentedTo?: number; directedBy?: number },
      ) => {
        n += 1;
        const secrecy = o.secrecy ?? 'none';
        const r = await trx
          .insertInto('incoming_documents')
          .values({
            register_id: reg.id, committee_id: c.id, arrival_number: n, arrived_at: '2026-11-16T01:00:00.000Z', arrival_date: '2026-11-16', channel: 'paper',
            issuer_id: null, issuer_name: 'Văn phòng Trung ương Đảng', notation: `${n}-CV/VPTW`, notation_folded: `${n}-cv/vptw`, document_number: n,
            document_date: '2026-11-13', document_type_id: null, summary: `Về việc số ${n}`, signer: '', page_count: null, copies: 1,
            urgency: 'normal', urgency_rank: 0, deliver_by: null, secrecy, secrecy_rank: ['none', 'confidential', 'secret', 'top_secret'].indexOf(secrecy), stub: 0,
            deadline: o.deadline, status: o.status, paper_location: '', note: '', presented_to: o.presentedTo ?? null, direction: '',
            lead_agency_id: o.leadAgency ?? null, lead_user_id: o.leadUser ?? null, directed_at: null, result_note: '', reply_outgoing_id: null,
            cancel_reason: '', completed_at: null, completed_on: null, attachment_count: 0, created_by: u.clerk!, created_at: at, updated_at: at, version: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // A direction names its lead in the recipients too (as directIncoming writes it): the visibility rule reads them.
        if (o.leadAgency || o.leadUser) {
          await trx.insertInto('incoming_recipients').values({ document_id: r.id, role: 'lead', agency_id: o.leadAgency ?? null, user_id: o.leadAgency ? null : (o.leadUser ?? null), active: 1, created_at: at }).execute();
        }
        if (o.directedBy) {
          await trx.insertInto('incoming_trail').values({ document_id: r.id, action: 'directed', actor_id: o.directedBy, actor_name: 'leader', at, from_status: 'presented', to_status: 'directed', note: '', details: '{}' }).execute();
        }
        doc[key] = r.id;
      };
      await add('dueSoonToPerson', { status: 'directed', deadline: '2026-11-27', leadUser: u.handlerA, leadAgency: unitA, directedBy: u.leader });
      await add('dueTodayToUnit', { status: 'directed', deadline: '2026-11-25', secrecy: 'confidential', leadAgency: unitA, directedBy: u.leader });
      await add('overdue', { status: 'in_progress', deadline: '2026-11-20', leadUser: u.handlerB, presentedTo: u.leader, directedBy: u.officeLeader });
      await add('done', { status: 'done', deadline: '2026-11-20', leadUser: u.handlerA, directedBy: u.leader });
      await add('farAway', { status: 'directed', deadline: '2026-12-10', leadUser: u.handlerA });
      await add('registered', { status: 'registered', deadline: '2026-11-26' });
      await add('presentedOverdue', { status: 'presented', deadline: '2026-11-24', presentedTo: u.leader });
      await add('cancelled', { status: 'cancelled', deadline: '2026-11-25', leadUser: u.handlerA });
      await add('topSecret', { status: 'directed', deadline: '2026-11-25', secrecy: 'top_secret', leadUser: u.handlerA, directedBy: u.leader });
      await add('weekend', { status: 'directed', deadline: '2026-11-29', leadUser: u.handlerB });
      await add('monday', { status: 'directed', deadline: '2026-11-30', leadUser: u.handlerB });
    });
    registerIncomingReminders();
    worker = startWorker(t.ctx, { autoStart: false });
  });
  afterAll(async () => {
    await worker.stop();
    await t.cleanup();
  });

  const notifications = () =>
    t.ctx.db.selectFrom('notifications').selectAll().orderBy('entity_id').orderBy('user_id').execute();
  const sentFor = async (key: string) =>
    (await notifications()).filter((n) => n.entity_id === String(doc[key]) && n.created_at.startsWith('2026-11-25'));
  const users = (rows: { user_id: number }[]) => rows.map((r) => Object.keys(u).find((k) => u[k] === r.user_id)).sort();

  it('the half-hourly job notifies the lead person of a document due soon, with the date and a link', async () => {
    await worker.tick();
    const job = await t.ctx.db.selectFrom('jobs').selectAll().where('name', '=', 'incoming.reminders').executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
    const [n, ...rest] = await sentFor('dueSoonToPerson');
    expect(rest).toEqual([]);
    expect(n).toMatchObject({
      user_id: u.handlerA,
      kind: 'incoming.deadline_soon',
      entity_type: 'incoming_document',
      title: 'Văn bản đến số 1 sắp đến hạn xử lý (27/11/2026)',
      body: '1-CV/VPTW — Văn phòng Trung ương Đảng: Về việc số 1',
      url: `/incoming/${doc.dueSoonToPerson}`,
      read_at: null,
    });
  });

  it('a document directed to a unit reaches the unit’s handlers cleared for it, not the others', async () => {
    const sent = await sentFor('dueTodayToUnit');
    expect(users(sent)).toEqual(['handlerA']);
    expect(sent[0]!.title).toBe('Văn bản đến số 2 đến hạn xử lý hôm nay (25/11/2026)');
    // The trích yếu of a secret document is not copied into a notice.
    expect(sent[0]!.body).toBe('2-CV/VPTW — Văn phòng Trung ương Đảng');
  });

  it('an overdue document also reaches the leader who directed it and the one it was presented to', async () => {
    const sent = await sentFor('overdue');
    expect(users(sent)).toEqual(['handlerB', 'leader', 'officeLeader']);
    expect(sent.every((n) => n.kind === 'incoming.overdue' && n.title === 'Văn bản đến số 3 đã quá hạn xử lý (20/11/2026)')).toBe(true);
  });

  it('a document still with the office reminds the clerk or the leader it waits for', async () => {
    expect(users(await sentFor('registered'))).toEqual(['clerk']);
    expect(users(await sentFor('presentedOverdue'))).toEqual(['leader']);
  });

  it('finished, recalled, far-off and over-cleared documents remind nobody', async () => {
    for (const key of ['done', 'cancelled', 'farAway', 'topSecret']) {
      expect(await sentFor(key)).toEqual([]);
    }
  });

  it('a deadline on the weekend after two working days is due soon; Monday after it is not yet', async () => {
    expect(users(await sentFor('weekend'))).toEqual(['handlerB']);
    expect(await sentFor('monday')).toEqual([]);
  });

  it('running again the same day, by the next slot or directly, notifies nobody twice', async () => {
    const before = (await notifications()).length;
    expect(before).toBe(8);
    clock.advance(60 * 60_000);
    await worker.tick();
    const direct = await t.ctx.db.transaction().execute((trx) => sendDeadlineReminders(trx, clock));
    expect(direct).toEqual({ documents: 7, notifications: 0 });
    expect((await notifications()).length).toBe(before);
    const runs = await t.ctx.db.selectFrom('jobs').select('status').where('name', '=', 'incoming.reminders').execute();
    expect(runs.map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('the next day brings the next phase: due today becomes overdue, a new document becomes due soon — nothing repeats', async () => {
    clock.set('2026-11-26T01:00:00.000Z');
    const r = await t.ctx.db.transaction().execute((trx) => sendDeadlineReminders(trx, clock));
    // Thursday 26/11: due soon now runs to Monday 30/11, and yesterday's due-today document is overdue.
    expect(r.notifications).toBeGreaterThan(0);
    const today = (await notifications()).filter((n) => n.created_at.startsWith('2026-11-26'));
    const about = (key: string) => today.filter((n) => n.entity_id === String(doc[key]));
    expect(users(about('monday'))).toEqual(['handlerB']);
    expect(users(about('dueTodayToUnit'))).toEqual(['handlerA', 'leader']);
    expect(about('dueTodayToUnit').every((n) => n.kind === 'incoming.overdue')).toBe(true);
  });
});
