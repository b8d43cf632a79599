import type { Client, TestApp } from '../../../test/http.ts';

/**
 * Demo ids used by the org tests (seed order, modules/seed): committees 1 Tỉnh ủy Hồng Lam, 2 Đảng ủy các
 * cơ quan Đảng tỉnh, 3 xã Tân Phú, 4 phường Đông Thành, 5 xã Hòa Bình, 6 đặc khu Hòn Ngọc, 7 Huyện ủy Sơn Hà
 * (historic, inactive); agencies 1–6 of the province (1 VPTU), 7–11 the VPĐU of committees 2–6;
 * terms 1–2 of the province (16th, 17th), 3–7 the first term of committees 2–6.
 */
export const DEMO = {
  province: 1,
  direct: 2,
  tanPhu: 3,
  dongThanh: 4,
  hoaBinh: 5,
  honNgoc: 6,
  sonHa: 7,
  vptu: 1,
  vpduTanPhu: 8,
} as const;

/** Creates, as the demo admin, an account whose scope is one commune, and logs it in. */
export async function loginScopedUser(
  t: TestApp,
  { username, committeeId, role }: { username: string; committeeId: number; role: 'admin' | 'clerk' },
): Promise<Client> {
  const admin = await t.login('admin');
  const password = 'Mat-khau-xa-2026';
  const r = await admin.post('/api/users', {
    username,
    password,
    displayName: `Cán bộ ${username}`,
    personId: null,
    roleCodes: [role],
    clearance: 'none',
    scopeCommitteeId: committeeId,
    scopeAgencyId: null,
  });
  if (r.statusCode !== 201) {
    throw new Error(`creating ${username} failed: ${r.statusCode} ${r.body}`);
  }
  // An account an administrator creates must change its password at first login; that step belongs to
  // the auth tests, not to the org scope rules exercised with these accounts.
  await t.ctx.db
    .updateTable('users')
    .set({ must_change_password: 0 })
    .where('username', '=', username)
    .execute();
  return t.login(username, password);
}

/** The audit events of one action about one entity, newest last. */
export async function auditEvents(t: TestApp, action: string, entityId?: number) {
  let q = t.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', action);
  if (entityId !== undefined) {
    q = q.where('entity_id', '=', String(entityId));
  }
  return (await q.orderBy('seq').execute()).map((e) => ({
    ...e,
    details: JSON.parse(e.details) as Record<string, unknown>,
  }));
}

export async function auditCount(t: TestApp): Promise<number> {
  const r = await t.ctx.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
