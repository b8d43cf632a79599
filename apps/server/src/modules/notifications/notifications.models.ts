/**
 * In-app notifications (issue 3 §5: urgent documents notify at once; deadline reminders). Pure rules
 * for what another module may put into a user's inbox.
 */
export interface NotificationInput {
  userId: number;
  /** Dotted, module first: `incoming.presented`, `incoming.deadline_soon`. */
  kind: string;
  entityType: string;
  entityId: string | number;
  title: string;
  body?: string;
  /** A path inside the application ("/incoming/12"); the web renders it as a link. */
  url?: string;
  /** Same key twice → one notification (reminders: `incoming.due:<id>:<user>:<date>`). */
  dedupeKey?: string | null;
}

export const TITLE_MAX = 300;
export const BODY_MAX = 2000;
const KEY_MAX = 200;

/** NFC, trimmed, and cut with an ellipsis: titles are often built from a trích yếu of any length. */
export function clip(text: string, max: number): string {
  const t = text.normalize('NFC').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Only same-origin paths: a notification link is clicked by someone trusting the application, so
 * no `https://elsewhere`, `//elsewhere` or `javascript:`.
 */
export const isAppPath = (url: string): boolean =>
  // eslint-disable-next-line no-control-regex
  url === '' || (/^\/(?![/\\])/.test(url) && !/[\s\u0000-\u001f]/.test(url));

/** The first thing wrong with an input, as `[field, message]`, or null. */
export function problemOf(item: NotificationInput): [string, string] | null {
  if (!Number.isInteger(item.userId) || item.userId <= 0) {
    return ['userId', 'must be a user id'];
  }
  for (const field of ['kind', 'entityType'] as const) {
    if (!/^[a-z][a-z0-9_.-]{0,99}$/.test(item[field])) {
      return [field, 'must be a lower-case code'];
    }
  }
  if (String(item.entityId).trim() === '') {
    return ['entityId', 'required'];
  }
  if (item.title.trim() === '') {
    return ['title', 'required'];
  }
  if (!isAppPath(item.url ?? '')) {
    return ['url', 'must be a path inside the application'];
  }
  if (item.dedupeKey != null && (item.dedupeKey === '' || item.dedupeKey.length > KEY_MAX)) {
    return ['dedupeKey', `must be 1–${KEY_MAX} characters`];
  }
  return null;
}
