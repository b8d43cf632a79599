import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import { getSettings } from '../settings/settings.repository.ts';
import type { Actor } from './auth.models.ts';
import { actorFromSessionRow, findSessionWithUser, revokeSession, touchSession, type SessionRow } from './auth.repository.ts';

export const SESSION_COOKIE = 'vp_session';

/** The cookie holds a random token; the database holds only its SHA-256, so a stolen backup opens nothing. */
export const newSessionToken = (): { token: string; id: string } => {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
};
export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newCsrfToken = (): string => randomBytes(24).toString('base64url');

export interface ResolvedSession {
  row: SessionRow;
  /** Null while the second factor is pending or must be set up. */
  actor: Actor | null;
}

const TOUCH_EVERY_MS = 60_000;

/** Finds a live session: not revoked, not idle past the limit, not older than the absolute limit, user enabled. */
export async function resolveSession({
  db,
  clock,
  token,
}: {
  db: Kysely<Database>;
  clock: Clock;
  token: string;
}): Promise<ResolvedSession | null> {
  const row = await findSessionWithUser(db, sessionIdOf(token));
  if (!row || row.revoked_at || row.disabled) {
    return null;
  }
  const settings = await getSettings(db);
  const now = clock.now();
  const idleMs = now.getTime() - new Date(row.last_seen_at).getTime();
  const ageMs = now.getTime() - new Date(row.created_at).getTime();
  if (idleMs > settings.sessionIdleMinutes * 60_000 || ageMs > settings.sessionAbsoluteHours * 3_600_000) {
    await revokeSession(db, row.session_id, now.toISOString());
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) {
    await touchSession(db, row.session_id, now.toISOString());
  }
  const actor = row.second_factor === 'done' ? await actorFromSessionRow(db, row) : null;
  return { row, actor };
}
