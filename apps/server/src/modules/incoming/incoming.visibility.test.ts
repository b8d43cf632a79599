import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { multipartFile, samples } from '../../platform/files/files.fixtures.ts';
import { hashPassword } from '../auth/auth.passwords.ts';

/**
 * Issue 3 acceptance: a user without the scope or the clearance gets 404 for the document and each
 * attachment, and finds it in no list, count or search — every demo role against ordinary and secret
 * documents, under each deployment profile. Secret content lives only on the isolated LAN, readable by
 * the people named in its handling trail who hold the clearance.
 */
const PROFILES = ['internet', 'party-wan', 'isolated-lan'] as const;
const ROLES = ['admin', 'vanthu', 'chanhvp', 'bithu', 'chuyenvien', 'luutru', 'tiepdan', 'ketoan', 'kiemtra', 'vanthuxa'] as const;
type Role = (typeof ROLES)[number];
type DocKey = 'ordinary' | 'directed' | 'confidential' | 'secret' | 'commune';

/** Who sees each document's record. */
const SEES: Record<DocKey, Role[]> = {
  ordinary: ['vanthu', 'chanhvp', 'bithu', 'luutru'],
  directed: ['vanthu', 'chanhvp', 'bithu', 'luutru', 'chuyenvien'],
  confidential: ['vanthu', 'chanhvp', 'bithu', 'luutru', 'chuyenvien'],
  secret: ['vanthu', 'chanhvp', 'bithu', 'luutru', 'kiemtra'],
  commune: ['vanthu', 'chanhvp', 'bithu', 'luutru', 'vanthuxa'],
};
/**
 * Who reads the secret content on the isolated LAN: named in person in the trail (vanthu registered,
 * the leader directed) or a handler of the lead unit (chuyenvien for VPTU), and cleared. Heads of a
 * unit without the handler role (chanhvp for the Mật one, kiemtra for UBKTTU) see the record only.
 */
const READS_SECRET_CONTENT: Partial<Record<DocKey, Role[]>> = {
  confidential: ['vanthu', 'bithu', 'chuyenvien'],
  secret: ['vanthu', 'chanhvp'],
};

describe.each(PROFILES)('incoming visibility on the %s profile', (profile) => {
  let t: TestApp;
  const c = {} as Record<Role, Client>;
  const ids = {} as Record<DocKey, number>;
  const files = {} as Partial<Record<DocKey, string>>;
  const word = `matran${profile.replace('-', '')}`; // a search word only this profile's documents carry

  beforeAll(async () => {
    // The demo's own documents arrive in the 20 days before; the test's arrive on 06/01, 29 days back.
    t = await createTestApp({ clock: fixedClock(new Date('2026-02-04T03:00:00Z')) });
    const commune = await t.ctx.db.selectFrom('committees').select('id').where('name', '=', 'Đảng ủy xã Tân Phú').executeTakeFirstOrThrow();
    const clerkRole = await t.ctx.db.selectFrom('roles').select('id').where('code', '=', 'clerk').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const u = await t.ctx.db
      .insertInto('users')
      .values({ username: 'vanthuxa', display_name: 'Lò Thị Xuân', person_id: null, password_hash: await hashPassword('vanphong-demo'), clearance: 'secret', scope_committee_id: commune.id, scope_agency_id: null, disabled: 0, totp_secret: null, totp_enabled: 0, must_change_password: 0, password_changed_at: now, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.ctx.db.insertInto('user_roles').values({ user_id: u.id, role_id: clerkRole.id }).execute();
    for (const r of ROLES) {
      c[r] = await t.login(r);
    }
    expect((await c.admin.patch('/api/settings', { deploymentProfile: profile })).statusCode).toBe(200);
    const ids2 = await Promise.all(['bithu', 'chanhvp'].map(async (n) => (await c[n as Role].get('/api/auth/me')).json()));
    const [bithuId, chanhvpId] = ids2.map((m) => (m.user?.id ?? m.id) as number);
    const agencies = (await c.vanthu.get('/api/org/agencies?limit=200')).json().items as { id: number; abbreviation: string }[];
    const agency = (a: string) => agencies.find((x) => x.abbreviation === a)!.id;

    const pdf = async (who: Role) => {
      const f = multipartFile({ field: 'file', filename: 'van-ban.pdf', bytes: samples.pdf(), contentType: 'application/pdf' });
      const r = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: c[who].cookie, 'x-csrf-token': c[who].csrf, 'content-type': f.contentType }, payload: f.payload });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().file.id as number;
    };
    const register = async (who: Role, key: DocKey, secrecy: string) => {
      const networkedSecret = secrecy !== 'none' && profile !== 'isolated-lan';
      const r = await c[who].post('/api/incoming', {
        issuerName: 'Ban Tổ chức Trung ương',
        notation: `${Object.keys(ids).length + 1}-CV/BTCTW`,
        documentDate: '2026-01-05',
        arrivedAt: '2026-01-06T02:00:00Z',
        summary: networkedSecret ? '' : `Văn bản ${key} ${word}`,
        secrecy,
        paperLocation: networkedSecret ? 'Tủ mật phòng Văn thư' : '',
        attachments: networkedSecret ? [] : [{ fileId: await pdf(who), main: true }],
      });
      expect(r.statusCode, r.body).toBe(201);
      ids[key] = r.json().id;
      files[key] = r.json().attachments[0]?.url;
      return ids[key];
    };
    const direct = async (leader: Role, id: number, leaderId: number, agencyAbbr: string) => {
      expect((await c.vanthu.post(`/api/incoming/${id}/present`, { toUserId: leaderId })).statusCode).toBe(200);
      const r = await c[leader].post(`/api/incoming/${id}/direct`, { direction: 'Giao chủ trì.', leadAgencyId: agency(agencyAbbr) });
      expect(r.statusCode, r.body).toBe(200);
    };
    await register('vanthu', 'ordinary', 'none');
    await direct('bithu', await register('vanthu', 'directed', 'none'), bithuId!, 'VPTU');
    await direct('bithu', await register('vanthu', 'confidential', 'confidential'), bithuId!, 'VPTU');
    await direct('chanhvp', await register('vanthu', 'secret', 'secret'), chanhvpId!, 'UBKTTU');
    await register('vanthuxa', 'commune', 'none');
  }, 120_000);
  afterAll(async () => t.cleanup());

  it.each(ROLES)('%s sees exactly the documents the rules allow, in the page, the list, the count and search', async (role) => {
    const client = c[role];
    const list = await client.get('/api/incoming?limit=200&year=2026&from=2026-01-06&to=2026-01-06');
    const search = await client.get(`/api/incoming?limit=200&q=${word}`);
    for (const key of Object.keys(ids) as DocKey[]) {
      const allowed = SEES[key].includes(role);
      const page = await client.get(`/api/incoming/${ids[key]}`);
      expect(page.statusCode, `${role} GET ${key}`).toBe(allowed ? 200 : 404);
      if (list.statusCode === 200) {
        expect(list.json().items.some((i: { id: number }) => i.id === ids[key]), `${role} list ${key}`).toBe(allowed);
        expect(search.json().items.some((i: { id: number }) => i.id === ids[key]), `${role} search ${key}`).toBe(
          allowed && !(key === 'confidential' || key === 'secret') ? true : allowed && profile === 'isolated-lan',
        );
      }
      if (files[key]) {
        const networkedSecret = (key === 'confidential' || key === 'secret') && profile !== 'isolated-lan';
        expect(networkedSecret).toBe(false);
        const readers = READS_SECRET_CONTENT[key] ?? SEES[key];
        const a = await client.get(files[key]!);
        expect(a.statusCode, `${role} attachment of ${key}`).toBe(allowed && readers.includes(role) ? 200 : 404);
        if (page.statusCode === 200) {
          expect(page.json().attachments.length > 0, `${role} attachment list of ${key}`).toBe(readers.includes(role));
        }
      }
    }
    if (list.statusCode === 200) {
      const mine = (Object.keys(ids) as DocKey[]).filter((k) => SEES[k].includes(role));
      expect(list.json().total, `${role} count`).toBe(mine.length);
    } else {
      expect(list.statusCode).toBe(404);
    }
  });

  it('secret documents on networked profiles are stubs with no content; on the isolated LAN their files are encrypted', async () => {
    const page = (await c.vanthu.get(`/api/incoming/${ids.secret}`)).json();
    if (profile === 'isolated-lan') {
      expect(page.stub).toBe(false);
      const row = await t.ctx.db.selectFrom('files').select('encryption').where('id', '=', page.attachments[0].fileId).executeTakeFirstOrThrow();
      expect(row.encryption).toBe('aes-256-gcm');
    } else {
      expect(page).toMatchObject({ stub: true, attachments: [], paperLocation: 'Tủ mật phòng Văn thư' });
      const refused = await c.vanthu.post('/api/incoming', {
        issuerName: 'Ban Tổ chức Trung ương',
        notation: '90-CV/BTCTW',
        documentDate: '2026-01-05',
        secrecy: 'confidential',
        paperLocation: 'Tủ mật',
        attachments: [{ fileId: 1, main: true }],
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0].path).toBe('attachments');
    }
  });

  it('every read of a secret document is in the audit trail', async () => {
    await c.kiemtra.get(`/api/incoming/${ids.secret}`);
    const events = await t.ctx.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('entity_type', '=', 'incoming').where('entity_id', '=', String(ids.secret)).execute();
    expect(events.map((e) => e.action)).toContain('incoming.viewed');
  });
});
