import type { Generated } from 'kysely';

/** Table type of the bulk import's row ledger (migration 0011; issue 7 §5). */

export interface ImportRowsTable {
  id: Generated<number>;
  /** The batch (`--batch`, by default the file's name). */
  batch_key: string;
  /** The row's identity: SHA-256 of its normalised fields, `#n` for the n-th identical row of the file. */
  row_key: string;
  /** Row number in the file (1 = header row), as last seen. */
  row_number: number;
  /** done | failed */
  status: string;
  incoming_id: number | null;
  /** JSON `[{ field, message }]` of the last failed attempt; null when done. */
  error: string | null;
  created_by: number | null;
  created_at: string;
}
