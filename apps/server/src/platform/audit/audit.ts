import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Dialect } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import { canonicalJson, chainHash, GENESIS_HASH } from './audit.canonical.ts';

/** Who did it and from where; built once per request (or per CLI run). */
export interface AuditContext {
  actorUserId: number | null;
  actorName: string;
  ip: string | null;
}

export const systemAuditContext = (name = 'system'): AuditContext => ({ actorUserId: null, actorName: name, ip: null });

export interface AuditEventInput {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one event to the hash chain **inside the caller's transaction**, so the event exists if and
 * only if the change does. The head row is locked (PostgreSQL) so concurrent writers from several
 * processes chain one after another; SQLite serialises writers anyway.
 */
export async function recordAudit(
  { trx, dialect, clock, ctx }: { trx: Transaction<Database>; dialect: Dialect; clock: Clock; ctx: AuditContext },
  event: AuditEventInput,
): Promise<{ seq: number }> {
  const head = await dialect
    .forUpdate(trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1))
    .executeTakeFirstOrThrow();
  const row = {
    seq: head.seq + 1,
    at: clock.now().toISOString(),
    actor_user_id: ctx.actorUserId,
    actor_name: ctx.actorName,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId == null ? null : String(event.entityId),
    ip: ctx.ip,
    details: canonicalJson(event.details ?? {}),
  };
  const hash = chainHash(head.hash, row);
  await trx.insertInto('audit_events').values({ ...row, prev_hash: head.hash, hash }).execute();
  await trx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
  return { seq: row.seq };
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; seq: number; reason: string } | null;
}

/**
 * Walks the chain in order and names the first row whose hash or link does not hold. The head is read
 * first: rows appended while the walk runs (the server keeps working) are outside this check, and the
 * rows up to the head must all be there, the last one carrying the head's hash.
 */
export async function verifyAuditChain(db: Kysely<Database>, batch = 2000): Promise<VerifyResult> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const lastSeq = head?.seq ?? Number.MAX_SAFE_INTEGER;
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  while (expectedSeq <= lastSeq) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .where('seq', '<=', lastSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) {
      break;
    }
    for (const r of rows) {
      const broken = (reason: string): VerifyResult => ({
        ok: false,
        checked,
        firstBroken: { id: r.id, seq: r.seq, reason },
      });
      if (r.seq !== expectedSeq) {
        return broken(`missing row before seq ${r.seq} (expected ${expectedSeq})`);
      }
      if (r.prev_hash !== prev) {
        return broken('prev_hash does not match the previous row');
      }
      if (chainHash(prev, r) !== r.hash) {
        return broken('content does not match its hash');
      }
      prev = r.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
  if (head && (checked !== head.seq || head.hash !== prev)) {
    return {
      ok: false,
      checked,
      firstBroken: { id: -1, seq: expectedSeq, reason: 'rows after the last intact one were removed (head mismatch)' },
    };
  }
  return { ok: true, checked, firstBroken: null };
}
