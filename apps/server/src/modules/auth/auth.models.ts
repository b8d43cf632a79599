import type { Clearance, Permission } from '@vanphong/contracts';
import { CLEARANCES } from '@vanphong/contracts';

/** The person acting, as every policy sees them. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: string[];
  permissions: ReadonlySet<string>;
  clearance: Clearance;
  scopeCommitteeId: number | null;
  scopeAgencyId: number | null;
  sessionId: string | null;
}

export const can = (actor: Actor | null, permission: Permission): boolean =>
  actor !== null && actor.permissions.has(permission);

/** Mật < Tối mật < Tuyệt mật: a reader needs a clearance at least as high as the document's level. */
export const clearanceRank = (c: Clearance): number => CLEARANCES.indexOf(c);
export const hasClearance = (actor: Actor, level: Clearance): boolean =>
  clearanceRank(actor.clearance) >= clearanceRank(level);

/** Throttling (issue 2 §5): per account and per source address, within a sliding window. */
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 30,
} as const;

/** Whether an account with this many failures in the window is locked, and until when. */
export function lockState({
  failures,
  max,
  windowMinutes,
  now,
}: {
  failures: string[];
  max: number;
  windowMinutes: number;
  now: Date;
}): { locked: boolean; retryAfterSeconds: number } {
  if (failures.length < max) {
    return { locked: false, retryAfterSeconds: 0 };
  }
  const sorted = [...failures].sort();
  // Unlocks when enough failures age out of the window to fall below the limit.
  const pivot = sorted[sorted.length - max] as string;
  const unlockAt = new Date(pivot).getTime() + windowMinutes * 60_000;
  const retry = Math.ceil((unlockAt - now.getTime()) / 1000);
  return retry > 0 ? { locked: true, retryAfterSeconds: retry } : { locked: false, retryAfterSeconds: 0 };
}

/** Password policy (issue 2 §5). Returns the list of broken rules, empty when the password is acceptable. */
export function passwordProblems({
  password,
  username,
  minLength,
}: {
  password: string;
  username: string;
  minLength: number;
}): string[] {
  const problems: string[] = [];
  if ([...password].length < minLength) {
    problems.push('too_short');
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('contains_username');
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const hasNonAscii = [...password].some((ch) => (ch.codePointAt(0) ?? 0) > 0x7f);
  if (classes < 2 && !hasNonAscii) {
    problems.push('too_simple');
  }
  if (COMMON.has(password.toLowerCase())) {
    problems.push('too_common');
  }
  return problems;
}

const COMMON = new Set([
  '1234567890',
  '12345678910',
  'password123',
  'matkhau123',
  'admin12345',
  'qwertyuiop',
  '1111111111',
  'abc1234567',
  'vanphong123',
]);
