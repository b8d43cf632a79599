// Per-request fixed costs of an authenticated API call, timed in-process on SQLite (no HTTP, no load
// generator, so the figures are not disturbed by the machine's other work as much): the auth hook's
// resolveSession() (session+user join, cached settings, roles query — the application's own functions,
// loaded through tsx), each of its two queries through Kysely, the same two statements as raw
// better-sqlite3 prepared statements, loadOrgScope() (two recursive CTEs, run by every /api/org request)
// and todayInVietnam() (a new Intl.DateTimeFormat per call, also per /api/org request) against a cached
// formatter. Nothing in the application is changed.
//
//   node bench/request-overhead.mjs [--iterations 3000]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, isMain, median, parseArgs, printJson, requireFromRoot, round, startServer } from './lib.mjs';

const src = (p) => pathToFileURL(path.join(ROOT, 'apps/server/src', p)).href;

export async function requestOverhead({ iterations = 3000 } = {}) {
  const s = await startServer({ engine: 'sqlite', logLevel: 'warn' });
  await s.stop({ keepData: true });
  const { register } = await import('tsx/esm/api');
  const unregister = register();
  const out = [];
  let handle;
  try {
    const { openDatabase } = await import(src('platform/db/database.ts'));
    const { resolveSession, newSessionToken } = await import(src('modules/auth/auth.sessions.ts'));
    const { insertSession, findSessionWithUser, rolesOfUser } = await import(
      src('modules/auth/auth.repository.ts')
    );
    const { loadOrgScope } = await import(src('modules/org/org.scope.ts'));
    const { todayInVietnam } = await import(src('modules/org/org.models.ts'));
    const { systemClock } = await import(src('platform/clock.ts'));
    handle = openDatabase({ databaseUrl: '', dataDir: s.dataDir });
    const db = handle.db;
    const { token, id } = newSessionToken();
    const admin = await db
      .selectFrom('users')
      .select(['id', 'scope_committee_id'])
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    await insertSession(db, {
      id,
      userId: admin.id,
      csrfToken: 'bench',
      secondFactor: 'done',
      at: new Date().toISOString(),
      ip: null,
      userAgent: null,
    });

    const Database = requireFromRoot('better-sqlite3');
    const raw = new Database(s.sqlitePath);
    const rawSession = raw.prepare(
      'select s.id, s.csrf_token, s.second_factor, s.created_at, s.last_seen_at, s.revoked_at, u.id as user_id, u.username, u.display_name, u.clearance, u.scope_committee_id, u.scope_agency_id, u.disabled, u.totp_enabled, u.must_change_password from sessions s inner join users u on u.id = s.user_id where s.id = ?',
    );
    const rawRoles = raw.prepare(
      'select r.code, r.permissions from user_roles ur inner join roles r on r.id = ur.role_id where ur.user_id = ? order by r.code',
    );
    const fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const actor = { userId: admin.id, scopeCommitteeId: admin.scope_committee_id };

    const time = async (name, fn, n = iterations) => {
      for (let i = 0; i < Math.min(300, n); i++) {
        await fn();
      }
      const batches = [];
      const per = Math.max(1, Math.floor(n / 10));
      for (let b = 0; b < 10; b++) {
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < per; i++) {
          await fn();
        }
        batches.push(Number(process.hrtime.bigint() - t0) / 1e6 / per);
      }
      out.push({ what: name, msPerCall: round(median(batches), 4) });
    };
    await time('resolveSession() — whole auth hook work', () =>
      resolveSession({ db, clock: systemClock, token }),
    );
    await time('  findSessionWithUser() via Kysely', () => findSessionWithUser(db, id));
    await time('  rolesOfUser() via Kysely', () => rolesOfUser(db, admin.id));
    await time('  same session+user join, raw prepared statement', async () => rawSession.get(id));
    await time('  same roles query, raw prepared statement', async () => rawRoles.all(admin.id));
    await time('  session join: better-sqlite3 prepare() + get() each time', async () =>
      raw.prepare(rawSession.source).get(id),
    );
    await time('loadOrgScope() — every /api/org request', () => loadOrgScope(db, actor));
    await time('todayInVietnam() — new Intl.DateTimeFormat each call', async () =>
      todayInVietnam(new Date()),
    );
    await time('  cached Intl.DateTimeFormat.format()', async () => fmt.format(new Date()));
    raw.close();
  } finally {
    await handle?.close();
    await unregister?.();
    await s.stop();
  }
  return { benchmark: 'request-overhead', engine: 'sqlite', iterations, results: out };
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  printJson(await requestOverhead({ iterations: a.iterations ?? 3000 }));
}
