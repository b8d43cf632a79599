/** Who imports, into which committee, and the catalogues a row's names are looked up in. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import type { Actor } from '../auth/auth.models.ts';
import { rolesOfUser } from '../auth/auth.repository.ts';
import { incomingViewer } from '../incoming/incoming.visibility.ts';
import type { Clearance } from '@vanphong/contracts';
import { importErrors } from './import.errors.ts';

type Db = Kysely<Database>;

/** The clerk in whose name rows are registered (`--as`): an active account allowed to register. */
export async function clerkActor(db: Db, username: string): Promise<Actor> {
  const u = await db.selectFrom('users').selectAll().where('username', '=', username.normalize('NFC')).executeTakeFirst();
  if (!u) {
    throw importErrors.unusable(`không có tài khoản «${username}» (--as)`);
  }
  if (u.disabled) {
    throw importErrors.unusable(`tài khoản «${username}» đã bị khóa (--as)`);
  }
  const roles = await rolesOfUser(db, u.id);
  if (!roles.permissions.has('incoming.register')) {
    throw importErrors.unusable(`tài khoản «${username}» không có quyền vào sổ văn bản đến (incoming.register)`);
  }
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: roles.codes,
    permissions: roles.permissions,
    clearance: u.clearance as Clearance,
    scopeCommitteeId: u.scope_committee_id,
    scopeAgencyId: u.scope_agency_id,
    sessionId: null,
  };
}

/** `--committee`, else the clerk's committee, else the first active committee; within the clerk's scope. */
export async function chooseCommittee(db: Db, requested: number | null, actor: Actor): Promise<{ id: number; name: string }> {
  const id = requested ?? actor.scopeCommitteeId;
  let q = db.selectFrom('committees').select(['id', 'name']).where('active', '=', 1);
  q = id !== null ? q.where('id', '=', id) : q.orderBy('id').limit(1);
  const c = await q.executeTakeFirst();
  if (!c) {
    throw importErrors.unusable(id !== null ? `không có cấp ủy id ${id} (--committee)` : 'chưa có cấp ủy nào');
  }
  const viewer = await incomingViewer(db, actor);
  if (!viewer || (viewer.committeeIds !== null && !viewer.committeeIds.includes(c.id))) {
    throw importErrors.unusable(`cấp ủy «${c.name}» ngoài phạm vi của tài khoản «${actor.username}» (--as)`);
  }
  return c;
}

/** Document types by folded name and by abbreviation ("Công văn", "cong van", "CV"). */
export async function documentTypeIndex(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('document_types').select(['id', 'name', 'abbreviation', 'active']).orderBy('active', 'desc').orderBy('id').execute();
  const out = new Map<string, number>();
  for (const r of rows) {
    for (const k of [foldVietnamese(r.name), foldVietnamese(r.abbreviation)]) {
      if (k !== '' && !out.has(k)) {
        out.set(k, r.id);
      }
    }
  }
  return out;
}

/** Directory organisations whose folded name equals one of `names` (others stay free text). */
export async function organizationIndex(db: Db, names: string[]): Promise<Map<string, number>> {
  const folded = [...new Set(names.map(foldVietnamese).filter(Boolean))];
  const out = new Map<string, number>();
  for (let i = 0; i < folded.length; i += 500) {
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'name_folded'])
      .where('name_folded', 'in', folded.slice(i, i + 500))
      .where('active', '=', 1)
      .execute();
    for (const r of rows) {
      out.set(r.name_folded, r.id);
    }
  }
  return out;
}
