import type { SearchResult } from '@vanphong/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { fixedClock } from '../../platform/clock.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';

const NOW = new Date('2026-11-25T03:00:00Z');

const base = {
  channel: 'paper',
  issuerName: 'Văn phòng Trung ương Đảng',
  documentDate: '2026-11-20',
  urgency: 'normal',
  secrecy: 'none',
};

describe('GET /api/search', () => {
  let t: TestApp;
  let vanthu: Client;
  let chuyenvien: Client;
  const ids: Record<string, number> = {};

  const register = async (key: string, body: Record<string, unknown>) => {
    const r = await vanthu.post('/api/incoming', { ...base, ...body });
    expect(r.statusCode, r.body).toBe(201);
    ids[key] = r.json().id;
  };
  const search = async (c: Client, params: Record<string, string | number>) => {
    const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
    const r = await c.get(`/api/search?${qs}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as SearchResult;
  };
  const incomingIds = (r: SearchResult) => r.items.filter((i) => i.kind === 'incoming').map((i) => i.id);

  beforeAll(async () => {
    t = await createTestApp({ clock: fixedClock(NOW) });
    [vanthu, chuyenvien] = await Promise.all([t.login('vanthu'), t.login('chuyenvien')]);
    // The older document holds the exact diacritics; the newer one only folds the same way.
    await register('exact', { notation: '41-CV/VPTW', documentDate: '2026-10-01', summary: 'Về việc bảo đảm an toàn kho lưu trữ' });
    await register('folded', { notation: '42-CV/VPTW', documentDate: '2026-11-02', summary: 'Thống kê thiệt hại do bão đầm phá ven biển' });
    await register('members', { notation: '43-CV/VPTW', summary: 'Kế hoạch kết nạp Đảng viên mới ở thôn Khe Sanh' });
    await register('state', { notation: '30/2020/NĐ-CP', issuerName: 'Chính phủ', summary: 'Nghị định về công tác văn thư' });
    await register('hidden', { notation: '44-CV/VPTW', summary: 'Danh sách đề nghị khen thưởng Hoàng Liên Sơn' });
  });
  afterAll(async () => t.cleanup());

  it('finds "đảng viên" typed without diacritics, with Đ, in NFD, and lower-case', async () => {
    for (const q of ['dang vien', 'ĐẢNG VIÊN', 'đảng viên'.normalize('NFD'), 'Đảng viên', 'DANG VIEN']) {
      const r = await search(vanthu, { q, kind: 'incoming' });
      expect(incomingIds(r), q).toContain(ids.members);
      expect(r.mode).toBe('text');
    }
  });

  it('puts the exact-diacritic match first, and keeps date order between equal matches', async () => {
    const exact = await search(vanthu, { q: 'bảo đảm', kind: 'incoming' });
    const both = incomingIds(exact).filter((id) => id === ids.exact || id === ids.folded);
    expect(both).toEqual([ids.exact, ids.folded]);
    const other = await search(vanthu, { q: 'bão đầm', kind: 'incoming' });
    expect(incomingIds(other).filter((id) => id === ids.exact || id === ids.folded)).toEqual([ids.folded, ids.exact]);
    // Without diacritics neither is exact: the newer comes first.
    const plain = await search(vanthu, { q: 'bao dam', kind: 'incoming', sort: 'relevance' });
    expect(incomingIds(plain).filter((id) => id === ids.exact || id === ids.folded)).toEqual([ids.folded, ids.exact]);
  });

  it('highlights the words in the snippet, cut from the original text', async () => {
    const r = await search(vanthu, { q: 'ket nap dang vien', kind: 'incoming' });
    const hit = r.items.find((i) => i.id === ids.members)!;
    expect(hit.matchedIn).toBe('metadata');
    expect(hit.highlights.map(([s, n]) => hit.snippet.slice(s, s + n))).toEqual(['kết nạp Đảng viên']);
  });

  it('looks up a notation exactly, Party and State style, whatever the case and the đ', async () => {
    for (const q of ['43-CV/VPTW', '43-cv/vptw', 'Số 43-CV/VPTW']) {
      const r = await search(vanthu, { q });
      expect(r.mode).toBe('notation');
      expect(r.items[0]?.id).toBe(ids.members);
      expect(r.items[0]?.notation).toBe('43-CV/VPTW');
    }
    for (const q of ['30/2020/NĐ-CP', '30/2020/nd-cp']) {
      const r = await search(vanthu, { q });
      expect(r.items.map((i) => i.id)).toContain(ids.state);
      expect(r.items[0]?.matchedIn).toBe('notation');
    }
  });

  it('filters and counts facets over the same matches', async () => {
    const r = await search(vanthu, { q: 'cong tac' });
    const kindSum = r.facets.kind.reduce((a, f) => a + f.count, 0);
    expect(kindSum).toBe(r.total);
    const statusSum = r.facets.status.reduce((a, f) => a + f.count, 0);
    expect(statusSum).toBe(r.total);
    const issuer = await search(vanthu, { q: 'cong tac', issuer: 'Chính phủ' });
    expect(incomingIds(issuer)).toEqual([ids.state]);
    expect(issuer.facets.issuer).toEqual([{ value: 'Chính phủ', label: 'Chính phủ', count: 1 }]);
    const year = await search(vanthu, { q: 'cong tac', year: 2019 });
    expect(year.total).toBe(0);
    const status = await search(vanthu, { q: 'cong tac', status: 'incoming.registered', kind: 'incoming' });
    expect(status.items.every((i) => i.status === 'incoming.registered')).toBe(true);
  });

  it('never shows, counts or hints at a document the user may not see', async () => {
    // chuyenvien sees only what concerns her: the new registration does not.
    const own = await search(vanthu, { q: 'hoang lien son' });
    expect(incomingIds(own)).toEqual([ids.hidden]);
    const hidden = await search(chuyenvien, { q: 'hoang lien son' });
    expect(hidden.total).toBe(0);
    expect(hidden.items).toEqual([]);
    expect(hidden.facets.kind).toEqual([]);
    const byNotation = await search(chuyenvien, { q: '44-CV/VPTW' });
    expect(byNotation.total).toBe(0);
  });

  it('indexes an outgoing draft for its drafter only, by its summary and by its body', async () => {
    const created = await chuyenvien.post('/api/outgoing', {
      issuerCommitteeId: 1,
      documentTypeId: 24,
      recipients: [{ committeeId: 3 }],
      content: { summary: 'Về việc kiểm kê tài sản Nhà văn hóa Pắc Bó', body: 'Đề nghị các đơn vị hoàn thành việc kiểm kê trước ngày 15/12/2026 tại khu di tích Cốc Pài.' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const mine = await search(chuyenvien, { q: 'pac bo' });
    expect(mine.items.map((i) => [i.kind, i.id, i.matchedIn])).toEqual([['outgoing', id, 'metadata']]);
    const body = await search(chuyenvien, { q: 'coc pai' });
    expect(body.items.map((i) => [i.kind, i.id, i.matchedIn])).toEqual([['outgoing', id, 'text']]);
    expect(body.items[0]!.url).toBe(`/outgoing/${id}`);
    // A draft is not the clerk's to see.
    expect((await search(vanthu, { q: 'pac bo' })).total).toBe(0);
  });

  it('follows a correction of the note, the signer and the date (order and year)', async () => {
    await register('corrected', { notation: '45-CV/VPTW', summary: 'Báo cáo sơ kết', note: 'Ghi chú cũ về Mường Tè' });
    expect(incomingIds(await search(vanthu, { q: 'muong te' }))).toContain(ids.corrected);
    const version = (await vanthu.get(`/api/incoming/${ids.corrected}`)).json().version as number;
    const r = await vanthu.patch(`/api/incoming/${ids.corrected}`, { version, note: 'Ghi chú mới về Sìn Hồ', documentDate: '2025-06-30' });
    expect(r.statusCode, r.body).toBe(200);
    expect(incomingIds(await search(vanthu, { q: 'muong te' }))).not.toContain(ids.corrected);
    expect(incomingIds(await search(vanthu, { q: 'sin ho' }))).toContain(ids.corrected);
    expect(incomingIds(await search(vanthu, { q: 'bao cao so ket', year: 2025 }))).toContain(ids.corrected);
    expect(incomingIds(await search(vanthu, { q: 'bao cao so ket', year: 2026 }))).not.toContain(ids.corrected);
  });

  it('a rebuild batch replaces entries written meanwhile by the modules (no duplicate, no failure)', async () => {
    const { appendRecords } = await import('./search.index.ts');
    const before = await t.ctx.db.selectFrom('search_entries').select('id').where('kind', '=', 'incoming').where('ref_id', '=', ids.members!).execute();
    expect(before).toHaveLength(1);
    await t.ctx.db.transaction().execute((trx) => appendRecords(trx, t.ctx.dialect, 'incoming', [ids.members!, ids.state!]));
    const after = await t.ctx.db.selectFrom('search_entries').select('id').where('kind', '=', 'incoming').where('ref_id', 'in', [ids.members!, ids.state!]).execute();
    expect(after).toHaveLength(2);
    expect(incomingIds(await search(vanthu, { q: 'khe sanh' }))).toEqual([ids.members]);
  });

  it('refuses bad parameters with the field named, and answers 401 without a session', async () => {
    const r = await vanthu.get('/api/search?sort=best');
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('sort');
    const long = await vanthu.get(`/api/search?q=${'a'.repeat(201)}`);
    expect(long.statusCode).toBe(400);
    const anon = await t.app.inject({ method: 'GET', url: '/api/search?q=dang' });
    expect(anon.statusCode).toBe(401);
  });

  it('matches what each demo role may open, and nothing else (matrix over roles and queries)', async () => {
    const users = ['admin', 'vanthu', 'chanhvp', 'bithu', 'chuyenvien', 'luutru', 'tiepdan', 'ketoan', 'kiemtra'];
    const incoming = await t.ctx.db.selectFrom('incoming_documents').select(['id', 'summary']).execute();
    const outgoing = await t.ctx.db.selectFrom('outgoing_documents').select(['id', 'summary']).execute();
    const tasks = (await t.ctx.db.selectFrom('tasks').select(['id', 'content']).execute()).map((r) => ({ id: r.id, summary: r.content }));
    expect(tasks.length).toBeGreaterThan(0);
    const totals = new Map<string, number>();
    for (const u of users) {
      const c = await t.login(u);
      const opens = async (kind: string, id: number) => (await c.get(`/api/${kind === 'task' ? 'tasks' : kind}/${id}`)).statusCode === 200;
      for (const q of ['van ban', 'cong tac', 'dang']) {
        const r = await search(c, { q, limit: 50 });
        expect(r.totalCapped).toBe(false);
        const found = new Set(r.items.map((i) => `${i.kind}:${i.id}`));
        if (r.total <= 50) {
          expect(r.items.length, `${u} ${q}`).toBe(r.total);
        }
        // Documents only (vanthu holds no tasks.view; the specialist follows tasks).
        const taskCount = (r.facets.kind as { value: string; count: number }[]).find((k) => k.value === 'task')?.count ?? 0;
        totals.set(`${u}:${q}`, r.total - taskCount);
        for (const hit of r.items) {
          expect(await opens(hit.kind, hit.id), `${u} must be able to open ${hit.kind} ${hit.id} found by "${q}"`).toBe(true);
        }
        // Every document or task the user can open whose summary (content) holds the words is found.
        const words = foldVietnamese(q);
        for (const [kind, rows] of [['incoming', incoming], ['outgoing', outgoing], ['task', tasks]] as const) {
          for (const row of rows) {
            if (row.summary && ` ${foldVietnamese(row.summary).replace(/[^a-z0-9]+/g, ' ')} `.includes(` ${words} `) && r.total < 50 && (await opens(kind, row.id))) {
              expect(found.has(`${kind}:${row.id}`), `${u} should find ${kind} ${row.id} by "${q}"`).toBe(true);
            }
          }
        }
      }
    }
    // Not vacuous: the registry people find many documents, a specialist fewer, people without these modules none.
    expect(totals.get('vanthu:cong tac')).toBeGreaterThan(3);
    expect(totals.get('chuyenvien:cong tac')!).toBeLessThan(totals.get('vanthu:cong tac')!);
    expect(totals.get('ketoan:cong tac')).toBe(0);
  });

  it('finds tasks under their own rule: the units concerned find them, others do not', async () => {
    const all = await t.ctx.db.selectFrom('tasks').select(['id', 'content', 'secrecy']).where('secrecy', '=', 'none').orderBy('id').execute();
    const task = all.find((r) => /quy hoạch/i.test(r.content)) ?? all[0]!;
    const words = task.content.split(/\s+/).slice(0, 4).join(' ');
    const chanhvp = await t.login('chanhvp');
    const found = await search(chanhvp, { q: words, kind: 'task', limit: 50 });
    expect(found.items.some((i) => i.kind === 'task' && i.id === task.id), `chanhvp finds task ${task.id} by "${words}"`).toBe(true);
    const hit = found.items.find((i) => i.id === task.id)!;
    expect(hit.url).toBe(`/tasks/${task.id}`);
    expect(hit.status.startsWith('task.')).toBe(true);
    // ketoan (no tasks.view) finds no task, and the kind contributes nothing to his facets.
    const ketoan = await t.login('ketoan');
    const none = await search(ketoan, { q: words, kind: 'task' });
    expect(none.total).toBe(0);
    // The commune's account finds only tasks it may open (its own and its sub-tasks), not the province's others.
    const xa = await t.login('xatanphu');
    const mine = await search(xa, { q: 'nhiem vu', kind: 'task', limit: 50 });
    for (const i of mine.items) {
      expect((await xa.get(`/api/tasks/${i.id}`)).statusCode, `xatanphu opens task ${i.id}`).toBe(200);
    }
    const theirs = await search(chanhvp, { q: words, kind: 'task', limit: 50 });
    const open = await xa.get(`/api/tasks/${task.id}`);
    const xaFinds = await search(xa, { q: words, kind: 'task', limit: 50 });
    expect(xaFinds.items.some((i) => i.id === task.id)).toBe(open.statusCode === 200);
    expect(theirs.total).toBeGreaterThanOrEqual(xaFinds.total);

    // A task is indexed in the transaction that creates it, and follows its progress notes.
    const cv = await t.login('chuyenvien');
    const created = await cv.post('/api/tasks', {
      content: 'Khảo sát giếng khoan Pù Mát phục vụ sinh hoạt',
      lead: { committeeId: 1, agencyId: 2 },
      deadline: '2027-03-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const newId = created.json().id as number;
    const byContent = await search(cv, { q: 'gieng khoan pu mat', kind: 'task' });
    expect(byContent.items.map((i) => i.id)).toContain(newId);
    expect((await search(xa, { q: 'gieng khoan pu mat', kind: 'task' })).total).toBe(0);
  });
});
