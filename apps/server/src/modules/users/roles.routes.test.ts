import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@vanphong/contracts';
import { createTestApp, type Client, type TestApp } from '../../../test/http.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';

type RoleJson = { id: number; code: string; name: string; permissions: string[]; builtin: boolean };

describe('roles as bundles of permissions', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t.cleanup());

  const auditCount = async () => (await t.ctx.db.selectFrom('audit_events').select('id').execute()).length;
  const lastEvent = (action: string) =>
    t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', action)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
  const roleByCode = async (code: string): Promise<RoleJson> =>
    (await admin.get('/api/roles')).json().items.find((r: RoleJson) => r.code === code);

  it('the admin lists the built-in roles with their permissions; the office leader sees them read-only', async () => {
    const r = await admin.get('/api/roles');
    expect(r.statusCode).toBe(200);
    expect(r.json().total).toBe(9);
    expect(r.json().items[0]).toMatchObject({
      code: 'admin',
      name: 'Quản trị hệ thống',
      builtin: true,
      abilities: { update: true },
    });
    const leader = await t.login('chanhvp');
    const seen = await leader.get('/api/roles');
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items[0].abilities).toEqual({ update: false });
    expect((await (await t.login('vanthu')).get('/api/roles')).statusCode).toBe(403);
  });

  it('any logged-in user can read the list of permission names', async () => {
    const r = await (await t.login('tiepdan')).get('/api/permissions');
    expect(r.json()).toEqual({ items: [...PERMISSIONS] });
  });

  it('the admin creates a role, recorded with its permissions', async () => {
    const r = await admin.post('/api/roles', {
      code: 'deputy_office_leader',
      name: 'Phó Chánh Văn phòng',
      permissions: ['incoming.direct', 'org.view', 'incoming.view'],
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().role).toEqual({
      id: expect.any(Number),
      code: 'deputy_office_leader',
      name: 'Phó Chánh Văn phòng',
      permissions: ['org.view', 'incoming.view', 'incoming.direct'],
      builtin: false,
      abilities: { update: true },
    });
    const ev = await lastEvent('roles.created');
    expect(ev.entity_id).toBe(String(r.json().role.id));
    expect(JSON.parse(ev.details)).toEqual({
      code: 'deputy_office_leader',
      name: 'Phó Chánh Văn phòng',
      permissions: ['org.view', 'incoming.view', 'incoming.direct'],
    });
  });

  it('an unknown permission is refused with the offending names, and a taken code is a conflict; nothing is written', async () => {
    const before = await auditCount();
    const unknown = await admin.post('/api/roles', {
      code: 'editor',
      name: 'Biên tập',
      permissions: ['org.view', 'documents.delete'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'roles.unknown_permission',
      details: [{ path: 'permissions', message: 'documents.delete' }],
    });
    const taken = await admin.post('/api/roles', { code: 'clerk', name: 'Văn thư 2', permissions: [] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('roles.code_taken');
    expect(
      (await admin.post('/api/roles', { code: 'Bad Code', name: 'x', permissions: [] })).statusCode,
    ).toBe(400);
    expect(await auditCount()).toBe(before);
  });

  it('a built-in role can be renamed and given permissions; the event lists what was added and removed', async () => {
    const accountant = await roleByCode('accountant');
    const r = await admin.patch(`/api/roles/${accountant.id}`, {
      name: 'Kế toán văn phòng',
      permissions: ['org.view', 'finance.view', 'reports.view'],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().role).toMatchObject({
      name: 'Kế toán văn phòng',
      permissions: ['org.view', 'finance.view', 'reports.view'],
      builtin: true,
    });
    expect(JSON.parse((await lastEvent('roles.updated')).details)).toEqual({
      code: 'accountant',
      name: { from: 'Kế toán', to: 'Kế toán văn phòng' },
      added: ['reports.view'],
      removed: ['finance.manage'],
    });
  });

  it('a changed role applies to its holders at their next request', async () => {
    const ketoan = await t.login('ketoan');
    expect((await ketoan.get('/api/auth/me')).json().user.permissions).toContain('reports.view');
    const accountant = await roleByCode('accountant');
    await admin.patch(`/api/roles/${accountant.id}`, { permissions: ['org.view', 'finance.view'] });
    expect((await ketoan.get('/api/auth/me')).json().user.permissions).not.toContain('reports.view');
  });

  it('the admin role cannot lose the permissions that manage accounts and roles', async () => {
    const adminRole = await roleByCode('admin');
    const before = await auditCount();
    const r = await admin.patch(`/api/roles/${adminRole.id}`, { permissions: ['org.view', 'users.manage'] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({
      code: 'roles.admin_lockout',
      details: [{ path: 'permissions', message: 'roles.manage' }],
    });
    expect(await auditCount()).toBe(before);
    const renamed = await admin.patch(`/api/roles/${adminRole.id}`, { name: 'Quản trị viên' });
    expect(renamed.json().role).toMatchObject({ name: 'Quản trị viên', permissions: adminRole.permissions });
  });

  it('a missing role answers 404 and a clerk may not change roles', async () => {
    expect((await admin.patch('/api/roles/9999', { name: 'x' })).json().error.code).toBe('roles.not_found');
    const clerk = await t.login('vanthu');
    expect((await clerk.post('/api/roles', { code: 'x_role', name: 'x', permissions: [] })).statusCode).toBe(
      403,
    );
  });

  it('every role change is in an intact audit chain', async () => {
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });
});
