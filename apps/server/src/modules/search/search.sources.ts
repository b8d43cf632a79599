import type { SearchKind, SearchQuery } from '@vanphong/contracts';
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { AnyDb } from '../../platform/db/dialect.ts';
import type { Database, SearchEntriesTable } from '../../platform/db/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../auth/auth.models.ts';

/**
 * What a module gives the search (issue 7: "later modules plug in through the same interface"). The
 * search keeps one index row per record (`search_entries`, kind + ref_id); everything about who may see
 * a record, and what it looks like, stays with its module.
 */
export interface IndexDoc {
  refId: number;
  committeeId: number | null;
  /** The record's own date (YYYY-MM-DD): the order of "newest first". */
  date: string;
  notation: string | null;
  /** The record's own fields (title, notation, issuer…): matches here rank above matches in text. */
  fields: (string | null)[];
  /** Body text the module holds itself (a drafted body), indexed like extracted text. */
  body: string;
  /** Stored files whose extracted text belongs to the record. */
  fileIds: number[];
  /** Every file the record holds (earlier versions too): their extracted text goes when the record turns secret. */
  ownedFileIds: number[];
  /**
   * Secret records (Mật and above): their files are not extracted, so no secret content lands in the
   * database in clear text or in the index (on the isolated LAN the files themselves are encrypted).
   */
  secret: boolean;
}

/** One record as a result shows it; also what facets count. */
export interface Described {
  refId: number;
  title: string;
  notation: string | null;
  date: string | null;
  year: number | null;
  documentTypeId: number | null;
  documentTypeName: string | null;
  issuerName: string | null;
  status: string;
  statusLabel: string;
  secrecy: string;
  urgency: string | null;
  url: string;
}

export type Filters = Pick<SearchQuery, 'documentTypeId' | 'issuer' | 'year' | 'status' | 'secrecy'>;

/** The database as a search query sees it: `search_entries as e` joined to the modules' tables. */
export type SearchDb = Database & { e: SearchEntriesTable };

/** A predicate on `search_entries as e`: true for the entries of this kind that the caller may see and the filters keep. */
export type EntryPredicate = (eb: ExpressionBuilder<SearchDb, 'e'>) => Expression<SqlBool>;

export interface SearchSource {
  kind: SearchKind;
  /** 1–15: part of the entry id (search.index.ts). Never change a shipped code. */
  code: number;
  /** Vietnamese label of the kind, for facets. */
  label: string;
  /** The index rows of these records; a missing id means the record is gone (its entry is removed). */
  load(db: AnyDb, ids: number[]): Promise<IndexDoc[]>;
  /** Ids after `afterId`, ascending, for a full rebuild. */
  idsAfter(db: AnyDb, afterId: number, limit: number): Promise<number[]>;
  /** The records whose index holds the text of this file. */
  ownersOfFile(db: AnyDb, fileId: number): Promise<number[]>;
  /** Null when the caller may not read this kind at all (the kind then contributes nothing, not even a count). */
  visibility(ctx: AppContext, actor: Actor, filters: Filters): Promise<EntryPredicate | null>;
  /** Display columns of the given (visible) records; `now` for statuses computed from dates (tasks). */
  describe(db: Kysely<Database>, ids: number[], now: Date): Promise<Described[]>;
  /** Body and extracted text of the given records, for snippets. */
  bodies(db: Kysely<Database>, ids: number[]): Promise<Map<number, string>>;
}

/** Runs `fn` over `ids` in chunks that stay under both engines' parameter limits. */
export async function inChunks<T>(ids: number[], fn: (chunk: number[]) => Promise<T[]>, size = 900): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) {
    out.push(...(await fn(ids.slice(i, i + size))));
  }
  return out;
}
