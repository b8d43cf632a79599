import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth, so the same row always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface ChainedFields {
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  details: string;
}

/** hash(n) = SHA-256(hash(n-1) ‖ "\n" ‖ canonical(row n)). */
export function chainHash(prevHash: string, row: ChainedFields): string {
  const canonical = canonicalJson({
    seq: row.seq,
    at: row.at,
    actor_user_id: row.actor_user_id,
    actor_name: row.actor_name,
    action: row.action,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    ip: row.ip,
    details: row.details,
  });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export const GENESIS_HASH = '0'.repeat(64);
