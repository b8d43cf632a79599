/**
 * Handling deadlines of incoming documents (issue 3 §5, spec §9): a default per document type and
 * urgency counted in working days on the office calendar, and the due-soon / overdue flags.
 */
import type { Kysely } from 'kysely';
import { URGENCIES, type Urgency } from '@vanphong/contracts';
import { recordAudit, systemAuditContext, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/errors.ts';
import type { Actor } from '../auth/auth.models.ts';
import { loadWorkingCalendar } from '../calendar/calendar.usecases.ts';
import { addCalendarDays, addWorkingDays, type WorkingCalendar } from '../calendar/calendar.workdays.ts';
import { findDocumentType } from '../settings/settings.repository.ts';

type Db = Kysely<Database>;
type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

/**
 * "Due soon" = the deadline is at most this many working days ahead (today and a deadline on a day off
 * in between included). A constant rather than a setting until an office asks to change it [?].
 */
export const DUE_SOON_WORKING_DAYS = 2;

/** Finished documents are never flagged: done, filed for information, recalled (thu hồi). */
export const CLOSED_INCOMING_STATUSES: readonly string[] = ['done', 'filed', 'cancelled'];

export interface DeadlineRule {
  documentTypeId: number | null;
  urgency: Urgency | null;
  workingDays: number;
}

/** The rule's unique key, NULLs included: "t12-uurgent", "t*-uflash", "t*-u*". */
export const deadlineRuleKey = (r: Pick<DeadlineRule, 'documentTypeId' | 'urgency'>): string =>
  `t${r.documentTypeId ?? '*'}-u${r.urgency ?? '*'}`;

/**
 * The most specific rule for a document: type and urgency, then type alone, then urgency alone, then the
 * default (neither). Null when none applies — the document then has no deadline until a leader sets one.
 */
export function pickDeadlineRule(
  rules: readonly DeadlineRule[],
  doc: { documentTypeId: number | null; urgency: Urgency },
): DeadlineRule | null {
  const byKey = new Map(rules.map((r) => [deadlineRuleKey(r), r]));
  const t = doc.documentTypeId;
  const candidates = [
    t === null ? null : deadlineRuleKey({ documentTypeId: t, urgency: doc.urgency }),
    t === null ? null : deadlineRuleKey({ documentTypeId: t, urgency: null }),
    deadlineRuleKey({ documentTypeId: null, urgency: doc.urgency }),
    deadlineRuleKey({ documentTypeId: null, urgency: null }),
  ];
  for (const key of candidates) {
    const rule = key === null ? undefined : byKey.get(key);
    if (rule) {
      return rule;
    }
  }
  return null;
}

export async function listDeadlineRules(db: Db): Promise<DeadlineRule[]> {
  const rows = await db.selectFrom('incoming_deadline_rules').selectAll().execute();
  return rows.map((r) => ({
    documentTypeId: r.document_type_id,
    urgency: r.urgency as Urgency | null,
    workingDays: r.working_days,
  }));
}

/**
 * The default handling deadline of a document arriving on `arrivalDate`: the n-th working day after
 * it (n = 0: the same day, or the next working day when it arrives on a day off). Null without a rule.
 */
// Registration asks for the same few answers all day: (arrival date, type, urgency) → deadline, kept a
// minute per database; a rule change in this process clears it at once, in another within the minute.
const deadlineMemo = new WeakMap<object, Map<string, { at: number; value: string | null }>>();

export async function defaultDeadline(
  db: Db,
  doc: { arrivalDate: string; documentTypeId: number | null; urgency: Urgency },
): Promise<string | null> {
  const memo = deadlineMemo.get(db) ?? new Map<string, { at: number; value: string | null }>();
  deadlineMemo.set(db, memo);
  const key = `${doc.arrivalDate}|${doc.documentTypeId}|${doc.urgency}`;
  const hit = memo.get(key);
  if (hit && Date.now() - hit.at < 60_000) {
    return hit.value;
  }
  const value = await computeDefaultDeadline(db, doc);
  if (memo.size > 1_000) {
    memo.clear();
  }
  memo.set(key, { at: Date.now(), value });
  return value;
}

async function computeDefaultDeadline(
  db: Db,
  doc: { arrivalDate: string; documentTypeId: number | null; urgency: Urgency },
): Promise<string | null> {
  const rule = pickDeadlineRule(await listDeadlineRules(db), doc);
  if (!rule) {
    return null;
  }
  // n working days span at most 7n/5 calendar days plus the days off in between (Tết: up to ~9).
  const to = addCalendarDays(doc.arrivalDate, Math.ceil((rule.workingDays * 7) / 5) + 31);
  const calendar = await loadWorkingCalendar(db, { from: doc.arrivalDate, to });
  return addWorkingDays(doc.arrivalDate, rule.workingDays, calendar);
}

/**
 * The last date still "due soon" seen from `today` (inclusive): the day before the (N+1)-th working day.
 * For SQL filters: due soon ⇔ today ≤ deadline ≤ limit; overdue ⇔ deadline < today.
 */
export function dueSoonLimit(calendar: WorkingCalendar, today: string, days = DUE_SOON_WORKING_DAYS): string {
  return addCalendarDays(addWorkingDays(today, days + 1, calendar), -1);
}

/**
 * The flags of one document. Overdue: the deadline day has passed (the deadline day itself is on time).
 * The calendar must cover `today` to about a month ahead (`deadlineWindow` loads it).
 */
export function dueFlags(
  calendar: WorkingCalendar,
  today: string,
  deadline: string | null,
  status: string,
): { overdue: boolean; dueSoon: boolean } {
  if (!deadline || CLOSED_INCOMING_STATUSES.includes(status)) {
    return { overdue: false, dueSoon: false };
  }
  if (deadline < today) {
    return { overdue: true, dueSoon: false };
  }
  return { overdue: false, dueSoon: deadline <= dueSoonLimit(calendar, today) };
}

/** Today's calendar window for flags and filters: `{ today, soonLimit, calendar }`. */
export async function deadlineWindow(
  db: Db,
  today: string,
): Promise<{ today: string; soonLimit: string; calendar: WorkingCalendar }> {
  const calendar = await loadWorkingCalendar(db, { from: today, to: addCalendarDays(today, 45) });
  return { today, soonLimit: dueSoonLimit(calendar, today), calendar };
}

/* ---------- editing the rules ---------- */

export interface By {
  actor: Actor | null;
  audit: AuditContext;
}

const ruleField = (code: string, path: string, message: string) =>
  badRequest(`incoming.deadline_rules.${code}`, message, [{ path, message }]);

/** Canonical order: the default, then urgency-only rules, then per type; urgencies in their scale order. */
export function sortDeadlineRules<T extends DeadlineRule>(rules: T[]): T[] {
  const u = (r: DeadlineRule) => (r.urgency === null ? -1 : URGENCIES.indexOf(r.urgency));
  return [...rules].sort(
    (a, b) =>
      Number(a.documentTypeId !== null) - Number(b.documentTypeId !== null) ||
      (a.documentTypeId ?? 0) - (b.documentTypeId ?? 0) ||
      u(a) - u(b),
  );
}

const summary = (rules: DeadlineRule[]) =>
  sortDeadlineRules(rules).map((r) => ({ key: deadlineRuleKey(r), workingDays: r.workingDays }));

/**
 * Replaces the whole rule set in one transaction (the screen edits a table and saves it). Each type must
 * exist and each (type, urgency) pair appear once. The audit event holds the set before and after.
 */
export async function replaceDeadlineRules(ctx: Ctx, by: By, rules: DeadlineRule[]): Promise<DeadlineRule[]> {
  deadlineMemo.delete(ctx.db);
  const seen = new Map<string, number>();
  for (const [i, r] of rules.entries()) {
    const key = deadlineRuleKey(r);
    if (seen.has(key)) {
      throw ruleField('duplicate', `rules.${i}`, `same document type and urgency as rules.${seen.get(key)}`);
    }
    seen.set(key, i);
  }
  await inTransaction(ctx, async (trx) => {
    for (const [i, r] of rules.entries()) {
      if (r.documentTypeId !== null && !(await findDocumentType(trx, r.documentTypeId))) {
        throw ruleField('unknown_document_type', `rules.${i}.documentTypeId`, 'no such document type');
      }
    }
    const before = summary(await listDeadlineRules(trx));
    const after = summary(rules);
    if (JSON.stringify(before) === JSON.stringify(after)) {
      return;
    }
    await trx.deleteFrom('incoming_deadline_rules').execute();
    await insertRules(trx, rules);
    await recordAudit(
      { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit },
      { action: 'incoming.deadline_rules.replaced', entityType: 'incoming_deadline_rules', details: { before, after } },
    );
  });
  deadlineMemo.delete(ctx.db);
  return sortDeadlineRules(await listDeadlineRules(ctx.db));
}

async function insertRules(trx: Trx, rules: DeadlineRule[]): Promise<void> {
  if (rules.length === 0) {
    return;
  }
  await trx
    .insertInto('incoming_deadline_rules')
    .values(
      rules.map((r) => ({
        rule_key: deadlineRuleKey(r),
        document_type_id: r.documentTypeId,
        urgency: r.urgency,
        working_days: r.workingDays,
      })),
    )
    .execute();
}

const SEEDED = 'incoming.deadline_rules.seeded';
const REPLACED = 'incoming.deadline_rules.replaced';

/**
 * Writes the default rules once per installation — also into databases created before incoming
 * documents existed. An empty set is left empty when an administrator emptied it (a `replaced` event
 * exists) or the defaults were already written once (`seeded`); the audit index on action makes the
 * check one lookup.
 */
export async function ensureDefaultDeadlineRules(ctx: Ctx, defaults: DeadlineRule[]): Promise<{ seeded: boolean }> {
  const decided = async (db: Db) =>
    Boolean(await db.selectFrom('incoming_deadline_rules').select('id').limit(1).executeTakeFirst()) ||
    Boolean(await db.selectFrom('audit_events').select('id').where('action', 'in', [SEEDED, REPLACED]).limit(1).executeTakeFirst());
  if (await decided(ctx.db)) {
    return { seeded: false };
  }
  return inTransaction(ctx, async (trx) => {
    // Two processes starting together: the second waits here, then finds the rules.
    await ctx.dialect.lockKey(trx, 'seed.incoming_deadline_rules');
    if (await decided(trx)) {
      return { seeded: false };
    }
    await insertRules(trx, defaults);
    await recordAudit(
      { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: systemAuditContext('seed') },
      { action: SEEDED, entityType: 'incoming_deadline_rules', details: { rules: summary(defaults) } },
    );
    return { seeded: true };
  });
}
