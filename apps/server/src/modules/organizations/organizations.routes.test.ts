import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { vietnameseCollator } from '../../platform/text/fold.ts';
import { getOrganization } from './organizations.usecases.ts';

type Org = { id: number; name: string; code: string; kind: string; active: boolean; abilities: { update: boolean } };

describe('the issuer directory', () => {
  let t: TestApp;
  let clerk: Client;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    clerk = await t.login('vanthu');
    admin = await t.login('admin');
  });
  afterAll(async () => t.cleanup());

  const names = async (c: Client, query: string) => {
    const r = await c.get(`/api/organizations?${query}`);
    expect(r.statusCode).toBe(200);
    return (r.json().items as Org[]).map((o) => o.name);
  };
  const events = (action: string) =>
    t.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute();

  it('the demo holds the central and provincial issuers and the subordinate committees, in Vietnamese order', async () => {
    const r = await clerk.get('/api/organizations?limit=200');
    const items = r.json().items as Org[];
    expect(r.json().total).toBe(items.length);
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(items.map((o) => o.name)).toEqual(expect.arrayContaining(['Ban Chấp hành Trung ương', 'Văn phòng Trung ương Đảng', 'Đảng ủy xã Tân Phú', 'Tỉnh đoàn Hồng Lam']));
    expect(items.map((o) => o.name)).toEqual([...items.map((o) => o.name)].sort(vietnameseCollator.compare));
    // Đ sorts after D, not after Z.
    const names = items.map((o) => o.name);
    expect(names.indexOf('Đảng ủy xã Tân Phú')).toBeLessThan(names.indexOf('Hội đồng nhân dân tỉnh Hồng Lam'));
    expect(items.find((o) => o.code === 'VPTW')).toMatchObject({ name: 'Văn phòng Trung ương Đảng', kind: 'party', active: true, abilities: { update: false } });
  });

  it('a dissolved committee is left out of the autocomplete but listed on request', async () => {
    expect(await names(clerk, 'q=son%20ha')).toEqual([]);
    expect(await names(clerk, 'q=son%20ha&includeInactive=true')).toEqual(['Huyện ủy Sơn Hà']);
  });

  it('the search ignores tones, marks and đ/d and matches the beginning of any word of the name', async () => {
    expect(await names(clerk, 'q=ban%20to%20chuc')).toEqual(['Ban Tổ chức Trung ương']);
    expect(await names(clerk, `q=${encodeURIComponent('Uy ban kiem tra')}`)).toEqual(['Ủy ban Kiểm tra Trung ương']);
    expect(await names(clerk, 'q=dang%20uy%20xa')).toEqual(['Đảng ủy xã Hòa Bình', 'Đảng ủy xã Tân Phú']);
    expect(await names(clerk, 'q=tan%20ph')).toEqual(['Đảng ủy xã Tân Phú']);
    expect(await names(clerk, `q=${encodeURIComponent('ĐẢNG ỦY XÃ TÂN PHÚ')}`)).toEqual(['Đảng ủy xã Tân Phú']);
    // A word must start there: "hanh" is inside "chấp hành" but "anh" begins no word.
    expect(await names(clerk, 'q=anh')).toEqual([]);
  });

  it('the code finds its issuer, HĐND with d as well as đ', async () => {
    expect(await names(clerk, 'q=ubktt')).toEqual(['Ủy ban Kiểm tra Trung ương']);
    // The exact code first, then the office whose code ends in "&HĐND".
    const hdnd = ['Hội đồng nhân dân tỉnh Hồng Lam', 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Hồng Lam'];
    expect(await names(clerk, 'q=hdnd')).toEqual(hdnd);
    expect(await names(clerk, `q=${encodeURIComponent('HĐND')}`)).toEqual(hdnd);
  });

  it('exact and prefix matches come before matches further in the name', async () => {
    // "Bộ Nội vụ" starts with the query; "Sở Nội vụ tỉnh Hồng Lam" only contains it.
    expect(await names(clerk, 'q=bo%20noi')).toEqual(['Bộ Nội vụ']);
    const chinhPhu = await names(clerk, 'q=chinh%20phu');
    expect(chinhPhu[0]).toBe('Chính phủ');
    expect(chinhPhu.slice(1)).toEqual(['Thủ tướng Chính phủ', 'Văn phòng Chính phủ']);
    // Code exact match first: "bct" is the Politburo's code.
    expect((await names(clerk, 'q=bct'))[0]).toBe('Bộ Chính trị');
  });

  it('pages through the matches with the total of all of them', async () => {
    const r = (await clerk.get('/api/organizations?q=trung%20uong&limit=2&offset=1')).json();
    expect(r.items).toHaveLength(2);
    expect(r.total).toBeGreaterThanOrEqual(7);
  });

  it('people without incoming documents or the directory may not read it', async () => {
    for (const u of ['tiepdan', 'ketoan']) {
      expect((await (await t.login(u)).get('/api/organizations')).statusCode).toBe(403);
    }
    expect((await (await t.login('chuyenvien')).get('/api/organizations?q=bo')).statusCode).toBe(200);
  });

  it('a clerk promotes a free-text issuer to the directory, audited', async () => {
    const r = await clerk.post('/api/organizations', { name: 'Sở Giáo dục và Đào tạo tỉnh Hồng Lam', code: 'SGDĐT', kind: 'state' });
    expect(r.statusCode).toBe(201);
    const o = r.json().organization as Org;
    expect(o).toMatchObject({ name: 'Sở Giáo dục và Đào tạo tỉnh Hồng Lam', code: 'SGDĐT', kind: 'state', active: true });
    const [ev] = await events('organizations.created');
    expect(ev).toMatchObject({ actor_name: 'vanthu', entity_type: 'organization', entity_id: String(o.id) });
    expect(JSON.parse(ev!.details)).toEqual({ name: 'Sở Giáo dục và Đào tạo tỉnh Hồng Lam', code: 'SGDĐT', kind: 'state' });
    expect(await names(clerk, 'q=giao%20duc')).toEqual(['Sở Giáo dục và Đào tạo tỉnh Hồng Lam']);
    expect(await getOrganization(t.ctx.db, o.id)).toMatchObject({ id: o.id, nameFolded: 'so giao duc va dao tao tinh hong lam', active: true });
    expect(await getOrganization(t.ctx.db, 999_999)).toBeNull();
  });

  it('the same name in other case or without diacritics is refused with the name field', async () => {
    const existing = (await clerk.get('/api/organizations?q=bo%20noi%20vu')).json().items[0] as Org;
    const r = await clerk.post('/api/organizations', { name: 'BO NOI VU', code: '', kind: 'state' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('organizations.duplicate');
    expect(r.json().error.details).toEqual([{ path: 'name', message: 'taken', existingId: existing.id }]);
  });

  it('five clerks promoting the same issuer at once add it once; the others get the duplicate answer', async () => {
    const results = await Promise.all(
      ['Báo Hồng Lam', 'BÁO HỒNG LAM', 'Bao Hong Lam', 'báo hồng lam', 'Báo  Hồng Lam'].map((name) =>
        clerk.post('/api/organizations', { name, code: 'BHL', kind: 'other' }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'organizations.duplicate')).toBe(true);
    expect(await names(clerk, 'q=bao%20hong')).toHaveLength(1);
  });

  it('bad input names the field; a specialist may not add issuers', async () => {
    const r = await clerk.post('/api/organizations', { name: '', kind: 'state' });
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(r.json().error.details)).toContain('name');
    expect((await clerk.post('/api/organizations', { name: 'X', kind: 'ministry' })).statusCode).toBe(400);
    expect((await (await t.login('chuyenvien')).post('/api/organizations', { name: 'Báo Hồng Lam' })).statusCode).toBe(403);
  });

  it('the directory is maintained with org.manage: rename, recode, deactivate, audited with the changes', async () => {
    const id = ((await admin.get('/api/organizations?q=tinh%20doan')).json().items[0] as Org).id;
    expect((await clerk.patch(`/api/organizations/${id}`, { active: false })).statusCode).toBe(403);
    const r = await admin.patch(`/api/organizations/${id}`, { name: 'Tỉnh đoàn Hồng Lam (Đoàn TNCS Hồ Chí Minh)', active: false });
    expect(r.statusCode).toBe(200);
    expect(r.json().organization).toMatchObject({ name: 'Tỉnh đoàn Hồng Lam (Đoàn TNCS Hồ Chí Minh)', active: false, abilities: { update: true } });
    const [ev] = await events('organizations.updated');
    expect(JSON.parse(ev!.details)).toEqual({
      changes: {
        name: { from: 'Tỉnh đoàn Hồng Lam', to: 'Tỉnh đoàn Hồng Lam (Đoàn TNCS Hồ Chí Minh)' },
        active: { from: true, to: false },
      },
    });
    expect(await names(clerk, 'q=tinh%20doan')).not.toContain('Tỉnh đoàn Hồng Lam (Đoàn TNCS Hồ Chí Minh)');
    expect(await names(admin, 'q=tinh%20doan&includeInactive=true')).toContain('Tỉnh đoàn Hồng Lam (Đoàn TNCS Hồ Chí Minh)');
    // Nothing changed, nothing recorded.
    await admin.patch(`/api/organizations/${id}`, { active: false });
    expect(await events('organizations.updated')).toHaveLength(1);
  });

  it('renaming onto another issuer is refused; an unknown id is 404', async () => {
    const id = ((await admin.get('/api/organizations?q=bo%20tai%20chinh')).json().items[0] as Org).id;
    const r = await admin.patch(`/api/organizations/${id}`, { name: 'Bộ Công an' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.details[0].path).toBe('name');
    expect((await admin.patch(`/api/organizations/${id}`, { name: 'BỘ TÀI CHÍNH' })).statusCode).toBe(200);
    expect((await admin.patch('/api/organizations/999999', { code: 'X' })).statusCode).toBe(404);
  });
});
