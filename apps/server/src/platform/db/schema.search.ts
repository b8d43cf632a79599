/** Table types of the search index and extracted texts (migration 0010; issue 7). */

export interface SearchEntriesTable {
  /** bigint: day number × 2^32 + kind code × 2^28 + ref_id (search.index.ts); read back with Number(). */
  id: number | string;
  kind: string;
  ref_id: number;
  committee_id: number | null;
  sort_date: string;
  notation_folded: string | null;
  indexed_at: string;
}

export interface FileTextsTable {
  file_id: number;
  /** queued | running | done | failed | unavailable */
  status: string;
  /** text-layer | ocr | docx | plain | none */
  method: string;
  pages: number;
  pages_done: number;
  legacy_encoding: string | null;
  text: string;
  searchable_file_id: number | null;
  message: string | null;
  attempts: number;
  locked_by: string | null;
  locked_at: string | null;
  updated_at: string;
}
