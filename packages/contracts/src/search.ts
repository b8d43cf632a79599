import { z } from 'zod';
import { dbId, isoDate } from './common.ts';
import { secrecy, urgency } from './incoming.ts';

/**
 * One search across the office (issue 7): incoming and outgoing documents now, tasks and later modules
 * through the same source interface. Vietnamese folding on index and query (lower case, tones removed,
 * đ→d, NFC); a notation-shaped query ("12-CV/TU", "30/2020/NĐ-CP") is an exact notation lookup.
 */
export const SEARCH_KINDS = ['incoming', 'outgoing', 'task'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_SORTS = ['relevance', 'date_desc', 'date_asc'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** `GET /api/search`. Without `q`, the filters alone list the newest matching records. */
export const searchQuery = z
  .object({
    q: z.string().trim().max(200).default(''),
    kind: z.enum(SEARCH_KINDS).optional(),
    documentTypeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    /** The issuing body's name, exactly as a facet value gives it. */
    issuer: z.string().trim().min(1).max(200).optional(),
    year: z.coerce.number().int().min(1945).max(2999).optional(),
    status: z.string().trim().min(1).max(40).optional(),
    secrecy: secrecy.optional(),
    sort: z.enum(SEARCH_SORTS).default('relevance'),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    /** Paging stays inside the counted matches (`cap`). */
    offset: z.coerce.number().int().min(0).max(980).default(0),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuery>;

/** A highlighted span of `snippet`: [start, length] in UTF-16 code units. */
export const highlight = z.tuple([z.number().int().min(0), z.number().int().min(1)]);

export const searchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: dbId,
  title: z.string(),
  notation: z.string().nullable(),
  snippet: z.string(),
  highlights: z.array(highlight),
  /** Where the words were found: in the record's own fields, or only in the text of its files. */
  matchedIn: z.enum(['metadata', 'text', 'notation', 'none']),
  date: isoDate.nullable(),
  documentTypeId: dbId.nullable(),
  documentTypeName: z.string().nullable(),
  issuerName: z.string().nullable(),
  status: z.string(),
  secrecy: secrecy,
  urgency: urgency.nullable(),
  /** Path of the record's page in the web application. */
  url: z.string(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const facetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int().min(0) });
export type FacetValue = z.infer<typeof facetValue>;

export const searchFacets = z.object({
  kind: z.array(facetValue),
  documentType: z.array(facetValue),
  issuer: z.array(facetValue),
  year: z.array(facetValue),
  status: z.array(facetValue),
  secrecy: z.array(facetValue),
});
export type SearchFacets = z.infer<typeof searchFacets>;

export const searchResult = z.object({
  /** Visible matches, counted up to `cap`; beyond it `totalCapped` is true and the total reads "1 000+". */
  total: z.number().int().min(0),
  totalCapped: z.boolean(),
  cap: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(searchHit),
  /** Counted over the same visible matches as `total` (the first `cap` of them when capped). */
  facets: searchFacets,
  /** How the query was read: full text (with its folded tokens) or a notation lookup. */
  mode: z.enum(['text', 'notation', 'filters']),
  tookMs: z.number(),
});
export type SearchResult = z.infer<typeof searchResult>;

/** Text extraction of a stored file (background job): status and progress. */
export const EXTRACTION_STATUSES = ['queued', 'running', 'done', 'failed', 'unavailable'] as const;
export type ExtractionStatus = (typeof EXTRACTION_STATUSES)[number];
export const EXTRACTION_METHODS = ['text-layer', 'ocr', 'docx', 'plain', 'none'] as const;
export type ExtractionMethod = (typeof EXTRACTION_METHODS)[number];

export const fileTextView = z.object({
  fileId: dbId,
  status: z.enum(EXTRACTION_STATUSES),
  method: z.enum(EXTRACTION_METHODS),
  pages: z.number().int().min(0),
  pagesDone: z.number().int().min(0),
  /** 'tcvn3' or 'vni' when the text was converted from a legacy encoding; null otherwise. */
  legacyEncoding: z.enum(['tcvn3', 'vni']).nullable(),
  chars: z.number().int().min(0),
  /** A searchable PDF (OCR text layer) kept beside the original, where ocrmypdf is installed. */
  searchablePdfFileId: dbId.nullable(),
  /** Why extraction failed or is unavailable (a missing tool names itself). */
  message: z.string().nullable(),
  updatedAt: z.string(),
});
export type FileTextView = z.infer<typeof fileTextView>;

/** What the installation can extract with: each tool found on the machine or not. */
export const extractionTools = z.object({
  pdftotext: z.boolean(),
  pdftoppm: z.boolean(),
  tesseract: z.boolean(),
  tesseractVietnamese: z.boolean(),
  ocrmypdf: z.boolean(),
});
export type ExtractionTools = z.infer<typeof extractionTools>;

export const searchStatus = z.object({
  entries: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
  extraction: z.record(z.enum(EXTRACTION_STATUSES), z.number().int()),
  tools: extractionTools,
});

/** A field read from the first page: its value (null when not found) and a confidence in [0, 1]. */
export const capturedField = <T extends z.ZodTypeAny>(value: T) =>
  z.object({ value: value.nullable(), confidence: z.number().min(0).max(1), source: z.string().nullable() });

export const capturedFields = z.object({
  /** Cơ quan cấp trên (the line above the issuer, e.g. "ĐẢNG BỘ TỈNH HỒNG LAM", "UBND TỈNH …"). */
  superiorBody: capturedField(z.string()),
  /** Cơ quan ban hành, as printed ("TỈNH ỦY", "BAN TỔ CHỨC TỈNH ỦY"). */
  issuerName: capturedField(z.string()),
  /** The issuer matched in the directory of organisations, when one is. */
  issuerId: capturedField(dbId),
  /** "12-CV/TU", "30/2020/NĐ-CP" — as `POST /api/incoming` expects it. */
  notation: capturedField(z.string()),
  number: capturedField(z.number().int()),
  place: capturedField(z.string()),
  documentDate: capturedField(isoDate),
  /** The type's name as printed ("THÔNG BÁO"), or "Công văn" for a V/v line. */
  documentTypeName: capturedField(z.string()),
  documentTypeId: capturedField(dbId),
  /** Trích yếu, or the text after "V/v". */
  summary: capturedField(z.string()),
  urgency: capturedField(urgency),
  secrecy: capturedField(secrecy),
  signer: capturedField(z.string()),
});
export type CapturedFields = z.infer<typeof capturedFields>;

/**
 * `POST /api/capture/extract` (multipart `file`): its first page read. On the isolated LAN the file is also
 * stored (encrypted) for the registration to attach; on a networked profile nothing is stored (`file: null`):
 * the clerk confirms the secrecy first and the web uploads the file with the registration only when the
 * document is not secret (spec §3: no secret content on a networked installation, and a mark the reading
 * missed must not leave a stored scan behind).
 */
export const captureResult = z.object({
  file: z.object({ id: dbId, originalName: z.string(), contentType: z.string(), size: z.number().int() }).nullable(),
  method: z.enum(EXTRACTION_METHODS),
  /** The first page's text as read (after legacy-encoding conversion and NFC). */
  text: z.string(),
  legacyEncoding: z.enum(['tcvn3', 'vni']).nullable(),
  fields: capturedFields,
  /** Missing tools or unreadable pages, said plainly; the clerk then types what could not be read. */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type CaptureResult = z.infer<typeof captureResult>;
