import { authenticator } from 'otplib';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext } from '../../platform/context.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { authErrors } from './auth.errors.ts';
import { lockState, passwordProblems, THROTTLE } from './auth.models.ts';
import { dummyHash, hashPassword, verifyPassword } from './auth.passwords.ts';
import {
  addFailure,
  clearFailures,
  deleteFailures,
  findUserByUsername,
  insertSession,
  recentFailures,
  revokeSession,
  revokeSessionsOfUser,
  rolesOfUser,
} from './auth.repository.ts';
import { newCsrfToken, newSessionToken } from './auth.sessions.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

export type SecondFactorState = 'done' | 'pending' | 'setup';

const ADMIN_PERMISSIONS = ['users.manage', 'settings.manage', 'roles.manage'];

async function throttleState(db: Ctx['db'], ctx: Ctx, { userKey, ipKey }: { userKey: string; ipKey: string }) {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000).toISOString();
  const [u, i] = await Promise.all([recentFailures(db, userKey, since), recentFailures(db, ipKey, since)]);
  const byUser = lockState({ failures: u, max: THROTTLE.maxFailuresPerAccount, windowMinutes: THROTTLE.windowMinutes, now });
  const byIp = lockState({ failures: i, max: THROTTLE.maxFailuresPerIp, windowMinutes: THROTTLE.windowMinutes, now });
  return byUser.locked ? byUser : byIp;
}

/**
 * Takes one attempt from the account's throttle budget *before* the password is checked: under a
 * per-account lock the attempt is counted and recorded as a failure, so forty parallel guesses at one
 * account cannot all pass the check before the first failure is written. A successful login removes
 * its provisional record. The per-address budget is only checked here and charged on a real failure:
 * many people behind one office NAT logging in at the same moment must not lock each other out.
 */
async function reserveAttempt(ctx: Ctx, { userKey, ipKey }: { userKey: string; ipKey: string }): Promise<number> {
  return inTransaction(ctx, async (trx) => {
    await ctx.dialect.lockKey(trx, `login:${userKey}`);
    const state = await throttleState(trx, ctx, { userKey, ipKey });
    if (state.locked) {
      throw authErrors.throttled(state.retryAfterSeconds);
    }
    return addFailure(trx, userKey, ctx.clock.now().toISOString());
  });
}

/**
 * Password login (issue 2 §5). Reserves an attempt under the throttle, verifies with argon2id (a dummy
 * hash when the account does not exist, so timing does not reveal which accounts exist), keeps the
 * failure or opens the session with its audit event, and says whether a second factor is still due.
 */
export async function login(
  ctx: Ctx,
  { username, password, ip, userAgent }: { username: string; password: string; ip: string; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; secondFactor: SecondFactorState; userId: number }> {
  const name = username.trim().toLowerCase();
  const userKey = `user:${name}`;
  const ipKey = `ip:${ip}`;
  const reserved = await reserveAttempt(ctx, { userKey, ipKey });
  const user = await findUserByUsername(ctx.db, name);
  const ok = user ? await verifyPassword(user.password_hash, password) : await verifyPassword(await dummyHash(), password);
  const audit: AuditContext = { actorUserId: user?.id ?? null, actorName: name.slice(0, 64), ip };
  if (!user || !ok || user.disabled) {
    await inTransaction(ctx, async (trx) => {
      await addFailure(trx, ipKey, ctx.clock.now().toISOString());
      await recordAudit(
        { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: audit },
        {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          details: { reason: !user ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password' },
        },
      );
    });
    const after = await throttleState(ctx.db, ctx, { userKey, ipKey });
    throw after.locked ? authErrors.throttled(after.retryAfterSeconds) : authErrors.invalidCredentials();
  }
  const settings = await getSettings(ctx.db);
  const roles = await rolesOfUser(ctx.db, user.id);
  const isAdmin = ADMIN_PERMISSIONS.some((p) => roles.permissions.has(p));
  const secondFactor: SecondFactorState = user.totp_enabled
    ? 'pending'
    : settings.requireTotpForAdmins && isAdmin
      ? 'setup'
      : 'done';
  const { token, id } = newSessionToken();
  const csrfToken = newCsrfToken();
  await inTransaction(ctx, async (trx) => {
    await clearFailures(trx, userKey);
    await deleteFailures(trx, [reserved]);
    await insertSession(trx, { id, userId: user.id, csrfToken, secondFactor, at: ctx.clock.now().toISOString(), ip, userAgent });
    await recordAudit(
      { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: audit },
      { action: 'auth.login', entityType: 'user', entityId: user.id, details: { secondFactor } },
    );
  });
  return { token, csrfToken, secondFactor, userId: user.id };
}

/** Wrong codes allowed per account in the throttle window before the pending session is ended. */
const MAX_TOTP_FAILURES = 5;

/**
 * Second step of login: a TOTP code from the authenticator app (RFC 6238, 30 s steps, ±1 step).
 * Guessing is bounded: after five wrong codes in the window the pending session is revoked and the
 * account's second step is throttled like a password.
 */
export async function verifySecondFactor(
  ctx: Ctx,
  { sessionId, userId, code, audit }: { sessionId: string; userId: number; code: string; audit: AuditContext },
): Promise<void> {
  const key = `totp:${userId}`;
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000).toISOString();
  const before = lockState({ failures: await recentFailures(ctx.db, key, since), max: MAX_TOTP_FAILURES, windowMinutes: THROTTLE.windowMinutes, now });
  if (before.locked) {
    await revokeSession(ctx.db, sessionId, now.toISOString());
    throw authErrors.throttled(before.retryAfterSeconds);
  }
  const user = await ctx.db.selectFrom('users').select(['totp_secret', 'totp_enabled']).where('id', '=', userId).executeTakeFirstOrThrow();
  const valid = Boolean(user.totp_enabled && user.totp_secret && authenticator.check(code, user.totp_secret));
  await inTransaction(ctx, async (trx) => {
    if (valid) {
      await trx.updateTable('sessions').set({ second_factor: 'done' }).where('id', '=', sessionId).execute();
      await clearFailures(trx, key);
    } else {
      await addFailure(trx, key, now.toISOString());
    }
    await recordAudit(
      { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: audit },
      { action: valid ? 'auth.second_factor' : 'auth.second_factor_failed', entityType: 'user', entityId: userId },
    );
  });
  if (!valid) {
    throw authErrors.invalidTotp();
  }
}

/** Starts TOTP enrolment: a new secret, not active until a code from it is confirmed. */
export async function beginTotpSetup(
  ctx: Ctx,
  { userId, username, audit }: { userId: number; username: string; audit: AuditContext },
): Promise<{ secret: string; otpauthUrl: string }> {
  const current = await ctx.db.selectFrom('users').select('totp_enabled').where('id', '=', userId).executeTakeFirstOrThrow();
  if (current.totp_enabled) {
    // A live session alone must not be able to replace (and so switch off) an enrolled second factor.
    throw authErrors.totpAlreadyEnabled();
  }
  const secret = authenticator.generateSecret();
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('users').set({ totp_secret: secret, totp_enabled: 0 }).where('id', '=', userId).execute();
    await recordAudit({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: audit }, { action: 'auth.totp_setup_started', entityType: 'user', entityId: userId });
  });
  return { secret, otpauthUrl: authenticator.keyuri(username, 'vanphong', secret) };
}

export async function confirmTotpSetup(
  ctx: Ctx,
  { userId, sessionId, code, audit }: { userId: number; sessionId: string; code: string; audit: AuditContext },
): Promise<void> {
  const user = await ctx.db.selectFrom('users').select(['totp_secret']).where('id', '=', userId).executeTakeFirstOrThrow();
  if (!user.totp_secret || !authenticator.check(code, user.totp_secret)) {
    throw authErrors.invalidTotp();
  }
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('users').set({ totp_enabled: 1, updated_at: ctx.clock.now().toISOString() }).where('id', '=', userId).execute();
    await trx.updateTable('sessions').set({ second_factor: 'done' }).where('id', '=', sessionId).execute();
    await recordAudit({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: audit }, { action: 'auth.totp_enabled', entityType: 'user', entityId: userId });
  });
}

export async function logout(ctx: Ctx, { sessionId, userId, audit }: { sessionId: string; userId: number; audit: AuditContext }) {
  await inTransaction(ctx, async (trx) => {
    await revokeSession(trx, sessionId, ctx.clock.now().toISOString());
    await recordAudit({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: audit }, { action: 'auth.logout', entityType: 'user', entityId: userId });
  });
}

/** "Log out everywhere": revokes every session of the user, this one included. */
export async function logoutEverywhere(ctx: Ctx, { userId, audit }: { userId: number; audit: AuditContext }) {
  return inTransaction(ctx, async (trx) => {
    const revoked = await revokeSessionsOfUser(trx, userId, ctx.clock.now().toISOString());
    await recordAudit(
      { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: audit },
      { action: 'auth.logout_everywhere', entityType: 'user', entityId: userId, details: { revoked } },
    );
    return { revoked };
  });
}

/** Applies the password policy; throws `auth.weak_password` with the broken rules. */
export async function assertPasswordAcceptable(ctx: Ctx, { password, username }: { password: string; username: string }) {
  const settings = await getSettings(ctx.db);
  const problems = passwordProblems({ password, username, minLength: settings.passwordMinLength });
  if (problems.length > 0) {
    throw authErrors.weakPassword(problems);
  }
}

export async function changeOwnPassword(
  ctx: Ctx,
  { userId, username, sessionId, currentPassword, newPassword, audit }: {
    userId: number;
    username: string;
    sessionId: string;
    currentPassword: string;
    newPassword: string;
    audit: AuditContext;
  },
) {
  const user = await ctx.db.selectFrom('users').select(['password_hash']).where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw authErrors.invalidCredentials();
  }
  await assertPasswordAcceptable(ctx, { password: newPassword, username });
  const hash = await hashPassword(newPassword);
  await inTransaction(ctx, async (trx) => {
    const at = ctx.clock.now().toISOString();
    await trx.updateTable('users').set({ password_hash: hash, must_change_password: 0, password_changed_at: at, updated_at: at }).where('id', '=', userId).execute();
    // Other sessions end: whoever knew the old password is out.
    await trx.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('id', '!=', sessionId).where('revoked_at', 'is', null).execute();
    await recordAudit({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: audit }, { action: 'auth.password_changed', entityType: 'user', entityId: userId });
  });
}
